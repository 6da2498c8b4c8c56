import { spawnSync } from "node:child_process";
import path from "node:path";

/*
 * The SQL that takes the migration history to the current schema.prisma. Works offline:
 * `migrate diff` replays the history into an in-memory shadow database.
 */
export function diffMigrationsToSchema(): { sql: string; status: number | null; stderr: string } {
  const result = spawnSync(
    path.join("node_modules", ".bin", "prisma"),
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
      // 0 = no difference, 2 = a difference, 1 = an error.
      "--exit-code",
    ],
    { encoding: "utf8" },
  );
  return { sql: result.stdout, status: result.status, stderr: result.stderr };
}
