// Starts the production portal for the browser tests on a database created fresh for this run.
import { rmSync } from "node:fs";
import { databaseFile } from "../../app/db/sqlite-adapter.server";

const file = databaseFile();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
await import("../../app/server/start");
