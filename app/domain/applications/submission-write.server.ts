import { commitTogether, insertRow, sqlValue } from "~/db/group-commit.server";
import type { SqliteConnection } from "~/db/sqlite-adapter.server";
import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import { legalDeadline } from "~/domain/calendar/working-days";
import {
  childLimitRefusal,
  enrollmentDeadline,
  enrollmentRequestRow,
  type EnrollmentDecision,
  type LiveRequest,
} from "~/domain/enrollment/enrollment.server";
import type { ChildLimitRefusal } from "~/domain/enrollment/enrollment.server";
import { regionDate } from "~/domain/region/clock";
import { STATISTICS_REVISION } from "~/domain/indicators/revision.server";
import {
  dayCounts,
  dayNumbers,
  statEventRow,
  receivedCaseRow,
  transitionEventRow,
  type ApplicationForStats,
  type ServiceFacts,
  type StatEventInput,
  type TransitionRowInput,
} from "./change-rows";
import { formatRegistrationNumber } from "./registration-number";
import type { PackageSplit } from "~/domain/social/package-cases.server";

/*
 * The write of a submission — the receipt — in SQL, committed together with the others that
 * arrive at the same moment (docs/decisions/0033). Everything that must be atomic with the receipt is
 * in it: the application's number, receipt sequence and time, its place on a school's list, the
 * history, the notification (the mail's outbox), the statistics and the consent. The rows are the
 * ones the lifecycle's Prisma path writes (change-rows.ts); only how they reach the file differs.
 */
export type SubmissionWrite = {
  applicationId: string;
  applicantId: string;
  serviceId: number;
  serviceCode: string;
  deadlineDays: number;
  /** The answers as checked, stored as they are. */
  answers: Record<string, unknown>;
  municipality: string | null;
  applicantName: string;
  enrollment: Extract<EnrollmentDecision, { ok: true }> | null;
  calendar: ProductionCalendar;
  consent: { textVersion: string; ip: string };
  /** A package service's application: the measure it decides itself and the cases of the others. */
  measures: PackageSplit | null;
  /** The receipt time; by default the moment of the write. */
  now?: Date;
};

export type SubmissionWritten =
  { number: string; alreadySubmitted: boolean } | { error: "not-found" } | ChildLimitRefusal;

export async function writeSubmission(
  connection: SqliteConnection,
  input: SubmissionWrite,
): Promise<SubmissionWritten> {
  return commitTogether(connection, () => write(connection, input));
}

const RESIDENT_SUBMITS = { command: "submit", from: "draft", to: "registered" } as const;
// The portal hands the application to the department's system at once (both are this portal).
const PORTAL_FORWARDS = { command: "forward", from: "registered", to: "sent" } as const;

function write(connection: SqliteConnection, input: SubmissionWrite): SubmissionWritten {
  const sql = (text: string) => connection.statement(text);
  // The receipt's instant is taken at the write, so receipt time and sequence grow together.
  const now = input.now ?? new Date();
  const current = sql(`SELECT "number", "version", "status" FROM "Application" WHERE "id" = ?`).get(
    input.applicationId,
  ) as { number: string | null; version: number; status: string } | undefined;
  if (!current) return { error: "not-found" };
  if (current.number) return { number: current.number, alreadySubmitted: true };
  if (input.enrollment) {
    const live = sql(
      `SELECT r."schoolCode", r."stage", r."childCertificate", a."status", a."applicantId", a."number"
         FROM "EnrollmentRequest" r JOIN "Application" a ON a."id" = r."applicationId"
        WHERE r."childCertificate" = ? AND r."campaignYear" = ? AND r."live" = 1`,
    ).all(input.enrollment.claim.childCertificate, input.enrollment.campaign.year) as LiveRequest[];
    const refused = childLimitRefusal(live, { applicantId: input.applicantId, decision: input.enrollment });
    if (refused) return refused;
  }

  const year = Number(regionDate(now).slice(0, 4));
  const sequence = bump(connection, "receipt");
  const number = formatRegistrationNumber(year, bump(connection, `registration-${year}`));
  const deadline = input.enrollment
    ? enrollmentDeadline(input.calendar, input.enrollment, now)
    : legalDeadline(input.calendar, now, input.deadlineDays);
  const school = input.answers.school;
  const moved = sql(
    `UPDATE "Application" SET "status" = 'sent', "number" = ?, "sequence" = ?, "receivedAt" = ?, "deadline" = ?,
            "answers" = ?, "municipality" = ?, "applicantName" = ?, "schoolCode" = ?, "applicantKey" = ?,
            "measureCode" = ?, "version" = "version" + 2, "updatedAt" = ?
      WHERE "id" = ? AND "status" = 'draft' AND "version" = ?`,
  ).run(
    number,
    sequence,
    sqlValue(now),
    deadline,
    JSON.stringify(input.answers),
    input.municipality,
    input.applicantName || null,
    typeof school === "string" ? school : null,
    input.applicantName ? input.applicantName.toLocaleLowerCase("ru") : null,
    input.measures?.ownMeasure ?? null,
    sqlValue(now),
    input.applicationId,
    current.version,
  );
  if (moved.changes !== 1) throw new Error("the draft changed while it was being submitted");
  if (input.enrollment) {
    insertRow(
      connection,
      "EnrollmentRequest",
      enrollmentRequestRow({ applicationId: input.applicationId, sequence, decision: input.enrollment }),
    );
  }

  const application: ApplicationForStats = {
    id: input.applicationId,
    serviceId: input.serviceId,
    municipality: input.municipality,
    receivedAt: now,
    deadline,
  };
  // One notification for the submission: the confirmation that goes with "sent".
  recordReceipt(connection, application, input.applicantId, input.applicantId);
  for (const measureCase of input.measures?.cases ?? []) {
    openMeasureCase(connection, input, measureCase, { now, year, parentId: input.applicationId });
  }
  insertRow(connection, "Consent", {
    userId: input.applicantId,
    purpose: `application:${input.serviceCode}`,
    textVersion: input.consent.textVersion,
    givenAt: now,
    ip: input.consent.ip,
  });
  return { number, alreadySubmitted: false };
}

