import { Agent } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { defaultCampaign } from "~/domain/enrollment/campaign";
import type { PrismaClient } from "~/generated/prisma/client";
import { send } from "./opening-load";
import type { Parent } from "./opening-prepare";
import { latency } from "./opening-report";

/*
 * The campaign's instant and the drafts scheduled for it (docs/enrollment.md, "Scheduled
 * submission"): the bench writes the opening as data, schedules drafts from their review pages as a
 * parent does, and reads from the database file how the portal sent them at the instant.
 */

/** Writes stage 1 of the campaign of `year` to open at `opensAt`; the other dates stay (or are the federal ones). */
export async function openCampaignAt(db: PrismaClient, year: number, opensAt: Date): Promise<void> {
  const federal = defaultCampaign(year);
  await db.enrollmentCampaign.upsert({
    where: { year },
    create: {
      year,
      stage1OpensAt: opensAt,
      stage1EndsAt: federal.stage1EndsAt,
      stage2OpensAt: federal.stage2OpensAt,
      stage2EndsAt: federal.stage2EndsAt,
      schoolsPerChildStage1: federal.schoolsPerChild[1],
      schoolsPerChildStage2: federal.schoolsPerChild[2],
    },
    update: { stage1OpensAt: opensAt },
  });
}

/**
 * Schedules drafts the way a parent does, from the review page (the portal wakes its scheduler).
 * Preparation, not measurement: a few clients, patient, and a retry after a network error
 * (scheduling twice keeps the first place).
 */
export async function scheduleThroughPortal(base: string, slug: string, parents: Parent[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let next = 0;
  let refused = 0;
  const schedule = (parent: Parent) =>
    send(new URL(`/services/${slug}/apply/${parent.draftId}/review`, base), {
      method: "POST",
      agent,
      headers: {
        Cookie: parent.cookies[0]!,
        Origin: new URL(base).origin,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "intent=schedule",
      timeoutMs: 120_000,
    });
  const client = async () => {
    while (next < parents.length) {
      const parent = parents[next++]!;
      let answer = null;
      for (let attempt = 0; attempt < 3 && !answer; attempt++) answer = await schedule(parent).catch(() => null);
      if (answer?.status !== 302 || !answer.location?.endsWith("/review")) refused++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  agent.destroy();
  return refused;
}

/** Until every scheduled row was dealt with (or the burst's time is up), looking at the file read-only. */
export function scheduledDone(databaseFile: string, limitMs: number) {
  return async () => {
    const raw = new Database(databaseFile, { readonly: true });
    const count = raw.prepare(`SELECT COUNT(*) AS n FROM ScheduledSubmission WHERE state = 'scheduled'`);
    const deadline = performance.now() + limitMs;
    try {
      while ((count.get() as { n: number }).n > 0 && performance.now() < deadline) await sleep(200);
    } finally {
      raw.close();
    }
  };
}

/** The scheduled sends as the database has them: receipts from the opening on. */
export function scheduledFigures(databaseFile: string, opensAt: number) {
  const raw = new Database(databaseFile, { readonly: true });
  try {
    const rows = raw
      .prepare(
        `SELECT s.state, a.receivedAt FROM ScheduledSubmission s JOIN Application a ON a.id = s.draftId ORDER BY s.id`,
      )
      .all() as { state: string; receivedAt: string | null }[];
    const after = rows
      .filter((r) => r.state === "sent" && r.receivedAt)
      .map((r) => Date.parse(r.receivedAt!) - opensAt);
    const last = Math.max(0, ...after);
    return {
      count: rows.length,
      sent: after.length,
      notSent: rows.length - after.length,
      sinceOpening: latency(after),
      perSecond: after.length / Math.max(last / 1000, 0.001),
    };
  } finally {
    raw.close();
  }
}

/**
 * Schedules the drafts through the portal, then sets the opening `leadS` seconds ahead and returns
 * it. Moving an opening earlier does not move the rows already scheduled (they keep their sendAt),
 * so the rows move with it here; the portal's timer notices within its longest sleep.
 */
export async function scheduleForOpening(
  db: PrismaClient,
  input: { base: string; slug: string; parents: Parent[]; leadS: number },
): Promise<number> {
  const refused = await scheduleThroughPortal(input.base, input.slug, input.parents);
  const rows = await db.scheduledSubmission.count({ where: { state: "scheduled" } });
  if (refused || rows !== input.parents.length)
    throw new Error(`Scheduling: ${refused} refused, ${rows} rows for ${input.parents.length} drafts.`);
  const opensAt = Date.now() + input.leadS * 1000;
  await db.scheduledSubmission.updateMany({ where: { state: "scheduled" }, data: { sendAt: new Date(opensAt) } });
  return opensAt;
}
