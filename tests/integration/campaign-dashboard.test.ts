import { parseWithZod } from "@conform-to/zod/v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { submitApplication } from "~/domain/applications/applications.server";
import { applyCommand } from "~/domain/applications/transitions.server";
import { defaultCampaign } from "~/domain/enrollment/campaign";
import { mayViewCampaignDashboard } from "~/domain/enrollment/campaign-dashboard-access.server";
import { loadCampaignDashboard } from "~/domain/enrollment/campaign-dashboard.server";
import { campaignFormValues, campaignOfForm, CampaignFormSchema } from "~/domain/enrollment/campaign-forms";
import { findCampaign, nextCampaign, saveCampaign } from "~/domain/enrollment/campaign-store.server";
import { loadCampaign } from "~/domain/enrollment/enrollment.server";
import { scheduleSubmission, sendDueSubmissions } from "~/domain/enrollment/scheduled-submission.server";
import { seedDemoData } from "../../seeds/demo";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { createTestDatabase } from "./test-database";

/*
 * The ministry's dashboard over a real database: first-grade applications submitted at known
 * instants after the 2027 opening (1 April 00:00 Moscow) through the ordinary submission, one
 * withdrawn, one enrolled by an order; then the counts per minute, per class and per school. And the
 * campaign's editing through the store, with the form's validation, the audit row and the scheduled
 * drafts that follow a moved opening.
 */
const SERVICE = "58-EDU-001";
const OPENS = new Date("2027-03-31T21:00:00.000Z");
const at = (ms: number) => new Date(OPENS.getTime() + ms);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
}, 120_000);
afterAll(() => dispose());

let n = 0;
/** A parent on ул. Московская (house 13 is school 112's territory, 57 school 100's) with a child of six and a half. */
async function parent(certificate: number, house = "13") {
  n += 1;
  const { userId, child } = await createParent(db, {
    email: `dash-${n}@example.ru`,
    seed: 8100 + n,
    house,
    child: {
      lastName: "Родителев",
      firstName: "Миша",
      birthDate: "2021-01-15",
      birthCertificate: `I-ИЗ ${certificate}`,
    },
  });
  return { userId, child, house };
}

const draftOf = (p: Awaited<ReturnType<typeof parent>>, school: string, priority = "none") =>
  saveFirstGradeDraft(db, p.userId, {
    child: p.child,
    school,
    house: p.house,
    priority,
    // The form asks which ground of the first-priority class applies.
    answers: priority === "first" ? { firstGround: "serviceman" } : {},
  });

/** Submits a first-grade application at an instant, as the portal's clock would have it. */
async function submitAt(now: Date, input: { certificate: number; school: string; priority?: string; house?: string }) {
  const p = await parent(input.certificate, input.house);
  const draftId = await draftOf(p, input.school, input.priority);
  const result = await submitApplication(db, { applicantId: p.userId, draftId, ip: "192.0.2.1", now });
  expect(result, `submission at ${now.toISOString()}`).toMatchObject({ ok: true });
  return { ...p, draftId };
}

