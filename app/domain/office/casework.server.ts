import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RoleGrant } from "~/domain/accounts/roles";
import { formOfAnswers, parseAnswers } from "~/domain/applications/applications.server";
import { describeApplicationAnswers } from "~/domain/applications/application-view.server";
import {
  availableCommands,
  FINAL_STATUSES,
  type Command,
  type Status,
  parseStatus,
} from "~/domain/applications/lifecycle";
import {
  applyCommand,
  applyCommandInTransaction,
  isLostRace,
  type CommandResult,
} from "~/domain/applications/transitions.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { recordAudit, recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { workingDaysLeft } from "~/domain/calendar/working-days";
import { ServiceDetailsSchema } from "~/domain/catalogue/service-content";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { discardUnattachedUploads, storeUpload } from "~/domain/uploads/uploads.server";
import { DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/upload-rules";
import { commandsOnTaking } from "./taking";
import {
  isOnSchoolList,
  refuseForLackOfPlaces,
  type RefusalResult,
} from "~/domain/enrollment/enrollment-orders.server";
import { isEnrollmentService } from "~/domain/enrollment/enrollment.server";

/*
 * Working an application in the back office: what an officer sees of it, taking it into work or
 * assigning it, internal notes, and the lifecycle's commands with the audit trail. An officer sees
 * only the applications of their departments; anything else is "not found".
 */
export type StaffActor = { id: string; roles: readonly RoleGrant[] };

// Who may see what, in a module of its own so seeds and jobs can use it without the page texts.
export { staffDepartmentIds, staffScope } from "./staff-scope.server";
import { staffScope } from "./staff-scope.server";

export const isSupervisor = (roles: readonly RoleGrant[]) => roles.some((r) => r.role === "supervisor");
const actorRole = (roles: readonly RoleGrant[]) => (isSupervisor(roles) ? "supervisor" : "officer");

/** Whether a member of staff may see this (submitted) application and its documents. */
export async function staffMaySee(db: PrismaClient, roles: readonly RoleGrant[], applicationId: string) {
  const { departmentIds, schoolCodes } = await staffScope(db, roles);
  const found = await db.application.count({
    where: {
      id: applicationId,
      number: { not: null },
      departmentId: { in: departmentIds },
      ...(schoolCodes ? { schoolCode: { in: schoolCodes } } : {}),
    },
  });
  return found === 1;
}

/** The submitted application with this number, if it belongs to one of the officer's departments. */
export async function findStaffApplication(db: PrismaClient, actor: StaffActor, number: string) {
  const { departmentIds, schoolCodes } = await staffScope(db, actor.roles);
  return db.application.findFirst({
    where: { number, departmentId: { in: departmentIds }, ...(schoolCodes ? { schoolCode: { in: schoolCodes } } : {}) },
    include: { service: true },
  });
}

/** The officer's departments and their services, for the queue page's filters. */
export async function departmentsAndServices(db: PrismaClient, departmentIds: number[]) {
  const [departments, services] = await Promise.all([
    db.department.findMany({ where: { id: { in: departmentIds } } }),
    db.service.findMany({
      where: { departmentId: { in: departmentIds } },
      select: { code: true, titleRu: true, titleEn: true },
      orderBy: { code: "asc" },
    }),
  ]);
  return { departments, services };
}

export async function listDepartmentOfficers(db: PrismaClient, departmentIds: number[]) {
  const grants = await db.roleAssignment.findMany({
    where: { departmentId: { in: departmentIds }, role: { in: ["officer", "supervisor"] } },
    select: { user: { select: { id: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  const seen = new Map<string, string>();
  for (const g of grants) seen.set(g.user.id, g.user.email);
  return [...seen].map(([id, email]) => ({ id, email }));
}

/** Everything the officer's page of one application shows; viewing it is recorded (152-ФЗ). */
export async function getStaffApplicationPage(
  db: PrismaClient,
  input: { actor: StaffActor; number: string; language: Language; now?: Date },
) {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return null;
  await recordPersonalDataAccess(db, {
    staffId: input.actor.id,
    personId: application.applicantId,
    fields: ["application"],
    purpose: `application:${application.number}`,
  });
  const language = input.language;
  const [events, messages, notes, uploads, officers, assignee] = await Promise.all([
    db.applicationEvent.findMany({ where: { applicationId: application.id }, orderBy: { id: "asc" } }),
    db.applicationMessage.findMany({
      where: { applicationId: application.id },
      orderBy: { id: "asc" },
      include: { uploads: { select: { id: true, fileName: true, contentType: true } } },
    }),
    db.staffNote.findMany({ where: { applicationId: application.id }, orderBy: { id: "asc" } }),
    db.upload.findMany({
      where: { applicationId: application.id, messageId: null },
      select: { id: true, fileName: true, contentType: true, field: true },
    }),
    listDepartmentOfficers(db, [application.departmentId]),
    application.assigneeId
      ? db.user.findUnique({ where: { id: application.assigneeId }, select: { id: true, email: true } })
      : null,
  ]);
  const emails = new Map(officers.map((o) => [o.id, o.email]));
  const details = ServiceDetailsSchema.parse(JSON.parse(application.service.details));
  const status = parseStatus(application.status);
  const form = await formOfAnswers(db, application);
  const measure = application.measureCode
    ? await db.supportMeasure.findUnique({ where: { code: application.measureCode } })
    : null;
  const today = regionDate(input.now);
  const final = FINAL_STATUSES.includes(status);
  // "Взять в работу" takes the application and, while it is new, registers it and starts its
  // review: the steps it does are not offered as buttons of their own beside it.
  const taking = commandsOnTaking(status);
  const canTake = !final && (application.assigneeId !== input.actor.id || taking.length > 0);
  // A first-grade child is enrolled only by an order on the school's list, never by a plain
  // "complete" (docs/enrollment.md, "The school's side"): the page points to the list instead.
  const byOrder = isEnrollmentService(application.service.code);
  const list = byOrder
    ? await db.enrollmentRequest.findUnique({
        where: { applicationId: application.id },
        select: { schoolCode: true, campaignYear: true },
      })
    : null;
  return {
    id: application.id,
    number: application.number!,
    status,
    version: application.version,
    service: pick({ ru: application.service.titleRu, en: application.service.titleEn }, language),
    /** A support measure's case: the measure it decides (docs/social-support.md). */
    measure: measure ? pick({ ru: measure.titleRu, en: measure.titleEn }, language) : null,
    applicantName: application.applicantName ?? "",
    receivedAt: application.receivedAt ? formatDateTime(application.receivedAt, language) : "",
    deadline: application.deadline ? formatDate(application.deadline, language) : "",
    daysLeft:
      application.deadline && !final
        ? workingDaysLeft(await loadProductionCalendar(db), today, application.deadline)
        : null,
    assignee,
    officers,
    commands: availableCommands(status, "staff").filter(
      (c) => !(canTake && taking.includes(c)) && !(byOrder && c === "complete"),
    ),
    /** The school's list where this first-grade application is enrolled by an order, when it may be. */
    enrollmentList:
      list && availableCommands(status, "staff").includes("complete")
        ? { school: list.schoolCode, year: list.campaignYear }
        : null,
    canTake,
    /** Taking it now also registers it and starts the review (the notice after says so). */
    takeStartsReview: taking.length > 0,
    canAssign: !final,
    supervisor: isSupervisor(input.actor.roles),
    me: input.actor.id,
    grounds: details.refusalGrounds.map((g) => ({ code: g.code, title: pick(g.title, language) })),
    timeline: events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at, language),
      command: e.command,
      status: parseStatus(e.toStatus),
      actorRole: e.actorRole,
      actor: e.actorId ? (emails.get(e.actorId) ?? null) : null,
      assignee: e.assigneeId ? (emails.get(e.assigneeId) ?? e.assigneeId) : null,
      reason: e.reason,
      ground: e.ground ? (details.refusalGrounds.find((g) => g.code === e.ground)?.title[language] ?? e.ground) : null,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author as "department" | "applicant",
      text: m.text,
      at: formatDateTime(m.createdAt, language),
      files: m.uploads.map((u) => ({ id: u.id, name: u.fileName, contentType: u.contentType })),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      text: n.text,
      at: formatDateTime(n.createdAt, language),
      author: emails.get(n.authorId) ?? "",
    })),
    documents: uploads.map((u) => ({ id: u.id, name: u.fileName, contentType: u.contentType })),
    sections: await describeApplicationAnswers(db, {
      applicantId: application.applicantId,
      applicationId: application.id,
      form,
      answers: parseAnswers(application.answers),
      language,
    }),
  };
}

export type AssignResult = { ok: true } | { ok: false; error: "not-found" | "conflict" | "not-allowed" };

/** Takes an application into work, or (supervisors) gives it to an officer of the department. */
export async function assignApplication(
  db: PrismaClient,
  input: { actor: StaffActor; number: string; assigneeId: string; expectedVersion: number; now?: Date },
): Promise<AssignResult> {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return { ok: false, error: "not-found" };
  if (FINAL_STATUSES.includes(parseStatus(application.status))) return { ok: false, error: "not-allowed" };
  if (input.assigneeId !== input.actor.id && !isSupervisor(input.actor.roles))
    return { ok: false, error: "not-allowed" };
  const officers = await listDepartmentOfficers(db, [application.departmentId]);
  if (!officers.some((o) => o.id === input.assigneeId)) return { ok: false, error: "not-allowed" };
  const now = input.now ?? new Date();
  const moved = await db.$transaction(async (tx) => {
    const result = await tx.application.updateMany({
      where: { id: application.id, version: input.expectedVersion },
      data: { assigneeId: input.assigneeId, version: { increment: 1 } },
    });
    if (result.count !== 1) return false;
    await tx.applicationEvent.create({
      data: {
        applicationId: application.id,
        at: now,
        actorId: input.actor.id,
        actorRole: actorRole(input.actor.roles),
        command: "assign",
        fromStatus: application.status,
        toStatus: application.status,
        assigneeId: input.assigneeId,
      },
    });
    return true;
  });
  if (!moved) return { ok: false, error: "conflict" };
  await recordAudit(db, {
    actorId: input.actor.id,
    action: "application.assign",
    subjectType: "application",
    subjectId: application.number,
    details: { assignee: input.assigneeId, previous: application.assigneeId },
  });
  return { ok: true };
}

export type TakeResult =
  { ok: true; from: Status; to: Status } | { ok: false; error: "not-found" | "conflict" | "not-allowed" };

class TakeConflict extends Error {}

/**
 * "Взять в работу": the officer takes the application and, when it is new, registers it and starts
 * its review in the same act (see taking.ts), in one transaction guarded by the version the officer
 * saw. Each status change is its own lifecycle event; the resident is told of the last one only.
 */
export async function takeApplication(
  db: PrismaClient,
  input: { actor: StaffActor; number: string; expectedVersion: number; now?: Date },
): Promise<TakeResult> {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return { ok: false, error: "not-found" };
  const from = parseStatus(application.status);
  if (FINAL_STATUSES.includes(from)) return { ok: false, error: "not-allowed" };
  const officers = await listDepartmentOfficers(db, [application.departmentId]);
  if (!officers.some((o) => o.id === input.actor.id)) return { ok: false, error: "not-allowed" };
  const reassign = application.assigneeId !== input.actor.id;
  const steps = commandsOnTaking(from);
  if (!reassign && steps.length === 0) return { ok: false, error: "not-allowed" };
  const now = input.now ?? new Date();
  // Read before the transaction: on the shared connection nothing else runs while one is open.
  const calendar = await loadProductionCalendar(db);
  const actor = { kind: "staff" as const, id: input.actor.id, role: actorRole(input.actor.roles) };
  let changes: { command: Command; from: Status; to: Status }[];
  try {
    changes = await db.$transaction(async (tx) => {
      if (reassign) {
        const moved = await tx.application.updateMany({
          where: { id: application.id, version: input.expectedVersion },
          data: { assigneeId: input.actor.id, version: { increment: 1 } },
        });
        if (moved.count !== 1) throw new TakeConflict();
        await tx.applicationEvent.create({
          data: {
            applicationId: application.id,
            at: now,
            actorId: actor.id,
            actorRole: actor.role,
            command: "assign",
            fromStatus: from,
            toStatus: from,
            assigneeId: input.actor.id,
          },
        });
      }
      const done: { command: Command; from: Status; to: Status }[] = [];
      for (const [index, command] of steps.entries()) {
        const result = await applyCommandInTransaction(
          tx,
          {
            applicationId: application.id,
            command,
            actor,
            // Without a new assignment the first step checks the version the officer saw.
            expectedVersion: !reassign && index === 0 ? input.expectedVersion : undefined,
            idempotencyKey: randomUUID(),
            notify: index === steps.length - 1,
            now,
          },
          { now, calendar },
        );
        if (!result.ok) throw new TakeConflict();
        done.push({ command, from: result.from, to: result.to });
      }
      return done;
    });
  } catch (error) {
    if (error instanceof TakeConflict || isLostRace(error)) return { ok: false, error: "conflict" };
    throw error;
  }
  // The audit keeps one line per change, as when each was given by itself.
  if (reassign) {
    await recordAudit(db, {
      actorId: input.actor.id,
      action: "application.assign",
      subjectType: "application",
      subjectId: application.number,
      details: { assignee: input.actor.id, previous: application.assigneeId },
    });
  }
  for (const change of changes) {
    await recordAudit(db, {
      actorId: input.actor.id,
      action: `application.${change.command}`,
      subjectType: "application",
      subjectId: application.number,
      details: { from: change.from, to: change.to },
    });
  }
  return { ok: true, from, to: changes.at(-1)?.to ?? from };
}

/** Supervisors: several applications to one officer at once; each one checked like a single one. */
export async function assignMany(
  db: PrismaClient,
  input: { actor: StaffActor; numbers: string[]; assigneeId: string },
): Promise<{ assigned: number; skipped: number }> {
  let assigned = 0;
  for (const number of input.numbers) {
    const application = await findStaffApplication(db, input.actor, number);
    if (!application) continue;
    const result = await assignApplication(db, {
      actor: input.actor,
      number,
      assigneeId: input.assigneeId,
      expectedVersion: application.version,
    });
    if (result.ok) assigned += 1;
  }
  return { assigned, skipped: input.numbers.length - assigned };
}

export async function addStaffNote(
  db: PrismaClient,
  input: { actor: StaffActor; number: string; text: string },
): Promise<boolean> {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return false;
  await db.staffNote.create({ data: { applicationId: application.id, authorId: input.actor.id, text: input.text } });
  await recordAudit(db, {
    actorId: input.actor.id,
    action: "application.note",
    subjectType: "application",
    subjectId: application.number,
  });
  return true;
}

/** One of the lifecycle's commands given by an officer, with the result document when there is one. */
export async function giveStaffCommand(
  db: PrismaClient,
  input: {
    actor: StaffActor;
    number: string;
    command: Command;
    expectedVersion: number;
    reason?: string;
    ground?: string;
    idempotencyKey?: string;
    resultFile?: File;
  },
): Promise<
  CommandResult | RefusalResult | { ok: false; error: "file"; fileError: string } | { ok: false; error: "by-order" }
> {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return { ok: false, error: "not-found" };
  // A first-grade child is enrolled only by an order (issueEnrollmentOrder), which records it and
  // takes its place from the school's free places; a plain "complete" would do neither.
  if (input.command === "complete" && isEnrollmentService(application.service.code)) {
    await recordAudit(db, {
      actorId: input.actor.id,
      action: "application.complete",
      subjectType: "application",
      subjectId: application.number,
      result: "denied",
      details: { error: "by-order" },
    });
    return { ok: false, error: "by-order" };
  }
  // A first-grade refusal is lawful only for lack of places and always carries the offer of schools
  // with free places (docs/enrollment.md, "The school's side"): it goes the one way that ensures both.
  if (input.command === "refuse" && (await isOnSchoolList(db, application.id))) {
    const refusal = await refuseForLackOfPlaces(db, {
      applicationId: application.id,
      actor: input.actor,
      scope: await staffScope(db, input.actor.roles),
      explanation: input.reason ?? "",
      ground: input.ground,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
    });
    if (!refusal.ok) {
      await recordAudit(db, {
        actorId: input.actor.id,
        action: "application.refuse",
        subjectType: "application",
        subjectId: application.number,
        result: "denied",
        details: { error: refusal.error },
      });
    }
    return refusal;
  }
  let resultUploadId: string | undefined;
  if (input.resultFile && input.command === "complete") {
    // The result belongs to the applicant's case: they download it like their own documents.
    const stored = await storeUpload(db, {
      ownerId: application.applicantId,
      applicationId: application.id,
      field: null,
      file: input.resultFile,
      rules: DOCUMENT_UPLOAD_RULES,
    });
    if (!stored.ok) return { ok: false, error: "file", fileError: stored.error };
    resultUploadId = stored.upload.id;
  }
  const result = await applyCommand(db, {
    applicationId: application.id,
    command: input.command,
    actor: { kind: "staff", id: input.actor.id, role: actorRole(input.actor.roles) },
    reason: input.reason,
    ground: input.ground,
    expectedVersion: input.expectedVersion,
    idempotencyKey: input.idempotencyKey ?? randomUUID(),
    resultUploadId,
  });
  if (!result.ok && resultUploadId) await discardUnattachedUploads(db, application.applicantId, [resultUploadId]);
  await recordAudit(db, {
    actorId: input.actor.id,
    action: `application.${input.command}`,
    subjectType: "application",
    subjectId: application.number,
    result: result.ok ? "ok" : "denied",
    details: result.ok ? { from: result.from, to: result.to } : { error: result.error },
  });
  return result;
}
