/*
 * `npm run db:reset`: deletes the SQLite database named by DATABASE_URL (with its WAL files),
 * migrates a new one and seeds the demo data. `prisma migrate reset` does not work with the
 * offline JS schema engine, so this is the reset.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { databaseFile } from "../../app/db/sqlite-adapter.server";

const file = databaseFile();
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`Deleted ${file}`);
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
execFileSync("npx", ["tsx", "seeds/run.ts"], { stdio: "inherit" });
