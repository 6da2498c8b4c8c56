import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { getChildren, saveDraftAnswers, submitApplication } from "~/domain/applications/applications.server";
import { applyCommand } from "~/domain/applications/transitions.server";
import { enrollmentStanding, schoolRankedList } from "~/domain/enrollment/enrollment.server";
import {
  cancelScheduledSubmission,
  scheduleSubmission,
  sendDueSubmissions,
  startScheduledSubmissions,
} from "~/domain/enrollment/scheduled-submission.server";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { reviewPage } from "~/domain/applications/review-page.server";
import { formatDateTime } from "~/domain/region/dates";
import { PrismaClient as Client } from "~/generated/prisma/client";
import { seedDemoData } from "../../seeds/demo";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { createTestDatabase } from "./test-database";

/*
 * First-grade enrollment at submission: the campaign's instants decide (they are data, set here),
 * the application stands on its school's list by stage, class and receipt sequence, and one child
 * cannot be applied twice to a school or to more schools than the stage allows — across accounts.
 */
const SERVICE = "58-EDU-001";
let db: PrismaClient;
let url: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, dispose } = await createTestDatabase());
  await seedDemoData(db);
});
afterAll(() => dispose());

let n = 0;
/** A parent with a full profile and a child of six and a half on 1 September 2027. */
async function parent(certificateNumber: number, childBirthDate = "2021-01-15") {
  n += 1;
  const { userId } = await createParent(db, {
    email: `parent-${n}@example.ru`,
    seed: 7000 + n,
    child: {
      lastName: "Родителев",
      firstName: "Миша",
      birthDate: childBirthDate,
      birthCertificate: `I-ИЗ ${certificateNumber}`,
    },
  });
  return userId;
}

async function draftFor(
  userId: string,
  input: { school: string; certificate: number; priority?: string; house?: string; more?: Record<string, unknown> },
) {
  const child = (await getChildren(db, userId))[0]!;
  return saveFirstGradeDraft(db, userId, {
    child: { id: child.id, birthCertificate: `I-ИЗ ${input.certificate}` },
    school: input.school,
    house: input.house ?? "13",
    priority: input.priority,
    answers: input.more,
  });
}

async function openCampaign(stage1OpensAt: Date) {
  const year = 2027;
  await db.enrollmentCampaign.upsert({
    where: { year },
    create: {
      year,
      stage1OpensAt,
      stage1EndsAt: new Date("2027-06-30T20:59:59.999Z"),
      stage2OpensAt: new Date("2027-07-05T21:00:00.000Z"),
      stage2EndsAt: new Date("2027-09-05T20:59:59.999Z"),
    },
    update: { stage1OpensAt },
  });
}

const december = new Date("2026-12-01T09:00:00Z");

