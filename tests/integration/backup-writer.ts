/*
 * A writer for tests/integration/backup.test.ts, run as its own process (better-sqlite3 is
 * synchronous: in the test's process it would stop while the backup runs). It submits applications
 * through the domain functions, one after another, and prints each number once it is committed,
 * until it is told to stop (SIGTERM).
 */
import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { LARGE_FAMILY, submitted, userIdOf } from "./resident-applications";

const db = new PrismaClient({ adapter: createSqliteAdapter(process.env.DATABASE_URL) });
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

const applicant = await userIdOf(db, LARGE_FAMILY);
while (!stopping) {
  const { number } = await submitted(db, applicant);
  process.stdout.write(`committed ${number}\n`);
}
await db.$disconnect();
