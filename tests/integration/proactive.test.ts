import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { saveConfirmedAccount } from "~/domain/accounts/account-store.server";
import { saveProfile } from "~/domain/accounts/profile.server";
import { mailPendingNotifications } from "~/mail/notification-mail.server";
import { mailPendingOffers } from "~/mail/offer-mail.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import { testPersonInn, testSnils } from "~/domain/identity/test-data";
import type { IndicatorValue } from "~/domain/indicators/compute";
import { indicatorsForPeriod } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import type { LifeEvent } from "~/domain/proactive/life-events";
import { confirmOffer, countOpenOffers, declineOffer, getOffer, listOffers } from "~/domain/proactive/offers.server";
import { regionDate } from "~/domain/region/clock";
import { seedDemoData } from "../../seeds/demo";
import { receiveLifeEvent } from "../support/life-events";
import { createTestDatabase } from "./test-database";

/*
 * What life events become (docs/proactive.md), on a real database: every seeded rule, a replay that
 * changes nothing, declining within and after the window, confirming an offer into exactly one case,
 * offers waiting for a person who registers later, and the indicators moving with the live data.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
let parent: string;
const PARENT = { snils: testSnils(1), lastName: "Смирнова", firstName: "Елена", birthDate: "1989-04-12" };
const NOW = new Date("2026-12-02T09:00:00Z");
const DAY = 24 * 3600 * 1000;
let sequence = 0;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  parent = (await db.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } })).id;
});
afterAll(() => dispose());

const eventId = () => `test-${++sequence}`;
const occurredAt = "2026-12-01T10:00:00+03:00";
const pregnancy = (person = PARENT): LifeEvent => ({
  eventId: eventId(),
  occurredAt,
  type: "pregnancy",
  person,
  registeredOn: "2026-11-30",
});
const birth = (birthOrder: number, person = PARENT): LifeEvent => ({
  eventId: eventId(),
  occurredAt,
  type: "birth",
  parent: person,
  child: {
    lastName: "Смирнов",
    firstName: "Илья",
    birthDate: "2026-11-28",
    birthCertificate: `I-ИЗ ${String(700000 + sequence)}`,
    birthOrder,
  },
});
const largeFamily = (person = PARENT): LifeEvent => ({
  eventId: eventId(),
  occurredAt,
  type: "benefit-status",
  person,
  category: "large-family",
  validFrom: "2026-12-01",
});

const serviceOf = (offer: { ruleCode: string }) => offer.ruleCode;
const offerRow = (id: string) => db.proactiveOffer.findUniqueOrThrow({ where: { id }, include: { application: true } });

describe("each seeded rule", () => {
  it("a pregnancy assigns the food allowance: a case in the ministry's queue at once, channel proactive", async () => {
    const { outcome } = await receiveLifeEvent(db, pregnancy(), NOW);
    expect(outcome.offers.map((o) => [o.ruleCode, o.mode])).toEqual([["pregnancy-nutrition", "assign"]]);
    const offer = await offerRow(outcome.offers[0]!.id);
    expect(offer).toMatchObject({ status: "assigned", userId: parent, serviceCode: "58-HLT-004" });
    expect(offer.answerBy.toISOString()).toBe("2026-12-12T20:59:59.999Z");
    const application = offer.application!;
    const service = await db.service.findUniqueOrThrow({
      where: { code: "58-HLT-004" },
      include: { department: true },
    });
    expect(application).toMatchObject({
      status: "sent",
      channel: "proactive",
      applicantId: parent,
      applicantName: "Смирнова Елена",
      departmentId: service.departmentId,
      serviceId: service.id,
      receivedAt: NOW,
      municipality: "56701000",
    });
    expect(application.number).toMatch(/^58-2026-\d{7}-\d$/);
    expect(application.sequence).toBeGreaterThan(0);
    // 10 working days from Wednesday 2 December 2026.
    expect(application.deadline).toBe("2026-12-16");
    expect(JSON.parse(application.answers)).toMatchObject({ applicantSnils: PARENT.snils, status: "pregnant" });
    const events = await db.applicationEvent.findMany({
      where: { applicationId: application.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.command, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ["submit", "draft", "registered", "system"],
      ["forward", "registered", "sent", "system"],
    ]);
    const notifications = await db.notification.findMany({ where: { applicationId: application.id } });
    expect(notifications.map((n) => [n.userId, n.status])).toEqual([[parent, "sent"]]);
    const stats = await db.statEvent.findMany({ where: { applicationRef: application.id } });
    expect(stats.map((s) => [s.kind, s.channel])).toEqual([
      ["submitted", "proactive"],
      ["transition", "proactive"],
      ["transition", "proactive"],
    ]);
    // The outbox mails it, saying it came without an application and may be declined.
    await mailPendingNotifications(db, "http://portal.test", 500);
    const mail = await db.mailboxMessage.findFirstOrThrow({ where: { subject: { contains: application.number! } } });
    expect(mail.subject).toBe(`Мера назначена без заявления: № ${application.number}`);
    expect(mail.text).toContain("Предложения и назначения");
  });

  it("a birth offers the child allowance and the kindergarten queue, with nothing in a queue yet", async () => {
    const applications = await db.application.count();
    const mails = await db.mailboxMessage.count({ where: { to: "parent@demo.gosuslugi58.ru" } });
    const { outcome } = await receiveLifeEvent(db, birth(1), NOW);
    expect(outcome.offers.map((o) => [serviceOf(o), o.mode])).toEqual([
      ["birth-child-allowance", "offer"],
      ["birth-kindergarten", "offer"],
    ]);
    expect(await db.application.count()).toBe(applications);
    for (const o of outcome.offers) {
      expect(await offerRow(o.id)).toMatchObject({ status: "offered", userId: parent, applicationId: null });
    }
    // The resident is told of each offer by mail (the demo mailbox here), from the offers' outbox after
    // the event's commit, once.
    expect(await db.mailboxMessage.count({ where: { to: "parent@demo.gosuslugi58.ru" } })).toBe(mails);
    expect(await mailPendingOffers(db, "http://portal.test", 20, NOW)).toBe(2);
    expect(await mailPendingOffers(db, "http://portal.test", 20, NOW)).toBe(0);
    expect(await db.mailboxMessage.count({ where: { to: "parent@demo.gosuslugi58.ru" } })).toBe(mails + 2);
    const offerMail = await db.mailboxMessage.findFirstOrThrow({
      where: { to: "parent@demo.gosuslugi58.ru", subject: { startsWith: "Вам предложена услуга" } },
      orderBy: { id: "desc" },
    });
    expect(offerMail.text).toContain(`/cabinet/offers/${outcome.offers.at(-1)!.id}`);
  });

  it("a third child also offers large-family status", async () => {
    const { outcome } = await receiveLifeEvent(db, birth(3), NOW);
    expect(outcome.offers.map((o) => o.ruleCode)).toEqual([
      "birth-child-allowance",
      "birth-large-family",
      "birth-kindergarten",
    ]);
    expect((await offerRow(outcome.offers[1]!.id)).serviceCode).toBe("58-SOC-001");
  });

  it("a large-family status in ЕГИССО assigns the utility compensation", async () => {
    const { outcome } = await receiveLifeEvent(db, largeFamily(), NOW);
    expect(outcome.offers.map((o) => [o.ruleCode, o.mode])).toEqual([["large-family-utility", "assign"]]);
    const offer = await offerRow(outcome.offers[0]!.id);
    expect(offer.application).toMatchObject({ status: "sent", channel: "proactive" });
    expect(JSON.parse(offer.application!.answers)).toMatchObject({ category: "large-family" });
  });

  it("another benefit status gives nothing", async () => {
    const event = { ...largeFamily(), category: "labour-veteran" };
    expect((await receiveLifeEvent(db, event, NOW)).outcome).toEqual({ offers: [] });
  });
});

describe("replay", () => {
  it("the same event a second time returns the same outcome and makes nothing new", async () => {
    const assigned = pregnancy();
    const first = await receiveLifeEvent(db, assigned, NOW);
    const counts = async () => [
      await db.proactiveOffer.count(),
      await db.application.count(),
      await db.statEvent.count(),
    ];
    const before = await counts();
    const again = await receiveLifeEvent(db, assigned, new Date(NOW.getTime() + DAY));
    expect(again.eventRef).toBe(first.eventRef);
    expect(again.outcome).toEqual(first.outcome);
    expect(await counts()).toEqual(before);
    const event = birth(3);
    const offered = await receiveLifeEvent(db, event, NOW);
    const replayed = await receiveLifeEvent(db, event, new Date(NOW.getTime() + DAY));
    expect(replayed.outcome).toEqual(offered.outcome);
  });
});

describe("the resident answers", () => {
  it("declines an assignment within its window: the case is withdrawn through the lifecycle", async () => {
    const { outcome } = await receiveLifeEvent(db, pregnancy(), NOW);
    const id = outcome.offers[0]!.id;
    const later = new Date(NOW.getTime() + 5 * DAY);
    expect(await declineOffer(db, { userId: parent, offerId: id, now: later })).toEqual({ ok: true, number: null });
    const offer = await offerRow(id);
    expect(offer).toMatchObject({ status: "declined", answeredAt: later });
    expect(offer.application!.status).toBe("withdrawn");
    const last = await db.applicationEvent.findFirstOrThrow({
      where: { applicationId: offer.applicationId! },
      orderBy: { id: "desc" },
    });
    expect(last).toMatchObject({ command: "withdraw", actorId: parent, toStatus: "withdrawn" });
    // Declining again changes nothing.
    expect(await declineOffer(db, { userId: parent, offerId: id, now: later })).toEqual({ ok: true, number: null });
  });

  it("may not decline an assignment after its date: the case goes on", async () => {
    const { outcome } = await receiveLifeEvent(db, pregnancy(), NOW);
    const id = outcome.offers[0]!.id;
    const late = new Date(NOW.getTime() + 11 * DAY);
    expect(await declineOffer(db, { userId: parent, offerId: id, now: late })).toEqual({ ok: false, error: "closed" });
    const offer = await offerRow(id);
    expect(offer.status).toBe("assigned");
    expect(offer.application!.status).toBe("sent");
    expect((await getOffer(db, parent, id, late))!).toMatchObject({ status: "assigned", canAnswer: false });
  });

  it("confirms an offer: exactly one case, channel proactive, however often it is pressed", async () => {
    const { outcome } = await receiveLifeEvent(db, birth(1), NOW);
    const id = outcome.offers[0]!.id;
    const at = new Date(NOW.getTime() + DAY);
    const first = await confirmOffer(db, { userId: parent, offerId: id, now: at });
    expect(first).toMatchObject({ ok: true });
    const again = await confirmOffer(db, { userId: parent, offerId: id, now: at });
    expect(again).toEqual(first);
    const offer = await offerRow(id);
    expect(offer.status).toBe("accepted");
    expect(offer.application).toMatchObject({
      status: "sent",
      channel: "proactive",
      applicantId: parent,
      number: (first as { number: string }).number,
    });
    expect(await db.application.count({ where: { offer: { id } } })).toBe(1);
    const events = await db.applicationEvent.findMany({
      where: { applicationId: offer.applicationId! },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.command, e.actorRole])).toEqual([
      ["submit", "resident"],
      ["forward", "system"],
    ]);
    // A confirmed offer cannot be declined from the offer any more (the case has its own withdrawal).
    expect(await declineOffer(db, { userId: parent, offerId: id, now: at })).toEqual({ ok: false, error: "closed" });
  });

  it("an offer not confirmed by its date has expired", async () => {
    const { outcome } = await receiveLifeEvent(db, birth(1), NOW);
    const id = outcome.offers[0]!.id;
    const late = new Date(NOW.getTime() + 40 * DAY);
    expect(await confirmOffer(db, { userId: parent, offerId: id, now: late })).toEqual({ ok: false, error: "closed" });
    expect((await getOffer(db, parent, id, late))!.status).toBe("expired");
    expect((await offerRow(id)).applicationId).toBeNull();
  });

  it("someone else's offer is not found", async () => {
    const { outcome } = await receiveLifeEvent(db, birth(1), NOW);
    const id = outcome.offers[0]!.id;
    const other = (await db.user.findUniqueOrThrow({ where: { email: "large-family@demo.gosuslugi58.ru" } })).id;
    expect(await getOffer(db, other, id, NOW)).toBeNull();
    expect(await confirmOffer(db, { userId: other, offerId: id, now: NOW })).toEqual({ ok: false, error: "not-found" });
    expect(await declineOffer(db, { userId: other, offerId: id, now: NOW })).toEqual({ ok: false, error: "not-found" });
    expect((await offerRow(id)).status).toBe("offered");
  });

  it("lists them with why and until when, and counts those waiting for an answer", async () => {
    const list = await listOffers(db, parent, NOW);
    expect(list.length).toBeGreaterThan(5);
    const birthOffer = list.find((o) => o.event.type === "birth")!;
    expect(birthOffer.event.facts).toMatchObject({ childName: "Смирнов Илья", childBirthDate: "2026-11-28" });
    expect(birthOffer.event.facts).not.toHaveProperty("applicantSnils");
    expect(birthOffer.service).toMatchObject({ code: expect.stringMatching(/^58-/) });
    const open = list.filter((o) => o.canAnswer).length;
    expect(await countOpenOffers(db, parent, NOW)).toBe(open);
  });
});

describe("a person not yet registered", () => {
  const person = { snils: testSnils(4242), lastName: "Новикова", firstName: "Мария", birthDate: "1996-07-15" };
  const profile = (birthDate: string) => ({
    lastName: person.lastName,
    firstName: person.firstName,
    birthDate,
    snils: person.snils,
    inn: testPersonInn(4242),
    phone: "+79001112233",
    passportNumber: "5600 424242",
    passportIssuedOn: "2016-08-01",
    passportIssuerCode: "580-001",
    addressOktmo: "56701000",
    addressLocality: "Пенза",
    addressStreet: "ул. Московская",
    addressHouse: "7",
  });

  it("gets the offers and the assigned case when a profile with the same СНИЛС and birth date is saved", async () => {
    const assigned = await receiveLifeEvent(db, pregnancy(person), NOW);
    const offered = await receiveLifeEvent(db, birth(1, person), NOW);
    const ids = [...assigned.outcome.offers, ...offered.outcome.offers].map((o) => o.id);
    for (const id of ids) expect((await offerRow(id)).userId).toBeNull();
    // Nobody to mail yet: the offers wait in the outbox for their account.
    await mailPendingOffers(db, "http://portal.test", 20, NOW);
    for (const id of ids) expect((await offerRow(id)).mailedAt).toBeNull();
    const caseId = (await offerRow(assigned.outcome.offers[0]!.id)).applicationId!;
    expect((await db.application.findUniqueOrThrow({ where: { id: caseId } })).applicantId).toBeNull();

    const userId = await saveConfirmedAccount(db, { email: "novikova@example.ru", roles: [{ role: "resident" }] });
    // A profile with the СНИЛС but another birth date claims nothing: the number alone is not proof.
    await saveProfile(db, userId, profile("1990-01-01"));
    for (const id of ids) expect((await offerRow(id)).userId).toBeNull();

    await saveProfile(db, userId, profile(person.birthDate));
    for (const id of ids) expect((await offerRow(id)).userId).toBe(userId);
    expect((await db.application.findUniqueOrThrow({ where: { id: caseId } })).applicantId).toBe(userId);
    expect((await listOffers(db, userId, NOW)).map((o) => o.id).sort()).toEqual([...ids].sort());
    // The offers that wait for an answer are mailed to the account that claimed them; the assignment is
    // told through its case's notification instead.
    expect(await mailPendingOffers(db, "http://portal.test", 20, NOW)).toBe(offered.outcome.offers.length);
    const told = await db.mailboxMessage.findMany({ where: { to: "novikova@example.ru" }, select: { text: true } });
    for (const offer of offered.outcome.offers)
      expect(told.some((mail) => mail.text.includes(`/cabinet/offers/${offer.id}`))).toBe(true);
    // And from then on events for them are theirs at once.
    const next = await receiveLifeEvent(db, largeFamily(person), NOW);
    expect((await offerRow(next.outcome.offers[0]!.id)).userId).toBe(userId);
  });
});

describe("indicators from proactive cases", () => {
  // A month the history does not reach, so the figures start from nothing and move by exactly one.
  const AT = new Date("2027-02-10T09:00:00Z");
  const month = regionDate(AT).slice(0, 7);
  const officer: Actor = { kind: "staff", id: null, role: "officer" };
  const read = async () =>
    Object.fromEntries((await indicatorsForPeriod(db, parsePeriod(month)!, {})).map((v) => [v.code, v])) as Record<
      string,
      IndicatorValue
    >;
  const complete = async (applicationId: string) => {
    for (const command of ["acknowledge", "startReview", "complete"] as const) {
      expect(await applyCommand(db, { applicationId, command, actor: officer, now: AT })).toMatchObject({ ok: true });
    }
  };
  const proactiveDay = (serviceCode: string) =>
    db.statDay.findFirst({ where: { day: regionDate(AT), serviceCode, channel: "proactive" } });

  it("a pregnancy's assignment, completed by the ministry, is one more service delivered proactively", async () => {
    const before = await read();
    const { outcome } = await receiveLifeEvent(db, pregnancy(), AT);
    const caseId = (await offerRow(outcome.offers[0]!.id)).applicationId!;
    await complete(caseId);
    expect(await proactiveDay("58-HLT-004")).toMatchObject({ submitted: 1, decided: 1, completed: 1 });
    const after = await read();
    expect(after["proactive-services"]!.value).toBe((before["proactive-services"]!.value ?? 0) + 1);
  });

  it("a large-family status's utility compensation, completed, is one more measure assigned proactively", async () => {
    const before = await read();
    const { outcome } = await receiveLifeEvent(db, largeFamily(), AT);
    await complete((await offerRow(outcome.offers[0]!.id)).applicationId!);
    expect(await proactiveDay("58-SOC-003")).toMatchObject({ submitted: 1, completed: 1 });
    const after = await read();
    const share = (v: IndicatorValue) => [v.numerator ?? 0, v.denominator ?? 0];
    const [n, d] = share(before["social-measures-proactive"]!);
    expect(share(after["social-measures-proactive"]!)).toEqual([n! + 1, d! + 1]);
    expect(after["proactive-services"]!.value).toBe((before["proactive-services"]!.value ?? 0) + 1);
  });
});
