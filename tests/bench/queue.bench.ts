/*
 * `npm run bench:queue`: the back office's queue page as the table grows. Creates a throw-away
 * SQLite file in a temporary folder (migrated and seeded like production), then grows it to 10,000,
 * 100,000 and 1,000,000 submitted applications (tests/bench/generate-applications.ts; ANALYZE after
 * each step) and at every size times, for the demo officer of "mintrud" (officer.social@…), what the
 * /office loader calls: listQueue for every queue sorted by deadline and by receipt — the first page
 * and a deep page (after following `next` ~20 pages) — a name-prefix search (q=Иван), a
 * registration-number search, and countQueues. Each case runs repeatedly (at most --iterations
 * times or --seconds seconds) through a PrismaClient on the file; p50/p95 are printed per case and
 * size (with the p50 of the same SQL run alone through better-sqlite3, to tell SQLite's share from
 * Prisma's and the page's JavaScript), then side by side with a flatness verdict, the EXPLAIN QUERY PLAN of the queue queries at
 * the largest size, and a one-line summary.
 *
 * When a production build exists (build/server/index.js, not older than the sources: the portal's
 * start script would otherwise rebuild the shared build/ folder), the portal is started on the same
 * file and GET /office?queue=new and /office?queue=done&sort=received are loaded for --http-seconds
 * with --concurrency clients and an officer session. If /office does not answer 200 with the queue
 * in it (the page is not there yet), that is printed and the HTTP part skipped.
 *
 * Every page is checked: rows only from the officer's department and of the queue's statuses, in
 * order, the same ids a hand-written SQL query returns, no row repeated while following the cursor.
 * Exits 1 only when such a check fails (or the set-up does); timings assert nothing.
 *
 * Options (argv `--name=value` or environment):
 *   --max          BENCH_MAX          largest size (default 1000000; e.g. --max=100000 stops early)
 *   --iterations   BENCH_ITERATIONS   runs per case at most (default 200)
 *   --seconds      BENCH_SECONDS      seconds per case at most (default 2)
 *   --port         BENCH_PORT         port of the portal started here (default 3500)
 *   --http-seconds BENCH_HTTP_SECONDS seconds per HTTP case (default 5; 0 skips the HTTP part)
 *   --concurrency  BENCH_CONCURRENCY  HTTP clients (default 8)
 *   --seed         BENCH_SEED         data generator seed (default 58)
 *   --analyze      BENCH_ANALYZE      1 runs ANALYZE after each growth step (default), 0 leaves the
 *                                     planner without statistics (as a portal that never ran ANALYZE)
 *   BENCH_KEEP=1 keeps the temporary folder (bench.db, portal.log).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createCookie } from "react-router";
import { createSession } from "~/domain/accounts/sessions.server";
import { parseRegistrationNumber } from "~/domain/applications/registration-number";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { addWorkingDays } from "~/domain/calendar/working-days";
import {
  DONE_STATUSES,
  DUE_SOON_WORKING_DAYS,
  OPEN_STATUSES,
  QUEUE_PAGE_SIZE,
  QUEUES,
  WAITING_STATUSES,
  parseQueueQuery,
  type QueueName,
  type QueueQuery,
} from "~/domain/office/queues";
import { QUEUE_COUNT_CAP, countQueues, listQueue, type QueueScope } from "~/domain/office/queues.server";
import { regionDate } from "~/domain/region/clock";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { migrateDatabase } from "~/db/prepare-database.server";
import { newestSourceTime } from "~/tooling/build-freshness";
import { seedDemoData } from "../../seeds/demo";
import { generateApplications } from "./generate-applications";
import { assertLoopback, formatLoad, percentile, runLoad, type LoadResult } from "./load";
import { answersHealth, numberOption, stopProcessGroup } from "./bench-kit";

const OFFICER_EMAIL = "officer.social@demo.gosuslugi58.ru";
const DEPARTMENT_CODE = "mintrud";
const STEPS = [10_000, 100_000, 1_000_000];
const DEEP_PAGES = 20;
const NAME_QUERY = "Иван";
const PORTAL_START_TIMEOUT_MS = 120_000;
/** Not flat: the largest size's p50 is more than this many times the smallest's, and above FLAT_FLOOR_MS. */
const FLAT_RATIO = 3;
const FLAT_FLOOR_MS = 5;
/** The SQL alone "grows" when it is more than FLAT_RATIO times slower and above this. */
const FLAT_SQL_FLOOR_MS = 1;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------------------------
// Options
const MAX = Math.floor(numberOption("max", "BENCH_MAX", 1_000_000, 1000, 5_000_000));
const ITERATIONS = Math.floor(numberOption("iterations", "BENCH_ITERATIONS", 200, 5, 100_000));
const SECONDS = numberOption("seconds", "BENCH_SECONDS", 2, 0.1, 60);
const PORT = Math.floor(numberOption("port", "BENCH_PORT", 3500, 1024, 65535));
const HTTP_SECONDS = numberOption("http-seconds", "BENCH_HTTP_SECONDS", 5, 0, 60);
const CONCURRENCY = Math.floor(numberOption("concurrency", "BENCH_CONCURRENCY", 8, 1, 256));
const SEED = Math.floor(numberOption("seed", "BENCH_SEED", 58, 0, 2 ** 31));
const ANALYZE = numberOption("analyze", "BENCH_ANALYZE", 1, 0, 1) === 1;
const keep = process.env.BENCH_KEEP === "1";
const sizes = STEPS.filter((s) => s <= MAX);
if (sizes.at(-1) !== MAX) sizes.push(MAX);

