/*
 * `npm test`: typecheck, lint, formatting, unit and integration tests, the production build and
 * the browser tests against it. Ends with one plain line "N passed, N failed" (all suites), which
 * CI reads. Gets a browser itself when none is found (tests/browser.ts), and stops before the slow
 * parts when that fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium, installChromium, NO_BROWSER_MESSAGE } from "./browser";

const tmp = path.join("tests", ".tmp");
mkdirSync(tmp, { recursive: true });
const bin = (name: string) => path.join("node_modules", ".bin", name);

let passed = 0;
let failed = 0;

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) console.log(`✖ ${title} failed`);
  return ok;
}

/**
 * Steps that do not depend on each other, run side by side to keep CI short; each one's output is
 * printed whole when it ends, so the log reads as if they ran in turn.
 */
function stepsTogether(
  steps: { title: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }[],
): Promise<boolean[]> {
  return Promise.all(
    steps.map(
      ({ title, command, args, env = {} }) =>
        new Promise<boolean>((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
          const output: Buffer[] = [];
          child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
          child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
          child.on("close", (code) => {
            const seconds = Math.round((Date.now() - started) / 1000);
            console.log(`\n▶ ${title} (${seconds} s)`);
            process.stdout.write(Buffer.concat(output));
            if (code !== 0) console.log(`✖ ${title} failed`);
            resolve(code === 0);
          });
        }),
    ),
  );
}

function finish(): never {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

const chromium = findChromium() ?? installChromium();
if (!chromium) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

// The checks that are not test suites count as one test each. The production build runs beside them:
// the browser tests need it, and the integration test of `npm start` would otherwise build it itself.
// The route types first: the build would write them too, while tsc reads them.
const typegen = step("route types", bin("react-router"), ["typegen"]);
const [typecheck, lint, formatting, built] = await stepsTogether([
  { title: "typecheck", command: bin("tsc"), args: [] },
  { title: "lint", command: bin("eslint"), args: [".", "--max-warnings", "0"] },
  { title: "formatting", command: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
  { title: "production build", command: bin("react-router"), args: ["build"], env: { NODE_ENV: "production" } },
]);
for (const ok of [typegen && typecheck, lint, formatting]) {
  if (ok) passed += 1;
  else failed += 1;
}

const vitestReport = path.join(tmp, "vitest.json");
rmSync(vitestReport, { force: true });
step("unit and integration tests", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
} else {
  failed += 1;
}

if (!built) {
  failed += 1;
  finish();
}

const playwrightReport = path.join(tmp, "playwright.json");
rmSync(playwrightReport, { force: true });
step("browser tests (production build, JavaScript on and off)", bin("playwright"), ["test"], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
} else {
  failed += 1;
}

finish();
