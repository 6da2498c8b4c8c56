import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { staffDepartments, type RoleGrant } from "~/domain/accounts/roles";
import { parseAnswers, getPinnedForm } from "~/domain/applications/applications.server";
import { describeApplicationAnswers } from "~/domain/applications/application-view.server";
import { availableCommands, FINAL_STATUSES, type Command, type Status } from "~/domain/applications/lifecycle";
import { applyCommand, type CommandResult } from "~/domain/applications/transitions.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { recordAudit, recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { workingDaysLeft } from "~/domain/calendar/working-days";
import { ServiceDetailsSchema } from "~/domain/catalogue/service-content";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { discardUnattachedUploads, storeUpload } from "~/domain/uploads/uploads.server";
import { DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/file-type";

/*
 * Working an application in the back office: what an officer sees of it, taking it into work or
 * assigning it, internal notes, and the lifecycle's commands with the audit trail. An officer sees
 * only the applications of their departments; anything else is "not found".
 */
export type StaffActor = { id: string; roles: readonly RoleGrant[] };

export async function staffDepartmentIds(db: PrismaClient, roles: readonly RoleGrant[]): Promise<number[]> {
  const codes = staffDepartments(roles);
  if (codes.length === 0) return [];
  const rows = await db.department.findMany({ where: { code: { in: codes } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * What an officer may see: their departments and, for school staff (a grant with a school code),
 * only the applications that name their school.
 */
export async function staffScope(db: PrismaClient, roles: readonly RoleGrant[]) {
  const departmentIds = await staffDepartmentIds(db, roles);
  const work = roles.filter((r) => r.role === "officer" || r.role === "supervisor");
  const schoolCodes = work.length > 0 && work.every((r) => r.schoolCode) ? work.map((r) => r.schoolCode!) : null;
  return { departmentIds, schoolCodes };
}

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
  const status = application.status as Status;
  const form = await getPinnedForm(db, application.serviceId, application.serviceVersion);
  const today = regionDate(input.now);
  return {
    id: application.id,
    number: application.number!,
    status,
    version: application.version,
    service: pick({ ru: application.service.titleRu, en: application.service.titleEn }, language),
    applicantName: application.applicantName ?? "",
    receivedAt: application.receivedAt ? formatDateTime(application.receivedAt, language) : "",
    deadline: application.deadline ? formatDate(application.deadline, language) : "",
    daysLeft:
      application.deadline && !FINAL_STATUSES.includes(status)
        ? workingDaysLeft(await loadProductionCalendar(db), today, application.deadline)
        : null,
    assignee,
    officers,
    commands: availableCommands(status, "staff"),
    canAssign: !FINAL_STATUSES.includes(status),
    supervisor: isSupervisor(input.actor.roles),
    me: input.actor.id,
    grounds: details.refusalGrounds.map((g) => ({ code: g.code, title: pick(g.title, language) })),
    timeline: events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at, language),
      command: e.command,
      status: e.toStatus as Status,
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
  if (FINAL_STATUSES.includes(application.status as Status)) return { ok: false, error: "not-allowed" };
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
): Promise<CommandResult | { ok: false; error: "file"; fileError: string }> {
  const application = await findStaffApplication(db, input.actor, input.number);
  if (!application) return { ok: false, error: "not-found" };
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