describe("the campaign dashboard", () => {
  const submitted: Awaited<ReturnType<typeof submitAt>>[] = [];

  beforeAll(async () => {
    expect((await loadCampaign(db, 2027)).stage1OpensAt).toEqual(OPENS);
    // Minute 0 (two, one with a first-priority right), minute 1, minute 5 (school 100), hour 2, day 2.
    submitted.push(await submitAt(at(500), { certificate: 810001, school: "112" }));
    submitted.push(await submitAt(at(MINUTE - 1), { certificate: 810002, school: "112", priority: "first" }));
    submitted.push(await submitAt(at(MINUTE), { certificate: 810003, school: "112" }));
    submitted.push(await submitAt(at(5 * MINUTE + 1), { certificate: 810004, school: "100", house: "57" }));
    submitted.push(await submitAt(at(2 * HOUR + 30 * SECOND), { certificate: 810005, school: "112" }));
    submitted.push(await submitAt(at(25 * HOUR), { certificate: 810006, school: "112" }));
    // The minute-1 application is withdrawn: it leaves the list, not the opening's load.
    const withdrawn = submitted[2]!;
    const result = await applyCommand(db, {
      applicationId: withdrawn.draftId,
      command: "withdraw",
      actor: { kind: "resident", id: withdrawn.userId, role: "resident" },
      now: at(26 * HOUR),
    });
    expect(result.ok).toBe(true);
    // The first is enrolled by school 112's order (orders are built elsewhere; here only the row they leave).
    const order = await db.enrollmentOrder.create({
      data: { schoolCode: "112", campaignYear: 2027, number: "1-у", date: "2027-07-05" },
    });
    await db.enrollmentRequest.update({ where: { applicationId: submitted[0]!.draftId }, data: { orderId: order.id } });
  }, 60_000);

  const load = (changes: { oktmo?: string | null; sort?: "demand" | "code" | "free" } = {}) =>
    loadCampaignDashboard(db, { year: 2027, oktmo: null, sort: "demand", now: at(3 * 24 * HOUR), ...changes });

  it("counts the opening's receipts minute by minute, hour by hour and day by day", async () => {
    const { opening } = await load();
    expect(opening.opensAt).toEqual(OPENS);
    expect(opening.minutes).toHaveLength(60);
    const minutes = Object.fromEntries(opening.minutes.filter((m) => m.count > 0).map((m) => [m.bucket, m.count]));
    expect(minutes).toEqual({ 0: 2, 1: 1, 5: 1 });
    expect(opening.minutes[5]!.from).toEqual(at(5 * MINUTE));
    const hours = Object.fromEntries(opening.hours.filter((h) => h.count > 0).map((h) => [h.bucket, h.count]));
    expect(hours).toEqual({ 0: 4, 2: 1 });
    expect(opening.hours).toHaveLength(24);
    expect(opening.days).toEqual([
      { date: "2027-04-01", count: 5 },
      { date: "2027-04-02", count: 1 },
    ]);
    expect(opening.peakMinute).toEqual({ from: OPENS, count: 2 });
  });

  it("shows only the minutes that have begun while the opening is still going on", async () => {
    const { opening, phase } = await load().then(() =>
      loadCampaignDashboard(db, { year: 2027, oktmo: null, sort: "demand", now: at(90 * SECOND) }),
    );
    expect(opening.minutes.map((m) => m.count)).toEqual([2, 1]);
    expect(phase).toEqual({ kind: "stage1", until: defaultCampaign(2027).stage1EndsAt });
  });

  it("totals each stage by priority class, the withdrawn one received but no longer on a list", async () => {
    const { stages } = await load();
    expect(stages[0]).toEqual({ stage: 1, live: 5, received: 6, byClass: [0, 1, 0, 4] });
    expect(stages[1]).toEqual({ stage: 2, live: 0, received: 0, byClass: [0, 0, 0, 0] });
  });

  it("gives each school its places, applications, territory and priority counts, enrolled and free places", async () => {
    const { schools, freeSchools, totals } = await load();
    const s112 = schools.find((s) => s.code === "112")!;
    expect(s112).toMatchObject({ places: 180, live: 4, inTerritory: 4, withPriority: 1, enrolled: 1, free: 179 });
    expect(s112.demand).toBeCloseTo(4 / 180);
    expect(schools.find((s) => s.code === "100")).toMatchObject({ live: 1, inTerritory: 1, enrolled: 0 });
    // Every school with places for the year is there, even without applications.
    const withSeats = await db.schoolSeats.count({ where: { year: 2027 } });
    expect(schools).toHaveLength(withSeats);
    expect(totals.live).toBe(5);
    expect(totals.enrolled).toBe(1);
    expect(totals.places).toBe(schools.reduce((sum, s) => sum + (s.places ?? 0), 0));
    expect(freeSchools.every((s) => (s.free ?? 0) > 0)).toBe(true);
    expect(freeSchools.map((s) => s.free)).toEqual([...freeSchools.map((s) => s.free)].sort((a, b) => b! - a!));
  });

  it("sorts by demand by default, by number when asked, and filters by municipality", async () => {
    const byDemand = (await load()).schools.map((s) => s.code);
    expect(byDemand[0]).toBe("112");
    const byCode = (await load({ sort: "code" })).schools.map((s) => s.code);
    expect(byCode).toEqual([...byCode].sort((a, b) => Number(a) - Number(b)));
    const kuznetsk = await load({ oktmo: "56705000" });
    expect(kuznetsk.schools.length).toBeGreaterThan(0);
    expect(kuznetsk.schools.every((s) => s.oktmo === "56705000")).toBe(true);
    expect(kuznetsk.schools.some((s) => s.code === "112")).toBe(false);
    // The region's totals by stage do not depend on the schools shown.
    expect(kuznetsk.stages[0]!.live).toBe(5);
  });

  it("is fed by the submissions' anonymised statistics, as the indicators are", async () => {
    const events = await db.statEvent.count({ where: { serviceCode: SERVICE, kind: "submitted", at: { gte: OPENS } } });
    expect(events).toBe(6);
    const withdrawals = await db.statEvent.count({ where: { serviceCode: SERVICE, toStatus: "withdrawn" } });
    expect(withdrawals).toBeGreaterThanOrEqual(1);
  });

  it("is for the enrollment department's staff and analysts, not for school staff or other departments", async () => {
    const grant = (
      role: "officer" | "supervisor" | "analyst",
      departmentCode: string | null,
      schoolCode: string | null,
    ) => [{ role, departmentCode, schoolCode }];
    expect(await mayViewCampaignDashboard(db, grant("officer", "minobr", null))).toBe(true);
    expect(await mayViewCampaignDashboard(db, grant("supervisor", "minobr", null))).toBe(true);
    expect(await mayViewCampaignDashboard(db, grant("analyst", null, null))).toBe(true);
    expect(await mayViewCampaignDashboard(db, grant("officer", "minobr", "112"))).toBe(false);
    expect(await mayViewCampaignDashboard(db, grant("officer", "mintrud", null))).toBe(false);
    expect(await mayViewCampaignDashboard(db, [{ role: "admin", departmentCode: null, schoolCode: null }])).toBe(false);
  });
});

