import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { checkSignature, SIGNATURE_HEADERS } from "./registry-signature";
import { openSecret } from "./sealed-secret";

/*
 * Who sent a signed request (docs/proactive.md, "Intake"): every other system — a registry sending life
 * events, a utility provider sending bills or taking exports (docs/payments.md) — names its source and key
 * and signs the timestamp and the raw body with the key's secret. One check for all of them.
 */
export type SourceCheck =
  | { ok: true; source: string; keyId: string }
  | { ok: false; status: 401; error: string; source: string; keyId: string };

export async function authenticateSource(
  db: PrismaClient,
  input: { headers: Record<string, string | undefined>; body: string; now: Date; sealingKey: string },
): Promise<SourceCheck> {
  const source = input.headers[SIGNATURE_HEADERS.source] ?? "";
  const keyId = input.headers[SIGNATURE_HEADERS.key] ?? "";
  const refuse = (error: string): SourceCheck => ({ ok: false, status: 401, error, source, keyId });
  const timestamp = input.headers[SIGNATURE_HEADERS.timestamp];
  const signature = input.headers[SIGNATURE_HEADERS.signature];
  if (!source || !keyId || !timestamp || !signature) return refuse("unsigned");
  if (!(await db.registrySource.findUnique({ where: { code: source } }))) return refuse("unknown-source");
  const key = await db.registryKey.findUnique({ where: { id: keyId } });
  if (!key || key.sourceCode !== source) return refuse("unknown-key");
  if (key.retiresAt && key.retiresAt <= input.now) return refuse("retired-key");
  const secret = openSecret(key.secret, input.sealingKey);
  if (!secret) return refuse("unknown-key");
  const checked = checkSignature({ secret, timestamp, body: input.body, signature, now: input.now });
  if (!checked.ok) return refuse(checked.reason);
  return { ok: true, source, keyId };
}

/**
 * Audits a refused signed request under `action`: the source and key it named and why, codes only — never the
 * body, which may hold personal data.
 */
export function auditRefusal(
  db: PrismaClient,
  action: string,
  headers: Record<string, string | undefined>,
): (status: number, error: string, details?: Record<string, unknown>) => Promise<void> {
  const source = headers[SIGNATURE_HEADERS.source] ?? "";
  const keyId = headers[SIGNATURE_HEADERS.key] ?? "";
  return (status, error, details = {}) =>
    recordAudit(db, {
      actorId: null,
      action,
      subjectType: "registry-source",
      subjectId: source.slice(0, 60) || null,
      result: "denied",
      details: { ...details, status, error, key: keyId.slice(0, 60) || null },
    });
}