/**
 * A measure's case, received with the package application: its own number and receipt, its
 * service's department and deadline, the same answers; the resident hears of the package once.
 */
function openMeasureCase(
  connection: SqliteConnection,
  input: SubmissionWrite,
  measureCase: PackageSplit["cases"][number],
  at: { now: Date; year: number; parentId: string },
): void {
  const { now, year } = at;
  const sequence = bump(connection, "receipt");
  const number = formatRegistrationNumber(year, bump(connection, `registration-${year}`));
  const deadline = legalDeadline(input.calendar, now, measureCase.deadlineDays);
  insertRow(
    connection,
    "Application",
    receivedCaseRow({
      id: measureCase.id,
      number,
      sequence,
      service: {
        id: measureCase.serviceId,
        currentVersion: measureCase.serviceVersion,
        departmentId: measureCase.departmentId,
      },
      applicantId: input.applicantId,
      applicantName: input.applicantName,
      answers: input.answers,
      municipality: input.municipality,
      deadline,
      now,
      channel: "portal",
      parent: { id: at.parentId, measureCode: measureCase.measureCode },
    }),
  );
  const application: ApplicationForStats = {
    id: measureCase.id,
    serviceId: measureCase.serviceId,
    municipality: input.municipality,
    receivedAt: now,
    deadline,
  };
  // The resident heard of the package once; its measures' receipts are told by its page.
  recordReceipt(connection, application, input.applicantId, null);
}

/** A receipt's statistics and its two changes on the way in: submitted by the resident, forwarded by the portal. */
function recordReceipt(
  connection: SqliteConnection,
  application: ApplicationForStats,
  applicantId: string,
  notify: string | null,
): void {
  const service = serviceFacts(connection, application.serviceId);
  recordStatistics(connection, service, application, { kind: "submitted", at: application.receivedAt! });
  const at = application.receivedAt!;
  recordChange(
    connection,
    service,
    application,
    { ...RESIDENT_SUBMITS, actor: { id: applicantId, role: "resident" }, at },
    null,
  );
  recordChange(
    connection,
    service,
    application,
    { ...PORTAL_FORWARDS, actor: { id: null, role: "system" }, at },
    notify,
  );
}

function bump(connection: SqliteConnection, name: string): number {
  const row = connection
    .statement(
      `INSERT INTO "Counter" ("name", "value") VALUES (?, 1)
       ON CONFLICT ("name") DO UPDATE SET "value" = "value" + 1 RETURNING "value"`,
    )
    .get(name) as { value: number };
  return row.value;
}

function serviceFacts(connection: SqliteConnection, serviceId: number): ServiceFacts {
  const row = connection
    .statement(
      `SELECT s."code", s."mszu", s."proactive", s."deadlineDays", c."slug" AS "categorySlug", d."code" AS "departmentCode"
         FROM "Service" s JOIN "Category" c ON c."id" = s."categoryId" JOIN "Department" d ON d."id" = s."departmentId"
        WHERE s."id" = ?`,
    )
    .get(serviceId) as Omit<ServiceFacts, "mszu" | "proactive"> & { mszu: number; proactive: number };
  return { ...row, mszu: row.mszu === 1, proactive: row.proactive === 1 };
}

/** The history row, the notification when the applicant is to hear of it, and the statistics. */
function recordChange(
  connection: SqliteConnection,
  service: ServiceFacts,
  application: ApplicationForStats,
  change: TransitionRowInput,
  notify: string | null,
): void {
  insertRow(connection, "ApplicationEvent", transitionEventRow(application.id, change));
  if (notify) {
    insertRow(connection, "Notification", {
      userId: notify,
      applicationId: application.id,
      status: change.to,
      createdAt: change.at,
    });
  }
  recordStatistics(connection, service, application, {
    kind: "transition",
    at: change.at,
    from: change.from,
    to: change.to,
  });
}

/** A submission's statistics: no decision among them, so no processing-time row. */
function recordStatistics(
  connection: SqliteConnection,
  service: ServiceFacts,
  application: ApplicationForStats,
  event: StatEventInput,
): void {
  insertRow(connection, "StatEvent", statEventRow(service, application, event, undefined));
  const counts = dayCounts(service, application, event, undefined);
  const { numbers, any } = dayNumbers(counts);
  if (!any) return;
  // The indicators' caches notice new statistics by this revision.
  bump(connection, STATISTICS_REVISION);
  const names = Object.keys(numbers) as (keyof typeof numbers)[];
  connection
    .statement(
      `INSERT INTO "StatDay" ("day", "serviceCode", "municipality", "channel", ${names.map((n) => `"${n}"`).join(", ")})
       VALUES (?, ?, ?, ?, ${names.map(() => "?").join(", ")})
       ON CONFLICT ("day", "serviceCode", "municipality", "channel")
       DO UPDATE SET ${names.map((n) => `"${n}" = "${n}" + excluded."${n}"`).join(", ")}`,
    )
    .run(counts.day, counts.serviceCode, counts.municipality, counts.channel, ...names.map((n) => numbers[n]));
}
