import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { saveConfirmedAccount } from "./account-store.server";
import { mailInvitation, type RequestOrigin } from "./accounts.server";
import type { Role } from "./roles";

/*
 * Administration of staff: invitations and role changes. Every change is written to the audit
 * trail with who made it.
 */
export type GrantInput = { role: Role; departmentCode?: string; schoolCode?: string };

const PAGE_SIZE = 50;

/** Staff (anyone with a role other than resident), by e-mail, a page at a time (keyset). */
export async function listStaff(db: PrismaClient, after?: string) {
  const users = await db.user.findMany({
    where: { roles: { some: { role: { not: "resident" } } }, ...(after ? { email: { gt: after } } : {}) },
    orderBy: { email: "asc" },
    take: PAGE_SIZE + 1,
    include: { roles: { include: { department: true } } },
  });
  const page = users.slice(0, PAGE_SIZE);
  return { users: page, next: users.length > PAGE_SIZE ? page.at(-1)!.email : null };
}

export async function getUserRoles(db: PrismaClient, userId: string) {
  return db.user.findUnique({ where: { id: userId }, include: { roles: { include: { department: true } } } });
}

export async function grantRole(db: PrismaClient, actorId: string, userId: string, input: GrantInput): Promise<void> {
  const department = input.departmentCode
    ? await db.department.findUniqueOrThrow({ where: { code: input.departmentCode } })
    : null;
  const existing = await db.roleAssignment.findFirst({
    where: { userId, role: input.role, departmentId: department?.id ?? null, schoolCode: input.schoolCode ?? null },
  });
  if (existing) return;
  await db.roleAssignment.create({
    data: { userId, role: input.role, departmentId: department?.id ?? null, schoolCode: input.schoolCode ?? null },
  });
  await recordAudit(db, {
    actorId,
    action: "role.granted",
    subjectType: "user",
    subjectId: userId,
    details: { role: input.role, department: input.departmentCode ?? null, school: input.schoolCode ?? null },
  });
}

/** Removes a role; an administrator cannot remove their own last admin role (nobody would be left to undo it). */
export async function revokeRole(
  db: PrismaClient,
  actorId: string,
  assignmentId: number,
): Promise<"revoked" | "not-found" | "own-admin"> {
  const assignment = await db.roleAssignment.findUnique({ where: { id: assignmentId }, include: { department: true } });
  if (!assignment) return "not-found";
  if (assignment.userId === actorId && assignment.role === "admin") return "own-admin";
  await db.roleAssignment.delete({ where: { id: assignmentId } });
  await recordAudit(db, {
    actorId,
    action: "role.revoked",
    subjectType: "user",
    subjectId: assignment.userId,
    details: { role: assignment.role, department: assignment.department?.code ?? null, school: assignment.schoolCode },
  });
  return "revoked";
}

/** Invites a person by e-mail: a new account gets a link to set a password; an existing one just gains the role. */
export async function inviteStaff(
  db: PrismaClient,
  actorId: string,
  input: GrantInput & { email: string },
  origin: RequestOrigin,
): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  const userId =
    existing?.id ??
    (await saveConfirmedAccount(db, {
      email: input.email,
      language: origin.language,
      demoMailboxId: origin.demoMailbox,
      roles: [],
    }));
  await grantRole(db, actorId, userId, input);
  if (!existing) {
    await mailInvitation(db, userId, origin);
    await recordAudit(db, { actorId, action: "staff.invited", subjectType: "user", subjectId: userId });
  }
  return userId;
}

export type AuditFilter = {
  before?: number;
  /** Who acted: an e-mail address or a user id. */
  actor?: string;
  /** What it was about: an application number, a user id, a date of the calendar… */
  subject?: string;
  /** Region dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
};

/** The newest audit events matching the filter, a page at a time (keyset on id). */
export async function listAuditEvents(db: PrismaClient, filter: AuditFilter = {}) {
  let actorId = filter.actor;
  if (filter.actor?.includes("@")) {
    const user = await db.user.findUnique({ where: { email: filter.actor.toLowerCase() }, select: { id: true } });
    actorId = user?.id ?? "-";
  }
  const events = await db.auditEvent.findMany({
    where: {
      ...(filter.before ? { id: { lt: filter.before } } : {}),
      ...(actorId ? { actorId } : {}),
      ...(filter.subject ? { subjectId: filter.subject } : {}),
      ...(filter.from || filter.to
        ? {
            at: {
              ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00+03:00`) } : {}),
              ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00+03:00`).getTime() + 86_400_000) } : {}),
            },
          }
        : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
  });
  const page = events.slice(0, PAGE_SIZE);
  return { events: page, next: events.length > PAGE_SIZE ? page.at(-1)!.id : null };
}
