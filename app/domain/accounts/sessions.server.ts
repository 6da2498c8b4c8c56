import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { randomToken, tokenHash } from "~/platform/crypto.server";

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

/*
 * Every signed-in request reads its session and its user: in SQL on the portal's connection, not
 * through Prisma, whose query compiler cost more than the reads themselves at the opening of
 * enrollment (docs/decisions/0036). The rare writes (the touch, the purge) stay Prisma's.
 */
type SessionRow = { userId: string; remember: number; expiresAt: string; lastSeenAt: string };

/** The user id behind a token, or null when the session is unknown or over. */
export async function resolveSession(db: PrismaClient, token: string, now = new Date()): Promise<string | null> {
  return (await liveSession(db, token, now))?.userId ?? null;
}

/** A live session's user and when it ends (after this request's touch), or null. */
async function liveSession(
  db: PrismaClient,
  token: string,
  now: Date,
): Promise<{ userId: string; expiresAt: Date } | null> {
  const idHash = tokenHash(token);
  const connection = await sqliteConnectionOf(db);
  const session = await connection.read(
    () =>
      connection
        .statement(`SELECT "userId", "remember", "expiresAt", "lastSeenAt" FROM "Session" WHERE "idHash" = ?`)
        .get(idHash) as SessionRow | undefined,
  );
  if (!session) return null;
  const expiresAt = new Date(session.expiresAt);
  if (expiresAt <= now) {
    if (expiresAt.getTime() < now.getTime() - ENDED_KEPT_MS) await db.session.deleteMany({ where: { idHash } });
    return null;
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    const ttl = session.remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short;
    const touched = new Date(now.getTime() + ttl);
    await db.session.update({ where: { idHash }, data: { lastSeenAt: now, expiresAt: touched } });
    return { userId: session.userId, expiresAt: touched };
  }
  return { userId: session.userId, expiresAt };
}

/** A signed-in user as every request needs them: the address, the mail language and the roles held. */
export type SessionUser = {
  id: string;
  email: string;
  language: string;
  roles: { role: string; departmentCode: string | null; schoolCode: string | null }[];
  /** When the session ends, for the warning before it does. */
  sessionExpiresAt: Date;
};

/** The user behind a live session's token, or null (read in SQL, see above). */
export async function sessionUser(db: PrismaClient, token: string, now = new Date()): Promise<SessionUser | null> {
  const session = await liveSession(db, token, now);
  if (!session) return null;
  const { userId } = session;
  const connection = await sqliteConnectionOf(db);
  return connection.read(() => {
    const user = connection.statement(`SELECT "id", "email", "language" FROM "User" WHERE "id" = ?`).get(userId) as
      Omit<SessionUser, "roles" | "sessionExpiresAt"> | undefined;
    if (!user) return null;
    const roles = connection
      .statement(
        `SELECT r."role", d."code" AS "departmentCode", r."schoolCode"
           FROM "RoleAssignment" r LEFT JOIN "Department" d ON d."id" = r."departmentId"
          WHERE r."userId" = ? ORDER BY r."id"`,
      )
      .all(userId) as SessionUser["roles"];
    return { ...user, roles, sessionExpiresAt: session.expiresAt };
  });
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

/** "Stay signed in": a live session starts its full term again; an ended one stays ended. */
export async function extendSession(db: PrismaClient, token: string, now = new Date()): Promise<Date | null> {
  const idHash = tokenHash(token);
  const session = await db.session.findUnique({ where: { idHash } });
  if (!session || session.expiresAt <= now) return null;
  const expiresAt = new Date(now.getTime() + (session.remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short));
  await db.session.update({ where: { idHash }, data: { lastSeenAt: now, expiresAt } });
  return expiresAt;
}
