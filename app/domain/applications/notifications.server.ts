import { commitTogether, sqlValue } from "~/db/group-commit.server";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import type { PrismaClient } from "~/generated/prisma/client";

/*
 * In-app notifications of status changes. The header shows the unread count on every page, so the
 * count is one indexed query, in SQL (docs/decisions/0037); opening the list marks them read, and
 * opening an application its own — a write only when one is unread, looked for in SQL too. The mark
 * shares the commit of the writes of the same moment (commitTogether, docs/decisions/0039): at the
 * opening every parent's first look at their application would otherwise be one more fsync.
 */
export async function countUnread(db: PrismaClient, userId: string): Promise<number> {
  const connection = await sqliteConnectionOf(db);
  return connection.read(
    () =>
      (
        connection
          .statement(`SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = ? AND "readAt" IS NULL`)
          .get(userId) as { n: number }
      ).n,
  );
}

async function anyUnread(db: PrismaClient, userId: string, applicationId?: string): Promise<boolean> {
  const connection = await sqliteConnectionOf(db);
  return connection.read(() =>
    applicationId === undefined
      ? connection
          .statement(`SELECT 1 FROM "Notification" WHERE "userId" = ? AND "readAt" IS NULL LIMIT 1`)
          .get(userId) !== undefined
      : connection
          .statement(
            `SELECT 1 FROM "Notification" WHERE "userId" = ? AND "applicationId" = ? AND "readAt" IS NULL LIMIT 1`,
          )
          .get(userId, applicationId) !== undefined,
  );
}

export async function listNotifications(db: PrismaClient, userId: string, take = 50) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      status: true,
      createdAt: true,
      readAt: true,
      application: { select: { id: true, number: true, serviceId: true, service: { select: { slug: true } } } },
    },
  });
}

/*
 * Looked for before written: most views have nothing unread, and a write, even of no rows, takes the
 * database's one write lock — at the opening of enrollment every parent reloading their application
 * would queue behind the submissions for nothing.
 */
export async function markAllRead(db: PrismaClient, userId: string, now = new Date()): Promise<void> {
  if (await anyUnread(db, userId))
    await markRead(db, `UPDATE "Notification" SET "readAt" = ? WHERE "userId" = ? AND "readAt" IS NULL`, [
      sqlValue(now),
      userId,
    ]);
}

/** Opening an application reads its notifications. */
export async function markApplicationRead(
  db: PrismaClient,
  userId: string,
  applicationId: string,
  now = new Date(),
): Promise<void> {
  if (await anyUnread(db, userId, applicationId))
    await markRead(
      db,
      `UPDATE "Notification" SET "readAt" = ? WHERE "userId" = ? AND "applicationId" = ? AND "readAt" IS NULL`,
      [sqlValue(now), userId, applicationId],
    );
}

async function markRead(db: PrismaClient, sql: string, values: unknown[]): Promise<void> {
  const connection = await sqliteConnectionOf(db);
  await commitTogether(connection, () => connection.statement(sql).run(...values));
}
