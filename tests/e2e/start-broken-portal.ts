/*
 * A second production portal whose database has lost a table after seeding, the way a botched
 * manual change or a bad restore would leave it. It shows how the portal fails: a localized 500
 * page, no stack trace, no internals.
 */
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseFile } from "../../app/db/sqlite-adapter.server";
import { migrateDatabase } from "../../app/db/prepare-database.server";
import { PrismaClient } from "../../app/generated/prisma/client";
import { createSqliteAdapter } from "../../app/db/sqlite-adapter.server";
import { seedDemoData } from "../../seeds/demo";

const file = databaseFile();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
migrateDatabase(process.cwd(), process.env.DATABASE_URL!);
const db = new PrismaClient({ adapter: createSqliteAdapter() });
await seedDemoData(db);
await db.$disconnect();
const raw = new Database(file);
raw.exec('ALTER TABLE "LifeSituation" RENAME TO "LifeSituationLost"');
raw.close();
await import("../../app/start");
