/*
 * `npm run bench:campaign`: the ministry's campaign dashboard (loadCampaignDashboard, what
 * /office/enrollment/campaign and /api/enrollment/campaign call) at a region's first-grade
 * campaign — Penza has about 12,000 first-graders a year.
 *
 * Creates a throw-away SQLite file in a temporary folder, migrated and seeded like production, adds
 * --background applications of the other services (generate-applications.ts, so Application is not a
 * toy table) and then --count first-grade applications of the 2027 campaign written straight into
 * Application and EnrollmentRequest: the opening's rush (about 20% in the first five minutes, most
 * of the rest on the first day, a tail over stage 1 and some in stage 2), priority classes in the
 * proportions of a real list, 3% withdrawn, and a third of each school's places enrolled by an
 * order. ANALYZE, then the dashboard is timed repeatedly (at most --iterations runs or --seconds
 * seconds) next to a reference measured in the same run, on the same connection: a single
 * `SELECT count(*) FROM EnrollmentRequest` — the cheapest question one can ask of the same table.
 * p50/p95 of both and their ratio are printed, with the query plans of the grouped queries.
 *
 * The figures are checked against hand-written SQL over the same rows (sum of the schools' lists,
 * receipts in the first hour, per-class totals); the script exits 1 only when a check fails or the
 * set-up does. Timings assert nothing.
 *
 * Options (argv `--name=value` or environment):
 *   --count        BENCH_COUNT        first-grade applications (default 12000)
 *   --background   BENCH_BACKGROUND   applications of other services (default 100000)
 *   --iterations   BENCH_ITERATIONS   runs per case at most (default 200)
 *   --seconds      BENCH_SECONDS      seconds per case at most (default 3)
 *   --seed         BENCH_SEED         data generator seed (default 58)
 *   BENCH_KEEP=1 keeps the temporary folder (bench.db).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { formatRegistrationNumber } from "~/domain/applications/registration-number";
import { defaultCampaign } from "~/domain/enrollment/campaign";
import { loadCampaignDashboard } from "~/domain/enrollment/campaign-dashboard.server";
import { FIRST_GRADE_SERVICE_CODE } from "~/domain/enrollment/first-grade-service";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { migrateDatabase } from "~/db/prepare-database.server";
import { createRandom } from "../../seeds/random";
import { seedDemoData } from "../../seeds/demo";
import { numberOption } from "./bench-kit";
import { generateApplications } from "./generate-applications";
import { percentile } from "./load";

const COUNT = Math.floor(numberOption("count", "BENCH_COUNT", 12_000, 100, 1_000_000));
const BACKGROUND = Math.floor(numberOption("background", "BENCH_BACKGROUND", 100_000, 0, 5_000_000));
const ITERATIONS = Math.floor(numberOption("iterations", "BENCH_ITERATIONS", 200, 5, 100_000));
const SECONDS = numberOption("seconds", "BENCH_SECONDS", 3, 0.1, 60);
const SEED = Math.floor(numberOption("seed", "BENCH_SEED", 58, 0, 2 ** 31));
const keep = process.env.BENCH_KEEP === "1";

const YEAR = 2027;
const campaign = defaultCampaign(YEAR);
const OPENS = campaign.stage1OpensAt.getTime();
const MINUTE = 60_000;
const DAY = 86_400_000;
/** "Now" for the dashboard: the middle of stage 2, so every series is full. */
const NOW = new Date(campaign.stage2OpensAt.getTime() + 10 * DAY);

const workDir = mkdtempSync(path.join(tmpdir(), "campaign-bench-"));
const dbFile = path.join(workDir, "bench.db");
let db: PrismaClient | null = null;

