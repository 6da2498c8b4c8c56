import type { PrismaClient } from "~/generated/prisma/client";
import { randomToken, tokenHash } from "~/platform/crypto.server";
import { parseAnswers, saveDraftAnswers } from "./applications.server";
import type { Answers } from "./answers";

/*
 * Answers posted after the session had ended. They are kept for an hour under a random token that
 * travels in the sign-in link, bound to the account whose ended session posted them; they are
 * merged into the draft only when that same account signs in and owns the draft. Answers posted
 * without such a session (anyone's POST to a draft's URL) are never kept, so nobody can slip
 * answers into another person's draft through a restore link (docs/security.md §5). The table keeps
 * only the token's hash.
 */
const TTL_MS = 60 * 60_000;

export async function keepPendingAnswers(
  db: PrismaClient,
  input: { userId: string; applicationId: string; step: string; answers: Answers; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  await db.pendingAnswers.deleteMany({ where: { expiresAt: { lt: now } } });
  const token = randomToken();
  await db.pendingAnswers.create({
    data: {
      tokenHash: tokenHash(token),
      userId: input.userId,
      applicationId: input.applicationId,
      step: input.step,
      answers: JSON.stringify(input.answers),
      expiresAt: new Date(now.getTime() + TTL_MS),
    },
  });
  return token;
}

/** Merges kept answers into the signed-in owner's draft; false when there is nothing (left) to restore. */
export async function restorePendingAnswers(
  db: PrismaClient,
  input: { applicantId: string; applicationId: string; token: string; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  const pending = await db.pendingAnswers.findUnique({ where: { tokenHash: tokenHash(input.token) } });
  if (
    !pending ||
    pending.userId !== input.applicantId ||
    pending.applicationId !== input.applicationId ||
    pending.expiresAt < now
  ) {
    return false;
  }
  const saved = await saveDraftAnswers(
    db,
    input.applicantId,
    input.applicationId,
    parseAnswers(pending.answers),
    pending.step,
  );
  if (saved) await db.pendingAnswers.delete({ where: { tokenHash: pending.tokenHash } });
  return saved;
}
