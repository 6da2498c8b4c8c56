import { verifyPassword, verifyAgainstDecoy } from "~/domain/accounts/password-hash.server";
import { STAFF_ROLES, isRole } from "~/domain/accounts/roles";
import { clearAttempts, takeAttempt, THROTTLE_RULES } from "~/domain/accounts/throttle.server";
import { KEPT_CHILDREN_KEY, type KeptChild } from "~/domain/applications/kept-children";
import { parseAnswers } from "~/domain/applications/applications.server";
import { retentionByService, retentionCutoff } from "~/domain/applications/retention.server";
import { DEFAULT_RETENTION_YEARS } from "~/domain/catalogue/service-content";
import { recordAudit } from "~/domain/audit/audit.server";
import { removeStoredFiles } from "~/domain/uploads/uploads.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { tokenHash } from "~/platform/crypto.server";

/*
 * A resident withdraws the consent to processing and deletes the account (152-ФЗ art. 9 p. 2,
 * art. 21 p. 5). What goes at once: the account itself (sign-in identities, sessions, e-mailed
 * links, roles), the profile, the children, the notifications, the drafts with their documents,
 * answers kept after an ended session and documents not attached to anything — rows and files.
 * What stays: applications already submitted, which the department must keep for the service's
 * retention period (retention.server.ts purges them afterwards). They lose the link to the account
 * (applicantId is set null); the name the application was made in, its answers and its documents
 * stay for the department, and the children it names are copied into it (KEPT_CHILDREN_KEY). The
 * consents are marked withdrawn and kept without the person. The anonymised statistics stay as
 * they are. Staff accounts are not deleted this way: their work is part of other people's cases.
 */

export type KeptApplication = {
  number: string;
  serviceId: number;
  status: string;
  retentionYears: number;
  /** When its retention ends, if decided; undecided ones are kept until retentionYears after the decision. */
  purgeAfter: Date | null;
};

/** What deleting this account would do, for the page that asks. */
export async function describeAccountDeletion(db: PrismaClient, userId: string) {
  const [user, drafts, submitted, children, retention] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, include: { roles: true, profile: { select: { userId: true } } } }),
    db.application.count({ where: { applicantId: userId, status: "draft" } }),
    db.application.findMany({
      where: { applicantId: userId, status: { not: "draft" } },
      select: {
        number: true,
        serviceId: true,
        status: true,
        decidedAt: true,
        events: { where: { toStatus: "withdrawn" }, select: { at: true }, take: 1 },
      },
      orderBy: { sequence: "asc" },
    }),
    db.child.count({ where: { userId } }),
    retentionByService(db),
  ]);
  if (!user) return null;
  const kept: KeptApplication[] = submitted.map((a) => {
    const years = retentionByServiceOrDefault(retention, a.serviceId);
    const ended = a.decidedAt ?? (a.status === "withdrawn" ? (a.events[0]?.at ?? null) : null);
    return {
      number: a.number ?? "",
      serviceId: a.serviceId,
      status: a.status,
      retentionYears: years,
      purgeAfter: ended ? retentionAfter(ended, years) : null,
    };
  });
  return {
    staff: isStaff(user.roles),
    profile: !!user.profile,
    children,
    drafts,
    kept,
  };
}

const retentionByServiceOrDefault = (map: Map<number, number>, serviceId: number) =>
  map.get(serviceId) ?? DEFAULT_RETENTION_YEARS;

/** The moment a retention of `years` from `from` ends (the inverse of retentionCutoff). */
function retentionAfter(from: Date, years: number): Date {
  return retentionCutoff(from, -years);
}

function isStaff(roles: readonly { role: string }[]): boolean {
  return roles.some((r) => isRole(r.role) && STAFF_ROLES.includes(r.role));
}

export type DeletionCounts = {
  drafts: number;
  children: number;
  documents: number;
  keptApplications: number;
  consentsWithdrawn: number;
};

export type DeleteAccountResult =
  | { ok: true; counts: DeletionCounts }
  | { ok: false; error: "not-found" | "staff" | "wrong-password" }
  | { ok: false; error: "throttled"; retryAfterSeconds: number };

const deletionKey = (userId: string) => `account-delete:${userId}`;

/**
 * Deletes a resident's account after checking the password, in one transaction; the files of the
 * documents that go are removed after it commits (a crash in between leaves files the retention
 * job removes). Wrong passwords count against the account like sign-ins do.
 */
