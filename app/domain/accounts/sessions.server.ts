import type { PrismaClient } from "~/generated/prisma/client";
import { randomToken, tokenHash } from "~/server/crypto.server";

/*
 * Database sessions. The browser holds a random token; the table holds its hash, the owner and
 * the expiry. Without "remember me" a session lasts a working day of inactivity; with it, 30 days.
 * Activity extends it, written at most every few minutes to keep reads cheap.
 */
const HOUR = 3_600_000;
export const SESSION_TTL_MS = { short: 12 * HOUR, remembered: 30 * 24 * HOUR } as const;
const TOUCH_EVERY_MS = 5 * 60_000;
/*
 * An ended session is kept a while (never to let anyone in): it tells whose answers a form posted
 * just after the end carried, so they are kept for that account only (pending-answers.server.ts).
 */
const ENDED_KEPT_MS = 12 * HOUR;

export async function createSession(
  db: PrismaClient,
  userId: string,
  remember: boolean,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + (remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short));
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - ENDED_KEPT_MS) } } });
  await db.session.create({ data: { idHash: tokenHash(token), userId, remember, expiresAt, lastSeenAt: now } });
  return { token, expiresAt };
}

/** The user id behind a token, or null when the session is unknown or over. */
export async function resolveSession(db: PrismaClient, token: string, now = new Date()): Promise<string | null> {
  const idHash = tokenHash(token);
  const session = await db.session.findUnique({ where: { idHash } });
  if (!session) return null;
  if (session.expiresAt <= now) {
    if (session.expiresAt.getTime() < now.getTime() - ENDED_KEPT_MS) await db.session.deleteMany({ where: { idHash } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const ttl = session.remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short;
    await db.session.update({
      where: { idHash },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttl) },
    });
  }
  return session.userId;
}

/** Whose session a token was, when it ended no longer than ENDED_KEPT_MS ago; null otherwise. Never a sign-in. */
export async function endedSessionOwner(db: PrismaClient, token: string, now = new Date()): Promise<string | null> {
  const session = await db.session.findUnique({ where: { idHash: tokenHash(token) } });
  if (!session || session.expiresAt > now || session.expiresAt.getTime() < now.getTime() - ENDED_KEPT_MS) return null;
  return session.userId;
}

export async function destroySession(db: PrismaClient, token: string): Promise<void> {
  await db.session.deleteMany({ where: { idHash: tokenHash(token) } });
}

export async function destroyAllSessions(db: PrismaClient, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

/** When a live session ends, without extending it (for the session-timeout warning). */
export async function sessionExpiry(db: PrismaClient, token: string, now = new Date()): Promise<Date | null> {
  const session = await db.session.findUnique({ where: { idHash: tokenHash(token) }, select: { expiresAt: true } });
  return session && session.expiresAt > now ? session.expiresAt : null;
}

/** "Stay signed in": a live session starts its full term again; an ended one stays ended. */
export async function extendSession(db: PrismaClient, token: string, now = new Date()): Promise<Date | null> {
  const idHash = tokenHash(token);
  const session = await db.session.findUnique({ where: { idHash } });
  if (!session || session.expiresAt <= now) return null;
  const expiresAt = new Date(now.getTime() + (session.remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short));
  await db.session.update({ where: { idHash }, data: { lastSeenAt: now, expiresAt } });
  return expiresAt;
}
