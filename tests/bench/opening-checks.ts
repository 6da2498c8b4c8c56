import Database from "better-sqlite3";
import { parseAnswers } from "~/domain/applications/applications.server";
import { decideEnrollment, enrollmentStanding } from "~/domain/enrollment/enrollment.server";
import { NO_PRIORITY_RANK_CLASS } from "~/domain/enrollment/ranking";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { applicationSchema } from "~/domain/forms/form-schema";
import { regionDate } from "~/domain/region/clock";
import type { PrismaClient } from "~/generated/prisma/client";
import type { Parent } from "./opening-prepare";
import type { PressOutcome } from "./opening-load";

/*
 * Before the opening, that the drafts will be taken. After it, what the opening minute left in the
 * portal's database, read from the file itself (read-only): every acknowledged application there
 * once under the number it was acknowledged with, no child twice on a school's list, the receipt
 * sequence in receipt order (and in the order the clients saw their answers, and in the order
 * drafts were scheduled), and the places `enrollmentStanding` tells parents equal to those counted
 * independently from the list.
 */

export type CheckResult = { name: string; ok: boolean; count: number; detail: string; examples: string[] };

type Row = {
  id: string;
  number: string | null;
  sequence: number | null;
  receivedAt: string | null;
  status: string;
  submits: number;
};

