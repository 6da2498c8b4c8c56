import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { submitApplication } from "~/domain/applications/applications.server";
import {
  checkEnrollmentDocuments,
  freePlaces,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
  schoolOrderList,
  type OrderActor,
  type OrderScope,
} from "~/domain/enrollment/enrollment-orders.server";
import { getSchool } from "~/domain/enrollment/schools.server";
import { giveStaffCommand } from "~/domain/office/casework.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { openStage2Early, schoolStage2Opening } from "~/domain/enrollment/early-stage2.server";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { createTestDatabase } from "./test-database";

/*
 * The school's side of first-grade enrollment on a real database, with applications sent through the
 * real submission in stage 2 of 2027: documents checked, the enrollment order as one act (all or
 * nothing, never beyond the free places, idempotent on a repeated submission), and the refusal for
 * lack of places with its offer of schools with free places. Kuznetsk's schools are small on purpose:
 * No. 133 has 2 places and No. 135 one, so orders fill them.
 */
const YEAR = 2027;
const STAGE_2 = new Date("2027-07-10T09:00:00Z");
const ORDER_DAY = "2027-07-13";
const ORDER_NOW = new Date("2027-07-13T09:00:00Z");

let db: PrismaClient;
let dispose: () => Promise<void>;
type Staff = { actor: OrderActor; scope: OrderScope };
let education: Staff;
let school112: Staff;
let social: Staff;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  education = await demoStaff(db, "officer.education@demo.gosuslugi58.ru");
  school112 = await demoStaff(db, "school112@demo.gosuslugi58.ru");
  social = await demoStaff(db, "officer.social@demo.gosuslugi58.ru");
  const seats = (schoolCode: string, classes: number, classSize: number) =>
    db.schoolSeats.update({ where: { schoolCode_year: { schoolCode, year: YEAR } }, data: { classes, classSize } });
  await seats("133", 1, 2);
  await seats("135", 1, 1);
});
afterAll(() => dispose());

let n = 0;
/** A first-grade application to `school`, sent in stage 2 by a parent of its own, through the real submission. */
async function applied(school: string, now = STAGE_2) {
  n += 1;
  const { userId, child } = await createParent(db, {
    email: `orders-${n}@example.ru`,
    seed: 9100 + n,
    name: { lastName: "Приказова", firstName: "Ольга", middleName: "Петровна" },
    child: { lastName: "Приказов", firstName: "Лев", birthDate: "2021-01-15", birthCertificate: `I-ИЗ ${910000 + n}` },
  });
  const draftId = await saveFirstGradeDraft(db, userId, { child, school, house: "13" });
  const sent = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.30", now });
  if (!sent.ok) throw new Error(`submission refused: ${JSON.stringify(sent)}`);
  return { id: draftId, number: sent.number, userId };
}

const act = (who: Staff, schoolCode: string, applicationIds: string[]) => ({
  schoolCode,
  campaignYear: YEAR,
  applicationIds,
  actor: who.actor,
  scope: who.scope,
  now: ORDER_NOW,
});
const order = (who: Staff, schoolCode: string, applicationIds: string[], number: string, date = ORDER_DAY) =>
  issueEnrollmentOrder(db, { ...act(who, schoolCode, applicationIds), number, date });
const statusOf = async (id: string) => (await db.application.findUniqueOrThrow({ where: { id } })).status;
const placesAt = async (code: string) => (await freePlaces(db, YEAR, [code])).get(code)!;

