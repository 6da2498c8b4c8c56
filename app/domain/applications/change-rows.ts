import type { StatDayCounts } from "~/domain/indicators/compute";
import { regionDate } from "~/domain/region/clock";
import type { Status } from "./lifecycle";

/*
 * The rows a status change or a submission appends — the event, the statistics row and its day's
 * roll-up — built in one place for both ways they are written: through Prisma by every lifecycle
 * command (transitions.server.ts), and in SQL by the submission's group commit
 * (submission-write.server.ts, docs/decisions/0033).
 */
export type ApplicationForStats = {
  id: string;
  serviceId: number;
  municipality: string | null;
  receivedAt: Date | null;
  deadline: string | null;
  /** portal | proactive (docs/proactive.md); portal when not given. */
  channel?: string;
};

/** What the statistics need of a service. */
export type ServiceFacts = {
  code: string;
  mszu: boolean;
  proactive: boolean;
  categorySlug: string;
  departmentCode: string;
  deadlineDays: number;
};

export type StatEventInput = {
  kind: "submitted" | "transition" | "rated";
  at: Date;
  from?: Status;
  to?: Status;
  rating?: number;
};

/** A decision's figures: on time, working days taken, whether the applicant had to come. */
export type DecisionFacts = { onTime: boolean; workingDays: number; visit: boolean };

/** The statistics row: codes and dates only, never the applicant. */
export function statEventRow(
  service: ServiceFacts,
  application: ApplicationForStats,
  event: StatEventInput,
  decision: DecisionFacts | undefined,
) {
  return {
    at: event.at,
    kind: event.kind,
    applicationRef: application.id,
    serviceCode: service.code,
    departmentCode: service.departmentCode,
    categorySlug: service.categorySlug,
    mszu: service.mszu,
    proactive: service.proactive,
    channel: application.channel ?? "portal",
    municipality: application.municipality,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    receivedAt: application.receivedAt,
    deadline: application.deadline,
    onTime: decision?.onTime ?? null,
    workingDays: decision?.workingDays ?? null,
    visit: decision?.visit ?? null,
    rating: event.rating ?? null,
  };
}

/** What one event adds to its day's roll-up row; all zeros for a change that counts for nothing. */
export function dayCounts(
  service: ServiceFacts,
  application: ApplicationForStats,
  event: StatEventInput,
  decision: DecisionFacts | undefined,
): StatDayCounts {
  return {
    day: regionDate(event.at),
    serviceCode: service.code,
    municipality: application.municipality ?? "",
    channel: application.channel ?? "portal",
    submitted: event.kind === "submitted" ? 1 : 0,
    decided: decision ? 1 : 0,
    decidedOnTime: decision?.onTime ? 1 : 0,
    completed: decision && event.to === "completed" ? 1 : 0,
    completedNoVisit: decision && event.to === "completed" && !decision.visit ? 1 : 0,
    regulatoryDays: decision ? service.deadlineDays : 0,
    ratings: event.kind === "rated" ? 1 : 0,
    ratingSum: event.kind === "rated" ? (event.rating ?? 0) : 0,
    ratingsHigh: event.kind === "rated" && (event.rating ?? 0) >= 4 ? 1 : 0,
  };
}

/** The counts of a roll-up that are not its key, and whether any of them is not zero. */
export function dayNumbers(counts: StatDayCounts) {
  const { day: _day, serviceCode: _service, municipality: _municipality, channel: _channel, ...numbers } = counts;
  return { numbers, any: Object.values(numbers).some((n) => n !== 0) };
}

export type TransitionRowInput = {
  command: string;
  from: Status;
  to: Status;
  actor: { id: string | null; role: string };
  at: Date;
  reason?: string | null;
  ground?: string | null;
  idempotencyKey?: string | null;
};

/** The application's history row of one status change. */
export function transitionEventRow(applicationId: string, change: TransitionRowInput) {
  return {
    applicationId,
    at: change.at,
    actorId: change.actor.id,
    actorRole: change.actor.role,
    command: change.command,
    fromStatus: change.from,
    toStatus: change.to,
    reason: change.reason ?? null,
    ground: change.ground ?? null,
    idempotencyKey: change.idempotencyKey ?? null,
  };
}

/**
 * The row of a case received without a draft of its own — a package's measure (docs/social-support.md)
 * or a proactive case (docs/proactive.md): sent to its department, numbered, with its deadline, after
 * the two changes a submission makes on the way in (submit, forward).
 */
export function receivedCaseRow(input: {
  id: string;
  number: string;
  sequence: number;
  service: { id: number; currentVersion: number; departmentId: number };
  applicantId: string | null;
  applicantName: string;
  answers: Record<string, unknown>;
  municipality: string | null;
  deadline: string;
  now: Date;
  channel: "portal" | "proactive";
  parent?: { id: string; measureCode: string };
}) {
  return {
    id: input.id,
    number: input.number,
    sequence: input.sequence,
    serviceId: input.service.id,
    serviceVersion: input.service.currentVersion,
    departmentId: input.service.departmentId,
    applicantId: input.applicantId,
    applicantName: input.applicantName || null,
    applicantKey: input.applicantName ? input.applicantName.toLocaleLowerCase("ru") : null,
    status: "sent",
    answers: JSON.stringify(input.answers),
    municipality: input.municipality,
    receivedAt: input.now,
    deadline: input.deadline,
    version: 3,
    createdAt: input.now,
    updatedAt: input.now,
    channel: input.channel,
    parentId: input.parent?.id ?? null,
    measureCode: input.parent?.measureCode ?? null,
  };
}
