import type { PrismaClient } from "~/generated/prisma/client";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { checkSubmission, submitInOrder } from "~/domain/applications/applications.server";
import { isLanguage, type Language, type Localized } from "~/domain/i18n/localized";
import { logger } from "~/platform/logger.server";
import { onSignal, signal } from "~/platform/process-signals.server";
import { enrollmentWindowForDraft } from "./enrollment.server";

/*
 * Scheduled submission (docs/enrollment.md): a complete, valid first-grade draft is sent by the
 * portal itself at the instant its stage opens. At that instant the scheduled drafts are sent one
 * after another in the order they were scheduled (the row's id), each through the ordinary
 * submission, so each gets its own receipt time and sequence. The rows are in the database: a
 * restart loses none, and the timer is set again from them. A draft that is no longer valid at the
 * instant is not sent: the reason stays on the row for the parent's page, and the parent is told —
 * a notification in the portal, written with the refusal, and its e-mail copy through the
 * notification outbox (application-mail.server.ts). If the opening was moved later meanwhile, the
 * draft waits for the new instant.
 */

/** The notification of a scheduled draft not sent (Notification.status; the draft itself stays a draft). */
export const SCHEDULED_REFUSED = "scheduledRefused";

export type ScheduleResult =
  | { ok: true; sendAt: Date }
  | { ok: false; error: "not-found" | "not-enrollment" | "window-open" | "campaign-over" }
  | { ok: false; error: "invalid"; stepId: string }
  | { ok: false; error: "refused"; reason: string };

/** Schedules a draft for the opening of the stage it qualifies for. Idempotent: scheduling twice keeps the first place. */
export async function scheduleSubmission(
  db: PrismaClient,
  input: { applicantId: string; draftId: string; ip: string; now?: Date },
): Promise<ScheduleResult> {
  const now = input.now ?? new Date();
  const draft = await db.application.findFirst({
    where: { id: input.draftId, applicantId: input.applicantId, status: "draft" },
    include: { service: { select: { code: true } } },
  });
  if (!draft) return { ok: false, error: "not-found" };
  const window = await enrollmentWindowForDraft(db, {
    applicantId: input.applicantId,
    serviceCode: draft.service.code,
    answers: JSON.parse(draft.answers) as Record<string, unknown>,
    now,
  });
  if (!window) return { ok: false, error: "not-enrollment" };
  if (window.open) return { ok: false, error: "window-open" };
  if (!window.opensAt) return { ok: false, error: "campaign-over" };
  // Valid as it will be judged at the instant: the whole form, and the campaign taking it then.
  const check = await checkSubmission(db, {
    applicantId: input.applicantId,
    draftId: input.draftId,
    now: window.opensAt,
  });
  if (!check.ok) {
    if (check.error === "invalid") return check;
    if (check.error === "not-found") return { ok: false, error: "not-found" };
    return { ok: false, error: "refused", reason: check.error };
  }
  const existing = await db.scheduledSubmission.findUnique({ where: { draftId: input.draftId } });
  if (existing?.state === "scheduled") return { ok: true, sendAt: existing.sendAt };
  // Scheduled again after a cancellation or a refusal: a new row, so a new place at the end of the order.
  const data = { draftId: input.draftId, applicantId: input.applicantId, sendAt: window.opensAt, ip: input.ip };
  if (existing) {
    await db.$transaction([
      db.scheduledSubmission.delete({ where: { draftId: input.draftId } }),
      db.scheduledSubmission.create({ data }),
    ]);
  } else {
    await db.scheduledSubmission.create({ data });
  }
  wakeScheduler();
  return { ok: true, sendAt: window.opensAt };
}

/** Cancels a scheduled sending; true when there was one to cancel. */
export async function cancelScheduledSubmission(
  db: PrismaClient,
  input: { applicantId: string; draftId: string },
): Promise<boolean> {
  const cancelled = await db.scheduledSubmission.updateMany({
    where: { draftId: input.draftId, applicantId: input.applicantId, state: "scheduled" },
    data: { state: "cancelled" },
  });
  return cancelled.count === 1;
}

/** A draft's scheduled sending as its page shows it, or null. */
export async function scheduledSubmissionOf(
  db: PrismaClient,
  applicantId: string,
  draftId: string,
): Promise<{ state: string; sendAt: Date; reason: string | null } | null> {
  // In SQL: the review page reads it on every reload at the opening of enrollment (docs/decisions/0037).
  const connection = await sqliteConnectionOf(db);
  const row = await connection.read(
    () =>
      connection
        .statement(
          `SELECT "state", "sendAt", "reason" FROM "ScheduledSubmission"
            WHERE "draftId" = ? AND "applicantId" = ? AND "state" IN ('scheduled', 'refused')`,
        )
        .get(draftId, applicantId) as { state: string; sendAt: string; reason: string | null } | undefined,
  );
  return row ? { ...row, sendAt: new Date(row.sendAt) } : null;
}

