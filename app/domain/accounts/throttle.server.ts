import type { PrismaClient } from "~/generated/prisma/client";

/*
 * Counting failed attempts per key (an account, a client address) in the database, so every process
 * of a deployment sees the same counts and a restart does not reset them.
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

export async function throttleState(db: PrismaClient, key: string, now: Date): Promise<ThrottleState> {
  const counter = await db.attemptCounter.findUnique({ where: { key } });
  if (counter?.lockedUntil && counter.lockedUntil > now) {
    return { locked: true, retryAfterSeconds: Math.ceil((counter.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  return { locked: false };
}

/** Counts one attempt against the rule; locks the key when the rule's limit is reached. */
export async function recordAttempt(db: PrismaClient, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const counter = await db.attemptCounter.findUnique({ where: { key } });
  const windowOpen = counter && now.getTime() - counter.windowStart.getTime() < rule.windowMs;
  const failures = windowOpen ? counter.failures + 1 : 1;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
  await db.attemptCounter.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: windowOpen ? counter.windowStart : now, lockedUntil },
  });
}

export async function clearAttempts(db: PrismaClient, key: string): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key } });
}
