// Starts the production portal for the browser tests on a database created fresh for this run,
// with a real SMTP server in front of a folder, so tests can read the mail the portal sends.
import cluster from "node:cluster";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseFile } from "../../app/db/sqlite-adapter.server";
import { startSmtpSink } from "../support/smtp-sink";
import { MAIL_DIR, PORTAL_LOG, SMTP_SINK_PORT } from "./ports";

// With several server processes (playwright.config.ts) start.ts forks them from this script: the
// set-up below is the primary's alone.
if (cluster.isPrimary) {
  const file = databaseFile();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  rmSync(MAIL_DIR, { recursive: true, force: true });
  rmSync(PORTAL_LOG, { force: true });
  mkdirSync(MAIL_DIR, { recursive: true });

  let count = 0;
  await startSmtpSink(SMTP_SINK_PORT, (mail) => {
    count += 1;
    writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${count}.json`), JSON.stringify(mail));
  });
  process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_SINK_PORT}`;
}
await import("../../app/start");
