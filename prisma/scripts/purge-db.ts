/*
 * `npm run db:purge`: one pass of the retention rules (app/domain/applications/retention.server.ts)
 * against the database named by DATABASE_URL — what the portal also does every hour. Idempotent;
 * prints counts only, never whose data went.
 */
import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { purgeExpiredPersonalData } from "~/domain/applications/retention.server";

const db = new PrismaClient({ adapter: createSqliteAdapter() });
try {
  const counts = await purgeExpiredPersonalData(db);
  console.log(
    `Retention purge: ${counts.applications} applications of deleted accounts, ${counts.documents} documents of decided applications, ${counts.drafts} drafts without an account, ${counts.orphanFiles} orphaned files.`,
  );
} finally {
  await db.$disconnect();
}
