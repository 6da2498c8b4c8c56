/*
 * `npm start`: the one command that takes a fresh clone to a running portal. It checks the
 * configuration, migrates the SQLite database, seeds the demo data into an empty one, builds
 * when the build is missing or older than the sources, and serves http://localhost:PORT.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(projectRoot);
process.env.NODE_ENV ??= "production";

const { env } = await import("~/env.server");
let config;
try {
  config = env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const { migrateDatabase, isDatabaseEmpty } = await import("~/server/prepare-database.server");
migrateDatabase(projectRoot, config.DATABASE_URL);

if (config.SEED_DEMO_DATA) {
  const { PrismaClient } = await import("~/generated/prisma/client");
  const { createSqliteAdapter } = await import("~/db/sqlite-adapter.server");
  const db = new PrismaClient({ adapter: createSqliteAdapter(config.DATABASE_URL) });
  if (await isDatabaseEmpty(db)) {
    const { seedDemoData } = await import("../../seeds/demo");
    const result = await seedDemoData(db, { finishedCampaign: true });
    console.log(`Seeded the demo data (${result.services} services, ${result.accounts} accounts).`);
  }
  await db.$disconnect();
}

const buildDir = path.join(projectRoot, "build");
const serverEntry = path.join(buildDir, "server", "index.js");
if (!existsSync(serverEntry) || newestSource() > statSync(serverEntry).mtimeMs) {
  console.log("Building the portal…");
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "react-router"), ["build"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "locales", "public"]) if (existsSync(dir)) walk(dir);
  return newest;
}

const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
const { createPortalServer } = await import("~/server/http-server.server");
const { logger } = await import("~/server/logger.server");
const server = createPortalServer({ buildDir, build, mode: config.NODE_ENV });
(build.entry.module as { startBackgroundJobs?: () => void }).startBackgroundJobs?.();
server.listen(config.PORT, config.HOST, () => {
  logger.info({ port: config.PORT }, "portal listening");
  console.log(`The portal is running at http://localhost:${config.PORT}`);
  if (!config.SMTP_URL) {
    console.log(
      "Demo mode (no SMTP_URL): mail is not sent; each browser's demo mailbox at /dev/mailbox shows the mail of the accounts it created.",
    );
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
