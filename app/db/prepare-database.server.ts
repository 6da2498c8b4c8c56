import { execFileSync } from "node:child_process";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";

/** Applies pending migrations with the Prisma CLI (the offline JS schema engine, prisma.config.ts). */
export function migrateDatabase(projectRoot: string, databaseUrl: string): void {
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** A fresh database has no catalogue yet: that is when the demo data goes in. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.service.count()) === 0;
}