describe("documents checked, then the enrollment order", () => {
  let first: Awaited<ReturnType<typeof applied>>;
  let second: Awaited<ReturnType<typeof applied>>;

  it("brings the selection to review, with one notification each, and marks the documents checked", async () => {
    first = await applied("112");
    second = await applied("112");
    expect(await statusOf(first.id)).toBe("sent");
    const checked = await checkEnrollmentDocuments(db, act(school112, "112", [first.id, second.id, first.id]));
    expect(checked).toEqual({ ok: true, checked: 2, alreadyChecked: 0 });
    for (const application of [first, second]) {
      expect(await statusOf(application.id)).toBe("inReview");
      const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: application.id } });
      expect(request.documentsCheckedAt).toEqual(ORDER_NOW);
      expect(request.documentsCheckedBy).toBe(school112.actor.id);
      const events = await db.applicationEvent.findMany({
        where: { applicationId: application.id },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => e.command)).toEqual(["submit", "forward", "acknowledge", "startReview"]);
      // The submission's confirmation, then "Принято к рассмотрению": not one for each step on the way.
      const notifications = await db.notification.findMany({ where: { applicationId: application.id } });
      expect(notifications.map((x) => x.status).sort()).toEqual(["inReview", "sent"]);
    }
    // Checking again changes nothing.
    expect(await checkEnrollmentDocuments(db, act(school112, "112", [first.id]))).toEqual({
      ok: true,
      checked: 0,
      alreadyChecked: 1,
    });
  });

  it("enrolls the selection by one order: completed, the message, the link, and fewer free places", async () => {
    const before = await placesAt("112");
    const result = await order(school112, "112", [first.id, second.id], "№ 45 - у");
    expect(result).toMatchObject({
      ok: true,
      replayed: false,
      order: { number: "45-у", date: ORDER_DAY, enrolled: 2 },
    });
    if (!result.ok) return;
    const stored = await db.enrollmentOrder.findUniqueOrThrow({ where: { id: result.order.id } });
    expect(stored).toMatchObject({
      schoolCode: "112",
      campaignYear: YEAR,
      number: "45-у",
      issuedById: school112.actor.id,
    });
    for (const application of [first, second]) {
      expect(await statusOf(application.id)).toBe("completed");
      const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: application.id } });
      expect(request.orderId).toBe(result.order.id);
      const message = await db.applicationMessage.findFirstOrThrow({ where: { applicationId: application.id } });
      expect(message).toMatchObject({
        author: "department",
        text: "Зачислен(а) в 1 класс приказом № 45-у от 13.07.2027",
      });
      const notifications = await db.notification.count({
        where: { applicationId: application.id, status: "completed" },
      });
      expect(notifications).toBe(1);
    }
    expect(await placesAt("112")).toEqual({
      seats: before.seats,
      enrolled: before.enrolled + 2,
      free: before.free - 2,
    });
    // The public pages' free places count the same children.
    expect((await getSchool(db, "112", YEAR))!.freeSeats).toBe(before.free - 2);
    const list = (await schoolOrderList(db, { schoolCode: "112", campaignYear: YEAR, scope: school112.scope }))!;
    const row = list.rows.find((r) => r.number === first.number)!;
    expect(row).toMatchObject({ status: "completed", order: { number: "45-у", date: ORDER_DAY } });
    expect(row.documentsCheckedOn).toBe(ORDER_DAY);
  });

  it("answers a repeated submission of the same order with that order, writing nothing more", async () => {
    const events = await db.applicationEvent.count();
    const again = await order(school112, "112", [second.id, first.id], "45-у");
    expect(again).toMatchObject({ ok: true, replayed: true, order: { number: "45-у", enrolled: 2 } });
    expect(await db.enrollmentOrder.count({ where: { schoolCode: "112", number: "45-у" } })).toBe(1);
    expect(await db.applicationEvent.count()).toBe(events);
  });

  it("refuses the same number for another selection or date, as a duplicate", async () => {
    const third = await applied("112");
    await checkEnrollmentDocuments(db, act(school112, "112", [third.id]));
    expect(await order(school112, "112", [third.id], "45-у")).toEqual({
      ok: false,
      error: "duplicate-number",
      number: "45-у",
      date: ORDER_DAY,
    });
    expect(await order(school112, "112", [first.id, second.id], "45-у", "2027-07-12")).toMatchObject({
      error: "duplicate-number",
    });
    expect(await statusOf(third.id)).toBe("inReview");
    // An application already enrolled is named as such.
    const twice = await order(school112, "112", [first.id, third.id], "46-у");
    expect(twice).toEqual({
      ok: false,
      error: "ineligible",
      problems: [{ number: first.number, reason: "alreadyEnrolled", order: { number: "45-у", date: ORDER_DAY } }],
    });
  });

  it("is refused as a whole when one selected application is not eligible, naming it and why", async () => {
    const ready = await applied("112");
    const unchecked = await applied("112");
    await checkEnrollmentDocuments(db, act(school112, "112", [ready.id]));
    const orders = await db.enrollmentOrder.count();
    const result = await order(school112, "112", [ready.id, unchecked.id], "47-у");
    expect(result).toEqual({
      ok: false,
      error: "ineligible",
      problems: [{ number: unchecked.number, reason: "documentsNotChecked" }],
    });
    expect(await db.enrollmentOrder.count()).toBe(orders);
    expect(await statusOf(ready.id)).toBe("inReview");
    expect(await statusOf(unchecked.id)).toBe("sent");
    expect((await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: ready.id } })).orderId).toBeNull();
    // An order dated before an application arrived, or in the future, is refused too.
    expect(await order(school112, "112", [ready.id], "47-у", "2027-07-09")).toMatchObject({
      error: "ineligible",
      problems: [{ number: ready.number, reason: "receivedAfterOrderDate", receivedOn: "2027-07-10" }],
    });
    expect(await order(school112, "112", [ready.id], "47-у", "2027-07-14")).toMatchObject({ error: "invalid-date" });
    expect(await order(school112, "112", [ready.id], "сорок семь")).toMatchObject({ error: "invalid-number" });
  });
});