export async function checkDatabase(input: {
  databaseFile: string;
  db: PrismaClient;
  campaignYear: number;
  parents: Parent[];
  /** Every press of every phase (before and after a kill). */
  presses: PressOutcome[];
  /** Parents whose drafts were scheduled (in --scheduled runs). */
  scheduled: boolean;
  positionSample: number;
}): Promise<{ checks: CheckResult[]; stored: number; acknowledged: number; storedNotAcknowledged: number }> {
  const raw = new Database(input.databaseFile, { readonly: true, fileMustExist: true });
  const checks: CheckResult[] = [];
  const add = (name: string, problems: string[], detail: string) =>
    checks.push({ name, ok: problems.length === 0, count: problems.length, detail, examples: problems.slice(0, 5) });
  try {
    const rows = raw
      .prepare(
        `SELECT a.id, a.number, a.sequence, a.receivedAt, a.status,
           (SELECT COUNT(*) FROM ApplicationEvent e WHERE e.applicationId = a.id AND e.command = 'submit') AS submits
         FROM Application a`,
      )
      .all() as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));

    // ---- acknowledged = stored, once, under that number
    const numbersOf = new Map<number, Set<string>>();
    for (const p of input.presses) {
      if (p.number) numbersOf.set(p.parent, (numbersOf.get(p.parent) ?? new Set<string>()).add(p.number));
    }
    const lost: string[] = [];
    const twoNumbers: string[] = [];
    for (const [parent, numbers] of numbersOf) {
      const draft = input.parents[parent]!.draftId;
      const row = byId.get(draft);
      if (numbers.size > 1) twoNumbers.push(`parent ${parent}: ${[...numbers].join(" / ")}`);
      for (const number of numbers) {
        if (!row || row.number !== number || row.status === "draft")
          lost.push(
            `parent ${parent} acknowledged ${number}, stored ${row?.number ?? "nothing"} (${row?.status ?? "-"})`,
          );
      }
    }
    add("lost", lost, `${lost.length} acknowledged applications missing or under another number`);

    const owners = new Map<string, number[]>();
    for (const [parent, numbers] of numbersOf)
      for (const n of numbers) owners.set(n, [...(owners.get(n) ?? []), parent]);
    const shared = [...owners].filter(([, o]) => o.length > 1).map(([n, o]) => `${n} given to parents ${o.join(", ")}`);
    const benchRows = input.parents.map((p) => byId.get(p.draftId));
    const manySubmits = benchRows
      .filter((r): r is Row => r !== undefined && r.submits > 1)
      .map((r) => `${r.number}: ${r.submits} "submit" events`);
    const unevented = benchRows
      .filter((r): r is Row => r !== undefined && r.number !== null && r.submits === 0)
      .map((r) => `${r.number}: no "submit" event`);
    const sameSchool = (
      raw
        .prepare(
          `SELECT childCertificate, schoolCode, COUNT(*) AS n FROM EnrollmentRequest WHERE live = 1 AND campaignYear = ?
           GROUP BY childCertificate, schoolCode HAVING COUNT(*) > 1`,
        )
        .all(input.campaignYear) as { childCertificate: string; schoolCode: string; n: number }[]
    ).map((r) => `child ${r.childCertificate}: ${r.n} live requests to school ${r.schoolCode}`);
    const perChild = (
      raw
        .prepare(
          `SELECT childCertificate, COUNT(*) AS n FROM EnrollmentRequest WHERE live = 1 AND campaignYear = ? AND stage = 1
           GROUP BY childCertificate HAVING COUNT(*) > (SELECT schoolsPerChildStage1 FROM EnrollmentCampaign WHERE year = ?)`,
        )
        .all(input.campaignYear, input.campaignYear) as { childCertificate: string; n: number }[]
    ).map((r) => `child ${r.childCertificate}: ${r.n} schools in stage 1`);
    const stored = benchRows.filter((r) => r?.number).length;
    const listed = new Set(
      (
        raw.prepare(`SELECT applicationId FROM EnrollmentRequest WHERE campaignYear = ?`).all(input.campaignYear) as {
          applicationId: string;
        }[]
      ).map((r) => r.applicationId),
    );
    const noRequest = input.parents
      .filter((p) => Boolean(byId.get(p.draftId)?.number) !== listed.has(p.draftId))
      .map(
        (p) =>
          `parent ${p.index}: number ${byId.get(p.draftId)?.number ?? "none"}, on a list: ${listed.has(p.draftId)}`,
      );
    const duplicates = [
      ...twoNumbers,
      ...shared,
      ...manySubmits,
      ...unevented,
      ...sameSchool,
      ...perChild,
      ...noRequest,
    ];
    add(
      "duplicates",
      duplicates,
      `${twoNumbers.length} parents answered with two numbers, ${shared.length} numbers shared, ${manySubmits.length} with >1 submit event, ` +
        `${sameSchool.length} children twice at a school, ${perChild.length} over the schools-per-child limit`,
    );

    // ---- receipt order over the bench's receipts (the seed's own history comes before them): the
    // sequence unique and gap-free, receivedAt never going back as it grows
    const benchIds = new Set(input.parents.map((p) => p.draftId));
    const allSequenced = rows.filter((r) => r.sequence !== null);
    const sequenced = allSequenced
      .filter((r) => benchIds.has(r.id))
      .sort((a, b) => a.sequence! - b.sequence!)
      .map((r) => ({ ...r, at: Date.parse(r.receivedAt ?? "") }));
    const inversions: string[] = [];
    let worstMs = 0;
    for (let i = 1; i < sequenced.length; i++) {
      const a = sequenced[i - 1]!;
      const b = sequenced[i]!;
      if (!(b.at >= a.at)) {
        worstMs = Math.max(worstMs, a.at - b.at);
        inversions.push(`#${a.sequence} received ${a.receivedAt}, #${b.sequence} ${b.receivedAt}`);
      }
    }
    const low = sequenced[0]?.sequence ?? 0;
    const high = sequenced.at(-1)?.sequence ?? -1;
    const within = new Set(
      allSequenced.filter((r) => r.sequence! >= low && r.sequence! <= high).map((r) => r.sequence),
    );
    const gaps = high - low + 1 - within.size;
    const counter = raw.prepare(`SELECT value FROM Counter WHERE name = 'receipt'`).get() as
      { value: number } | undefined;
    const highest = Math.max(0, ...allSequenced.map((r) => r.sequence!));
    const orderProblems = [...inversions];
    if (gaps !== 0) orderProblems.push(`${gaps} gaps in the receipt sequence ${low}…${high}`);
    if (counter && counter.value !== highest)
      orderProblems.push(`receipt counter ${counter.value}, highest receipt ${highest}`);
    add(
      "receipt order",
      orderProblems,
      `${sequenced.length} receipts #${low}…#${high}; ${inversions.length} times receivedAt goes back as the sequence grows (worst ${worstMs} ms); ${gaps} gaps`,
    );

    // The clients' view: a parent answered before another parent first pressed was received first.
    const firstStart = new Map<number, number>();
    const firstAck = new Map<number, number>();
    for (const p of input.presses) {
      firstStart.set(p.parent, Math.min(firstStart.get(p.parent) ?? Infinity, p.start));
      if (p.number) firstAck.set(p.parent, Math.min(firstAck.get(p.parent) ?? Infinity, p.end));
    }
    const seqOf = (parent: number) => byId.get(input.parents[parent]!.draftId)?.sequence ?? null;
    const answered = [...firstAck].filter(([parent]) => seqOf(parent) !== null).sort((a, b) => a[1] - b[1]);
    const pressed = [...firstStart].filter(([parent]) => seqOf(parent) !== null).sort((a, b) => a[1] - b[1]);
    const causal: string[] = [];
    let j = 0;
    let top = -Infinity;
    let topParent = -1;
    for (const [parent, start] of pressed) {
      while (j < answered.length && answered[j]![1] < start) {
        const s = seqOf(answered[j]![0])!;
        if (s > top) [top, topParent] = [s, answered[j]![0]];
        j++;
      }
      const s = seqOf(parent)!;
      if (s < top) causal.push(`parent ${parent} pressed after parent ${topParent} was answered, yet #${s} < #${top}`);
    }
    add(
      "order seen by clients",
      causal,
      `${causal.length} parents received ahead of one already answered before they pressed`,
    );

    if (input.scheduled) {
      const sent = raw
        .prepare(
          `SELECT s.id, s.state, s.reason, a.sequence FROM ScheduledSubmission s JOIN Application a ON a.id = s.draftId ORDER BY s.id`,
        )
        .all() as { id: number; state: string; reason: string | null; sequence: number | null }[];
      const problems: string[] = [];
      let last = -Infinity;
      for (const row of sent) {
        if (row.state !== "sent") {
          problems.push(`scheduled #${row.id} ${row.state}${row.reason ? ` (${row.reason})` : ""}`);
          continue;
        }
        if (row.sequence === null) problems.push(`scheduled #${row.id} sent without a receipt`);
        else if (row.sequence < last) problems.push(`scheduled #${row.id} received as #${row.sequence} after #${last}`);
        else last = row.sequence;
      }
      add(
        "scheduled order",
        problems,
        `${sent.length} scheduled; ${problems.length} not sent or out of the scheduling order`,
      );
    }

    // ---- places: enrollmentStanding against an ORDER BY over the whole list, on the application's own sequence
    const list = raw
      .prepare(
        `SELECT r.applicationId, r.schoolCode, r.stage, r.rankClass, r.sequence AS requestSequence, r.inTerritory,
                a.sequence,
                ROW_NUMBER() OVER (PARTITION BY r.schoolCode ORDER BY r.stage, r.rankClass, a.sequence) AS position,
                SUM(CASE WHEN r.rankClass < ? THEN 1 ELSE 0 END)
                  OVER (PARTITION BY r.schoolCode ORDER BY r.stage, r.rankClass, a.sequence
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS priorityAhead
         FROM EnrollmentRequest r JOIN Application a ON a.id = r.applicationId
         WHERE r.live = 1 AND r.campaignYear = ?`,
      )
      .all(NO_PRIORITY_RANK_CLASS, input.campaignYear) as {
      applicationId: string;
      schoolCode: string;
      stage: number;
      rankClass: number;
      requestSequence: number;
      inTerritory: number;
      sequence: number;
      position: number;
      priorityAhead: number | null;
    }[];
    const parentOf = new Map(input.parents.map((p) => [p.draftId, p]));
    const placeProblems: string[] = [];
    for (const entry of list) {
      const parent = parentOf.get(entry.applicationId);
      if (!parent) continue;
      if (entry.rankClass !== parent.expectedRankClass || entry.stage !== 1 || entry.inTerritory !== 1)
        placeProblems.push(
          `parent ${parent.index}: stage ${entry.stage}, class ${entry.rankClass}, in territory ${entry.inTerritory} (expected 1, ${parent.expectedRankClass}, 1)`,
        );
      if (entry.requestSequence !== entry.sequence)
        placeProblems.push(
          `parent ${parent.index}: list sequence ${entry.requestSequence} ≠ receipt ${entry.sequence}`,
        );
      if (entry.schoolCode !== parent.school)
        placeProblems.push(`parent ${parent.index}: on ${entry.schoolCode}'s list`);
    }
    // A sample spread evenly over the list (a seeded stride, not the first rows).
    const step = Math.max(1, Math.floor(list.length / input.positionSample));
    let sampled = 0;
    for (let i = Math.floor(step / 2); i < list.length && sampled < input.positionSample; i += step) {
      const entry = list[i]!;
      sampled++;
      const standing = await enrollmentStanding(input.db, entry.applicationId);
      if (!standing) placeProblems.push(`${entry.applicationId}: no standing`);
      else if (standing.position !== entry.position || standing.aheadWithPriority !== (entry.priorityAhead ?? 0))
        placeProblems.push(
          `${entry.applicationId} at ${entry.schoolCode}: standing ${standing.position} (${standing.aheadWithPriority} with priority ahead), list ${entry.position} (${entry.priorityAhead ?? 0})`,
        );
    }
    add(
      "queue positions",
      placeProblems,
      `${sampled} standings against the list; classes of all ${list.length} on the lists`,
    );

    const acknowledged = numbersOf.size;
    // Among parents who pressed (a scheduled draft is sent by the portal, nobody waits for an answer).
    const pressedAny = new Set(input.presses.map((p) => p.parent));
    const storedNotAcknowledged = input.parents.filter(
      (p, i) => pressedAny.has(i) && byId.get(p.draftId)?.number && !numbersOf.has(i),
    ).length;
    return { checks, stored, acknowledged, storedNotAcknowledged };
  } finally {
    raw.close();
  }
}

