/*
 * `npm run bench:opening`: the opening minute of first-grade enrollment (docs/enrollment.md), against
 * the production build (`npm run build` first) on a database of its own, and against a bare
 * reference server (tests/bench/reference-server.ts: node:http + better-sqlite3, one FULL insert per
 * POST) in the same run, one after the other. N parents of distinct children, prepared in advance
 * with complete drafts for S schools; the campaign's stage 1 opens a few seconds after they are
 * ready (the campaign's time is data: no fake clock); at the instant C clients press "send" (half
 * on kept-alive connections, half on a new connection each), a share of parents twice from a second
 * device; meanwhile parents reload their application page, visitors load the service page, and a
 * wave of fresh connections arrives in the first second. Then the database is checked: nothing
 * acknowledged lost, no duplicates, receipt order, queue positions. Exits 1 only when a check (or
 * the set-up) fails, never on slow figures; the targets are printed beside the figures.
 * Every client waits 30 s for an answer, connecting included, then gives up (counted, and checked:
 * what the portal stored for a parent who gave up is "stored without the parent being told"). The
 * portal's event loop cannot be instrumented from here: /healthz every 10 ms on a kept-alive
 * connection and the kernel's accept queue (`ss`) are the outside view of it.
 *
 * Options (argv `--name=value` or environment):
 *   --n                BENCH_APPLICATIONS | N     parents with a draft each (default 10000)
 *   --c                BENCH_CONCURRENCY | C      pressing clients (default 200)
 *   --schools          BENCH_SCHOOLS              schools the children are spread over (default 20)
 *   --double           BENCH_DOUBLE               share of parents pressing twice from two devices (0.1)
 *   --priority         BENCH_PRIORITY             share of parents claiming a priority right (0.1)
 *   --readers          BENCH_READERS              parents reloading their application page (50)
 *   --service-readers  BENCH_SERVICE_READERS      visitors loading the service page (20)
 *   --think            BENCH_THINK_MS             a reader's pause between reloads, ms (500)
 *   --fresh            BENCH_FRESH                fresh connections in the first second (1000)
 *   --scheduled        BENCH_SCHEDULED            share of drafts scheduled for the opening instead of
 *                                                 pressed (0; 1 = all: the portal sends them itself)
 *   --lead             BENCH_LEAD_SECONDS         the opening this long after the drafts are ready (3)
 *   --seconds          BENCH_SECONDS              longest a burst may run (300)
 *   --port             BENCH_PORT | PORT          the portal's port; the reference server takes port+1 (3420)
 *   --kill             BENCH_KILL=1               SIGKILL the portal after 30% acknowledged (or 30% of
 *                                                 --seconds), restart it on the same database, resubmit
 *                                                 what was not acknowledged
 *   --cpu-prof         BENCH_CPU_PROF=1           V8 CPU profile of the portal; prints where its CPU went
 *                                                 during the burst (by package and by function)
 *   --smtp             BENCH_SMTP=1               mail through an SMTP sink the bench runs, as in production,
 *                                                 instead of the demo mailbox (a row in the database per mail)
 *   BENCH_KEEP=1 keeps the temporary folder (databases, logs, profiles).
 * Figures also go to tests/.tmp/bench-opening.json.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { startSmtpSink } from "../support/smtp-sink";
import { flagOption, numberOption } from "./bench-kit";
import { formatLoad, runLoad } from "./load";
import { checkDatabase, checkDrafts, databaseSettings, type CheckResult } from "./opening-checks";
import {
  beforeTheOpening,
  pageSize,
  pressJobs,
  runBurst,
  untilQuiet,
  type BurstResult,
  type PressOutcome,
} from "./opening-load";
import { chooseSchools, inShare, prepareParents } from "./opening-prepare";
import { openCampaignAt, scheduledDone, scheduledFigures, scheduleForOpening } from "./opening-schedule";
import {
  printChecks,
  printComparison,
  printLogs,
  printProfile,
  printRun,
  summarise,
  summaryLine,
  targets,
  type RunSummary,
} from "./opening-report";
import {
  killServer,
  busiestProfile,
  portalLogSummary,
  startPortal,
  startReferenceServer,
  stopServer,
  summariseProfile,
  type ServerProcess,
} from "./opening-servers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const N = Math.floor(numberOption("n", ["BENCH_APPLICATIONS", "N"], 10_000, 1, 100_000));
const C = Math.floor(numberOption("c", ["BENCH_CONCURRENCY", "C"], 200, 1, 2000));
const SCHOOLS = Math.floor(numberOption("schools", "BENCH_SCHOOLS", 20, 1, 49));
const DOUBLE = numberOption("double", "BENCH_DOUBLE", 0.1, 0, 1);
const PRIORITY = numberOption("priority", "BENCH_PRIORITY", 0.1, 0, 1);
const READERS = Math.floor(numberOption("readers", "BENCH_READERS", 50, 0, 1000));
const SERVICE_READERS = Math.floor(numberOption("service-readers", "BENCH_SERVICE_READERS", 20, 0, 1000));
const THINK_MS = numberOption("think", "BENCH_THINK_MS", 500, 0, 60_000);
const FRESH = Math.floor(numberOption("fresh", "BENCH_FRESH", 1000, 0, 10_000));
const SCHEDULED = numberOption("scheduled", "BENCH_SCHEDULED", 0, 0, 1);
const LEAD_S = numberOption("lead", "BENCH_LEAD_SECONDS", 3, 1, 600);
const MAX_SECONDS = numberOption("seconds", "BENCH_SECONDS", 300, 5, 3600);
const PORT = Math.floor(numberOption("port", ["BENCH_PORT", "PORT"], 3420, 1024, 65534));
const KILL = flagOption("kill", "BENCH_KILL");
const CPU_PROF = flagOption("cpu-prof", "BENCH_CPU_PROF");
const SMTP = flagOption("smtp", "BENCH_SMTP");
const KEEP = process.env.BENCH_KEEP === "1";
const KILL_AT = 0.3;
/** The portal's scheduler looks at the rows at least this often (scheduled-submission.server.ts). */
const SCHEDULER_LOOKS_EVERY_S = 30;

