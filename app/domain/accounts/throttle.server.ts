import type { PrismaClient } from "~/generated/prisma/client";

/*
 * Counting attempts per key (an account, a client address) in the database, so every process of a
 * deployment sees the same counts and a restart does not reset them.
 *
 * An attempt is counted before it is judged, in one transaction that holds the write lock: parallel
 * attempts each see the others' counts, so a burst of guesses cannot all be evaluated before the
 * lock (docs/security.md §3). Whoever succeeds gives the count back.
 */
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
export const THROTTLE_RULES = {
  /** Per account: five wrong passwords lock it for a quarter of an hour. */
  signInAccount: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** Per client address: many accounts tried from one place. */
  signInAddress: { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  /** Reset and registration mails per client address (the limit is MAILS_PER_ADDRESS_PER_HOUR). */
  mailAddress: { maxFailures: 10, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
} satisfies Record<string, ThrottleRule>;

export type ThrottleState = { locked: false } | { locked: true; retryAfterSeconds: number };

const retryAfter = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Takes one attempt from the key's allowance. Locked when the key is locked already or this
 * attempt is past the rule's limit (then the key locks for the rule's time); else the attempt may
 * go on and is counted.
 */
export async function takeAttempt(
  db: PrismaClient,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<ThrottleState> {
  return db.$transaction(async (tx) => {
    const counter = await tx.attemptCounter.findUnique({ where: { key } });
    if (counter?.lockedUntil && counter.lockedUntil > now) {
      return { locked: true, retryAfterSeconds: retryAfter(counter.lockedUntil, now) };
    }
    const windowOpen = counter && now.getTime() - counter.windowStart.getTime() < rule.windowMs;
    const taken = windowOpen ? counter.failures : 0;
    if (taken >= rule.maxFailures) {
      const lockedUntil = new Date(now.getTime() + rule.lockMs);
      await tx.attemptCounter.update({ where: { key }, data: { lockedUntil } });
      return { locked: true, retryAfterSeconds: retryAfter(lockedUntil, now) };
    }
    await tx.attemptCounter.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now, lockedUntil: null },
      update: { failures: taken + 1, windowStart: windowOpen ? counter.windowStart : now, lockedUntil: null },
    });
    return { locked: false };
  });
}

/** Gives back an attempt that turned out right (a correct password from a shared address). */
export async function returnAttempt(db: PrismaClient, key: string): Promise<void> {
  await db.attemptCounter.updateMany({
    where: { key, failures: { gt: 0 }, lockedUntil: null },
    data: { failures: { decrement: 1 } },
  });
}

export async function clearAttempts(db: PrismaClient, key: string): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key } });
}
