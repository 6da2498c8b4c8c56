/*
 * `npm run bench:indicators`: the e-service indicators over a large statistics roll-up. Creates a
 * throw-away SQLite file in a temporary folder (migrated and seeded like production: seedDemoData,
 * which includes the statistics history since 2016), replaces the roll-up with one equivalent to
 * --applications submissions (default 1,000,000) over the last --years years (default 3) — the
 * generator of seeds/history.ts with its volume scaled, so one StatDay row per day × service ×
 * municipality × channel that had events and one StatDayProcessing row per day × service × working
 * days — and bumps the "statistics" revision. Then it times, through a PrismaClient on the file:
 *
 * - indicatorsForPeriod for a year, a quarter and a month (of the last full year), with no slice and
 *   with each slice kind (department, category, service, municipality, channel): cold (the
 *   statistics revision bumped before every run, so the monthly aggregates are read again) and warm
 *   (cached);
 * - the same cold with a new PrismaClient per run (connection opened, nothing cached);
 * - indicatorSeries of one indicator over every year, quarter and month of the range (the CSV
 *   export's path), cold and warm, and of all twelve indicators warm (a full export);
 * - the indicator detail page's loader (getIndicatorDetail: the period's figures, trends by year and
 *   month, ~50 breakdown rows by department, category and municipality), cold and warm;
 * - the two SQL statements loadMonthlyAggregates runs, alone through better-sqlite3 (SQLite's share),
 *   with their EXPLAIN QUERY PLAN per slice kind.
 *
 * It prints p50/p95 ms per case, the number of rows, and a one-line SUMMARY. Results are checked
 * once (the year's e-applications equal a hand-written SUM); timings assert nothing. Bounded: each
 * case stops after --iterations runs or --seconds seconds, the whole run after 5 minutes.
 *
 * Options (argv `--name=value` or environment):
 *   --applications BENCH_APPLICATIONS  submissions the roll-up stands for (default 1000000)
 *   --years        BENCH_YEARS         years they span, ending yesterday (default 3)
 *   --iterations   BENCH_ITERATIONS    runs per case at most (default 30)
 *   --seconds      BENCH_SECONDS       seconds per case at most (default 2)
 *   --seed         BENCH_SEED          generator seed (default 58)
 *   BENCH_KEEP=1 keeps the temporary folder (bench.db).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { INDICATORS } from "~/domain/indicators/definitions";
import { getIndicatorDetail } from "~/domain/indicators/indicator-detail.server";
import {
  indicatorSeries,
  indicatorsForPeriod,
  loadMonthlyAggregates,
  statisticsYears,
  type Slice,
} from "~/domain/indicators/indicators.server";
import { parsePeriod, periodsBetween, type Period } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { migrateDatabase } from "~/db/prepare-database.server";
import { seedDemoData } from "../../seeds/demo";
import { generateStatistics, readHistoryServices, writeStatistics } from "../../seeds/history";
import { percentile } from "./load";
import { numberOption } from "./bench-kit";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------------------------
// Options
const APPLICATIONS = Math.floor(numberOption("applications", "BENCH_APPLICATIONS", 1_000_000, 1000, 20_000_000));
const YEARS = Math.floor(numberOption("years", "BENCH_YEARS", 3, 1, 10));
const ITERATIONS = Math.floor(numberOption("iterations", "BENCH_ITERATIONS", 30, 3, 10_000));
const SECONDS = numberOption("seconds", "BENCH_SECONDS", 2, 0.1, 60);
const SEED = Math.floor(numberOption("seed", "BENCH_SEED", 58, 0, 2 ** 31));
const keep = process.env.BENCH_KEEP === "1";
/** The cold computation should stay well under this (the brief's bar). */
const COLD_BUDGET_MS = 1000;

const WATCHDOG_MS = 5 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`The benchmark did not finish within ${WATCHDOG_MS / 60_000} min: stopping.`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Clean-up
let workDir: string | null = null;
let db: PrismaClient | null = null;
let logged: PrismaClient | null = null;
let raw: Database.Database | null = null;

