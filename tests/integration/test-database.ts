import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { migrateDatabase } from "~/db/prepare-database.server";

/** A real SQLite file, migrated and connected like production, that the test owns and throws away. */
export function createTestDatabase(): Promise<{ db: PrismaClient; url: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(process.cwd(), url);
  const db = new PrismaClient({ adapter: createSqliteAdapter(url, { commitSync: "off-the-event-loop" }) });
  return Promise.resolve({
    db,
    url,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
