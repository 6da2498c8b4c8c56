import { timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { takeAttempt, THROTTLE_RULES, clearAttempts } from "~/domain/accounts/throttle.server";
import { hashAccessCode } from "./access-code";

/*
 * Linking a single account (ЕЛС) to a resident's cabinet (docs/payments.md, "Linking"): the ЕЛС and the access
 * code from the bill. A wrong code and an unknown account get the same answer, so nobody learns which accounts
 * exist, and guesses are throttled per resident like wrong passwords.
 */
export type LinkOutcome =
  | { ok: true; els: string }
  | { ok: false; error: "not-found" | "already-linked" | "throttled"; retryAfterSeconds?: number };

const linkKey = (userId: string) => `utility-link:${userId}`;

export async function linkAccount(
  db: PrismaClient,
  input: { userId: string; els: string; accessCode: string; label?: string | null; now: Date },
): Promise<LinkOutcome> {
  const throttle = await takeAttempt(db, linkKey(input.userId), THROTTLE_RULES.signInAccount, input.now);
  if (throttle.locked) return { ok: false, error: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  const account = await db.utilityAccount.findUnique({ where: { els: input.els } });
  const given = Buffer.from(hashAccessCode(input.els, input.accessCode));
  const right = account && timingSafeEqual(given, Buffer.from(account.accessCodeHash));
  if (!account || !right) {
    await recordAudit(db, {
      actorId: input.userId,
      action: "utility.link",
      subjectType: "utility-account",
      result: "denied",
    });
    return { ok: false, error: "not-found" };
  }
  await clearAttempts(db, linkKey(input.userId));
  const existing = await db.accountLink.findUnique({ where: { userId_els: { userId: input.userId, els: input.els } } });
  if (existing) return { ok: false, error: "already-linked" };
  await db.accountLink.create({ data: { userId: input.userId, els: input.els, label: input.label || null } });
  await recordAudit(db, {
    actorId: input.userId,
    action: "utility.link",
    subjectType: "utility-account",
    subjectId: input.els,
  });
  return { ok: true, els: input.els };
}

/** Unlinking forgets the link only: the account, its bills and payments stay (other payers may link it). */
export async function unlinkAccount(db: PrismaClient, input: { userId: string; els: string }): Promise<boolean> {
  const { count } = await db.accountLink.deleteMany({ where: { userId: input.userId, els: input.els } });
  if (count > 0)
    await recordAudit(db, {
      actorId: input.userId,
      action: "utility.unlink",
      subjectType: "utility-account",
      subjectId: input.els,
    });
  return count > 0;
}

/** Whether this resident has linked this account: every page and action of an account asks it first. */
export async function isLinked(db: PrismaClient, userId: string, els: string): Promise<boolean> {
  return (await db.accountLink.count({ where: { userId, els } })) > 0;
}
