import type { PrismaClient } from "~/generated/prisma/client";

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

export async function recordAudit(db: PrismaClient, entry: AuditEntry): Promise<void> {
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