/** Facts of the database the figures depend on: the portal's connection settings, as its factory makes them. */
/** The file's journal mode (synchronous is a connection's own setting, so the bench's would say nothing of the portal's). */
export async function databaseSettings(db: PrismaClient): Promise<{ journalMode: string }> {
  const result = await db.$queryRawUnsafe<Record<string, unknown>[]>("PRAGMA journal_mode");
  return { journalMode: String(Object.values(result[0] ?? {})[0]) };
}

/**
 * Every draft passes the schema the submission checks, and a sample passes the campaign's decision
 * as of the opening: stage 1, in the territory, in the rank class the bench expects. So the run
 * measures submissions, not refusals.
 */
export async function checkDrafts(
  db: PrismaClient,
  input: { parents: Parent[]; form: FormDefinition; openingAt: Date; sample: number },
): Promise<string[]> {
  const problems: string[] = [];
  const today = regionDate(input.openingAt);
  const byDraft = new Map(input.parents.map((p) => [p.draftId, p]));
  const stored = await db.application.findMany({
    where: { status: "draft", applicant: { email: { endsWith: "@bench.example" } } },
    select: { id: true, applicantId: true, answers: true },
  });
  const children = await db.child.findMany({
    where: { user: { email: { endsWith: "@bench.example" } } },
    select: { id: true, userId: true, birthDate: true },
  });
  const childrenOf = new Map<string, { id: string; birthDate: string }[]>();
  for (const c of children) childrenOf.set(c.userId, [...(childrenOf.get(c.userId) ?? []), c]);
  const parsed = new Map<string, Record<string, unknown>>();
  for (const row of stored) {
    if (!byDraft.has(row.id)) continue;
    const result = applicationSchema(input.form, {
      today,
      children: childrenOf.get(row.applicantId ?? "") ?? [],
      applicantBirthDate: "1990-05-17",
    }).safeParse(parseAnswers(row.answers));
    if (result.success) parsed.set(row.id, result.data);
    else if (problems.length < 5) {
      const issue = result.error.issues[0];
      problems.push(`draft ${row.id} fails the form's schema: ${issue?.path.join(".")} ${issue?.message}`);
    }
  }
  if (parsed.size !== input.parents.length && problems.length === 0)
    problems.push(`${parsed.size} of ${input.parents.length} drafts stored and valid`);
  const step = Math.max(1, Math.floor(input.parents.length / input.sample));
  for (let i = 0; i < input.parents.length && problems.length < 5; i += step) {
    const parent = input.parents[i]!;
    const answers = parsed.get(parent.draftId);
    if (!answers) continue;
    const decision = await decideEnrollment(db, { applicantId: parent.userId, answers, now: input.openingAt });
    if (!decision?.ok)
      problems.push(`parent ${i}: the campaign would not take the draft (${JSON.stringify(decision)})`);
    else if (decision.stage !== 1 || !decision.claim.inTerritory || decision.rankClass !== parent.expectedRankClass)
      problems.push(
        `parent ${i}: stage ${decision.stage}, in territory ${decision.claim.inTerritory}, class ${decision.rankClass} (expected 1, true, ${parent.expectedRankClass})`,
      );
  }
  return problems;
}