describe("free places bound the order", () => {
  it("refuses a selection larger than the free places, and takes one that fits", async () => {
    const three = [await applied("133"), await applied("133"), await applied("133")];
    const ids = three.map((a) => a.id);
    expect(await checkEnrollmentDocuments(db, act(education, "133", ids))).toMatchObject({ ok: true, checked: 3 });
    expect(await order(education, "133", ids, "1")).toEqual({
      ok: false,
      error: "over-capacity",
      selected: 3,
      free: 2,
    });
    expect(await db.enrollmentOrder.count({ where: { schoolCode: "133" } })).toBe(0);
    expect(await order(education, "133", ids.slice(0, 2), "1")).toMatchObject({ ok: true });
    expect(await placesAt("133")).toEqual({ seats: 2, enrolled: 2, free: 0 });
    expect(await order(education, "133", [ids[2]!], "2")).toEqual({
      ok: false,
      error: "over-capacity",
      selected: 1,
      free: 0,
    });
  });
});

describe("refusal for lack of places", () => {
  it("offers the municipality's schools with free places, most first, without full ones, and tells the parent", async () => {
    // No. 135 fills with one child; No. 133 is full since the test above.
    const filling = await applied("135");
    await checkEnrollmentDocuments(db, act(education, "135", [filling.id]));
    expect(await order(education, "135", [filling.id], "3")).toMatchObject({ ok: true });
    const child = await applied("133");
    const refusal = await refuseForLackOfPlaces(db, {
      applicationId: child.id,
      actor: education.actor,
      scope: education.scope,
      explanation: "Все места в 1 классе заняты детьми, стоящими в списке выше.",
      now: ORDER_NOW,
    });
    // Kuznetsk: No. 130 has 150 places, No. 134 100, Nos. 131 and 132 75 each; 133 and 135 are full.
    expect(refusal).toMatchObject({ ok: true, to: "refused", offer: ["130", "134", "131", "132"] });
    const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: child.id } });
    expect(JSON.parse(request.offer!)).toEqual(["130", "134", "131", "132"]);
    expect(request.live).toBe(false);
    const event = await db.applicationEvent.findFirstOrThrow({ where: { applicationId: child.id, command: "refuse" } });
    expect(event.ground).toBe("no-free-seats");
    const message = await db.applicationMessage.findFirstOrThrow({ where: { applicationId: child.id } });
    expect(message.text).toContain("Все места в 1 классе заняты");
    expect(message.text).toContain("МБОУ СОШ № 130 г. Кузнецка (демо) (№ 130)");
    expect(message.text).not.toContain("№ 135)");
    // One notification for the refusal, none for the steps that brought it to review.
    expect(
      (await db.notification.findMany({ where: { applicationId: child.id } })).map((x) => x.status).sort(),
    ).toEqual(["refused", "sent"]);
  });

  it("is not lawful while a free place waits for the child, and then nothing is written", async () => {
    const child = await applied("130");
    const refusal = await refuseForLackOfPlaces(db, {
      applicationId: child.id,
      actor: education.actor,
      scope: education.scope,
      explanation: "Мест нет.",
      now: ORDER_NOW,
    });
    expect(refusal).toEqual({ ok: false, error: "places-free", free: 150, position: 1 });
    expect(await statusOf(child.id)).toBe("sent");
    expect(await db.applicationEvent.count({ where: { applicationId: child.id } })).toBe(2);
  });

  it("goes the same way from the office's generic refusal, so it never lacks the offer", async () => {
    const child = await applied("133");
    const application = await db.application.findUniqueOrThrow({ where: { id: child.id } });
    const result = await giveStaffCommand(db, {
      actor: education.actor,
      number: child.number,
      command: "refuse",
      expectedVersion: application.version,
      reason: "Свободных мест нет.",
      ground: "no-free-seats",
    });
    expect(result).toMatchObject({ ok: true, to: "refused" });
    const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: child.id } });
    expect(JSON.parse(request.offer!)).toEqual(["130", "134", "131", "132"]);
    // The generic path's other grounds do not apply to a first-grade application.
    const other = await applied("133");
    const version = (await db.application.findUniqueOrThrow({ where: { id: other.id } })).version;
    expect(
      await giveStaffCommand(db, {
        actor: education.actor,
        number: other.number,
        command: "refuse",
        expectedVersion: version,
        reason: "Не та школа.",
        ground: "not-a-pupil",
      }),
    ).toEqual({ ok: false, error: "unknown-ground" });
  });
});

