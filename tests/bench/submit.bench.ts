/*
 * `npm run bench:submit`: application submission against the production build. Starts its own
 * portal (build/ must exist: `npm run build`) on a fresh SQLite file in a temporary folder, creates
 * residents, sessions and complete drafts directly in that file, then has C clients POST the
 * review step — every draft twice by default, the second time from a "second device" at the same
 * moment. Prints throughput and latency (no timing assertions) and checks, in the database, that
 * no acknowledged submission was lost, nothing was registered twice, and the receipt sequence has
 * no gaps; exits 1 only when one of those checks (or the set-up) fails.
 *
 * Options (argv `--name=value` or environment):
 *   --n        BENCH_APPLICATIONS | N   drafts submitted in the measured run (default 2000)
 *   --c        BENCH_CONCURRENCY | C    concurrent clients, keep-alive connections (default 50)
 *   --duplicate BENCH_DUPLICATE | DUPLICATE  share of drafts submitted twice, 0…1 (default 1)
 *   --port     BENCH_PORT | PORT        port of the portal started here (default 3400)
 *   --seconds  BENCH_SECONDS            stop sending after this long (default 120)
 *   --warmup   BENCH_WARMUP             drafts submitted before the measured run (default 20)
 *   --url      BENCH_URL                use a running portal on this machine instead; it then needs
 *              BENCH_DATABASE_URL       the portal's DATABASE_URL (residents and drafts are added to it)
 *   BENCH_KEEP=1 keeps the temporary folder (database and portal log).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSession } from "~/domain/accounts/sessions.server";
import {
  createDraft,
  getChildren,
  getPinnedForm,
  parseAnswers,
  saveDraftAnswers,
} from "~/domain/applications/applications.server";
import { parseRegistrationNumber } from "~/domain/applications/registration-number";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { applicationSchema } from "~/domain/forms/form-schema";
import { testPersonInn, testSnils } from "~/domain/identity/test-data";
import { regionDate } from "~/domain/region/clock";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { assertLoopback, formatLoad, percentile, runLoad } from "./load";
import { plainAnswer } from "./plain-answers";
import { answersHealth, numberOption, somethingListens, stopProcessGroup, textOption } from "./bench-kit";

/** A simple service: applicant step, one plain field, declaration; no file and no child field. */
const SERVICE_CODE = process.env.BENCH_SERVICE ?? "58-CUL-001";
const REQUEST_TIMEOUT_MS = 30_000;
const PORTAL_START_TIMEOUT_MS = 180_000; // start.ts migrates, seeds, and rebuilds a stale build
const SYNCHRONOUS = ["OFF", "NORMAL", "FULL", "EXTRA"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------------------------
// Options
const N = Math.floor(numberOption("n", ["BENCH_APPLICATIONS", "N"], 2000, 1, 100_000));
const C = Math.floor(numberOption("c", ["BENCH_CONCURRENCY", "C"], 50, 1, 1000));
const DUPLICATE = numberOption("duplicate", ["BENCH_DUPLICATE", "DUPLICATE"], 1, 0, 1);
const PORT = Math.floor(numberOption("port", ["BENCH_PORT", "PORT"], 3400, 1024, 65535));
const SECONDS = numberOption("seconds", ["BENCH_SECONDS"], 120, 1, 600);
const WARMUP = Math.floor(numberOption("warmup", ["BENCH_WARMUP"], Math.min(20, N), 0, 1000));
const externalUrl = textOption("url", "BENCH_URL");
const keep = process.env.BENCH_KEEP === "1";

// The whole run is bounded: whatever hangs, the portal is stopped and the process ends.
const WATCHDOG_MS = PORTAL_START_TIMEOUT_MS + 300_000 + SECONDS * 1000 * 2;
const watchdog = setTimeout(() => {
  console.error(`The benchmark did not finish within ${Math.round(WATCHDOG_MS / 1000)} s: stopping.`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// The portal
let portal: ChildProcess | null = null;
let portalExit: Promise<void> = Promise.resolve();
let workDir: string | null = null;
let portalLog: string | null = null;
let db: PrismaClient | null = null;
const agent = new Agent({ keepAlive: true, maxSockets: C, maxFreeSockets: C });

async function cleanup(): Promise<void> {
  agent.destroy();
  await db?.$disconnect().catch(() => undefined);
  db = null;
  await stopPortal();
  if (workDir && !keep) rmSync(workDir, { recursive: true, force: true });
  else if (workDir) console.log(`Kept ${workDir} (bench.db, portal.log).`);
  workDir = null;
}

async function stopPortal(): Promise<void> {
  const child = portal;
  portal = null;
  await stopProcessGroup(child, portalExit);
}

function logTail(lines = 30): string {
  if (!portalLog || !existsSync(portalLog)) return "";
  return readFileSync(portalLog, "utf8").split("\n").slice(-lines).join("\n");
}

async function fail(message: string): Promise<never> {
  console.error(message);
  const tail = logTail();
  if (tail.trim()) console.error(`--- portal log (last lines) ---\n${tail}`);
  await cleanup();
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function startPortal(): Promise<{ base: string; databaseUrl: string }> {
  if (!existsSync(path.join(root, "build", "server", "index.js"))) {
    console.error("No production build in build/server/index.js: run `npm run build` first.");
    process.exit(1);
  }
  const base = `http://127.0.0.1:${PORT}`;
  if (await somethingListens(base)) {
    console.error(`Something already listens on ${base}: choose another port with BENCH_PORT.`);
    process.exit(1);
  }
  workDir = mkdtempSync(path.join(tmpdir(), "portal-bench-"));
  const databaseUrl = `file:${path.join(workDir, "bench.db")}`;
  portalLog = path.join(workDir, "portal.log");
  const log = openSync(portalLog, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SECURE_COOKIES: "false",
    SEED_DEMO_DATA: "true",
    PUBLIC_URL: base,
  };
  // Mail goes to the portal's demo mailbox (in the bench database), never to a real server.
  delete env.SMTP_URL;
  delete env.LOG_FILE;
  const started = performance.now();
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
  while (!(await answersHealth(base))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`The portal exited (code ${child.exitCode ?? child.signalCode}) before answering /healthz.`);
    }
    if (performance.now() > deadline) {
      return fail(`The portal did not answer ${base}/healthz within ${PORTAL_START_TIMEOUT_MS / 1000} s.`);
    }
    await sleep(250);
  }
  if (child.exitCode !== null) return fail(`The portal exited (code ${child.exitCode}): is port ${PORT} taken?`);
  console.log(`Portal started at ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s (${databaseUrl})`);
  return { base, databaseUrl };
}

// ---------------------------------------------------------------------------------------------
// Residents, sessions and drafts, written straight into the portal's database
type Resident = { id: string; cookies: [string, string] };
type Draft = { id: string; resident: number };

async function prepare(client: PrismaClient, serviceCode: string, drafts: number) {
  const service = await client.service.findUnique({ where: { code: serviceCode } });
  if (!service) return fail(`No service ${serviceCode} in the database: the demo catalogue was not seeded.`);
  if (!service.published) return fail(`The service ${serviceCode} is not published.`);
  const form: FormDefinition = await getPinnedForm(client, service.id, service.currentVersion);
  const fields = form.steps.flatMap((s) => s.fields);
  const unsuitable = fields.filter((f) => f.kind === "file" || f.kind === "child");
  if (unsuitable.length > 0) {
    return fail(`${serviceCode} asks for ${unsuitable.map((f) => f.kind).join(", ")}: choose a service without them.`);
  }
  const today = regionDate();
  const extra = Object.fromEntries(
    fields.flatMap((f) => {
      const value = plainAnswer(f, today, { text: "Бенчмарк подачи заявлений", pastDate: "1990-05-17" });
      return value === undefined ? [] : [[f.name, value]];
    }),
  );

  const { sessionCookieHeader } = await import("~/server/auth.server");
  const cookie = async (userId: string) => {
    const session = await createSession(client, userId, false);
    return (await sessionCookieHeader(session.token, null)).split(";")[0]!;
  };
  const run = randomBytes(4).toString("hex");
  const residents: Resident[] = [];
  for (let i = 0; i < C; i++) {
    const id = randomUUID();
    await client.user.create({
      data: {
        id,
        email: `bench-${run}-${i}@bench.example`,
        emailVerifiedAt: new Date(),
        profile: {
          create: {
            lastName: "Бенчмарков",
            firstName: "Пётр",
            middleName: "Иванович",
            birthDate: "1990-05-17",
            snils: testSnils(500_000 + i),
            inn: testPersonInn(500_000 + i),
            phone: `+7900${String(1_000_000 + i).padStart(7, "0")}`,
            passportNumber: `5600 ${String(100_000 + i).padStart(6, "0")}`,
            passportIssuedOn: "2015-06-01",
            passportIssuerCode: "580-001",
            addressOktmo: "56701000",
            addressLocality: "Пенза",
            addressStreet: "ул. Московская",
            addressHouse: String(1 + (i % 100)),
            addressApartment: String(1 + i),
          },
        },
      },
    });
    residents.push({ id, cookies: [await cookie(id), await cookie(id)] }); // two devices
  }

  const list: Draft[] = [];
  for (let i = 0; i < drafts; i++) {
    const resident = i % C;
    const userId = residents[resident]!.id;
    const id = await createDraft(client, userId, serviceCode);
    const lastStep = form.steps.at(-1)!.id;
    if (!(await saveDraftAnswers(client, userId, id, extra, lastStep))) return fail(`Could not save draft ${id}.`);
    list.push({ id, resident });
  }

  // Every draft must pass the very check submission makes, so the bench measures submissions,
  // not validation failures.
  const children = new Map<string, { id: string; birthDate: string }[]>();
  for (const r of residents) children.set(r.id, await getChildren(client, r.id));
  const stored = await client.application.findMany({
    where: { id: { in: list.map((d) => d.id) } },
    select: { id: true, applicantId: true, answers: true },
  });
  for (const row of stored) {
    const parsed = applicationSchema(form, { today, children: children.get(row.applicantId ?? "") }).safeParse(
      parseAnswers(row.answers),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(`Draft ${row.id} would not pass validation: ${issue?.path.join(".")} ${issue?.message}`);
    }
  }
  if (stored.length !== list.length) return fail(`Only ${stored.length} of ${list.length} drafts were stored.`);
  return { service, form, residents, drafts: list, slug: service.slug, emailPrefix: `bench-${run}-` };
}

// ---------------------------------------------------------------------------------------------
// Submitting
type Job = { draft: number; device: 0 | 1 };
type Outcome = Job & {
  start: number;
  end: number;
  status: number;
  location: string | null;
  number: string | null;
  error: string | null;
  /** Sent on a new connection rather than a kept-alive one. */
  fresh: boolean;
};

function send(
  method: "GET" | "POST",
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; location: string | null; fresh: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, fresh: !req.reusedSocket }),
      );
      res.on("error", reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end();
  });
}

