import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/*
 * The append-only audit trail: who did what to which record, and with what result. Details hold
 * ids and codes, never personal data, so the trail can be kept longer than the data it speaks of.
 */
export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  result?: "ok" | "denied" | "error";
  details?: Record<string, string | number | boolean | null>;
};

export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      result: entry.result ?? "ok",
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

/**
 * A member of staff looked at a person's data (152-ФЗ): who, when, whose, which fields and why.
 * Called by every staff loader that shows personal data.
 */
export async function recordPersonalDataAccess(
  db: PrismaClient,
  /** personId is null when the person deleted the account and the application is kept without it. */
  access: { staffId: string; personId: string | null; fields: string[]; purpose: string },
): Promise<void> {
  await recordAudit(db, {
    actorId: access.staffId,
    action: "personal-data.viewed",
    subjectType: "user",
    subjectId: access.personId,
    details: { fields: access.fields.join(","), purpose: access.purpose },
  });
}
