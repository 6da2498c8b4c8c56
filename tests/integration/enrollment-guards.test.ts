import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { submitApplication } from "~/domain/applications/applications.server";
import {
  checkEnrollmentDocuments,
  freePlaces,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
  type OrderActor,
  type OrderScope,
} from "~/domain/enrollment/enrollment-orders.server";
import { openStage2Early, schoolStage2Opening } from "~/domain/enrollment/early-stage2.server";
import { enrollmentResult, enrollmentResultView } from "~/domain/enrollment/enrollment-results.server";
import { reapplyToOfferedSchool } from "~/domain/enrollment/reapply.server";
import { getStaffApplicationPage, giveStaffCommand } from "~/domain/office/casework.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { createTestDatabase } from "./test-database";

/*
 * The guards a trial of the portal found missing, on a real database with applications sent through
 * the real submission in stage 2 of 2027 (docs/enrollment.md, "The school's side" and "Results"):
 * a first-grade child is enrolled only by an order, never by a plain "complete"; stage 2 cannot be
 * opened early before stage 1 has opened; and once a campaign is over, its refusal's offer is history.
 * Kuznetsk's No. 133 is given 1 place, so a second child there can be refused for lack of places.
 */
const YEAR = 2027;
const STAGE_2 = new Date("2027-07-10T09:00:00Z");
const ORDER_NOW = new Date("2027-07-13T09:00:00Z");
/** The day after stage 2 of 2027 ends (5 September, end of day, Moscow time). */
const CAMPAIGN_OVER = new Date("2027-09-06T09:00:00Z");

let db: PrismaClient;
let dispose: () => Promise<void>;
type Staff = { actor: OrderActor; scope: OrderScope };
let education: Staff;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  education = await demoStaff(db, "officer.education@demo.gosuslugi58.ru");
  await db.schoolSeats.update({
    where: { schoolCode_year: { schoolCode: "133", year: YEAR } },
    data: { classes: 1, classSize: 1 },
  });
});
afterAll(() => dispose());

let n = 0;
async function applied(school: string, now = STAGE_2) {
  n += 1;
  const { userId, child } = await createParent(db, {
    email: `guards-${n}@example.ru`,
    seed: 9300 + n,
    name: { lastName: "Проверкина", firstName: "Ольга", middleName: "Петровна" },
    child: { lastName: "Проверкин", firstName: "Лев", birthDate: "2021-01-15", birthCertificate: `I-ИЗ ${930000 + n}` },
  });
  const draftId = await saveFirstGradeDraft(db, userId, { child, school, house: "13" });
  const sent = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.31", now });
  if (!sent.ok) throw new Error(`submission refused: ${JSON.stringify(sent)}`);
  return { id: draftId, number: sent.number, userId };
}

const act = (schoolCode: string, applicationIds: string[]) => ({
  schoolCode,
  campaignYear: YEAR,
  applicationIds,
  actor: education.actor,
  scope: education.scope,
  now: ORDER_NOW,
});
const application = (id: string) => db.application.findUniqueOrThrow({ where: { id } });

describe("a first-grade child is enrolled only by an order", () => {
  it("is offered no plain «complete», refuses one posted anyway and changes nothing; the order still enrolls", async () => {
    const child = await applied("134");
    expect((await checkEnrollmentDocuments(db, act("134", [child.id]))).ok).toBe(true);
    const before = await application(child.id);
    expect(before.status).toBe("inReview");

    const page = await getStaffApplicationPage(db, { actor: education.actor, number: child.number, language: "ru" });
    expect(page!.commands).not.toContain("complete");
    expect(page!.commands).toContain("refuse");
    expect(page!.enrollmentList).toEqual({ school: "134", year: YEAR });

    const places = (await freePlaces(db, YEAR, ["134"])).get("134");
    const events = await db.applicationEvent.count({ where: { applicationId: child.id } });
    const forged = await giveStaffCommand(db, {
      actor: education.actor,
      number: child.number,
      command: "complete",
      expectedVersion: before.version,
      reason: "Зачислен.",
    });
    expect(forged).toEqual({ ok: false, error: "by-order" });
    const after = await application(child.id);
    expect([after.status, after.version]).toEqual(["inReview", before.version]);
    expect(await db.applicationEvent.count({ where: { applicationId: child.id } })).toBe(events);
    expect((await freePlaces(db, YEAR, ["134"])).get("134")).toEqual(places);
    const denied = await db.auditEvent.findFirst({
      where: { action: "application.complete", subjectId: child.number },
      orderBy: { id: "desc" },
    });
    expect(denied?.result).toBe("denied");

    // The order is the way: completed, and one place fewer.
    const order = await issueEnrollmentOrder(db, { ...act("134", [child.id]), number: "12-у", date: "2027-07-13" });
    expect(order.ok).toBe(true);
    expect((await application(child.id)).status).toBe("completed");
    expect((await freePlaces(db, YEAR, ["134"])).get("134")!.free).toBe(places!.free - 1);
    const done = await getStaffApplicationPage(db, { actor: education.actor, number: child.number, language: "ru" });
    expect(done!.enrollmentList).toBeNull();
  });
});