const watchdog = setTimeout(
  () => {
    console.error("The benchmark did not finish in time: stopping.");
    void cleanup().finally(() => process.exit(1));
  },
  (600 + MAX_SECONDS * 4 + N / 20) * 1000,
);
watchdog.unref();

let portal: ServerProcess | null = null;
let reference: ServerProcess | null = null;
let db: PrismaClient | null = null;
let workDir: string | null = null;
let stopSmtp: (() => Promise<void>) | null = null;
let mailsReceived = 0;

async function cleanup(): Promise<void> {
  await db?.$disconnect().catch(() => undefined);
  db = null;
  await stopServer(portal);
  await stopServer(reference);
  portal = reference = null;
  await stopSmtp?.();
  stopSmtp = null;
  if (workDir && !KEEP) rmSync(workDir, { recursive: true, force: true });
  else if (workDir) console.log(`\nKept ${workDir} (portal.db, reference.db, logs${CPU_PROF ? ", cpu/" : ""}).`);
  workDir = null;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
/** How long the bench waits after the burst for the confirmation mails (--smtp). */
const MAIL_WAIT_S = 300;

/** Waits until `expected` mails arrived, none came for 15 s, or MAIL_WAIT_S passed since the burst's end. */
async function mailDelivered(expected: number, burstEndedAt: number, duringBurst: number) {
  let last = mailsReceived;
  let lastAt = performance.now();
  while (mailsReceived < expected && performance.now() - burstEndedAt < MAIL_WAIT_S * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (mailsReceived !== last) [last, lastAt] = [mailsReceived, performance.now()];
    else if (performance.now() - lastAt > 15_000) break;
  }
  const lastAfterBurstS = Math.max(0, (lastAt - burstEndedAt) / 1000);
  const received = mailsReceived;
  return {
    expected,
    received,
    duringBurst,
    lastAfterBurstS,
    perSecond: lastAfterBurstS > 0 ? (received - duringBurst) / lastAfterBurstS : 0,
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

let failed = false;
try {
  // ---- build check
  const entry = path.join(root, "build", "server", "index.js");
  if (!existsSync(entry)) {
    console.error("No production build in build/server/index.js: run `npm run build` first.");
    process.exit(1);
  }
  const builtAt = new Date(statSync(entry).mtimeMs);
  console.log(
    `bench:opening N=${N} C=${C} schools=${SCHOOLS} double=${DOUBLE} priority=${PRIORITY} readers=${READERS} ` +
      `service-readers=${SERVICE_READERS} think=${THINK_MS} ms fresh=${FRESH} scheduled=${SCHEDULED}` +
      `${KILL ? " --kill" : ""}${CPU_PROF ? " --cpu-prof" : ""}${SMTP ? " --smtp" : ""}; build of ${builtAt.toISOString()}; load ${load()} (${availableParallelism()} cores)`,
  );

  // ---- the portal on a fresh database
  workDir = mkdtempSync(path.join(tmpdir(), "portal-opening-"));
  const databaseFile = path.join(workDir, "portal.db");
  const databaseUrl = `file:${databaseFile}`;
  const cpuDir = CPU_PROF ? path.join(workDir, "cpu") : undefined;
  if (cpuDir) mkdirSync(cpuDir);
  let smtpUrl: string | undefined;
  if (SMTP) {
    const smtpPort = PORT + 2;
    stopSmtp = await startSmtpSink(smtpPort, () => (mailsReceived += 1));
    smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  }
  let started = performance.now();
  portal = await startPortal({
    root,
    port: PORT,
    databaseUrl,
    log: path.join(workDir, "portal.log"),
    cpuProfileDir: cpuDir,
    smtpUrl,
  });
  console.log(`Portal at ${portal.base} (migrated, seeded) in ${seconds(started)} s.`);
  process.env.DATABASE_URL = databaseUrl; // read by the app modules the preparation imports (the session cookie)
  db = new PrismaClient({ adapter: createSqliteAdapter(databaseUrl) });
  const year = campaignYearFor(new Date());

  // ---- parents, children, sessions and drafts
  started = performance.now();
  const schools = await chooseSchools(db, year, SCHOOLS);
  if (schools.length < SCHOOLS) throw new Error(`Only ${schools.length} schools have a territory for ${year}.`);
  const run = randomBytes(3).toString("hex");
  const { parents, form, slug, bulk } = await prepareParents(db, {
    n: N,
    schools,
    double: DOUBLE,
    priority: PRIORITY,
    run,
    progress: (done) => {
      if (done % 2000 === 0 || done === N) process.stdout.write(`  prepared ${done}/${N} (${seconds(started)} s)\n`);
    },
  });
  const scheduledParents = parents.filter((p) => inShare(p.index, SCHEDULED));
  const pressing = parents.filter((p) => !inShare(p.index, SCHEDULED));
  const farOpening = new Date(Date.now() + 3_600_000);
  await openCampaignAt(db, year, farOpening);
  const draftProblems = await checkDrafts(db, { parents, form, openingAt: farOpening, sample: 200 });
  if (draftProblems.length) throw new Error(`The drafts would not be taken:\n  ${draftProblems.join("\n  ")}`);
  const priorities = parents.filter((p) => p.priority !== "none").length;
  console.log(
    `Prepared ${N} parents (${priorities} with a priority right, ${parents.filter((p) => p.cookies.length > 1).length} with two devices) ` +
      `and drafts for schools ${schools.map((s) => s.code).join(", ")} of the ${year} campaign in ${seconds(started)} s; ` +
      `all pass the form's schema, a sample of 200 the campaign's decision; ${bulk ? "40 through createDraft/saveDraftAnswers, the rest in bulk, identical" : "all through createDraft/saveDraftAnswers"}. ` +
      `Form: ${form.steps.map((s) => s.id).join(" → ")}.`,
  );

  // ---- before the opening: parents on the review page, visitors on the service page
  const servicePageBytes = await pageSize(portal.base, `/services/${slug}`);
  const { waited, early } = await beforeTheOpening(portal.base, slug, pressing);
  if (early)
    console.log(
      `Before the opening: ${waited}/${early} early presses were told to wait (302 → review); service page ${servicePageBytes} bytes.`,
    );

  let opensAt: number;
  if (scheduledParents.length) {
    started = performance.now();
    opensAt = await scheduleForOpening(db, {
      base: portal.base,
      slug,
      parents: scheduledParents,
      leadS: SCHEDULER_LOOKS_EVERY_S + 5,
    });
    console.log(
      `Scheduled ${scheduledParents.length} drafts from their review pages in ${seconds(started)} s; the opening moves to ` +
        `${SCHEDULER_LOOKS_EVERY_S + 5} s from now (the portal's scheduler looks at its rows every ${SCHEDULER_LOOKS_EVERY_S} s at most).`,
    );
  } else {
    opensAt = Date.now() + LEAD_S * 1000;
  }
  await openCampaignAt(db, year, new Date(opensAt));

  // ---- the opening
  const readerParents = Array.from({ length: Math.min(READERS, N) }, (_, k) =>
    Math.floor((k * N) / Math.min(READERS, N)),
  );
  const known = new Map<number, string>();
  const stop = { requested: false };
  let killedAt: number | null = null;
  const killing: Promise<void>[] = [];
  let acknowledgedSoFar = 0;
  const kill = (why: string) => {
    if (killedAt !== null) return;
    killedAt = performance.now();
    stop.requested = true;
    console.log(`  kill -9 of the portal's process group ${why} (${acknowledgedSoFar} acknowledged)…`);
    killing.push(killServer(portal!));
  };
  // A portal too slow to reach 30% soon is killed at 30% of the burst's time instead.
  const killTimer = KILL
    ? setTimeout(() => kill(`at ${KILL_AT * 100}% of --seconds`), opensAt - Date.now() + KILL_AT * MAX_SECONDS * 1000)
    : undefined;
  const burstOptions = {
    base: portal.base,
    slug,
    parents,
    concurrency: C,
    readers: readerParents,
    serviceReaders: SERVICE_READERS,
    thinkMs: THINK_MS,
    maxSeconds: MAX_SECONDS,
  };
  console.log(
    `\nThe campaign opens at ${new Date(opensAt).toISOString()}: ${pressing.length} parents press (${pressJobs(pressing, true).length} POSTs), ` +
      `${scheduledParents.length} scheduled; load ${load()}…`,
  );
  const first = await runBurst({
    ...burstOptions,
    jobs: pressJobs(pressing, true),
    fresh: FRESH,
    opensAt,
    known,
    stop,
    onAcknowledged: (distinct) => {
      acknowledgedSoFar = distinct;
      if (KILL && distinct >= KILL_AT * pressing.length) kill(`after ${KILL_AT * 100}% acknowledged`);
    },
    waitAlso: scheduledParents.length ? scheduledDone(databaseFile, MAX_SECONDS * 1000) : undefined,
  });
  clearTimeout(killTimer);
  await Promise.all(killing);
  const loadAfter = load();
  const bursts: { label: string; burst: BurstResult }[] = [{ label: "portal", burst: first }];

  // ---- --kill: restart on the same database, resubmit everyone not acknowledged
  let restart: { seconds: number; resubmitted: number } | null = null;
  if (KILL) {
    if (killedAt === null) throw new Error("--kill: the burst ended before the kill; nothing was killed.");
    started = performance.now();
    portal = await startPortal({
      root,
      port: PORT,
      databaseUrl,
      log: path.join(workDir, "portal-restarted.log"),
      cpuProfileDir: cpuDir,
      smtpUrl,
    });
    const restartSeconds = (performance.now() - started) / 1000;
    const again = pressing.filter((p) => !known.has(p.index));
    console.log(
      `  restarted in ${restartSeconds.toFixed(1)} s; resubmitting the ${again.length} parents not acknowledged…`,
    );
    const second = await runBurst({
      ...burstOptions,
      base: portal.base,
      jobs: pressJobs(again, false),
      fresh: 0,
      opensAt: Date.now(),
      known,
      waitAlso: scheduledParents.length ? scheduledDone(databaseFile, MAX_SECONDS * 1000) : undefined,
    });
    bursts.push({ label: "portal after the restart", burst: second });
    restart = { seconds: restartSeconds, resubmitted: again.length };
  }

  // ---- once the portal has worked off what the clients left queued: the page sizes for the
  // reference, and the page throughput alone
  const burstEndedAt = performance.now();
  const mailsDuringBurst = mailsReceived;
  const drainedIn = await untilQuiet(portal.base, MAX_SECONDS);
  console.log(
    drainedIn === null
      ? `  the portal still did not answer /healthz within 1 s ${MAX_SECONDS} s after the burst`
      : `  the portal answers /healthz within 1 s again ${drainedIn.toFixed(1)} s after the burst`,
  );
  const acked = [...known.entries()][0];
  const applicationPageBytes = acked
    ? await pageSize(portal.base, `/cabinet/applications/${acked[1]}`, parents[acked[0]]!.cookies[0]).catch(
        (error: Error) => {
          console.log(
            `  the application page did not load (${error.message}): the reference uses the service page's size`,
          );
          return servicePageBytes;
        },
      )
    : servicePageBytes;
  const portalPages = await runLoad({
    url: () => `${portal!.base}/services/${slug}`,
    total: 1_000_000,
    concurrency: 50,
    maxSeconds: 5,
  });

  // ---- the database
  const presses: PressOutcome[] = bursts.flatMap((b) => b.burst.presses);
  const scheduled = scheduledParents.length ? scheduledFigures(databaseFile, opensAt) : null;
  const settings = await databaseSettings(db);
  const checked = await checkDatabase({
    databaseFile,
    db,
    campaignYear: year,
    parents,
    presses,
    scheduled: scheduledParents.length > 0,
    positionSample: 200,
  });
  const log = portalLogSummary(path.join(workDir, "portal.log"));
  const restartedLog = KILL ? portalLogSummary(path.join(workDir, "portal-restarted.log")) : null;
  // --smtp: every acknowledged application's confirmation mail, and how long after the burst the last came.
  const mail = SMTP ? await mailDelivered(known.size, burstEndedAt, mailsDuringBurst) : null;
  await db.$disconnect();
  db = null;
  await stopServer(portal);
  portal = null;
  const profile = cpuDir ? busiestProfile(cpuDir, first.monotonicUs) : null;

  // ---- the reference server, the same clients
  const referenceFile = path.join(workDir, "reference.db");
  reference = await startReferenceServer({
    root,
    port: PORT + 1,
    databaseFile: referenceFile,
    servicePageBytes,
    applicationPageBytes,
    log: path.join(workDir, "reference.log"),
  });
  const refKnown = new Map<number, string>();
  const refBurst = await runBurst({
    ...burstOptions,
    base: reference.base,
    jobs: pressJobs(parents, true),
    fresh: FRESH,
    opensAt: Date.now() + 1000,
    known: refKnown,
  });
  const referencePages = await runLoad({
    url: () => `${reference!.base}/services/${slug}`,
    total: 1_000_000,
    concurrency: 50,
    maxSeconds: 5,
  });
  await stopServer(reference);
  reference = null;
  const refRaw = new Database(referenceFile, { readonly: true });
  const refRows = (refRaw.prepare("SELECT COUNT(*) AS n FROM submission").get() as { n: number }).n;
  refRaw.close();
  const refAcknowledgedPosts = refBurst.presses.filter((p) => p.number).length;

  // ---- figures
  const summaries: { label: string; summary: RunSummary }[] = bursts.map((b) => ({
    label: b.label,
    summary: summarise(b.burst),
  }));
  const portalSummary = summaries[0]!.summary;
  const referenceSummary = summarise(refBurst);
  for (const { label, summary } of summaries)
    printRun(label === "portal" ? "Portal — the opening minute" : `Portal — ${label}`, summary);
  console.log(
    `  load average (1 min) after the burst: ${loadAfter}; journal ${settings.journalMode} (the portal syncs each commit before answering it: decision 0040)`,
  );
  if (scheduled) {
    console.log(
      `  scheduled sends: ${scheduled.sent}/${scheduled.count} sent (${scheduled.notSent} not), received after the opening ` +
        `p50 ${scheduled.sinceOpening.p50.toFixed(0)} ms, p95 ${scheduled.sinceOpening.p95.toFixed(0)} ms, last ${scheduled.sinceOpening.max.toFixed(0)} ms → ${scheduled.perSecond.toFixed(1)}/s`,
    );
  }
  if (restart) {
    console.log(
      `  restart after kill -9: ${restart.seconds.toFixed(1)} s to /healthz; ${restart.resubmitted} parents resubmitted`,
    );
  }
  console.log(`  ${formatLoad("service page alone, 50 clients, 5 s", portalPages)}`);
  printRun(
    "Reference server (node:http + better-sqlite3, WAL, synchronous=FULL, one INSERT per POST)",
    referenceSummary,
  );
  console.log(`  ${formatLoad("service-size page alone, 50 clients, 5 s", referencePages)}`);
  console.log(`  rows stored ${refRows} for ${refAcknowledgedPosts} acknowledged of ${refBurst.presses.length} POSTs`);

  const checks: CheckResult[] = [...checked.checks];
  // A POST the client gave up on may still have been stored: fewer rows than acknowledgements is the fault.
  if (refRows < refAcknowledgedPosts || refRows > refBurst.presses.length)
    checks.push({
      name: "reference stored",
      ok: false,
      count: 1,
      detail: `${refRows} rows for ${refAcknowledgedPosts} acknowledged of ${refBurst.presses.length} POSTs`,
      examples: [],
    });
  printChecks(checks, {
    ...checked,
    neverAcknowledged: pressing.filter((p) => !known.has(p.index)).length,
  });
  printLogs([
    ["portal log", log],
    ["portal log after the restart", restartedLog],
  ]);

  const ok = (name: string) => checks.find((c) => c.name === name)?.ok ?? true;
  const lost = checks.find((c) => c.name === "lost");
  const targetList = targets({
    portal: portalSummary,
    reference: referenceSummary,
    kill: { ran: KILL, lost: lost?.count ?? 0 },
    duplicatesOk: ok("duplicates"),
    orderOk: ok("receipt order") && ok("order seen by clients") && ok("scheduled order"),
    positionsOk: ok("queue positions"),
    scheduled: scheduled && { perSecond: scheduled.perSecond, count: scheduled.sent },
  });
  const ratios = printComparison(portalSummary, referenceSummary, targetList);
  const pageRatio = portalPages.perSecond / referencePages.perSecond;
  console.log(
    `  page throughput alone (service page, 50 clients): ${portalPages.perSecond.toFixed(0)} / ${referencePages.perSecond.toFixed(0)} req/s = ${pageRatio.toFixed(2)}×`,
  );

  const cpu = profile ? summariseProfile(profile, first.monotonicUs, 25) : null;
  if (profile && cpu) printProfile(path.basename(profile), cpu);

  failed = checks.some((c) => !c.ok);
  const out = path.join(root, "tests", ".tmp", "bench-opening.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        command: `npm run bench:opening -- ${process.argv.slice(2).join(" ")}`.trim(),
        options: { N, C, SCHOOLS, DOUBLE, PRIORITY, READERS, SERVICE_READERS, THINK_MS, FRESH, SCHEDULED, KILL },
        machine: { cores: availableParallelism(), loadAfterBurst: loadAfter },
        database: settings,
        portal: summaries,
        reference: referenceSummary,
        pagesAlone: { portal: portalPages, reference: referencePages, ratio: pageRatio },
        ratios,
        scheduled,
        restart,
        drainedIn,
        mail,
        targets: targetList,
        checks,
        profile: cpu,
      },
      null,
      2,
    ) + "\n",
  );
  if (mail)
    console.log(
      `\nMail: ${mail.duringBurst} confirmations received by the bench's SMTP sink during the burst; ` +
        `${mail.received} of ${mail.expected} by ${mail.lastAfterBurstS.toFixed(1)} s after it` +
        (mail.received < mail.expected ? ` (the bench stopped waiting ${MAIL_WAIT_S} s after the burst)` : "") +
        `; ${mail.perSecond.toFixed(0)} mails/s from the burst's end.`,
    );
  console.log(`\nFigures in ${path.relative(root, out)}.`);
  console.log(summaryLine(portalSummary, referenceSummary, checks, scheduled));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  failed = true;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