// The whole run is bounded: whatever hangs, the portal is stopped and the process ends.
const WATCHDOG_MS = 20 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`The benchmark did not finish within ${WATCHDOG_MS / 60_000} min: stopping.`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Clean-up: the portal started here (its own process group only) and the temporary folder
let workDir: string | null = null;
let portal: ChildProcess | null = null;
let portalExit: Promise<void> = Promise.resolve();
let portalLog: string | null = null;
let db: PrismaClient | null = null;
let explainDb: PrismaClient | null = null;
let raw: Database.Database | null = null;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function cleanup(): Promise<void> {
  await db?.$disconnect().catch(() => undefined);
  await explainDb?.$disconnect().catch(() => undefined);
  db = explainDb = null;
  raw?.close();
  raw = null;
  await stopPortal();
  if (workDir && !keep) rmSync(workDir, { recursive: true, force: true });
  else if (workDir) console.log(`Kept ${workDir} (bench.db, portal.log).`);
  workDir = null;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

async function stopPortal(): Promise<void> {
  const child = portal;
  portal = null;
  await stopProcessGroup(child, portalExit);
}

// ---------------------------------------------------------------------------------------------
// Checking a page against the database
type Row = Awaited<ReturnType<typeof listQueue>>["rows"][number];
/** The officer's scope, with the "due soon" bound the reference SQL needs (as listQueue computes it). */
type Scope = QueueScope & { today: string; dueBound: string };

const problems: string[] = [];
function problem(message: string): void {
  problems.push(message);
  console.log(`  WRONG: ${message}`);
}

const QUEUE_STATUSES: Record<QueueName, readonly string[]> = {
  new: ["sent", "received"],
  mine: OPEN_STATUSES,
  waiting: WAITING_STATUSES,
  dueSoon: OPEN_STATUSES,
  overdue: OPEN_STATUSES,
  done: DONE_STATUSES,
};

/** The same page, written by hand in SQL: what listQueue must return. */
function referenceSql(scope: Scope, query: QueueQuery, mode: "page" | "count"): { sql: string; params: unknown[] } {
  const where = [`departmentId IN (${scope.departmentIds.map(() => "?").join(", ")})`];
  const params: unknown[] = [...scope.departmentIds];
  const statuses = QUEUE_STATUSES[query.queue];
  where.push(`status IN (${statuses.map(() => "?").join(", ")})`);
  params.push(...statuses);
  if (query.queue === "new") where.push("assigneeId IS NULL");
  if (query.queue === "mine") {
    where.push("assigneeId = ?");
    params.push(scope.officerId);
  }
  if (query.queue === "dueSoon") {
    where.push("deadline >= ? AND deadline <= ?");
    params.push(scope.today, scope.dueBound);
  }
  if (query.queue === "overdue") {
    where.push("deadline < ?");
    params.push(scope.today);
  }
  if (query.q) {
    const number = parseRegistrationNumber(query.q);
    if (number) {
      where.push("number = ?");
      params.push(number.text);
    } else {
      const key = query.q.toLocaleLowerCase("ru");
      where.push("applicantKey >= ? AND applicantKey < ?");
      params.push(key, `${key}\uffff`);
    }
  }
  if (mode === "count") {
    return { sql: `SELECT count(*) AS n FROM Application WHERE ${where.join(" AND ")}`, params };
  }
  if (query.after && query.sort === "received") {
    where.push("sequence > ?");
    params.push(Number(query.after));
  } else if (query.after) {
    const [deadline, id] = query.after.split("~");
    where.push("(deadline > ? OR (deadline = ? AND id > ?))");
    params.push(deadline, deadline, id);
  }
  const order = query.sort === "received" ? "sequence" : "deadline, id";
  return {
    sql: `SELECT id FROM Application WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${QUEUE_PAGE_SIZE}`,
    params,
  };
}

function describeQuery(query: QueueQuery): string {
  const params = new URLSearchParams({ queue: query.queue, sort: query.sort });
  if (query.q) params.set("q", query.q);
  if (query.after) params.set("after", query.after);
  return `?${params.toString()}`;
}

/** Checks one page; returns its rows' sort keys for the cursor checks. */
function checkPage(scope: Scope, query: QueueQuery, rows: Row[], label: string): void {
  const where = `${label} ${describeQuery(query)}`;
  if (rows.length > QUEUE_PAGE_SIZE) problem(`${where}: ${rows.length} rows on one page`);
  const stored = new Map<string, { departmentId: number; status: string; assigneeId: string | null }>();
  if (rows.length > 0) {
    const found = raw!
      .prepare(
        `SELECT id, departmentId, status, assigneeId FROM Application WHERE id IN (${rows.map(() => "?").join(",")})`,
      )
      .all(...rows.map((r) => r.id)) as {
      id: string;
      departmentId: number;
      status: string;
      assigneeId: string | null;
    }[];
    for (const f of found) stored.set(f.id, f);
  }
  const statuses = QUEUE_STATUSES[query.queue];
  for (const row of rows) {
    const s = stored.get(row.id);
    if (!s) problem(`${where}: row ${row.id} is not in the table`);
    else if (!scope.departmentIds.includes(s.departmentId))
      problem(`${where}: row ${row.number} belongs to department ${s.departmentId}, not ${scope.departmentIds.join()}`);
    if (!statuses.includes(row.status)) problem(`${where}: row ${row.number} has status ${row.status}`);
    if (query.queue === "new" && row.assignee) problem(`${where}: row ${row.number} is assigned`);
    if (query.queue === "mine" && row.assignee?.id !== scope.officerId)
      problem(`${where}: row ${row.number} is not the officer's`);
    if (query.q && !parseRegistrationNumber(query.q)) {
      const key = query.q.toLocaleLowerCase("ru");
      if (!row.applicantName?.toLocaleLowerCase("ru").startsWith(key))
        problem(`${where}: row ${row.number} "${row.applicantName}" does not start with "${query.q}"`);
    }
  }
  for (let i = 1; i < rows.length; i++) {
    if (compareKeys(query, rows[i - 1]!, rows[i]!) >= 0) {
      problem(`${where}: rows ${rows[i - 1]!.number} and ${rows[i]!.number} are out of order`);
      break;
    }
  }
  const reference = referenceSql(scope, query, "page");
  const expected = (raw!.prepare(reference.sql).all(...reference.params) as { id: string }[]).map((r) => r.id);
  const got = rows.map((r) => r.id);
  if (expected.join() !== got.join()) {
    problem(`${where}: ${got.length} rows differ from the ${expected.length} of the reference SQL`);
  }
}

function compareKeys(query: QueueQuery, a: Row, b: Row): number {
  if (query.sort === "received") return (a.sequence ?? 0) - (b.sequence ?? 0);
  const da = a.deadline ?? "";
  const dbb = b.deadline ?? "";
  if (da !== dbb) return da < dbb ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Follows `next` up to DEEP_PAGES pages, checking every page; returns the query of the last one. */
async function deepQuery(
  client: PrismaClient,
  scope: Scope,
  first: QueueQuery,
): Promise<{ query: QueueQuery; page: number }> {
  let query = first;
  let page = 1;
  const seen = new Set<string>();
  let previous: Row | undefined;
  for (;;) {
    const result = await listQueue(client, scope, query);
    checkPage(scope, query, result.rows, `page ${page}`);
    for (const row of result.rows) {
      if (seen.has(row.id)) problem(`page ${page} ${describeQuery(query)}: row ${row.number} repeated by the cursor`);
      seen.add(row.id);
    }
    if (previous && result.rows[0] && compareKeys(query, previous, result.rows[0]) >= 0)
      problem(`page ${page} ${describeQuery(query)}: the page does not continue after the previous one`);
    if (result.rows.length === QUEUE_PAGE_SIZE && !result.next)
      if ((await listQueue(client, scope, { ...query, after: nextCursor(query, result.rows.at(-1)!) })).rows.length)
        problem(`page ${page} ${describeQuery(query)}: no "next" although more rows follow`);
    if (!result.next || page >= DEEP_PAGES) return { query, page };
    previous = result.rows.at(-1);
    query = { ...query, after: result.next };
    page++;
  }
}

function nextCursor(query: QueueQuery, row: Row): string {
  return query.sort === "received" ? String(row.sequence) : `${row.deadline}~${row.id}`;
}

// ---------------------------------------------------------------------------------------------
// Timing
type Timing = { n: number; p50: number; p95: number; rows: number; sql?: number };

async function measure(run: () => Promise<number>, share = 1): Promise<Timing> {
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = await run(); // warm-up: statement caches, page cache
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * share * 1000;
  while (latencies.length < ITERATIONS && performance.now() < deadline) {
    const t0 = performance.now();
    await run();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), rows };
}

type Case = { name: string; query?: QueueQuery; run: (client: PrismaClient) => Promise<number> };
const results = new Map<string, Map<number, Timing>>();
const plans = new Map<string, string[]>();
/** "case size" → the page number a deep case reached. */
const deepPages = new Map<string, number>();

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : "–");
const sizeLabel = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