describe("scope", () => {
  it("a school officer cannot touch another school's list, and nothing is written", async () => {
    const elsewhere = await applied("133");
    const events = await db.applicationEvent.count();
    expect(await checkEnrollmentDocuments(db, act(school112, "133", [elsewhere.id]))).toEqual({
      ok: false,
      error: "not-found",
    });
    // Another school's application posted on the officer's own list is not on that list.
    expect(await checkEnrollmentDocuments(db, act(school112, "112", [elsewhere.id]))).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await order(school112, "112", [elsewhere.id], "99")).toEqual({ ok: false, error: "not-found" });
    expect(
      await refuseForLackOfPlaces(db, {
        applicationId: elsewhere.id,
        actor: school112.actor,
        scope: school112.scope,
        explanation: "Мест нет.",
      }),
    ).toEqual({ ok: false, error: "not-found" });
    expect(await schoolOrderList(db, { schoolCode: "133", campaignYear: YEAR, scope: school112.scope })).toBeNull();
    // Staff of another department see no school at all.
    expect(await checkEnrollmentDocuments(db, act(social, "133", [elsewhere.id]))).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await db.applicationEvent.count()).toBe(events);
    expect(await statusOf(elsewhere.id)).toBe("sent");
    expect(
      (await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: elsewhere.id } })).documentsCheckedAt,
    ).toBeNull();
  });
});

describe("a school that enrolled its whole territory opens stage 2 early", () => {
  const stage1 = new Date("2027-04-02T09:00:00Z");
  const july1 = new Date("2027-07-01T09:00:00Z");
  const july2 = new Date("2027-07-02T09:00:00Z");
  const july3 = new Date("2027-07-03T09:00:00Z");
  const early = (who: Staff, schoolCode: string, now: Date) =>
    openStage2Early(db, { schoolCode, campaignYear: YEAR, actor: who.actor, scope: who.scope, now });

  it("not while a stage-1 application still waits, then from the moment it says so; other schools keep the campaign's date", async () => {
    const waiting = await applied("112", stage1);
    expect(await early(school112, "112", july1)).toEqual({ ok: false, error: "territory-waiting", waiting: 1 });
    expect(await early(school112, "115", july1)).toEqual({ ok: false, error: "not-found" });

    const now = { ...act(school112, "112", [waiting.id]), now: july1 };
    expect((await checkEnrollmentDocuments(db, now)).ok).toBe(true);
    expect((await issueEnrollmentOrder(db, { ...now, number: "77-у", date: "2027-07-01" })).ok).toBe(true);
    expect(await early(school112, "112", july2)).toEqual({ ok: true, opensAt: july2 });
    expect((await early(school112, "112", july3)).ok).toBe(false);
    expect((await schoolStage2Opening(db, "112", YEAR)).early).toBe(true);

    const fromElsewhere = await applied("112", july3);
    const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: fromElsewhere.id } });
    expect(request.stage).toBe(2);
    await expect(applied("115", july3)).rejects.toThrow(/enrollment-closed/);
    const audit = await db.auditEvent.findFirst({
      where: { action: "enrollment.stage2OpenedEarly", subjectId: "112" },
    });
    expect(audit?.actorId).toBe(school112.actor.id);
  });
});
