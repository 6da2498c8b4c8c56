import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { bumpStatisticsRevision } from "~/domain/indicators/revision.server";
import { closeEnrollmentRequest } from "~/domain/enrollment/enrollment.server";
import { grantMeasure } from "~/domain/social/grant.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import type { StatDayCounts } from "~/domain/indicators/compute";
import { deadlineAfterPause, registrationDay, workingDaysLeft } from "~/domain/calendar/working-days";
import { readServiceDetails } from "~/domain/catalogue/service-content";
import { regionDate } from "~/domain/region/clock";
import {
  dayCounts,
  dayNumbers,
  statEventRow,
  transitionEventRow,
  type ApplicationForStats,
  type DecisionFacts,
  type ServiceFacts,
  type StatEventInput,
} from "./change-rows";
import {
  decide,
  FINAL_STATUSES,
  type ActorKind,
  type Command,
  type Decision,
  type Status,
  parseStatus,
} from "./lifecycle";

/*
 * Status changes, applied the one way the lifecycle table allows: in one transaction the
 * application moves (guarded by its version), an event is appended, the department's words become a
 * message, the applicant gets a notification and the anonymised statistics record grows. The
 * notification is also the mail's outbox: the portal's mailer sends it after the commit, whoever
 * made the change (see application-mail.server.ts).
 */
export type Tx = Prisma.TransactionClient;

export type Actor = { kind: ActorKind; id: string | null; role: string };

// What the statistics need of a service, read once per transaction (a submission writes three rows).
const factsByTransaction = new WeakMap<Tx, Map<number, Promise<ServiceFacts>>>();

function serviceFacts(tx: Tx, serviceId: number): Promise<ServiceFacts> {
  let memo = factsByTransaction.get(tx);
  if (!memo) factsByTransaction.set(tx, (memo = new Map<number, Promise<ServiceFacts>>()));
  let facts = memo.get(serviceId);
  if (!facts) {
    facts = tx.service
      .findUniqueOrThrow({
        where: { id: serviceId },
        select: {
          code: true,
          mszu: true,
          proactive: true,
          deadlineDays: true,
          category: { select: { slug: true } },
          department: { select: { code: true } },
        },
      })
      .then((s) => ({
        code: s.code,
        mszu: s.mszu,
        proactive: s.proactive,
        categorySlug: s.category.slug,
        departmentCode: s.department.code,
        deadlineDays: s.deadlineDays,
      }));
    memo.set(serviceId, facts);
  }
  return facts;
}

/** The statistics row: codes and dates only, never the applicant. */
export async function recordStatEvent(
  tx: Tx,
  application: ApplicationForStats,
  event: StatEventInput & {
    /** For decisions: working days are counted by it (loaded before the transaction began). */
    calendar?: ProductionCalendar;
  },
): Promise<void> {
  const service = await serviceFacts(tx, application.serviceId);
  let decision: DecisionFacts | undefined;
  if (event.kind === "transition" && event.to && event.to !== "withdrawn" && FINAL_STATUSES.includes(event.to)) {
    const calendar = event.calendar;
    if (!calendar) throw new Error("a decision's statistics need the production calendar");
    const today = regionDate(event.at);
    const start = application.receivedAt ? registrationDay(calendar, application.receivedAt) : today;
    const visits = await tx.applicationEvent.count({
      where: { applicationId: application.id, toStatus: "invitedToVisit" },
    });
    decision = {
      onTime: application.deadline ? today <= application.deadline : true,
      workingDays: Math.max(0, workingDaysLeft(calendar, start, today)),
      visit: visits > 0,
    };
  }
  await tx.statEvent.create({ data: statEventRow(service, application, event, decision) });
  await rollUp(tx, dayCounts(service, application, event, decision));
  if (decision) {
    const key = { day: regionDate(event.at), serviceCode: service.code, workingDays: decision.workingDays };
    await tx.statDayProcessing.upsert({
      where: { day_serviceCode_workingDays: key },
      create: { ...key, count: 1 },
      update: { count: { increment: 1 } },
    });
  }
}

type DayCounts = StatDayCounts;