describe("first-grade submission in the campaign", () => {
  it("waits as a draft until stage 1 opens, and says when", async () => {
    await openCampaign(new Date("2027-03-31T21:00:00.000Z"));
    const userId = await parent(610001);
    const draftId = await draftFor(userId, { school: "112", certificate: 610001 });
    const result = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.1", now: december });
    expect(result).toEqual({
      ok: false,
      error: "enrollment-closed",
      reason: "notYetOpen",
      opensAt: new Date("2027-03-31T21:00:00.000Z"),
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("draft");
  });

  it("takes territory applications in stage 1, ranked by receipt, with the stage-1 order deadline", async () => {
    await openCampaign(new Date("2026-11-30T21:00:00.000Z"));
    const first = await parent(620001);
    const second = await parent(620002);
    const firstDraft = await draftFor(first, { school: "112", certificate: 620001 });
    const secondDraft = await draftFor(second, { school: "112", certificate: 620002 });
    const a = await submitApplication(db, { applicantId: first, draftId: firstDraft, ip: "192.0.2.1", now: december });
    const b = await submitApplication(db, {
      applicantId: second,
      draftId: secondDraft,
      ip: "192.0.2.2",
      now: december,
    });
    expect(a.ok && b.ok).toBe(true);
    const app = await db.application.findUniqueOrThrow({ where: { id: firstDraft }, include: { enrollment: true } });
    expect(app.enrollment).toMatchObject({ schoolCode: "112", stage: 1, rankClass: 3, inTerritory: true, live: true });
    expect(app.deadline).toBe("2027-07-05"); // 3 working days after 30 June 2027
    const standingA = await enrollmentStanding(db, firstDraft);
    const standingB = await enrollmentStanding(db, secondDraft);
    expect(standingB!.position).toBe(standingA!.position + 1);
    expect(standingA!.seats).toBeGreaterThan(0);
  });

  it("ranks a priority right ahead of earlier territory applications, flagged when it has no proof", async () => {
    const before = await parent(630001);
    const beforeDraft = await draftFor(before, { school: "112", certificate: 630001 });
    await submitApplication(db, { applicantId: before, draftId: beforeDraft, ip: "192.0.2.1", now: december });
    const priority = await parent(630002);
    const priorityDraft = await draftFor(priority, {
      school: "112",
      certificate: 630002,
      priority: "first",
      more: { firstGround: "police" },
    });
    const result = await submitApplication(db, {
      applicantId: priority,
      draftId: priorityDraft,
      ip: "192.0.2.3",
      now: december,
    });
    expect(result.ok).toBe(true);
    const standing = await enrollmentStanding(db, priorityDraft);
    const territory = await enrollmentStanding(db, beforeDraft);
    expect(standing!.position).toBeLessThan(territory!.position);
    expect(territory!.aheadWithPriority).toBeGreaterThanOrEqual(1);
    expect(standing!.flags).toContain("proofMissing");
  });

  it("refuses stage 1 to a child outside the territory without a priority right, naming stage 2's opening", async () => {
    const userId = await parent(640001);
    // House 57 is in the address list, assigned to school No. 100, not 112.
    const draftId = await draftFor(userId, { school: "112", certificate: 640001, house: "57" });
    const result = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.1", now: december });
    expect(result).toMatchObject({ ok: false, error: "enrollment-closed", reason: "stage1NotQualified" });
  });

  it("takes an address the list does not know, flagged for the school to check by hand", async () => {
    const userId = await parent(640002);
    const draftId = await draftFor(userId, { school: "112", certificate: 640002, house: "999" });
    const result = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.1", now: december });
    expect(result.ok).toBe(true);
    expect((await enrollmentStanding(db, draftId))!.flags).toContain("addressNotInList");
  });

  it("detects the same child applied by a second parent, without showing the other account's number", async () => {
    const mother = await parent(650001);
    const father = await parent(650001);
    const motherDraft = await draftFor(mother, { school: "112", certificate: 650001 });
    const ok = await submitApplication(db, {
      applicantId: mother,
      draftId: motherDraft,
      ip: "192.0.2.1",
      now: december,
    });
    expect(ok.ok).toBe(true);
    const fatherDraft = await draftFor(father, { school: "112", certificate: 650001 });
    const twice = await submitApplication(db, {
      applicantId: father,
      draftId: fatherDraft,
      ip: "192.0.2.9",
      now: december,
    });
    expect(twice).toEqual({ ok: false, error: "enrollment-duplicate", reason: "sameSchool", ownNumber: null });
    // The same parent again, to another school: over the stage's limit of one school, and told her own number.
    const again = await draftFor(mother, { school: "115", certificate: 650001 });
    const own = await submitApplication(db, { applicantId: mother, draftId: again, ip: "192.0.2.1", now: december });
    expect(own).toMatchObject({ ok: false, error: "enrollment-duplicate", reason: "limitReached" });
    if (ok.ok && !own.ok && own.error === "enrollment-duplicate") expect(own.ownNumber).toBe(ok.number);
  });

  it("a withdrawn application leaves the list and frees the child for another school", async () => {
    const userId = await parent(660001);
    const draftId = await draftFor(userId, { school: "112", certificate: 660001 });
    const submitted = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.1", now: december });
    expect(submitted.ok).toBe(true);
    const withdrawn = await applyCommand(db, {
      applicationId: draftId,
      command: "withdraw",
      actor: { kind: "resident", id: userId, role: "resident" },
    });
    expect(withdrawn.ok).toBe(true);
    expect(await enrollmentStanding(db, draftId)).toBeNull();
    const other = await draftFor(userId, { school: "115", certificate: 660001 });
    expect(
      (await submitApplication(db, { applicantId: userId, draftId: other, ip: "192.0.2.1", now: december })).ok,
    ).toBe(true);
  });
});

describe("scheduled submission", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("sends scheduled drafts at the opening in the order they were scheduled, each with its own receipt", async () => {
    const opensAt = new Date(Date.now() + 2_000);
    await openCampaign(opensAt);
    const parents = [await parent(710001), await parent(710002), await parent(710003), await parent(710004)];
    const drafts = [
      await draftFor(parents[0]!, { school: "112", certificate: 710001 }),
      await draftFor(parents[1]!, { school: "112", certificate: 710002 }),
      await draftFor(parents[2]!, { school: "112", certificate: 710003 }),
      await draftFor(parents[3]!, { school: "112", certificate: 710004 }),
    ];
    // Scheduled in the order 2, 0, 3, 1.
    for (const i of [2, 0, 3, 1]) {
      const scheduled = await scheduleSubmission(db, {
        applicantId: parents[i]!,
        draftId: drafts[i]!,
        ip: `192.0.2.${i}`,
      });
      expect(scheduled).toEqual({ ok: true, sendAt: opensAt });
    }
    // Scheduling again keeps the place; sending now is refused before the instant.
    await scheduleSubmission(db, { applicantId: parents[2]!, draftId: drafts[2]!, ip: "192.0.2.2" });
    // The review page says when it goes (read in SQL, reviewPage).
    const slug = (await db.service.findUniqueOrThrow({ where: { code: SERVICE } })).slug;
    const review = (i: number) =>
      reviewPage(db, { applicantId: parents[i]!, draftId: drafts[i]!, slug, language: "ru" });
    expect(await review(2)).toMatchObject({
      found: "draft",
      page: { scheduled: { state: "scheduled", sendAt: formatDateTime(opensAt, "ru"), reason: null } },
    });
    expect(await reviewPage(db, { applicantId: parents[0]!, draftId: drafts[2]!, slug, language: "ru" })).toEqual({
      found: "nothing",
    });
    expect(await sendDueSubmissions(db)).toEqual({ sent: 0, refused: 0 });
    // One draft is cancelled, one becomes invalid before the instant.
    expect(await cancelScheduledSubmission(db, { applicantId: parents[3]!, draftId: drafts[3]! })).toBe(true);
    await saveDraftAnswers(db, parents[1]!, drafts[1]!, { school: "999" }, "review");

    // A process started after the scheduling (a restart) sends them at the instant.
    const restarted = new Client({ adapter: createSqliteAdapter(url) });
    const stop = startScheduledSubmissions(restarted);
    await sleep(opensAt.getTime() - Date.now() + 1_500);
    stop();
    await restarted.$disconnect();

    const rows = await db.scheduledSubmission.findMany({ orderBy: { id: "asc" } });
    const byDraft = new Map(rows.map((r) => [r.draftId, r]));
    expect(byDraft.get(drafts[2]!)!.state).toBe("sent");
    expect(byDraft.get(drafts[0]!)!.state).toBe("sent");
    expect(byDraft.get(drafts[3]!)!.state).toBe("cancelled");
    expect(byDraft.get(drafts[1]!)).toMatchObject({ state: "refused" });
    expect(byDraft.get(drafts[1]!)!.reason).toMatch(/^invalid:/);
    // The refused draft's page says why; a sent one's review page sends to the application.
    expect(await review(1)).toMatchObject({
      found: "draft",
      page: { scheduled: { state: "refused", reason: "invalid" } },
    });
    expect(await review(2)).toEqual({ found: "submitted", number: expect.any(String) as string });
    const sent = await db.application.findMany({
      where: { id: { in: [drafts[2]!, drafts[0]!] } },
      include: { enrollment: true },
    });
    const first = sent.find((a) => a.id === drafts[2])!;
    const second = sent.find((a) => a.id === drafts[0])!;
    expect(first.sequence!).toBeLessThan(second.sequence!);
    expect(first.receivedAt!.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
    expect(second.receivedAt!.getTime()).toBeGreaterThanOrEqual(first.receivedAt!.getTime());
    expect(first.enrollment).toMatchObject({ schoolCode: "112", stage: 1 });
    // The consent keeps the address the parent scheduled it from.
    const consent = await db.consent.findFirstOrThrow({
      where: { userId: parents[2]!, purpose: `application:${SERVICE}` },
    });
    expect(consent.ip).toBe("192.0.2.2");
    expect((await db.application.findUniqueOrThrow({ where: { id: drafts[3]! } })).status).toBe("draft");
  });

  it("schedules only a complete draft, and only before its stage opens", async () => {
    await openCampaign(new Date(Date.now() - 60_000));
    const userId = await parent(720001);
    const draftId = await draftFor(userId, { school: "112", certificate: 720001 });
    expect(await scheduleSubmission(db, { applicantId: userId, draftId, ip: "192.0.2.1" })).toEqual({
      ok: false,
      error: "window-open",
    });
    await openCampaign(new Date(Date.now() + 60 * 60_000));
    await saveDraftAnswers(db, userId, draftId, { charterAcknowledged: undefined }, "review");
    expect(await scheduleSubmission(db, { applicantId: userId, draftId, ip: "192.0.2.1" })).toMatchObject({
      ok: false,
      error: "invalid",
    });
  });
});

describe("the school's ranked list", () => {
  it("is in the ranking's order with the flags, and only for the school's own staff", async () => {
    const department = await db.service.findUniqueOrThrow({ where: { code: SERVICE }, select: { departmentId: true } });
    const scope = { departmentIds: [department.departmentId], campaignYear: 2027, schoolCode: "112" };
    const rows = (await schoolRankedList(db, { ...scope, schoolCodes: ["112"] }))!;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    const order = rows.map((r) => [r.stage, r.rankClass]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(rows[0]!.rankClass).toBe(1); // the first-priority claim of the ranking test
    expect(rows[0]!.flags).toContain("proofMissing");
    expect(await schoolRankedList(db, { ...scope, schoolCodes: ["115"] })).toBeNull();
    expect(await schoolRankedList(db, { ...scope, departmentIds: [], schoolCodes: null })).toEqual([]);
  });
});