export async function deleteResidentAccount(
  db: PrismaClient,
  input: { userId: string; password: string; now?: Date },
): Promise<DeleteAccountResult> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({
    where: { id: input.userId },
    include: { roles: true, identities: { where: { provider: "password" } } },
  });
  if (!user) return { ok: false, error: "not-found" };
  if (isStaff(user.roles)) return { ok: false, error: "staff" };

  const state = await takeAttempt(db, deletionKey(user.id), THROTTLE_RULES.signInAccount, now);
  if (state.locked) return { ok: false, error: "throttled", retryAfterSeconds: state.retryAfterSeconds };
  const hash = user.identities.find((i) => i.passwordHash)?.passwordHash;
  const valid = hash ? await verifyPassword(hash, input.password) : await verifyAgainstDecoy(input.password);
  if (!valid) {
    await recordAudit(db, {
      actorId: user.id,
      action: "account.delete",
      subjectType: "user",
      subjectId: user.id,
      result: "denied",
      details: { reason: "wrong-password" },
    });
    return { ok: false, error: "wrong-password" };
  }

  const applications = await db.application.findMany({
    where: { applicantId: user.id },
    select: { id: true, status: true, answers: true },
  });
  const draftIds = applications.filter((a) => a.status === "draft").map((a) => a.id);
  const submitted = applications.filter((a) => a.status !== "draft");
  const children = await db.child.findMany({ where: { userId: user.id } });
  const goingFiles = await db.upload.findMany({
    where: { ownerId: user.id, OR: [{ applicationId: null }, { applicationId: { in: draftIds } }] },
    select: { id: true, storedName: true },
  });
  const consents = await db.consent.findMany({ where: { userId: user.id }, select: { purpose: true } });

  const counts = await db.$transaction(async (tx) => {
    // The children a kept application names, copied into it before the profile's children go.
    for (const application of submitted) {
      const answers = parseAnswers(application.answers);
      const named = new Set<unknown>(Object.values(answers).flatMap((v): unknown[] => (Array.isArray(v) ? v : [v])));
      const kept: KeptChild[] = children
        .filter((c) => named.has(c.id))
        .map((c) => ({
          id: c.id,
          name: [c.lastName, c.firstName, c.middleName].filter(Boolean).join(" "),
          birthDate: c.birthDate,
        }));
      if (kept.length === 0) continue;
      await tx.application.update({
        where: { id: application.id },
        data: { answers: JSON.stringify({ ...answers, [KEPT_CHILDREN_KEY]: kept }) },
      });
    }
    // The withdrawal: every consent is marked withdrawn and loses the address it was given from;
    // the account's deletion then cuts its link to the person (userId set null).
    const withdrawn = await tx.consent.updateMany({
      where: { userId: user.id, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    await tx.consent.updateMany({ where: { userId: user.id }, data: { ip: "" } });
    await tx.pendingAnswers.deleteMany({ where: { applicationId: { in: applications.map((a) => a.id) } } });
    // Drafts with their documents, events and notifications (by cascade).
    const drafts = await tx.application.deleteMany({ where: { id: { in: draftIds }, status: "draft" } });
    await tx.upload.deleteMany({ where: { id: { in: goingFiles.map((f) => f.id) } } });
    // Identities, sessions, e-mailed links, roles, profile, children and notifications by cascade;
    // submitted applications, their documents and the consents are kept (SetNull).
    await tx.user.delete({ where: { id: user.id } });
    const result: DeletionCounts = {
      drafts: drafts.count,
      children: children.length,
      documents: goingFiles.length,
      keptApplications: submitted.length,
      consentsWithdrawn: withdrawn.count,
    };
    // The audit trail speaks of ids, purposes and counts only.
    const purposes = [...new Set(consents.map((c) => c.purpose))].sort().join(",");
    await recordAudit(tx, {
      actorId: user.id,
      action: "consent.withdrawn",
      subjectType: "user",
      subjectId: user.id,
      details: { purposes, count: withdrawn.count },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "account.deleted",
      subjectType: "user",
      subjectId: user.id,
      details: result,
    });
    return result;
  });
  await removeStoredFiles(goingFiles.map((f) => f.storedName));
  await clearAttempts(db, deletionKey(user.id));
  await clearAttempts(db, `signin:account:${tokenHash(user.email)}`);

  return { ok: true, counts };
}