async function cleanup() {
  await db?.$disconnect().catch(() => undefined);
  db = null;
  if (keep) console.log(`Kept ${workDir} (bench.db).`);
  else rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

const isoText = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** When an application arrives: the opening's rush, the first day, the rest of stage 1, stage 2. */
function receiptTime(random: () => number): { ms: number; stage: 1 | 2 } {
  const r = random();
  if (r < 0.2) return { ms: OPENS + Math.floor(random() * 5 * MINUTE), stage: 1 };
  if (r < 0.3) return { ms: OPENS + 5 * MINUTE + Math.floor(random() * 55 * MINUTE), stage: 1 };
  if (r < 0.6) return { ms: OPENS + 60 * MINUTE + Math.floor(random() * 23 * 60 * MINUTE), stage: 1 };
  if (r < 0.9) {
    return { ms: OPENS + DAY + Math.floor(random() * (campaign.stage1EndsAt.getTime() - OPENS - DAY)), stage: 1 };
  }
  return { ms: campaign.stage2OpensAt.getTime() + Math.floor(random() * 9 * DAY), stage: 2 };
}

/** 0 внеочередное, 1 первоочередное, 2 преимущественное, 3 territory / none. */
function rankClassOf(random: () => number): number {
  const r = random();
  return r < 0.01 ? 0 : r < 0.07 ? 1 : r < 0.17 ? 2 : 3;
}

function writeFirstGrade(): { received: number[] } {
  const raw = new Database(dbFile, { timeout: 5000 });
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF"); // throw-away bench data
    const service = raw
      .prepare("SELECT id, departmentId, currentVersion FROM Service WHERE code = ?")
      .get(FIRST_GRADE_SERVICE_CODE) as { id: number; departmentId: number; currentVersion: number } | undefined;
    if (!service) throw new Error("the first-grade service is not seeded");
    const schools = raw
      .prepare("SELECT schoolCode, classes * classSize AS places FROM SchoolSeats WHERE year = ?")
      .all(YEAR) as {
      schoolCode: string;
      places: number;
    }[];
    const maxSequence =
      (raw.prepare("SELECT max(sequence) AS m FROM Application").get() as { m: number | null }).m ?? 0;
    const counter = (
      raw.prepare("SELECT value FROM Counter WHERE name = 'receipt'").get() as { value: number } | undefined
    )?.value;
    let sequence = Math.max(maxSequence, counter ?? 0);
    const maxNumber = (
      raw
        .prepare("SELECT max(number) AS m FROM Application WHERE number >= ? AND number < ?")
        .get(`58-${YEAR}-`, `58-${YEAR}-~`) as {
        m: string | null;
      }
    ).m;
    let yearly = maxNumber ? Number(maxNumber.slice(8, 15)) : 0;

    const random = createRandom(SEED, 2027);
    // Schools weighted by their places: a popular school of 180 places draws more than one of 25.
    const weights = schools.map((s) => s.places * (0.5 + random()));
    const total = weights.reduce((a, b) => a + b, 0);
    const pickSchool = () => {
      let r = random() * total;
      for (const [i, w] of weights.entries()) {
        r -= w;
        if (r < 0) return schools[i]!;
      }
      return schools[schools.length - 1]!;
    };
    const insertApplication = raw.prepare(
      `INSERT INTO Application (id, number, sequence, serviceId, serviceVersion, departmentId, status, answers,
         municipality, receivedAt, deadline, schoolCode, version, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, '{}', '56701000', ?, '2027-07-05', ?, 3, ?, ?)`,
    );
    const insertRequest = raw.prepare(
      `INSERT INTO EnrollmentRequest (applicationId, campaignYear, schoolCode, stage, rankClass, sequence,
         childCertificate, inTerritory, flags, live, orderId)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
    );
    const insertOrder = raw.prepare(
      "INSERT INTO EnrollmentOrder (schoolCode, campaignYear, number, date, createdAt) VALUES (?, ?, ?, '2027-07-05', ?)",
    );
    const received: number[] = [];
    raw.transaction(() => {
      const orders = new Map<string, { id: number; left: number }>();
      for (const s of schools) {
        const id = Number(insertOrder.run(s.schoolCode, YEAR, `bench-${s.schoolCode}`, isoText(OPENS)).lastInsertRowid);
        orders.set(s.schoolCode, { id, left: Math.floor(s.places / 3) });
      }
      const arrivals = Array.from({ length: COUNT }, () => receiptTime(random)).sort((a, b) => a.ms - b.ms);
      for (const [i, arrival] of arrivals.entries()) {
        sequence += 1;
        yearly += 1;
        const id = `bench-fg-${String(i).padStart(7, "0")}`;
        const school = pickSchool();
        const rankClass = rankClassOf(random);
        const withdrawn = random() < 0.03;
        const order = orders.get(school.schoolCode)!;
        const enrolled = !withdrawn && arrival.stage === 1 && order.left > 0 && random() < 0.5;
        if (enrolled) order.left -= 1;
        const at = isoText(arrival.ms);
        insertApplication.run(
          id,
          formatRegistrationNumber(YEAR, yearly),
          sequence,
          service.id,
          service.currentVersion,
          service.departmentId,
          withdrawn ? "withdrawn" : enrolled ? "completed" : "sent",
          at,
          school.schoolCode,
          at,
          at,
        );
        insertRequest.run(
          id,
          YEAR,
          school.schoolCode,
          arrival.stage,
          rankClass,
          sequence,
          `I-ИЗ ${String(100000 + i)}`,
          rankClass === 3 || random() < 0.7 ? 1 : 0,
          withdrawn ? 0 : 1,
          enrolled ? order.id : null,
        );
        received.push(arrival.ms);
      }
      raw
        .prepare(
          "INSERT INTO Counter (name, value) VALUES ('receipt', ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)",
        )
        .run(sequence);
    })();
    raw.exec("ANALYZE");
    raw.pragma("wal_checkpoint(TRUNCATE)");
    return { received };
  } finally {
    raw.close();
  }
}

async function time(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm-up: the statement caches and the pages
  const samples: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  while (samples.length < ITERATIONS && performance.now() < deadline) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const result = { name, runs: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  console.log(
    `  ${name.padEnd(46)} ${String(result.runs).padStart(5)} runs  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms`,
  );
  return result;
}

const problems: string[] = [];
function check(what: string, actual: unknown, expected: unknown) {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  if (!ok) problems.push(`${what}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
  console.log(`  ${ok ? "ok   " : "WRONG"} ${what}`);
}

async function main() {
  console.log(`Campaign dashboard benchmark: ${COUNT} first-grade applications, ${BACKGROUND} of other services`);
  migrateDatabase(process.cwd(), `file:${dbFile}`);
  db = new PrismaClient({ adapter: createSqliteAdapter(`file:${dbFile}`) });
  await seedDemoData(db);
  await db.$disconnect();
  db = null;
  if (BACKGROUND > 0) generateApplications(dbFile, { count: BACKGROUND, seed: SEED });
  const started = performance.now();
  const { received } = writeFirstGrade();
  console.log(`  wrote ${COUNT} first-grade applications in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  db = new PrismaClient({ adapter: createSqliteAdapter(`file:${dbFile}`) });
  const query = { year: YEAR, oktmo: null, sort: "demand" as const, now: NOW };

  console.log("\nChecks against hand-written SQL");
  const dashboard = await loadCampaignDashboard(db, query);
  const live = await db.enrollmentRequest.count({ where: { campaignYear: YEAR, live: true } });
  check("the schools' lists add up to the live requests", dashboard.totals.live, live);
  check(
    "the stages add up to the live requests",
    dashboard.stages.reduce((sum, s) => sum + s.live, 0),
    live,
  );
  const classZero = await db.enrollmentRequest.count({
    where: { campaignYear: YEAR, live: true, rankClass: 0, stage: 1 },
  });
  check("stage 1's внеочередное count", dashboard.stages[0]!.byClass[0], classZero);
  const firstHour = received.filter((ms) => ms >= OPENS && ms < OPENS + 60 * MINUTE).length;
  check(
    "receipts in the first hour, minute by minute",
    dashboard.opening.minutes.reduce((s, m) => s + m.count, 0),
    firstHour,
  );
  const firstMinute = received.filter((ms) => ms >= OPENS && ms < OPENS + MINUTE).length;
  check("receipts in the first minute", dashboard.opening.minutes[0]!.count, firstMinute);
  check(
    "receipts by day",
    dashboard.opening.days.reduce((s, d) => s + d.count, 0),
    COUNT,
  );
  const enrolled = await db.enrollmentRequest.count({ where: { campaignYear: YEAR, orderId: { not: null } } });
  check("children enrolled by orders", dashboard.totals.enrolled, enrolled);

  console.log("\nTimings (one PrismaClient on the file, as the portal's)");
  const reference = await time(
    "reference: SELECT count(*) FROM EnrollmentRequest",
    () => db!.$queryRaw`SELECT count(*) AS n FROM EnrollmentRequest`,
  );
  // The floor of any per-minute count without an index on the receipt time: one read of every receipt.
  const oneRead = await time(
    "reference: every receipt time read once",
    () =>
      db!
        .$queryRaw`SELECT count(a.receivedAt) AS n FROM EnrollmentRequest r JOIN Application a ON a.id = r.applicationId
      WHERE r.campaignYear = ${YEAR}`,
  );
  const whole = await time("loadCampaignDashboard (whole region)", () => loadCampaignDashboard(db!, query));
  const filtered = await time("loadCampaignDashboard (one municipality)", () =>
    loadCampaignDashboard(db!, { ...query, oktmo: "56701000" }),
  );

  console.log("\nQuery plans");
  const raw = new Database(dbFile, { readonly: true });
  const plans: Record<string, string> = {
    "per school": `SELECT schoolCode, SUM(live), SUM(CASE WHEN live = 1 AND inTerritory = 1 THEN 1 ELSE 0 END)
      FROM EnrollmentRequest WHERE campaignYear = ${YEAR} GROUP BY schoolCode`,
    "per stage and class": `SELECT stage, rankClass, SUM(live), COUNT(*) FROM EnrollmentRequest WHERE campaignYear = ${YEAR} GROUP BY stage, rankClass`,
    "receipts (join)": `SELECT a.receivedAt FROM EnrollmentRequest r JOIN Application a ON a.id = r.applicationId WHERE r.campaignYear = ${YEAR}`,
  };
  for (const [name, sql] of Object.entries(plans)) {
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    console.log(`  ${name}: ${plan.map((p) => p.detail).join(" | ")}`);
  }
  raw.close();

  console.log(
    `\nSummary: the dashboard at ${COUNT} applications takes p50 ${whole.p50.toFixed(1)} ms (p95 ${whole.p95.toFixed(1)} ms), ` +
      `${(whole.p50 / reference.p50).toFixed(1)}× a single count(*) over the same table (p50 ${reference.p50.toFixed(2)} ms) ` +
      `and ${(whole.p50 / oneRead.p50).toFixed(1)}× one read of every receipt time (p50 ${oneRead.p50.toFixed(2)} ms); ` +
      `one municipality p50 ${filtered.p50.toFixed(1)} ms.`,
  );
  if (problems.length > 0) {
    console.log(`\n${problems.length} check(s) failed:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
