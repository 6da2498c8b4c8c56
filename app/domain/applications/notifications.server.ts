import type { PrismaClient } from "~/generated/prisma/client";

/*
 * In-app notifications of status changes. The header shows the unread count on every page, so the
 * count is one indexed query; opening the list marks them read.
 */
export function countUnread(db: PrismaClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
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
  const where = { userId, readAt: null };
  if (await db.notification.findFirst({ where, select: { id: true } }))
    await db.notification.updateMany({ where, data: { readAt: now } });
}

/** Opening an application reads its notifications. */
export async function markApplicationRead(
  db: PrismaClient,
  userId: string,
  applicationId: string,
  now = new Date(),
): Promise<void> {
  const where = { userId, applicationId, readAt: null };
  if (await db.notification.findFirst({ where, select: { id: true } }))
    await db.notification.updateMany({ where, data: { readAt: now } });
}