describe("stage 2 opens early only once stage 1 has opened", () => {
  const early = (schoolCode: string, now: Date) =>
    openStage2Early(db, { schoolCode, campaignYear: YEAR, actor: education.actor, scope: education.scope, now });
  const march = new Date("2027-03-15T09:00:00Z");
  const april = new Date("2027-04-02T09:00:00Z");

  it("refuses before stage 1 opens, on an empty list, and writes nothing", async () => {
    const audits = await db.auditEvent.count({ where: { action: "enrollment.stage2OpenedEarly" } });
    const refused = await early("131", march);
    expect(refused).toMatchObject({ ok: false, error: "stage1-not-open" });
    if (refused.ok || refused.error !== "stage1-not-open") return;
    expect(refused.stage1OpensAt.toISOString()).toBe("2027-03-31T21:00:00.000Z");
    const seats = await db.schoolSeats.findUniqueOrThrow({
      where: { schoolCode_year: { schoolCode: "131", year: YEAR } },
    });
    expect(seats.stage2OpensAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "enrollment.stage2OpenedEarly" } })).toBe(audits);
    expect(await schoolStage2Opening(db, "131", YEAR, march)).toMatchObject({ early: false, stage1Opened: false });
  });

  it("keeps the territory rule once stage 1 is open: not while a stage-1 application waits", async () => {
    expect(await schoolStage2Opening(db, "112", YEAR, april)).toMatchObject({ stage1Opened: true });
    // House 13 of ул. Московская is No. 112's territory: its child applies in stage 1.
    await applied("112", april);
    expect(await early("112", april)).toEqual({ ok: false, error: "territory-waiting", waiting: 1 });
    // With stage 1 open and nothing of the territory waiting, the school may open stage 2.
    // (It takes effect once stage 1 ends: never before, docs/enrollment.md.)
    expect(await early("131", april)).toMatchObject({ ok: true });
    expect((await schoolStage2Opening(db, "131", YEAR, april)).early).toBe(true);
  });
});

describe("a finished campaign's offer is history", () => {
  let refused: Awaited<ReturnType<typeof applied>>;

  beforeAll(async () => {
    const first = await applied("133");
    refused = await applied("133");
    await checkEnrollmentDocuments(db, act("133", [first.id]));
    const order = await issueEnrollmentOrder(db, { ...act("133", [first.id]), number: "5-у", date: "2027-07-13" });
    if (!order.ok) throw new Error(`order refused: ${JSON.stringify(order)}`);
    const refusal = await refuseForLackOfPlaces(db, {
      applicationId: refused.id,
      actor: education.actor,
      scope: education.scope,
      explanation: "Свободных мест нет.",
      now: ORDER_NOW,
    });
    if (!refusal.ok) throw new Error(`refusal refused: ${JSON.stringify(refusal)}`);
  });

  it("while the campaign runs, offers schools with free places now", async () => {
    const result = await enrollmentResult(db, refused.id, ORDER_NOW);
    expect(result).toMatchObject({ kind: "refused", finished: false, campaignYear: YEAR });
    expect(result?.kind === "refused" && result.offer.length).toBeGreaterThan(0);
    expect(result?.kind === "refused" && result.offer.every((s) => "freePlaces" in s)).toBe(true);
  });

  it("once stage 2 has ended, shows what was offered without places, and refuses to re-apply, making nothing", async () => {
    const live = await enrollmentResult(db, refused.id, ORDER_NOW);
    const over = await enrollmentResultView(db, refused.id, "ru", CAMPAIGN_OVER);
    expect(over).toMatchObject({ kind: "refused", finished: true, campaignYear: YEAR, schoolCode: "133" });
    if (over?.kind !== "refused" || live?.kind !== "refused") return;
    expect(over.offer.map((s) => s.code)).toEqual(live.offer.map((s) => s.code));
    for (const school of over.offer) {
      expect(school.name).toMatch(/\S/);
      expect(school.freePlaces).toBeUndefined();
    }

    const drafts = await db.application.count({ where: { applicantId: refused.userId } });
    const offered = over.offer[0]!.code;
    expect(
      await reapplyToOfferedSchool(db, {
        applicantId: refused.userId,
        number: refused.number,
        schoolCode: offered,
        now: CAMPAIGN_OVER,
      }),
    ).toEqual({ ok: false, error: "campaign-over", campaignYear: YEAR });
    expect(await db.application.count({ where: { applicantId: refused.userId } })).toBe(drafts);
    // Before the end the same press makes the draft: the guard is the campaign's end, nothing else.
    expect(
      await reapplyToOfferedSchool(db, {
        applicantId: refused.userId,
        number: refused.number,
        schoolCode: offered,
        now: ORDER_NOW,
      }),
    ).toMatchObject({ ok: true, created: true });
  });
});
