import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tests/browser";
import { BROKEN_PORTAL_PORT, BROKEN_PORTAL_URL, PORTAL_LOG, PORTAL_PORT, PORTAL_URL } from "./tests/e2e/ports";

// Debian's Chromium, kept off the network it would otherwise try to reach
// (docs/decisions/0001-react-router-prisma-sqlite-offline.md).
const launchOptions = {
  executablePath: findChromium() ?? undefined,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.tmp/test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: PORTAL_URL,
    locale: "ru-RU",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "js",
      testIgnore: [/\.audit\.ts$/, /hostile\.spec\.ts$/],
      use: { ...devices["Desktop Chrome"], launchOptions, javaScriptEnabled: true },
    },
    {
      name: "no-js",
      testIgnore: [/\.audit\.ts$/, /hostile\.spec\.ts$/],
      use: { ...devices["Desktop Chrome"], launchOptions, javaScriptEnabled: false },
    },
    // Hostile input against every route, over HTTP only: once, not per browser mode.
    { name: "hostile", testMatch: /hostile\.spec\.ts$/ },
    // After every other test: what the portal wrote to its log while they ran.
    { name: "log audit", testMatch: /\.audit\.ts$/, dependencies: ["js", "no-js", "hostile"] },
  ],
  // The production build on its own port, with its own database made fresh for this run; and a
  // second one on a damaged database, to see how the portal fails.
  webServer: [
    // Two server processes, as on a 2-core machine; the damaged one needs no more than one.
    portal("tests/e2e/start-test-portal.ts", PORTAL_PORT, PORTAL_URL, "e2e.db", 2, PORTAL_LOG),
    portal("tests/e2e/start-broken-portal.ts", BROKEN_PORTAL_PORT, BROKEN_PORTAL_URL, "e2e-broken.db", 1),
  ],
});

function portal(script: string, port: number, url: string, database: string, processes: number, logFile?: string) {
  // Links in the portal's mails must point back at this portal; mail limits would stop a test run.
  return {
    command: `npx tsx ${script}`,
    url: `${url}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(processes),
      DATABASE_URL: `file:${path.join("tests", ".tmp", database)}`,
      // The main portal logs every request to a file, for the log audit.
      ...(logFile ? { LOG_LEVEL: "info", LOG_FILE: logFile } : { LOG_LEVEL: "warn" }),
      SECURE_COOKIES: "false",
      NODE_ENV: "production",
      PUBLIC_URL: url,
      MAILS_PER_ADDRESS_PER_HOUR: "10000",
      // Tests that need addresses of their own send X-Forwarded-For from 127.0.0.1, the "proxy".
      TRUSTED_PROXIES: "127.0.0.1",
    },
  };
}