async function cleanup(): Promise<void> {
  await db?.$disconnect().catch(() => undefined);
  await logged?.$disconnect().catch(() => undefined);
  db = logged = null;
  raw?.close();
  raw = null;
  if (workDir && !keep) rmSync(workDir, { recursive: true, force: true });
  else if (workDir) console.log(`Kept ${workDir} (bench.db).`);
  workDir = null;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring
type Timing = { n: number; p50: number; p95: number };
const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : "–");

/** Runs `run` up to ITERATIONS times or SECONDS; `before` (untimed) prepares each run. */
async function measure(run: () => Promise<unknown>, before?: () => unknown): Promise<Timing> {
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  while (latencies.length < ITERATIONS && (latencies.length < 3 || performance.now() < deadline)) {
    await before?.();
    const t0 = performance.now();
    await run();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

const problems: string[] = [];
function problem(message: string): void {
  problems.push(message);
  console.log(`  WRONG: ${message}`);
}

/** SQLite's plan, indented like the sqlite3 shell prints it. */
function explain(sql: string, params: unknown[]): string[] {
  const plan = raw!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return plan.map((p) => {
    const d = (depth.get(p.parent) ?? 0) + 1;
    depth.set(p.id, d);
    return `${"  ".repeat(d)}${p.detail}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Main
let failed = false;
try {
  workDir = mkdtempSync(path.join(tmpdir(), "indicators-bench-"));
  const dbFile = path.join(workDir, "bench.db");
  const databaseUrl = `file:${dbFile}`;
  const until = regionDate();
  const since = `${Number(until.slice(0, 4)) - YEARS}${until.slice(4)}`;
  console.log(
    `Indicators benchmark: ${APPLICATIONS.toLocaleString("en")} applications over ${YEARS} years (${since} … before ${until}); ` +
      `each case ≤ ${ITERATIONS} runs or ${SECONDS} s; ${availableParallelism()} cores, Node ${process.version}; ${dbFile}`,
  );

  let t0 = performance.now();
  migrateDatabase(root, databaseUrl);
  const tMigrated = performance.now();
  db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
  await seedDemoData(db);
  raw = new Database(dbFile);
  const count = (table: string) => (raw!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  console.log(
    `Migrated in ${((tMigrated - t0) / 1000).toFixed(1)} s; seeded the demo data in ${((performance.now() - tMigrated) / 1000).toFixed(1)} s ` +
      `(its statistics history since 2016: ${count("StatDay").toLocaleString("en")} StatDay and ` +
      `${count("StatDayProcessing").toLocaleString("en")} StatDayProcessing rows).`,
  );

  // The bench's roll-up instead of the demo history.
  t0 = performance.now();
  raw.exec("DELETE FROM StatDay; DELETE FROM StatDayProcessing;");
  const data = generateStatistics({
    services: readHistoryServices(raw),
    seed: SEED,
    since,
    until,
    applications: APPLICATIONS,
  });
  const tGenerated = performance.now();
  writeStatistics(raw, data);
  const tWritten = performance.now();
  const statDays = count("StatDay");
  const processingRows = count("StatDayProcessing");
  console.log(
    `Roll-up of ${data.submitted.toLocaleString("en")} submissions (${data.decided.toLocaleString("en")} decisions): ` +
      `${statDays.toLocaleString("en")} StatDay rows, ${processingRows.toLocaleString("en")} StatDayProcessing rows; ` +
      `generated in ${((tGenerated - t0) / 1000).toFixed(1)} s, written in ${((tWritten - tGenerated) / 1000).toFixed(1)} s; ` +
      `file ${(statSync(dbFile).size / 2 ** 20).toFixed(0)} MiB (+ WAL); no ANALYZE (as the portal runs).`,
  );
  const bump = raw.prepare("UPDATE Counter SET value = value + 1 WHERE name = 'statistics'");
  await db.$disconnect();
  db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
  const client = db;

  // The periods: the last full year, its second quarter and April.
  const year = Number(until.slice(0, 4)) - 1;
  const periods: Period[] = [String(year), `${year}-Q2`, `${year}-04`].map((p) => parsePeriod(p)!);
  const slices: [string, Slice][] = [
    ["no slice", {}],
    ["department=mintrud", { department: "mintrud" }],
    ["category=social-support", { category: "social-support" }],
    ["service=58-EDU-001", { service: "58-EDU-001" }],
    ["municipality=56701000", { municipality: "56701000" }],
    ["channel=proactive", { channel: "proactive" }],
  ];

  // Checked once: the year's e-applications against a hand-written sum.
  const expected = (
    raw.prepare("SELECT sum(submitted) AS n FROM StatDay WHERE day LIKE ?").get(`${year}-%`) as { n: number }
  ).n;
  const got = (await indicatorsForPeriod(client, periods[0]!)).find((v) => v.code === "e-applications")!.value;
  if (got !== expected) problem(`e-applications ${year}: ${got}, expected ${expected}`);
  const missing = (await indicatorsForPeriod(client, periods[0]!))
    .filter((v) => v.value === null && v.code !== "utility-bills-online")
    .map((v) => v.code);
  if (missing.length > 0) problem(`no value for ${missing.join(", ")} in ${year}`);

  // Warm-up (untimed): the JIT, SQLite's page cache and Prisma's statement cache.
  for (let i = 0; i < 3; i++) {
    bump.run();
    for (const [, slice] of slices) await indicatorsForPeriod(client, periods[0]!, slice);
  }

  console.log("");
  console.log(`indicatorsForPeriod, ms (cold: statistics revision bumped before each run; warm: cached):`);
  console.log(
    `  ${"period".padEnd(8)} ${"slice".padEnd(24)} ${"runs".padStart(5)} ${"cold p50".padStart(9)} ${"cold p95".padStart(9)} ${"warm p50".padStart(9)} ${"warm p95".padStart(9)}`,
  );
  const cold = new Map<string, Timing>();
  const warm = new Map<string, Timing>();
  for (const period of periods) {
    for (const [name, slice] of slices) {
      const key = `${period.key} ${name}`;
      const c = await measure(
        () => indicatorsForPeriod(client, period, slice),
        () => bump.run(),
      );
      await indicatorsForPeriod(client, period, slice);
      const w = await measure(() => indicatorsForPeriod(client, period, slice));
      cold.set(key, c);
      warm.set(key, w);
      console.log(
        `  ${period.key.padEnd(8)} ${name.padEnd(24)} ${String(c.n).padStart(5)} ${ms(c.p50).padStart(9)} ${ms(c.p95).padStart(9)} ${ms(w.p50).padStart(9)} ${ms(w.p95).padStart(9)}`,
      );
    }
  }

  // A new client per run: the connection opened and nothing cached at all.
  const fresh = await measure(async () => {
    const c = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
    try {
      await indicatorsForPeriod(c, periods[0]!);
    } finally {
      await c.$disconnect();
    }
  });
  console.log(
    `  ${periods[0]!.key.padEnd(8)} ${"no slice, new client".padEnd(24)} ${String(fresh.n).padStart(5)} ${ms(fresh.p50).padStart(9)} ${ms(fresh.p95).padStart(9)}`,
  );

  // The CSV export: one indicator over every period of the range.
  const years = (await statisticsYears(client))!;
  const rangeKeys = periodsBetween(years.first, Math.max(years.last, Number(until.slice(0, 4))));
  const seriesCold = await measure(
    () => indicatorSeries(client, "decided-on-time", rangeKeys),
    () => bump.run(),
  );
  const seriesWarm = await measure(() => indicatorSeries(client, "decided-on-time", rangeKeys));
  const exportAll = await measure(() => Promise.all(INDICATORS.map((i) => indicatorSeries(client, i.code, rangeKeys))));
  const seriesMunicipality = await measure(
    () => indicatorSeries(client, "decided-on-time", rangeKeys, { municipality: "56701000" }),
    () => bump.run(),
  );
  console.log("");
  console.log(
    `indicatorSeries over ${rangeKeys.length} periods (${years.first}–${years.last}: years, quarters, months), ms:`,
  );
  for (const [name, t] of [
    ["decided-on-time, cold", seriesCold],
    ["decided-on-time, warm", seriesWarm],
    ["decided-on-time, municipality, cold", seriesMunicipality],
    [`all ${INDICATORS.length} indicators, warm`, exportAll],
  ] as const) {
    console.log(`  ${name.padEnd(40)} ${String(t.n).padStart(5)} ${ms(t.p50).padStart(9)} ${ms(t.p95).padStart(9)}`);
  }

  // The detail page of one indicator (/office/indicators/<code>), for the last full year.
  const detailSearch = new URLSearchParams({ period: String(year) });
  const detail = () => getIndicatorDetail(client, { code: "decided-on-time", search: detailSearch, language: "ru" });
  const detailCold = await measure(detail, () => bump.run());
  const detailWarm = await measure(detail);
  console.log("");
  console.log("The indicator detail page's loader (getIndicatorDetail, decided-on-time, no slice), ms:");
  for (const [name, t] of [
    ["cold", detailCold],
    ["warm", detailWarm],
  ] as const) {
    console.log(`  ${name.padEnd(40)} ${String(t.n).padStart(5)} ${ms(t.p50).padStart(9)} ${ms(t.p95).padStart(9)}`);
  }

  // The SQL alone, and its plans: captured from the app's own queries.
  const logging = new PrismaClient({
    adapter: createSqliteAdapter(databaseUrl),
    log: [{ emit: "event", level: "query" }],
  });
  logged = logging;
  const captured: { query: string; params: string }[] = [];
  logging.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  console.log("");
  console.log("The SQL of loadMonthlyAggregates alone (better-sqlite3), p50/p95 ms, and EXPLAIN QUERY PLAN:");
  const sqlTimes = new Map<string, Timing>();
  for (const [name, slice] of slices) {
    captured.length = 0;
    bump.run();
    await loadMonthlyAggregates(logging, slice);
    const statements = captured.filter((c) => /FROM\s+(`main`\.)?`?StatDay/.test(c.query));
    for (const s of statements) {
      const table = /StatDayProcessing/.test(s.query) ? "StatDayProcessing" : "StatDay";
      const params = JSON.parse(s.params) as unknown[];
      const statement = raw.prepare(s.query);
      const t = await measure(() => Promise.resolve(statement.all(...params).length));
      sqlTimes.set(`${name} ${table}`, t);
      const plan = explain(s.query, params)
        .map((l) => l.trim())
        .join(" | ");
      console.log(
        `  ${name.padEnd(24)} ${table.padEnd(18)} ${ms(t.p50).padStart(8)} ${ms(t.p95).padStart(8)}  ${plan}`,
      );
    }
  }

  // ---- summary
  const coldAll = [...cold.entries()].sort((a, b) => b[1].p50 - a[1].p50);
  const [worstName, worst] = coldAll[0]!;
  const warmWorst = Math.max(...[...warm.values()].map((t) => t.p50));
  const base = cold.get(`${periods[0]!.key} no slice`)!;
  const slowSql = [...sqlTimes.entries()].sort((a, b) => b[1].p50 - a[1].p50)[0]!;
  failed = problems.length > 0;
  console.log("");
  console.log(
    `SUMMARY indicators: ${data.submitted.toLocaleString("en")} applications over ${YEARS} years = ` +
      `${statDays.toLocaleString("en")} StatDay + ${processingRows.toLocaleString("en")} StatDayProcessing rows; ` +
      `cold year/no slice p50 ${ms(base.p50)} ms (p95 ${ms(base.p95)}), new client ${ms(fresh.p50)} ms; ` +
      `slowest cold ${worstName} p50 ${ms(worst.p50)} ms; warm ≤ ${ms(warmWorst)} ms p50; ` +
      `CSV series (${rangeKeys.length} periods) cold ${ms(seriesCold.p50)} / warm ${ms(seriesWarm.p50)} ms; ` +
      `detail page cold ${ms(detailCold.p50)} / warm ${ms(detailWarm.p50)} ms; ` +
      `slowest SQL ${slowSql[0]} ${ms(slowSql[1].p50)} ms; ` +
      `${worst.p95 < COLD_BUDGET_MS ? `cold under ${COLD_BUDGET_MS} ms in every case` : `COLD OVER ${COLD_BUDGET_MS} ms`}; ` +
      (failed ? `FAILED: ${problems.join("; ")}` : "results OK"),
  );
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