/** Adds one event's counts to its day's roll-up row (created on the day's first event). */
async function rollUp(tx: Tx, counts: DayCounts): Promise<void> {
  const { day, serviceCode, municipality, channel } = counts;
  const { numbers, any } = dayNumbers(counts);
  if (!any) return;
  await bumpStatisticsRevision(tx);
  await tx.statDay.upsert({
    where: { day_serviceCode_municipality_channel: { day, serviceCode, municipality, channel } },
    create: counts,
    update: Object.fromEntries(
      Object.entries(numbers)
        .filter(([, n]) => n !== 0)
        .map(([field, n]) => [field, { increment: n }]),
    ),
  });
}

/** Appends the event, the notification and the statistics row of one status change. */
export async function recordTransition(
  tx: Tx,
  application: ApplicationForStats & { applicantId: string | null },
  change: {
    command: Command;
    from: Status;
    to: Status;
    actor: Actor;
    at: Date;
    reason?: string | null;
    ground?: string | null;
    idempotencyKey?: string | null;
    /** The resident hears of the change (in the portal and by e-mail); default yes. */
    notify?: boolean;
    calendar?: ProductionCalendar;
  },
): Promise<number> {
  const event = await tx.applicationEvent.create({ data: transitionEventRow(application.id, change) });
  // An applicant who deleted the account hears of nothing: there is nobody to tell.
  if (change.notify !== false && application.applicantId) {
    await tx.notification.create({
      data: { userId: application.applicantId, applicationId: application.id, status: change.to, createdAt: change.at },
    });
  }
  await recordStatEvent(tx, application, {
    kind: "transition",
    at: change.at,
    from: change.from,
    to: change.to,
    calendar: change.calendar,
  });
  // A withdrawn or refused first-grade application leaves its school's list in the same change.
  if (change.to === "withdrawn" || change.to === "refused") await closeEnrollmentRequest(tx, application.id);
  return event.id;
}

/** Commands whose reason is the department's message to the resident. */
const DEPARTMENT_SPEAKS: readonly Command[] = [
  "requestInfo",
  "requestCorrection",
  "inviteToVisit",
  "refuse",
  "complete",
];
/** Commands that carry the resident's answer. */
const APPLICANT_ANSWERS: readonly Command[] = ["provideInfo", "correct"];

export type CommandInput = {
  applicationId: string;
  command: Command;
  actor: Actor;
  /** What the resident will read: the request, the invitation, the reasons of a refusal. */
  reason?: string;
  /** A refusal's ground, from the service's list. */
  ground?: string;
  /** The version the person acted on; a different one means someone else acted first. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** The result document of a decision, already stored for the application. */
  resultUploadId?: string;
  /** The resident's answer to a request, with documents already stored. */
  answer?: { text: string; uploadIds: string[] };
  /**
   * The resident hears of the change (default yes). An act of several changes in one go (taking a
   * new application into work) tells them of the last one only, not of each step on the way.
   */
  notify?: boolean;
  now?: Date;
};

export type CommandResult =
  | { ok: true; applicationId: string; from: Status; to: Status; version: number; replayed: boolean }
  | { ok: false; error: Extract<Decision, { ok: false }>["error"] | "not-found" | "conflict" };

class Rollback extends Error {
  constructor(readonly result: CommandResult) {
    super("rollback");
  }
}

