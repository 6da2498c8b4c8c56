/*
 * `npm test`: typecheck, lint, formatting, unit and integration tests, the production build and
 * the browser tests against it. Ends with one plain line "N passed, N failed" (all suites), which
 * CI reads. Gets a browser itself when none is found (tests/browser.ts), and stops before the slow
 * parts when that fails.
 */
import { spawnSync } from "node:child_process";
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

/** A check that is not a test suite counts as one test. */
function check(title: string, command: string, args: string[]) {
  if (step(title, command, args)) passed += 1;
  else failed += 1;
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

check("typecheck", "npm", ["run", "--silent", "typecheck"]);
check("lint", bin("eslint"), [".", "--max-warnings", "0"]);
check("formatting", bin("prettier"), ["--check", "--log-level", "warn", "."]);

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

if (!step("production build", bin("react-router"), ["build"], { NODE_ENV: "production" })) {
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
