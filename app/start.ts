/*
 * `npm start`: the one command that takes a fresh clone to a running portal. It checks the
 * configuration, migrates the SQLite database, seeds the demo data into an empty one, builds
 * when the build is missing or older than the sources, and serves http://localhost:PORT — from
 * WEB_CONCURRENCY server processes (one per core by default, docs/decisions/0034): this primary
 * process accepts the connections and hands them round, so a busy server never leaves a new
 * connection waiting to be accepted, and SQLite in WAL mode serves them all.
 */
import cluster from "node:cluster";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(projectRoot);
process.env.NODE_ENV ??= "production";

const { env, serverProcesses } = await import("~/env.server");
const { isBuildStale } = await import("~/tooling/build-freshness");
const { relaySignals } = await import("~/platform/process-signals.server");
const config = (() => {
  try {
    return env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const buildDir = path.join(projectRoot, "build");
const serverEntry = path.join(buildDir, "server", "index.js");
// The one worker that also runs the background jobs (mailer, retention purge, scheduled sends).
const JOBS_ENV = "PORTAL_BACKGROUND_JOBS";

if (cluster.isPrimary) {
  await prepare();
  await startDemoAcquirer();
  const processes = serverProcesses(config);
  if (processes === 1) await serve(true);
  else startWorkers(processes);
} else {
  await serve(process.env[JOBS_ENV] === "1");
}

async function prepare() {
  const { migrateDatabase, isDatabaseEmpty } = await import("~/db/prepare-database.server");
  migrateDatabase(projectRoot, config.DATABASE_URL);

  if (config.SEED_DEMO_DATA) {
    const { PrismaClient } = await import("~/generated/prisma/client");
    const { createSqliteAdapter } = await import("~/db/sqlite-adapter.server");
    const db = new PrismaClient({ adapter: createSqliteAdapter(config.DATABASE_URL) });
    if (await isDatabaseEmpty(db)) {
      const { seedDemoData } = await import("../seeds/demo");
      const result = await seedDemoData(db, { finishedCampaign: true });
      console.log(`Seeded the demo data (${result.services} services, ${result.accounts} accounts).`);
    }
    await db.$disconnect();
  }

  if (isBuildStale(projectRoot, serverEntry)) {
    console.log("Building the portal…");
    execFileSync(path.join(projectRoot, "node_modules", ".bin", "react-router"), ["build"], {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
  }
}

/** Without a configured acquirer, the demo one runs as a process of its own next to the portal (docs/payments.md). */
async function startDemoAcquirer() {
  const { acquirerSettings } = await import("~/env.server");
  const settings = acquirerSettings(config);
  if (!settings.embedded) return;
  const { startAcquirer } = await import("~/acquirer/start-acquirer");
  await startAcquirer({
    port: settings.port,
    apiKey: settings.apiKey,
    notificationSecret: settings.notificationSecret,
    publicUrl: settings.publicUrl,
  });
  console.log(`The demo acquirer (test cards, see the README) is running at ${settings.publicUrl}`);
}

function startWorkers(processes: number) {
  let stopping = false;
  let failedDelay = 0;
  const fork = (jobs: boolean) => {
    const worker = cluster.fork({ [JOBS_ENV]: jobs ? "1" : "0" });
    // A write through one worker drops the others' kept pages; a draft scheduled through one wakes
    // the jobs worker (process-signals.server.ts).
    relaySignals(worker);
    const started = Date.now();
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      // One that dies as it starts (a broken database, a bad build) would die again at once: the
      // next try waits a little longer each time, up to half a minute.
      const delay = Date.now() - started < 10_000 ? Math.min(30_000, Math.max(1_000, failedDelay * 2)) : 0;
      failedDelay = delay;
      console.error(
        `A server process stopped (${signal ?? code}); starting another${delay ? ` in ${delay / 1000} s` : ""}.`,
      );
      setTimeout(() => {
        if (!stopping) fork(jobs);
      }, delay);
    });
    return worker;
  };
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === processes) announce(processes);
  });
  for (let i = 0; i < processes; i++) fork(i === 0);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      setTimeout(() => process.exit(0), 5_000).unref();
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
}

function announce(processes: number) {
  console.log(
    `The portal is running at http://localhost:${config.PORT}` +
      (processes > 1 ? ` (${processes} server processes)` : ""),
  );
  if (!config.SMTP_URL) {
    console.log(
      "Demo mode (no SMTP_URL): mail is not sent; each browser's demo mailbox at /dev/mailbox shows the mail of the accounts it created.",
    );
  }
}

async function serve(backgroundJobs: boolean) {
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const { createPortalServer } = await import("~/server/http-server.server");
  const { logger } = await import("~/platform/logger.server");
  const server = createPortalServer({ buildDir, build, mode: config.NODE_ENV });
  if (backgroundJobs) (build.entry.module as { startBackgroundJobs?: () => void }).startBackgroundJobs?.();
  // At the opening of enrollment a thousand parents may connect in the same second: the kernel keeps
  // up to this many connections waiting to be accepted (capped by net.core.somaxconn) instead of
  // Node's 511, so a connection waits for a busy moment to pass rather than being dropped.
  const ACCEPT_BACKLOG = 4096;
  server.listen({ port: config.PORT, host: config.HOST, backlog: ACCEPT_BACKLOG }, () => {
    logger.info({ port: config.PORT }, "portal listening");
    if (cluster.isPrimary) announce(1);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}