/** Applies one command of the lifecycle table to one application. */
export async function applyCommand(db: PrismaClient, input: CommandInput): Promise<CommandResult> {
  const now = input.now ?? new Date();
  // Read before the transaction: on the shared connection nothing else runs while one is open.
  const calendar = await loadProductionCalendar(db);
  try {
    return await db.$transaction((tx) => applyCommandInTransaction(tx, input, { now, calendar }));
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

/**
 * The same inside a transaction the caller holds, for acts over several applications at once (an
 * enrollment order): a refused command returns its error, and the caller decides whether the whole
 * act stands. A lost race on the version throws, which rolls the caller's transaction back.
 */
export async function applyCommandInTransaction(
  tx: Tx,
  input: CommandInput,
  context: { now: Date; calendar: ProductionCalendar },
): Promise<CommandResult> {
  const { now, calendar } = context;
  if (input.idempotencyKey) {
    const done = await tx.applicationEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    // A key already used for another application is a client's mistake, not a replay.
    if (done && done.applicationId !== input.applicationId) return { ok: false as const, error: "conflict" as const };
    if (done) {
      const current = await tx.application.findUniqueOrThrow({ where: { id: done.applicationId } });
      return {
        ok: true as const,
        applicationId: done.applicationId,
        from: parseStatus(done.fromStatus),
        to: parseStatus(done.toStatus),
        version: current.version,
        replayed: true,
      };
    }
  }
  const application = await tx.application.findUnique({
    where: { id: input.applicationId },
    include: { service: { select: { details: true } } },
  });
  if (!application || application.status === "draft") return { ok: false as const, error: "not-found" as const };
  if (input.expectedVersion !== undefined && input.expectedVersion !== application.version)
    return { ok: false as const, error: "conflict" as const };
  const allowedGrounds = groundsOf(application.service.details);
  const decision = decide(parseStatus(application.status), input.command, input.actor.kind, {
    reason: input.reason,
    ground: input.ground,
    allowedGrounds,
  });
  if (!decision.ok) return decision;
  const final = FINAL_STATUSES.includes(decision.to) && decision.to !== "withdrawn";
  const deadline = await deadlineAfterAnswer(tx, application, decision, now, calendar);
  const moved = await tx.application.updateMany({
    where: { id: application.id, version: application.version },
    data: {
      status: decision.to,
      version: { increment: 1 },
      ...(final ? { decidedAt: now } : {}),
      ...(deadline !== application.deadline ? { deadline } : {}),
    },
  });
  if (moved.count !== 1) throw new Rollback({ ok: false, error: "conflict" });
  await recordTransition(tx, application, {
    command: input.command,
    from: decision.from,
    to: decision.to,
    actor: input.actor,
    at: now,
    reason: input.reason?.trim() || null,
    ground: input.ground ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    notify: input.notify,
    calendar,
  });
  // A granted support measure brings its payments and result document in the same change.
  if (decision.to === "completed") await grantMeasure(tx, application, now);
  if (DEPARTMENT_SPEAKS.includes(input.command) && (input.reason?.trim() || input.resultUploadId)) {
    const message = await tx.applicationMessage.create({
      data: {
        applicationId: application.id,
        author: "department",
        authorId: input.actor.id,
        text: input.reason?.trim() ?? "",
        createdAt: now,
      },
    });
    if (input.resultUploadId) {
      await tx.upload.updateMany({
        where: { id: input.resultUploadId, applicationId: application.id, messageId: null },
        data: { messageId: message.id },
      });
    }
  }
  if (APPLICANT_ANSWERS.includes(input.command) && input.answer) {
    const message = await tx.applicationMessage.create({
      data: {
        applicationId: application.id,
        author: "applicant",
        authorId: input.actor.id,
        text: input.answer.text,
        createdAt: now,
      },
    });
    if (input.answer.uploadIds.length > 0) {
      await tx.upload.updateMany({
        where: { id: { in: input.answer.uploadIds }, applicationId: application.id, messageId: null },
        data: { messageId: message.id },
      });
    }
  }
  return {
    ok: true as const,
    applicationId: application.id,
    from: decision.from,
    to: decision.to,
    version: application.version + 1,
    replayed: false,
  };
}

/** Thrown inside a caller's transaction when an application moved under it: the act is rolled back. */
export function isLostRace(error: unknown): error is Error {
  return error instanceof Rollback;
}

const WAITING: readonly Status[] = ["waitingForInfo", "needsCorrection"];

/** When the resident answers, the days the department waited are added to the deadline (if the service says so). */
async function deadlineAfterAnswer(
  tx: Tx,
  application: { id: string; deadline: string | null; service: { details: string } },
  decision: { from: Status; to: Status },
  now: Date,
  calendar: ProductionCalendar,
): Promise<string | null> {
  if (!application.deadline || !WAITING.includes(decision.from) || decision.to !== "inReview") {
    return application.deadline;
  }
  if (!pausesWhileWaiting(application.service.details)) return application.deadline;
  const request = await tx.applicationEvent.findFirst({
    where: { applicationId: application.id, toStatus: decision.from },
    orderBy: { id: "desc" },
    select: { at: true },
  });
  if (!request) return application.deadline;
  return deadlineAfterPause(calendar, application.deadline, regionDate(request.at), regionDate(now));
}

// Unreadable details hide the service from the catalogue (catalogue.server.ts); here they mean the
// defaults: the clock pauses, and no ground is known, so no refusal passes.
function pausesWhileWaiting(details: string): boolean {
  return readServiceDetails(details)?.pauseWhileWaiting ?? true;
}

function groundsOf(details: string): string[] {
  return (readServiceDetails(details)?.refusalGrounds ?? []).map((g) => g.code);
}