/** Sends every scheduled draft whose instant has come, in the order they were scheduled. */
export async function sendDueSubmissions(
  db: PrismaClient,
  now = new Date(),
): Promise<{ sent: number; refused: number }> {
  const due = await db.scheduledSubmission.findMany({
    where: { state: "scheduled", sendAt: { lte: now } },
    orderBy: { id: "asc" },
    take: 500,
  });
  let sent = 0;
  let refused = 0;
  const results = await submitInOrder(
    db,
    due.map((row) => ({ applicantId: row.applicantId, draftId: row.draftId, ip: row.ip })),
  );
  for (const [i, row] of due.entries()) {
    const result = results[i]!;
    if (result.ok) {
      sent += 1;
      await db.scheduledSubmission.updateMany({
        where: { id: row.id, state: "scheduled" },
        data: { state: "sent", number: result.number },
      });
    } else if (result.error === "enrollment-closed" && result.opensAt && result.opensAt > now) {
      // The opening was moved later since it was scheduled: the draft waits for the new instant.
      await db.scheduledSubmission.updateMany({
        where: { id: row.id, state: "scheduled" },
        data: { sendAt: result.opensAt },
      });
    } else {
      refused += 1;
      const reason = result.error === "invalid" ? `invalid:${result.stepId}` : result.error;
      await db.$transaction(async (tx) => {
        const marked = await tx.scheduledSubmission.updateMany({
          where: { id: row.id, state: "scheduled" },
          data: { state: "refused", reason },
        });
        // Told once, with the refusal: a row cancelled meanwhile tells nothing.
        if (marked.count === 1) {
          await tx.notification.create({
            data: { userId: row.applicantId, applicationId: row.draftId, status: SCHEDULED_REFUSED },
          });
        }
      });
    }
  }
  if (due.length > 0) logger.info({ sent, refused }, "scheduled submissions sent");
  return { sent, refused };
}

/** Why a scheduled draft was not sent, as its review page says it (enrollment:schedule.refused.*). */
export function refusalReasonKey(reason: string | null): string {
  return reason?.split(":")[0] ?? "other";
}

/** What the e-mail of a scheduled draft not sent says, as facts (the mail layer words it). */
export type ScheduledRefusalMail = {
  kind: "scheduled-refused";
  language: Language;
  service: Localized;
  sendAt: Date;
  /** Why it was not sent, as its review page says it (refusalReasonKey). */
  reasonKey: string;
  link: string;
};

/**
 * The e-mail of a scheduled draft not sent, in the parent's language: that it was not sent, why,
 * and the link to the draft; null when the notice is outdated. Sent by the notification outbox
 * (application-mail.server.ts), so a mail server that is down delays it without losing it.
 */
export async function scheduledRefusalMail(
  db: PrismaClient,
  input: { draftId: string; language: string; publicUrl: string },
): Promise<ScheduledRefusalMail | null> {
  const row = await db.scheduledSubmission.findUnique({
    where: { draftId: input.draftId },
    include: { draft: { select: { service: { select: { slug: true, titleRu: true, titleEn: true } } } } },
  });
  // Scheduled again (or sent) since: this notice is outdated, there is nothing to say.
  if (!row || row.state !== "refused") return null;
  const service = row.draft.service;
  return {
    kind: "scheduled-refused",
    language: isLanguage(input.language) ? input.language : "ru",
    service: { ru: service.titleRu, en: service.titleEn },
    sendAt: row.sendAt,
    reasonKey: refusalReasonKey(row.reason),
    link: `${input.publicUrl}/services/${service.slug}/apply/${row.draftId}/review`,
  };
}

/*
 * A draft may be scheduled through any server process, but only one runs the scheduler: the
 * signal wakes it wherever it runs, so a draft scheduled a moment before the instant is still sent
 * at the instant rather than at the scheduler's next look.
 */
const SCHEDULE_CHANGED = "scheduled-submissions";
function wakeScheduler() {
  signal(SCHEDULE_CHANGED);
}

/** The longest the scheduler sleeps without looking again (a row scheduled by another process). */
const MAX_SLEEP_MS = 30_000;

/**
 * The background job: sleeps until the next scheduled instant (or MAX_SLEEP_MS), then sends what is
 * due. Started once per server process; the rows, not the timer, are the schedule.
 */
export function startScheduledSubmissions(db: PrismaClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = false;
  // Woken during a pass, which may have looked for the next instant before the new row was written:
  // one more pass follows, or the new row would wait for MAX_SLEEP_MS.
  let wokenMeanwhile = false;
  const sleep = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void plan(), ms);
    timer.unref();
  };
  const plan = async () => {
    if (stopped) return;
    if (running) {
      wokenMeanwhile = true;
      return;
    }
    running = true;
    wokenMeanwhile = false;
    try {
      await sendDueSubmissions(db);
      const next = await db.scheduledSubmission.findFirst({
        where: { state: "scheduled" },
        orderBy: { sendAt: "asc" },
        select: { sendAt: true },
      });
      sleep(next ? Math.max(0, Math.min(MAX_SLEEP_MS, next.sendAt.getTime() - Date.now())) : MAX_SLEEP_MS);
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown" }, "scheduled submissions pass failed");
      sleep(1_000);
    } finally {
      running = false;
    }
    if (wokenMeanwhile) void plan();
  };
  const stopHearing = onSignal(SCHEDULE_CHANGED, () => {
    clearTimeout(timer);
    void plan();
  });
  void plan();
  return () => {
    stopped = true;
    stopHearing();
    clearTimeout(timer);
  };
}