/** The SQL Prisma sends for the Application query of a listQueue call (the relations come apart). */
async function captureSql(
  scope: Scope,
  query: QueueQuery,
  captured: { query: string; params: string }[],
): Promise<{ sql: string; params: unknown[] } | null> {
  captured.length = 0;
  await listQueue(explainDb!, scope, query);
  const main = captured.find((c) => /FROM\s+`main`\.`Application`/.test(c.query));
  // The logged parameters are text; column affinity makes SQLite compare them as the numbers they are.
  return main ? { sql: main.query, params: JSON.parse(main.params) as unknown[] } : null;
}

/** SQLite's plan for that SQL, indented like the sqlite3 shell prints it. */
function explain(main: { sql: string; params: unknown[] } | null): string[] {
  if (!main) return ["(the Application query was not captured)"];
  const plan = raw!.prepare(`EXPLAIN QUERY PLAN ${main.sql}`).all(...main.params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return [
    `SQL: ${main.sql.replace(/`main`\./g, "").replace(/\s+/g, " ")}`,
    `params: ${JSON.stringify(main.params)}`,
    ...plan.map((p) => {
      const d = (depth.get(p.parent) ?? 0) + 1;
      depth.set(p.id, d);
      return `${"  ".repeat(d)}${p.detail}`;
    }),
  ];
}

/** The same SQL alone through better-sqlite3: what SQLite costs, without Prisma and the page's JS. */
async function measureSql(main: { sql: string; params: unknown[] } | null): Promise<number> {
  if (!main) return NaN;
  const statement = raw!.prepare(main.sql);
  const t = await measure(() => Promise.resolve(statement.all(...main.params).length), 0.5);
  return t.p50;
}

// ---------------------------------------------------------------------------------------------
// HTTP: the portal on the same file

/** Why the HTTP part cannot run, or null when it can. */
async function httpUnavailable(): Promise<string | null> {
  if (HTTP_SECONDS === 0) return "--http-seconds=0";
  const entry = path.join(root, "build", "server", "index.js");
  if (!existsSync(entry)) return "no production build (build/server/index.js): run `npm run build` first";
  if (newestSourceTime(root) > statSync(entry).mtimeMs)
    return (
      "build/ is older than the sources, and the portal's start script would rebuild the shared build/ " +
      "folder: run `npm run build` first"
    );
  try {
    const response = await fetch(`http://127.0.0.1:${PORT}/`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return `something already listens on port ${PORT}: choose another with --port`;
  } catch (error) {
    if ((error as Error).name === "TimeoutError") return `something already listens on port ${PORT}`;
  }
  return null;
}

async function startPortal(databaseUrl: string): Promise<string | null> {
  const base = `http://127.0.0.1:${PORT}`;
  assertLoopback(base);
  portalLog = path.join(workDir!, "portal.log");
  const log = openSync(portalLog, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SECURE_COOKIES: "false",
    SEED_DEMO_DATA: "false",
    PUBLIC_URL: base,
  };
  delete env.SMTP_URL;
  delete env.LOG_FILE;
  portal = spawn("npx", ["tsx", "app/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const child = portal;
  portalExit = new Promise((resolve) => child.once("exit", () => resolve()));
  const deadline = performance.now() + PORTAL_START_TIMEOUT_MS;
  for (;;) {
    if (await answersHealth(base)) return base;
    if (child.exitCode !== null || child.signalCode !== null || performance.now() > deadline) {
      const tail = existsSync(portalLog) ? readFileSync(portalLog, "utf8").split("\n").slice(-15).join("\n") : "";
      console.log(`  The portal did not start (exit ${child.exitCode ?? child.signalCode ?? "timeout"}):\n${tail}`);
      await stopPortal();
      return null;
    }
    await sleep(250);
  }
}

let httpSkip: string | null = null;
const httpFigures = new Map<string, Map<number, LoadResult>>();

async function measureHttp(size: number, databaseUrl: string, client: PrismaClient, scope: Scope): Promise<void> {
  httpSkip ??= await httpUnavailable();
  if (httpSkip) {
    console.log(`  HTTP: skipped (${httpSkip}).`);
    return;
  }
  const started = performance.now();
  const base = await startPortal(databaseUrl);
  if (!base) {
    httpSkip = "the portal did not start";
    return;
  }
  try {
    console.log(`  Portal started at ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const session = await createSession(client, scope.officerId, false);
    const cookie = (await createCookie("session").serialize(session.token)).split(";")[0]!;
    const init: RequestInit = { headers: { Cookie: cookie } };
    const urls: [string, string, QueueQuery][] = [
      ["GET /office?queue=new", "/office?queue=new", parseQueueQuery(new URLSearchParams({ queue: "new" }))],
      [
        "GET /office?queue=done&sort=received",
        "/office?queue=done&sort=received",
        parseQueueQuery(new URLSearchParams({ queue: "done", sort: "received" })),
      ],
    ];
    // Does the page list the queue? Its first row's number must be in the HTML.
    for (const [, url, query] of urls) {
      const response = await fetch(`${base}${url}`, { ...init, redirect: "manual" });
      const html = await response.text();
      const first = (await listQueue(client, scope, query)).rows[0]?.number;
      if (response.status !== 200) {
        httpSkip = `GET ${url} answered ${response.status} for the officer, not 200 (is the queue page there yet?)`;
      } else if (first && !html.includes(first)) {
        httpSkip = `GET ${url} answers 200 but does not list the queue (no ${first} in the page): the queue page is not built yet`;
      }
      if (httpSkip) {
        console.log(`  HTTP: skipped (${httpSkip}).`);
        return;
      }
    }
    for (const [name, url] of urls) {
      await runLoad({ url: () => `${base}${url}`, total: 20, concurrency: 2, maxSeconds: 10, init }); // warm-up
      const result = await runLoad({
        url: () => `${base}${url}`,
        total: 1_000_000,
        concurrency: CONCURRENCY,
        maxSeconds: HTTP_SECONDS,
        init,
      });
      console.log(`  ${formatLoad(name, result)}`);
      const bySize = httpFigures.get(name) ?? new Map<number, LoadResult>();
      bySize.set(size, result);
      httpFigures.set(name, bySize);
    }
  } finally {
    await stopPortal();
  }
}

// ---------------------------------------------------------------------------------------------
// Main
let failed = false;
try {
  const benchNow = new Date();
  workDir = mkdtempSync(path.join(tmpdir(), "queue-bench-"));
  const dbFile = path.join(workDir, "bench.db");
  const databaseUrl = `file:${dbFile}`;
  console.log(
    `Queue benchmark: sizes ${sizes.map(sizeLabel).join(", ")}; each case ≤ ${ITERATIONS} runs or ${SECONDS} s; ` +
      `${availableParallelism()} cores, Node ${process.version}; ${dbFile}`,
  );
  let t0 = performance.now();
  migrateDatabase(root, databaseUrl);
  db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
  await seedDemoData(db);
  console.log(`Migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const department = await db.department.findUniqueOrThrow({ where: { code: DEPARTMENT_CODE } });
  const officer = await db.user.findUniqueOrThrow({ where: { email: OFFICER_EMAIL } });
  const today = regionDate(benchNow);
  const dueBound = addWorkingDays(await loadProductionCalendar(db), today, DUE_SOON_WORKING_DAYS);
  const scope: Scope = { departmentIds: [department.id], officerId: officer.id, today, dueBound };
  await db.$disconnect();
  db = null;

  const captured: { query: string; params: string }[] = [];
  const captureFor = (url: string) => {
    const client = new PrismaClient({ adapter: createSqliteAdapter(url), log: [{ emit: "event", level: "query" }] });
    client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
    return client;
  };

  let current = 0;
  for (const size of sizes) {
    console.log("");
    console.log(`=== ${sizeLabel(size)} applications ===`);
    t0 = performance.now();
    let shown = 0;
    const generated = generateApplications(dbFile, {
      count: size - current,
      seed: SEED,
      now: benchNow,
      onProgress: (written, total) => {
        if (written - shown >= 250_000 && written < total) {
          shown = written;
          console.log(`  … ${written.toLocaleString("en")} of ${total.toLocaleString("en")}`);
        }
      },
    });
    current = size;
    const a0 = performance.now();
    if (ANALYZE) {
      const analyze = new Database(dbFile);
      analyze.exec("ANALYZE");
      analyze.close();
    }
    console.log(
      `  Generated ${generated.count.toLocaleString("en")} (sequence ${generated.firstSequence}…${generated.lastSequence}) in ` +
        `${generated.seconds.toFixed(1)} s (${Math.round(generated.count / generated.seconds).toLocaleString("en")} rows/s), ` +
        `${ANALYZE ? `ANALYZE ${((performance.now() - a0) / 1000).toFixed(1)} s` : "no ANALYZE"}; file ${(statSync(dbFile).size / 2 ** 20).toFixed(0)} MiB`,
    );

    // Fresh connections: they read the new statistics.
    raw = new Database(dbFile, { readonly: true });
    db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
    explainDb = captureFor(databaseUrl);
    const client = db;

    const total = (raw.prepare("SELECT count(*) AS n FROM Application").get() as { n: number }).n;
    if (total !== size) problem(`the table holds ${total} applications, not ${size}`);
    const inQueues = QUEUES.map((queue) => {
      const ref = referenceSql(scope, parseQueueQuery(new URLSearchParams({ queue })), "count");
      return `${queue} ${(raw!.prepare(ref.sql).get(...ref.params) as { n: number }).n}`;
    });
    const inDepartment = (
      raw.prepare("SELECT count(*) AS n FROM Application WHERE departmentId = ?").get(department.id) as { n: number }
    ).n;
    console.log(
      `  ${DEPARTMENT_CODE}: ${inDepartment.toLocaleString("en")} applications; queues: ${inQueues.join(", ")}`,
    );

    // A registration number in the officer's "done" queue, from the middle of the table.
    const sample = raw
      .prepare(
        `SELECT number FROM Application WHERE sequence >= ? AND departmentId = ? AND status IN (${DONE_STATUSES.map(() => "?").join(",")})
         ORDER BY sequence LIMIT 1`,
      )
      .get(Math.floor(size / 2), department.id, ...DONE_STATUSES) as { number: string } | undefined;

    // The cases, each checked once before it is timed.
    const cases: Case[] = [];
    const q = (params: Record<string, string>) => parseQueueQuery(new URLSearchParams(params));
    for (const queue of QUEUES) {
      for (const sort of ["deadline", "received"] as const) {
        const first = q({ queue, sort });
        checkPage(scope, first, (await listQueue(client, scope, first)).rows, "page 1");
        cases.push({ name: `${queue} by ${sort}, page 1`, query: first, run: listRun(scope, first) });
        const deep = await deepQuery(client, scope, first);
        if (deep.page > 1) {
          const name = `${queue} by ${sort}, deep page`;
          cases.push({ name, query: deep.query, run: listRun(scope, deep.query) });
          deepPages.set(`${name} ${size}`, deep.page);
        }
      }
    }
    for (const queue of ["new", "done"] as const) {
      const search = q({ queue, q: NAME_QUERY });
      checkPage(scope, search, (await listQueue(client, scope, search)).rows, "search");
      cases.push({ name: `${queue}: q=${NAME_QUERY}`, query: search, run: listRun(scope, search) });
    }
    if (sample) {
      const search = q({ queue: "done", q: sample.number });
      const found = await listQueue(client, scope, search);
      checkPage(scope, search, found.rows, "number search");
      if (found.rows.length !== 1 || found.rows[0]!.number !== sample.number)
        problem(`number search ${sample.number}: ${found.rows.length} rows, not the one application`);
      cases.push({ name: "done: q=<registration number>", query: search, run: listRun(scope, search) });
    }
    const counts = await countQueues(client, scope);
    for (const queue of QUEUES) {
      const ref = referenceSql(scope, q({ queue }), "count");
      const n = (raw.prepare(ref.sql).get(...ref.params) as { n: number }).n;
      if (counts[queue] !== Math.min(n, QUEUE_COUNT_CAP + 1))
        problem(`countQueues: ${queue} ${counts[queue]}, expected ${Math.min(n, QUEUE_COUNT_CAP + 1)} (of ${n})`);
    }
    cases.push({
      name: "countQueues (6 tabs)",
      run: async (c) => Object.values(await countQueues(c, scope)).reduce((a, b) => a + b, 0),
    });

    console.log(
      `  ${"case".padEnd(36)} ${"runs".padStart(5)} ${"rows".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"SQL p50".padStart(8)}`,
    );
    for (const c of cases) {
      const timing = await measure(() => c.run(client));
      const main = c.query ? await captureSql(scope, c.query, captured) : null;
      if (main) timing.sql = await measureSql(main);
      const bySize = results.get(c.name) ?? new Map<number, Timing>();
      bySize.set(size, timing);
      results.set(c.name, bySize);
      const deep = deepPages.get(`${c.name} ${size}`);
      console.log(
        `  ${(deep ? c.name.replace("deep page", `page ${deep}`) : c.name).padEnd(36)} ${String(timing.n).padStart(5)} ${String(timing.rows).padStart(6)} ${ms(timing.p50).padStart(8)} ${ms(timing.p95).padStart(8)} ${(timing.sql === undefined ? "" : ms(timing.sql)).padStart(8)}`,
      );
      if (size === sizes.at(-1) && c.query) plans.set(c.name, explain(main));
    }

    await measureHttp(size, databaseUrl, client, scope);

    await db.$disconnect();
    await explainDb.$disconnect();
    db = explainDb = null;
    raw.close();
    raw = null;
  }

  // ---- side by side
  const largest = sizes.at(-1)!;
  console.log("");
  console.log(
    `Queue-page latency, p50 / p95 in ms (listQueue / countQueues through Prisma, ${DEPARTMENT_CODE} officer; ` +
      `ratio = p50 at ${sizeLabel(largest)} ÷ p50 at the first size with as many rows on the page; ` +
      `"flat" = ratio ≤ ${FLAT_RATIO} or p50 ≤ ${FLAT_FLOOR_MS} ms;` +
      ` in brackets: p50 of the Application query alone in SQLite):`,
  );
  const header = `  ${"case".padEnd(36)}${sizes.map((s) => sizeLabel(s).padStart(24)).join("")}  ${"ratio".padStart(6)}  verdict`;
  console.log(header);
  const notFlat: string[] = [];
  for (const [name, bySize] of results) {
    const cells = sizes.map((s) => {
      const t = bySize.get(s);
      return (t ? `${ms(t.p50)} / ${ms(t.p95)}${t.sql === undefined ? "" : ` (${ms(t.sql)})`}` : "–").padStart(24);
    });
    // Compared with the first size whose page held as many rows (a page only fills up as the table
    // grows); failing that, with the first size the case ran at, marked "*".
    const last = bySize.get(largest)!;
    const sameRows = sizes.find((s) => s !== largest && bySize.get(s)?.rows === last.rows);
    const base = bySize.get(sameRows ?? sizes.find((s) => s !== largest && bySize.has(s)) ?? largest)!;
    const ratio = base === last ? NaN : last.p50 / base.p50;
    const sqlRatio = base === last || base.sql === undefined || last.sql === undefined ? NaN : last.sql / base.sql;
    const sqlGrows = sqlRatio > FLAT_RATIO && (last.sql ?? 0) > FLAT_SQL_FLOOR_MS;
    const flat = !(ratio > FLAT_RATIO && last.p50 > FLAT_FLOOR_MS);
    const verdict = !Number.isFinite(ratio)
      ? "n/a"
      : flat
        ? sqlGrows
          ? `flat, but SQL ×${sqlRatio.toFixed(0)}`
          : "flat"
        : sqlGrows
          ? `NOT FLAT: SQL ×${sqlRatio.toFixed(0)}`
          : "NOT FLAT: outside SQL";
    if (!flat) notFlat.push(`${name} (${sqlGrows ? "SQL" : "outside SQL"})`);
    const shownRatio = Number.isFinite(ratio) ? `${ratio.toFixed(1)}${sameRows === undefined ? "*" : ""}` : "–";
    console.log(`  ${name.padEnd(36)}${cells.join("")}  ${shownRatio.padStart(6)}  ${verdict}`);
  }
  console.log(
    `  * fewer rows on the page at the smaller size. "SQL ×N": the Application query alone grew N-fold (and is over ${FLAT_SQL_FLOOR_MS} ms).`,
  );
  if (httpFigures.size > 0) {
    console.log("");
    console.log(`HTTP (portal, production build, ${CONCURRENCY} clients, ${HTTP_SECONDS} s): p50 / p95 ms, req/s`);
    for (const [name, bySize] of httpFigures) {
      const cells = sizes.map((s) => {
        const r = bySize.get(s);
        return (
          r ? `${ms(r.p50)} / ${ms(r.p95)}, ${r.perSecond.toFixed(0)}/s${r.errors ? ` (${r.errors} err)` : ""}` : "–"
        ).padStart(26);
      });
      console.log(`  ${name.padEnd(36)}${cells.join("")}`);
    }
  }

  // ---- query plans at the largest size
  console.log("");
  const main = "new by deadline, page 1";
  console.log(`EXPLAIN QUERY PLAN at ${sizeLabel(largest)}, the main queue query (${main}):`);
  for (const line of plans.get(main) ?? []) console.log(`  ${line}`);
  console.log("");
  console.log(`Plans of every case at ${sizeLabel(largest)} (indexes and temp B-trees):`);
  for (const [name, lines] of plans) {
    const steps = lines.filter((l) => !l.startsWith("SQL:") && !l.startsWith("params:")).map((l) => l.trim());
    console.log(`  ${name.padEnd(36)} ${steps.join(" | ")}`);
  }

  failed = problems.length > 0;
  console.log("");
  console.log(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const worst = [...results]
    .map(([name, bySize]) => [name, bySize.get(largest)?.p95 ?? 0] as const)
    .sort((a, b) => b[1] - a[1])[0];
  const httpSummary =
    httpFigures.size > 0
      ? [...httpFigures]
          .map(([name, bySize]) => {
            const r = bySize.get(largest);
            return r ? `${name.replace("GET ", "")} p50 ${ms(r.p50)} ms ${r.perSecond.toFixed(0)} req/s` : "";
          })
          .join(", ")
      : `HTTP skipped (${httpSkip ?? "not run"})`;
  console.log(
    `SUMMARY queue: ${sizes.map(sizeLabel).join("/")} applications, ${results.size} cases, ` +
      `${results.size - notFlat.length} flat, ${notFlat.length} not flat${notFlat.length ? ` (${notFlat.join("; ")})` : ""}; ` +
      `slowest at ${sizeLabel(largest)}: ${worst?.[0]} p95 ${ms(worst?.[1] ?? NaN)} ms; ${httpSummary}; ` +
      (failed ? `FAILED: ${problems.length} wrong results (${problems.slice(0, 3).join("; ")})` : "results OK"),
  );
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);

function listRun(scope: Scope, query: QueueQuery) {
  return async (client: PrismaClient) => (await listQueue(client, scope, query)).rows.length;
}