describe("editing a campaign", () => {
  const admin = "admin-campaigns";
  const parse = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.append(name, value);
    return parseWithZod(data, { schema: CampaignFormSchema });
  };

  it("refuses a bad date range through the form's schema, and the store writes nothing", async () => {
    const before = await findCampaign(db, 2027);
    const result = parse({ ...campaignFormValues(before!), stage1EndsDate: "2027-03-15" });
    expect(result.status).toBe("error");
    expect(result.status === "error" && result.error).toEqual({
      stage1EndsDate: ["enrollment:campaignAdmin.errors.stage1EndsBeforeItOpens"],
    });
    // The store guards other callers as well.
    const bad = { ...defaultCampaign(2027), stage1EndsAt: new Date("2027-03-15T00:00:00Z") };
    expect(await saveCampaign(db, { campaign: bad, mode: "update", actorId: admin })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await findCampaign(db, 2027)).toEqual(before);
  });

  it("moves the opening later, with an audit row, and the scheduled draft waits for the new instant", async () => {
    // A draft scheduled in December 2026 for the 2027 opening.
    const december = new Date("2026-12-01T09:00:00Z");
    const p = await parent(820001);
    const draftId = await draftOf(p, "112");
    expect(await scheduleSubmission(db, { applicantId: p.userId, draftId, ip: "192.0.2.7", now: december })).toEqual({
      ok: true,
      sendAt: OPENS,
    });

    const stored = (await findCampaign(db, 2027))!;
    const later = new Date("2027-04-01T21:00:00.000Z"); // 2 April 00:00 Moscow
    const values = { ...campaignFormValues(stored, stored.updatedAt.getTime()), stage1OpensDate: "2027-04-02" };
    const result = parse(values);
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    const built = campaignOfForm(result.value);
    expect(built.ok && built.campaign.stage1OpensAt).toEqual(later);
    if (!built.ok) return;
    const saved = await saveCampaign(db, {
      campaign: built.campaign,
      mode: "update",
      version: result.value.version,
      actorId: admin,
    });
    expect(saved).toEqual({ ok: true, created: false, movedScheduled: 1 });
    expect((await loadCampaign(db, 2027)).stage1OpensAt).toEqual(later);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "enrollment-campaign.changed", subjectId: "2027" },
      orderBy: { id: "desc" },
    });
    expect(audit.actorId).toBe(admin);
    expect(JSON.parse(audit.details)).toMatchObject({
      stage1OpensAt: later.toISOString(),
      was_stage1OpensAt: OPENS.toISOString(),
      movedScheduled: 1,
    });

    const row = await db.scheduledSubmission.findUniqueOrThrow({ where: { draftId } });
    expect(row).toMatchObject({ state: "scheduled", sendAt: later });
    // At the old instant nothing is due: the draft stays scheduled for the new one.
    expect(await sendDueSubmissions(db, at(SECOND))).toEqual({ sent: 0, refused: 0 });
    expect(await db.scheduledSubmission.findUniqueOrThrow({ where: { draftId } })).toMatchObject({
      state: "scheduled",
      sendAt: later,
    });
  });

  it("refuses to save over another administrator's change made since the page was shown", async () => {
    const stored = (await findCampaign(db, 2027))!;
    const stale = stored.updatedAt.getTime() - 1;
    expect(await saveCampaign(db, { campaign: stored, mode: "update", version: stale, actorId: admin })).toEqual({
      ok: false,
      error: "conflict",
    });
    expect(await saveCampaign(db, { campaign: stored, mode: "create", actorId: admin })).toEqual({
      ok: false,
      error: "exists",
    });
    expect(await saveCampaign(db, { campaign: defaultCampaign(2031), mode: "update", actorId: admin })).toEqual({
      ok: false,
      error: "not-found",
    });
  });

  it("adds the next year's campaign with the federal dates", async () => {
    const next = await nextCampaign(db);
    expect(next).toEqual(defaultCampaign(2028));
    expect(await saveCampaign(db, { campaign: next, mode: "create", actorId: admin })).toEqual({
      ok: true,
      created: true,
      movedScheduled: 0,
    });
    expect(await findCampaign(db, 2028)).toMatchObject({ ...defaultCampaign(2028) });
    expect(await db.auditEvent.count({ where: { action: "enrollment-campaign.added", subjectId: "2028" } })).toBe(1);
    expect((await nextCampaign(db)).year).toBe(2029);
  });
});