const ACKNOWLEDGED = /^\/cabinet\/applications\/(\d{2}-\d{4}-\d{7}-\d)$/;

/** Sends the jobs in order from `concurrency` clients; stops taking new ones after `maxSeconds`. */
async function fire(options: {
  base: string;
  slug: string;
  drafts: Draft[];
  residents: Resident[];
  jobs: Job[];
  concurrency: number;
  maxSeconds: number;
}): Promise<{ outcomes: Outcome[]; seconds: number; unsent: number }> {
  const origin = new URL(options.base).origin;
  const outcomes: Outcome[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const client = async () => {
    while (next < options.jobs.length && performance.now() < deadline) {
      const job = options.jobs[next++]!;
      const draft = options.drafts[job.draft]!;
      const url = new URL(`/services/${options.slug}/apply/${draft.id}/review`, options.base);
      const headers = {
        Cookie: options.residents[draft.resident]!.cookies[job.device],
        Origin: origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": "0",
      };
      const start = performance.now();
      try {
        const { status, location, fresh } = await send("POST", url, headers);
        const pathname = location ? new URL(location, options.base).pathname : "";
        const number = (status === 302 || status === 303) && ACKNOWLEDGED.exec(pathname)?.[1];
        const end = performance.now();
        outcomes.push({ ...job, start, end, status, location, number: number || null, error: null, fresh });
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        const message = e.code ?? e.message;
        outcomes.push({
          ...job,
          start,
          end: performance.now(),
          status: 0,
          location: null,
          number: null,
          error: message,
          fresh: false,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { outcomes, seconds: (performance.now() - started) / 1000, unsent: options.jobs.length - next };
}

function describe(o: Outcome): string {
  if (o.error) return `network error ${o.error}`;
  if (o.number) return `${o.status} acknowledged (→ /cabinet/applications/<number>)`;
  if (o.location) {
    const url = new URL(o.location, "http://x");
    const where = url.pathname
      .replace(/\/apply\/[^/]+\//, "/apply/<draft>/")
      .replace(/\/services\/[^/]+\//, "/services/<slug>/");
    return `${o.status} → ${where}${url.search ? url.search.replace(/redirectTo=[^&]*/, "redirectTo=…") : ""}`;
  }
  return `${o.status} (no redirect)`;
}

// ---------------------------------------------------------------------------------------------
// Main
let failed = false;
try {
  let base: string;
  let databaseUrl: string;
  if (externalUrl) {
    assertLoopback(externalUrl);
    base = externalUrl.replace(/\/$/, "");
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.error(
        "With BENCH_URL, set BENCH_DATABASE_URL to that portal's DATABASE_URL (or let the bench start its own).",
      );
      process.exit(1);
    }
    databaseUrl = url;
    if (!(await answersHealth(base, 5000))) await fail(`No healthy portal answers at ${base}/healthz.`);
    console.log(`Using the running portal at ${base} (${databaseUrl})`);
  } else {
    ({ base, databaseUrl } = await startPortal());
  }
  assertLoopback(base);
  process.env.DATABASE_URL = databaseUrl; // read by the app modules imported below (the session cookie)
  db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
  const client = db;

  const preparing = performance.now();
  const setup = await prepare(client, SERVICE_CODE, WARMUP + N);
  const form = setup.form;
  console.log(
    `Prepared ${C} residents (2 sessions each) and ${WARMUP + N} drafts of ${SERVICE_CODE} "${setup.slug}" ` +
      `(${form.steps.map((s) => s.id).join(" → ")}) in ${((performance.now() - preparing) / 1000).toFixed(1)} s; ` +
      `all drafts pass applicationSchema.`,
  );

  // A reference for this machine's state: the cheapest request the portal answers.
  const health = await runLoad({ url: () => `${base}/healthz`, total: 2000, concurrency: C, maxSeconds: 10 });
  console.log(formatLoad("reference: GET /healthz", health));
  console.log(
    `Load average before the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (${availableParallelism()} cores)`,
  );

  const duplicated = (i: number) => Math.floor((i + 1) * DUPLICATE) > Math.floor(i * DUPLICATE);
  const warmOutcomes: Outcome[] = [];
  if (WARMUP > 0) {
    const warm = await fire({
      base,
      slug: setup.slug,
      drafts: setup.drafts,
      residents: setup.residents,
      jobs: Array.from({ length: WARMUP }, (_, i) => ({ draft: i, device: 0 as const })),
      concurrency: Math.min(4, C),
      maxSeconds: 30,
    });
    warmOutcomes.push(...warm.outcomes);
    const ok = warm.outcomes.filter((o) => o.number).length;
    console.log(`Warm-up: ${ok}/${WARMUP} drafts submitted once (not in the figures, checked below).`);
    if (ok === 0) {
      const sample = warm.outcomes[0];
      await fail(`No warm-up submission was acknowledged${sample ? `: ${describe(sample)}` : ""}.`);
    }
  }

  // The measured run: draft by draft; a duplicated draft's second POST comes from the resident's
  // second session right after the first, so both are in flight together.
  const jobs: Job[] = [];
  for (let i = 0; i < N; i++) {
    jobs.push({ draft: WARMUP + i, device: 0 });
    if (duplicated(i)) jobs.push({ draft: WARMUP + i, device: 1 });
  }
  const pairs = jobs.length - N;
  // Open the C keep-alive connections beforehand, so the run measures submissions rather than a
  // saturated server accepting new connections (docs/decisions/0019-durability-full-immediate.md); the run
  // reports any it had to open.
  await Promise.all(Array.from({ length: C }, () => send("GET", new URL("/healthz", base), {}).catch(() => null)));
  console.log(
    `Submitting ${N} drafts with ${jobs.length} POSTs (${pairs} drafts twice, from two devices) from ${C} ` +
      `keep-alive clients, at most ${SECONDS} s…`,
  );
  const run = await fire({
    base,
    slug: setup.slug,
    drafts: setup.drafts,
    residents: setup.residents,
    jobs,
    concurrency: C,
    maxSeconds: SECONDS,
  });
  const { outcomes } = run;
  const loadAfter = loadavg()[0]!.toFixed(1);

  // ---- figures
  const latencies = outcomes.map((o) => o.end - o.start).sort((a, b) => a - b);
  const acknowledged = outcomes.filter((o) => o.number);
  /** Draft index → the numbers its POSTs were answered with (warm-up included: checked too). */
  const ackDrafts = new Map<number, Set<string>>();
  for (const o of [...warmOutcomes, ...outcomes]) {
    if (!o.number) continue;
    ackDrafts.set(o.draft, (ackDrafts.get(o.draft) ?? new Set<string>()).add(o.number));
  }
  const runAcknowledgedDrafts = new Set(acknowledged.map((o) => o.draft)).size;
  const byKind = new Map<string, number>();
  for (const o of outcomes) byKind.set(describe(o), (byKind.get(describe(o)) ?? 0) + 1);
  const errors = outcomes.length - acknowledged.length;

  // Were the two POSTs of a draft really in flight together?
  const byDraft = new Map<number, Outcome[]>();
  for (const o of outcomes) byDraft.set(o.draft, [...(byDraft.get(o.draft) ?? []), o]);
  let overlapping = 0;
  let bothSent = 0;
  for (const list of byDraft.values()) {
    if (list.length < 2) continue;
    bothSent++;
    const [a, b] = list as [Outcome, Outcome];
    if (a.start < b.end && b.start < a.end) overlapping++;
  }

  console.log("");
  console.log(
    formatLoad("submit POST (measured run)", {
      requests: outcomes.length,
      errors,
      seconds: run.seconds,
      perSecond: outcomes.length / run.seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    }),
  );
  const distinctPerSecond = runAcknowledgedDrafts / run.seconds;
  const lat = (p: number) => `${percentile(latencies, p).toFixed(1)} ms`;
  console.log(
    `  requests sent            ${outcomes.length} of ${jobs.length}${run.unsent ? ` (${run.unsent} not sent: time limit)` : ""}`,
  );
  console.log(`  duration                 ${run.seconds.toFixed(2)} s`);
  console.log(
    `  throughput               ${(outcomes.length / run.seconds).toFixed(1)} req/s, ${distinctPerSecond.toFixed(1)} distinct applications/s`,
  );
  console.log(
    `  latency                  p50 ${lat(50)}  p95 ${lat(95)}  p99 ${lat(99)}  max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`,
  );
  console.log(`  load average (1 min)     ${loadAfter} at the end of the run, ${availableParallelism()} cores`);
  const fresh = outcomes.filter((o) => o.fresh).map((o) => o.end - o.start);
  const reused = outcomes.filter((o) => !o.fresh && !o.error).map((o) => o.end - o.start);
  const freshMax = fresh.length ? `max ${Math.max(...fresh).toFixed(1)} ms` : "";
  const reusedMax = reused.length ? Math.max(...reused).toFixed(1) : "–";
  console.log(
    `  new connections          ${fresh.length ? `${fresh.length} requests opened one, ${freshMax}` : "none opened during the run"}; ` +
      `on kept-alive connections max ${reusedMax} ms`,
  );
  console.log(`  duplicate pairs          ${bothSent} sent, ${overlapping} of them in flight at the same time`);
  console.log("  answers:");
  for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1]))
    console.log(`    ${String(count).padStart(7)}  ${kind}`);

  // ---- correctness, from the database
  const residentIds = setup.residents.map((r) => r.id);
  const rows = await client.application.findMany({
    where: { applicantId: { in: residentIds } },
    select: {
      id: true,
      number: true,
      sequence: true,
      status: true,
      _count: { select: { events: { where: { command: "submit" } } } },
    },
  });
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const benchRows = setup.drafts.map((d) => rowById.get(d.id));
  const storedRows = rows.filter((r) => r.number !== null);

  // lost: acknowledged, but not stored under the number the resident was given
  const lost: string[] = [];
  const differentAnswers: string[] = [];
  for (const [draft, numbers] of ackDrafts) {
    const row = benchRows[draft];
    if (numbers.size > 1) differentAnswers.push(`${setup.drafts[draft]!.id}: ${[...numbers].join(" / ")}`);
    for (const number of numbers) {
      if (!row || row.number !== number)
        lost.push(`${setup.drafts[draft]!.id} acknowledged as ${number}, stored as ${row?.number ?? "nothing"}`);
    }
  }
  const manySubmits = rows.filter((r) => r._count.events > 1).map((r) => `${r.id}: ${r._count.events} submit events`);
  const noSubmitEvent = storedRows.filter((r) => r._count.events === 0).map((r) => r.id);
  const numberOwners = new Map<string, Set<number>>();
  for (const [draft, numbers] of ackDrafts) {
    for (const number of numbers) numberOwners.set(number, (numberOwners.get(number) ?? new Set()).add(draft));
  }
  const sharedNumbers = [...numberOwners]
    .filter(([, owners]) => owners.size > 1)
    .map(([n, o]) => `${n}: ${o.size} drafts`);
  // The "submitted" mail is kept (demo mailbox) after the answer: wait until every one is there or
  // the count stops moving for 3 s.
  const mailWait = performance.now();
  const countMails = () => client.mailboxMessage.count({ where: { to: { startsWith: setup.emailPrefix } } });
  let mails = await countMails();
  for (let still = 0; mails < storedRows.length && still < 12 && performance.now() - mailWait < 20_000;) {
    await sleep(250);
    const now = await countMails();
    still = now === mails ? still + 1 : 0;
    mails = now;
  }
  const mailSeconds = (performance.now() - mailWait) / 1000;
  const consents = await client.consent.count({
    where: { userId: { in: residentIds }, purpose: `application:${SERVICE_CODE}` },
  });

  const sequences = storedRows
    .map((r) => r.sequence)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  const seqMin = sequences[0] ?? 0;
  const seqMax = sequences.at(-1) ?? -1;
  const seqSpan = sequences.length ? seqMax - seqMin + 1 : 0;
  const seqDistinct = new Set(sequences).size;
  const missingSequence = storedRows.length - sequences.length;

  const numbers = storedRows.map((r) => r.number!);
  const distinctNumbers = new Set(numbers).size;
  const parsedNumbers = numbers.map((n) => parseRegistrationNumber(n));
  const invalidNumbers = numbers.filter((_, i) => parsedNumbers[i] === null);
  const yearly = parsedNumbers
    .filter((p) => p !== null)
    .map((p) => p.sequence)
    .sort((a, b) => a - b);
  const yearlySpan = yearly.length ? yearly.at(-1)! - yearly[0]! + 1 : 0;

  // The whole database: the receipt counter against what was stored under it.
  const allSequenced = await client.application.count({ where: { sequence: { not: null } } });
  const receiptCounter = await client.counter.findUnique({ where: { name: "receipt" } });

  const pragma = async (name: string) => {
    const result = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
    return Object.values(result[0] ?? {})[0];
  };
  const synchronous = Number(await pragma("synchronous"));
  const journalMode = String(await pragma("journal_mode"));

  const submittedDrafts = benchRows.filter((r) => r?.number).length;
  console.log("");
  console.log("Correctness (database):");
  console.log(
    `  acknowledged             ${ackDrafts.size} drafts (${ackDrafts.size - runAcknowledgedDrafts} warm-up + ${runAcknowledgedDrafts} measured; ${acknowledged.length} measured POSTs answered with a number)`,
  );
  console.log(`  stored                   ${submittedDrafts} of ${setup.drafts.length} bench drafts carry a number`);
  const unacknowledgedStored = benchRows.filter((r, i) => r?.number && !ackDrafts.has(i)).length;
  if (unacknowledgedStored)
    console.log(`  stored, never acknowledged ${unacknowledgedStored} (the resident finds them in the cabinet)`);
  console.log(`  lost acknowledged        ${lost.length}`);
  console.log(
    `  duplicates               ${manySubmits.length} applications with >1 "submit" event, ${sharedNumbers.length} numbers given to >1 draft, ${differentAnswers.length} drafts answered with different numbers`,
  );
  console.log(`  consents recorded        ${consents} for ${storedRows.length} submitted applications`);
  if (noSubmitEvent.length) console.log(`  submitted without a "submit" event: ${noSubmitEvent.length}`);
  console.log(
    `  receipt sequence         ${sequences.length} values, ${seqDistinct} distinct, span ${seqMin}…${seqMax} = ${seqSpan} → ${seqSpan - seqDistinct} gaps${missingSequence ? `, ${missingSequence} numbered without a sequence` : ""}`,
  );
  console.log(
    `  receipt counter          ${receiptCounter?.value ?? "none"} for ${allSequenced} sequenced applications in the whole database`,
  );
  console.log(
    `  registration numbers     ${distinctNumbers} distinct of ${numbers.length}, ${invalidNumbers.length} invalid, yearly sequence span ${yearlySpan} for ${yearly.length}`,
  );
  console.log(
    `  "submitted" mails kept    ${mails} for ${storedRows.length} applications, ${mailSeconds.toFixed(1)} s after the run (informational)`,
  );
  console.log(`  journal_mode             ${journalMode}`);
  console.log(
    `  PRAGMA synchronous       ${synchronous} (${SYNCHRONOUS[synchronous] ?? "?"}) — on a connection from createSqliteAdapter, the factory the portal uses (the setting is per connection)`,
  );

  // The portal logs at "warn": whatever it logged during the run deserves a look.
  if (portalLog && existsSync(portalLog)) {
    const logged = new Map<string, number>();
    for (const line of readFileSync(portalLog, "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        if ((entry.level ?? 0) >= 40)
          logged.set(`${entry.level} ${entry.msg}`, (logged.get(`${entry.level} ${entry.msg}`) ?? 0) + 1);
      } catch {
        // not a log record
      }
    }
    const summary = [...logged].map(([msg, count]) => `${count}× level ${msg}`).join("; ");
    console.log(`  portal warnings/errors   ${summary || "none"}`);
  }

  const problems: string[] = [];
  if (lost.length) problems.push(`${lost.length} acknowledged submissions lost`);
  if (manySubmits.length || sharedNumbers.length || differentAnswers.length) {
    problems.push(`duplicates (${manySubmits.length + sharedNumbers.length + differentAnswers.length})`);
  }
  if (distinctNumbers !== numbers.length || invalidNumbers.length)
    problems.push("registration numbers not unique or invalid");
  if (seqSpan !== seqDistinct || seqDistinct !== sequences.length || missingSequence)
    problems.push(`receipt sequence gaps (${seqSpan - seqDistinct})`);
  if (yearlySpan !== yearly.length) problems.push(`registration-number sequence gaps (${yearlySpan - yearly.length})`);
  if (receiptCounter && receiptCounter.value !== allSequenced)
    problems.push(`receipt counter ${receiptCounter.value} ≠ ${allSequenced} sequenced applications`);
  if (acknowledged.length === 0) problems.push("nothing was acknowledged: the run measured nothing");
  for (const line of [...lost, ...manySubmits, ...sharedNumbers, ...differentAnswers].slice(0, 10))
    console.log(`    ${line}`);

  failed = problems.length > 0;
  console.log("");
  console.log(
    `SUMMARY submit: ${outcomes.length} POSTs for ${N} drafts, C=${C}, ${run.seconds.toFixed(1)} s, ` +
      `${(outcomes.length / run.seconds).toFixed(0)} req/s, ${distinctPerSecond.toFixed(0)} applications/s, ` +
      `p50 ${lat(50)} p95 ${lat(95)} p99 ${lat(99)}, non-acknowledged ${errors}, ` +
      `acknowledged ${ackDrafts.size} / stored ${submittedDrafts} drafts (warm-up included), ` +
      `synchronous=${SYNCHRONOUS[synchronous] ?? synchronous} — ` +
      (failed ? `FAILED: ${problems.join("; ")}` : "OK: nothing lost, no duplicates, no gaps"),
  );
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
