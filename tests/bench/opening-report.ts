import { percentile } from "./load";
import type { CheckResult } from "./opening-checks";
import type { ProfileSummary } from "./opening-servers";
import type { BurstResult, PageSample, PressOutcome } from "./opening-load";

/*
 * The figures of `npm run bench:opening`: one summary per run (portal, reference server, the portal
 * after a restart), the ratios between them and the issue's targets beside them. Figures never fail
 * the bench; only the database checks do.
 */

export type Latency = { count: number; p50: number; p95: number; p99: number; max: number };

export function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** What an answer to a press was, in words: "302 acknowledged", "302 → review", "409", "ECONNRESET"… */
export function describePress(o: PressOutcome): string {
  if (o.error) return `network ${o.error}`;
  if (o.number) return `${o.status} acknowledged (→ /cabinet/applications/<number>)`;
  if (o.location) {
    const where = new URL(o.location, "http://x");
    const path = where.pathname
      .replace(/\/apply\/[^/]+\//, "/apply/<draft>/")
      .replace(/\/services\/[^/]+\//, "/services/<slug>/");
    return `${o.status} → ${path}${where.search.replace(/redirectTo=[^&]*/, "redirectTo=…")}`;
  }
  return `${o.status} (no redirect)`;
}

export type RunSummary = ReturnType<typeof summarise>;

export function summarise(burst: BurstResult) {
  const presses = burst.presses;
  const answered = presses.filter((o) => !o.error);
  const acknowledged = new Set(presses.filter((o) => o.number).map((o) => o.parent));
  const errors = new Map<string, number>();
  for (const o of presses) errors.set(describePress(o), (errors.get(describePress(o)) ?? 0) + 1);
  const pageKinds = (kind: PageSample["kind"]) => {
    const samples = burst.pages.filter((p) => p.kind === kind);
    const statuses = new Map<string, number>();
    for (const p of samples) {
      const key = p.error ?? String(p.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    // Failed loads count with the time until they failed: a parent waited that long for nothing.
    return {
      ...latency(samples.map((p) => p.ms)),
      onOpenConnection: latency(samples.filter((p) => !p.error && p.reused).map((p) => p.ms)),
      perSecond: samples.filter((p) => !p.error && p.status < 500).length / Math.max(burst.seconds, 0.001),
      answers: Object.fromEntries(statuses),
    };
  };
  const fresh = burst.fresh;
  const answeredFresh = fresh.filter((f) => f.answerMs !== null && f.status === 200);
  return {
    seconds: burst.seconds,
    posts: presses.length,
    unsent: burst.unsent,
    acknowledged: acknowledged.size,
    applicationsPerSecond: acknowledged.size / Math.max(burst.seconds, 0.001),
    postsPerSecond: answered.length / Math.max(burst.seconds, 0.001),
    // Every press, answered or not: a press that timed out waited at least that long.
    submit: latency(presses.map((o) => o.end - o.start)),
    submitKeptAlive: latency(presses.filter((o) => o.keepAlive).map((o) => o.end - o.start)),
    submitNewConnection: latency(presses.filter((o) => !o.keepAlive).map((o) => o.end - o.start)),
    answers: Object.fromEntries([...errors].sort((a, b) => b[1] - a[1])),
    fresh: {
      count: fresh.length,
      accept: latency(fresh.flatMap((f) => (f.connectMs === null ? [] : [f.connectMs]))),
      // Unanswered ones count with the time until they failed (30 s at most).
      answer: latency(fresh.map((f) => f.elapsedMs)),
      notConnected: fresh.filter((f) => f.connectMs === null).length,
      answeredWithin1s: answeredFresh.filter((f) => f.answerMs! <= 1000).length,
      failed: fresh.length - answeredFresh.length,
      answers: Object.fromEntries([
        ...fresh.reduce(
          (m, f) => m.set(f.error ?? String(f.status), (m.get(f.error ?? String(f.status)) ?? 0) + 1),
          new Map<string, number>(),
        ),
      ]),
      lastStartMs: Math.max(0, ...fresh.map((f) => f.startMs)),
      benchLateMs: Math.max(0, ...fresh.map((f) => f.startMs - f.dueMs)),
    },
    applicationPage: pageKinds("application"),
    draftPage: pageKinds("draft"),
    servicePage: pageKinds("service"),
    probe: {
      ...latency(burst.probe.filter((p) => !p.error).map((p) => p.ms)),
      over50ms: burst.probe.filter((p) => p.ms > 50).length,
      failed: burst.probe.filter((p) => p.error).length,
    },
    benchLoop: burst.benchLoop,
    acceptQueue: burst.acceptQueue,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : "–");
const lat = (l: Latency) =>
  l.count ? `p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  (${l.count})` : "–";
const row = (label: string, value: string) => console.log(`  ${label.padEnd(32)} ${value}`);

export function printRun(title: string, s: RunSummary): void {
  console.log(`\n${title}`);
  row(
    "applications acknowledged",
    `${s.acknowledged} in ${s.seconds.toFixed(2)} s → ${s.applicationsPerSecond.toFixed(1)} applications/s ` +
      `(${s.posts} POSTs, ${s.postsPerSecond.toFixed(1)} answered/s${s.unsent ? `, ${s.unsent} not sent` : ""})`,
  );
  row("submit POST latency (all presses)", lat(s.submit));
  row("  on kept-alive connections", lat(s.submitKeptAlive));
  row("  on a new connection each", lat(s.submitNewConnection));
  row("answers to presses", "");
  for (const [kind, count] of Object.entries(s.answers)) console.log(`    ${String(count).padStart(7)}  ${kind}`);
  row(
    "fresh connections (1st second)",
    `${s.fresh.count} opened; accept ${lat(s.fresh.accept)}; answered within 1 s ${s.fresh.answeredWithin1s}/${s.fresh.count}` +
      (s.fresh.failed
        ? `, ${s.fresh.failed} not (${Object.entries(s.fresh.answers)
            .filter(([k]) => k !== "200")
            .map(([k, v]) => `${v}× ${k}`)
            .join(", ")})`
        : ""),
  );
  row("  answer time (failures included)", lat(s.fresh.answer));
  if (s.fresh.notConnected)
    row("  never connected", `${s.fresh.notConnected} (no TCP handshake within the 30 s a client waits)`);
  for (const [label, page] of [
    ["application page", s.applicationPage],
    ["draft review page", s.draftPage],
    ["service page", s.servicePage],
  ] as const) {
    row(`${label}, burst (all loads)`, `${lat(page)}  ${page.perSecond.toFixed(1)}/s answered`);
    if (page.onOpenConnection.count) row("  on a connection already open", lat(page.onOpenConnection));
  }
  const pageErrors = (
    [
      ["application", s.applicationPage],
      ["draft", s.draftPage],
      ["service", s.servicePage],
    ] as const
  ).flatMap(([kind, p]) =>
    Object.entries(p.answers)
      .filter(([k]) => k !== "200" && k !== "302")
      .map(([k, v]) => `${kind} ${v}× ${k}`),
  );
  if (pageErrors.length) row("  page answers other than 200/302", pageErrors.join(", "));
  row(
    "responsiveness (/healthz /10 ms)",
    `${lat(s.probe)}; ${s.probe.over50ms} over 50 ms${s.probe.failed ? `, ${s.probe.failed} failed` : ""} — an outside view of the event loop`,
  );
  if (s.acceptQueue)
    row(
      "accept queue (kernel, /100 ms)",
      `max ${s.acceptQueue.max} waiting of a backlog of ${s.acceptQueue.backlog}; full in ${s.acceptQueue.full} of ${s.acceptQueue.samples} samples`,
    );
  row(
    "bench's own event loop",
    `p99 ${ms(s.benchLoop.p99)}, max ${ms(s.benchLoop.max)}; fresh connections started up to ${ms(s.fresh.benchLateMs)} late`,
  );
}

export type Target = { target: string; figure: string; met: boolean | null };

export function targets(input: {
  portal: RunSummary;
  reference: RunSummary;
  kill: { lost: number; ran: boolean };
  duplicatesOk: boolean;
  orderOk: boolean;
  positionsOk: boolean;
  scheduled: { perSecond: number; count: number } | null;
}): Target[] {
  const { portal, reference } = input;
  const ratio = portal.applicationsPerSecond / reference.applicationsPerSecond;
  const list: Target[] = [
    {
      target: "applications/s ≥ 1.0× the bare FULL one-insert server",
      figure: `${portal.applicationsPerSecond.toFixed(1)} / ${reference.applicationsPerSecond.toFixed(1)} = ${ratio.toFixed(2)}×`,
      met: portal.acknowledged > 0 ? ratio >= 1 : null,
    },
    {
      target: "submit p95 ≤ 250 ms at C clients",
      figure: ms(portal.submit.p95),
      met: portal.submit.count ? portal.submit.p95 <= 250 : null,
    },
    {
      target: "0 lost after kill -9 mid-burst",
      figure: input.kill.ran ? `${input.kill.lost} lost` : "not run (--kill)",
      met: input.kill.ran ? input.kill.lost === 0 : null,
    },
    { target: "0 duplicates", figure: input.duplicatesOk ? "0" : "some (see checks)", met: input.duplicatesOk },
    { target: "receipt order strict", figure: input.orderOk ? "strict" : "violated (see checks)", met: input.orderOk },
    {
      target: "queue positions right",
      figure: input.positionsOk ? "right" : "wrong (see checks)",
      met: input.positionsOk,
    },
  ];
  if (input.scheduled) {
    const r = input.scheduled.perSecond / reference.applicationsPerSecond;
    list.push({
      target: "scheduled sends at the reference's rate",
      figure: `${input.scheduled.perSecond.toFixed(1)}/s for ${input.scheduled.count} = ${r.toFixed(2)}×`,
      met: input.scheduled.count > 0 ? r >= 1 : null,
    });
  }
  list.push(
    {
      target: "1,000 fresh connections answered within 1 s",
      figure: `${portal.fresh.answeredWithin1s}/${portal.fresh.count}, accept max ${ms(portal.fresh.accept.max)}`,
      met: portal.fresh.count ? portal.fresh.answeredWithin1s === portal.fresh.count : null,
    },
    {
      target: "application page p95 ≤ 200 ms during the burst",
      figure: ms(portal.applicationPage.p95),
      met: portal.applicationPage.count ? portal.applicationPage.p95 <= 200 : null,
    },
    {
      target: "service page p95 ≤ 200 ms during the burst",
      figure: ms(portal.servicePage.p95),
      met: portal.servicePage.count ? portal.servicePage.p95 <= 200 : null,
    },
    {
      target: "event loop never blocked > 50 ms (outside view)",
      figure: `/healthz max ${ms(portal.probe.max)}, ${portal.probe.over50ms} probes over 50 ms`,
      met: portal.probe.count ? portal.probe.max <= 50 : null,
    },
  );
  return list;
}

export type Ratios = {
  applicationsPerSecond: number;
  submitP95: number;
  servicePagesPerSecond: number;
  servicePageP95: number;
  applicationPagesPerSecond: number;
  freshAnswerP95: number;
};

export function printComparison(portal: RunSummary, reference: RunSummary, list: Target[]): Ratios {
  const ratios: Ratios = {
    applicationsPerSecond: portal.applicationsPerSecond / reference.applicationsPerSecond,
    submitP95: portal.submit.p95 / reference.submit.p95,
    servicePagesPerSecond: portal.servicePage.perSecond / reference.servicePage.perSecond,
    servicePageP95: portal.servicePage.p95 / reference.servicePage.p95,
    applicationPagesPerSecond: portal.applicationPage.perSecond / reference.applicationPage.perSecond,
    freshAnswerP95: portal.fresh.answer.p95 / reference.fresh.answer.p95,
  };
  console.log("\nPortal / reference");
  const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "–");
  row(
    "applications/s",
    `${portal.applicationsPerSecond.toFixed(1)} / ${reference.applicationsPerSecond.toFixed(1)} = ${x(ratios.applicationsPerSecond)}`,
  );
  row("submit p95", `${ms(portal.submit.p95)} / ${ms(reference.submit.p95)} = ${x(ratios.submitP95)}`);
  row(
    "service pages/s (think time kept)",
    `${portal.servicePage.perSecond.toFixed(1)} / ${reference.servicePage.perSecond.toFixed(1)} = ${x(ratios.servicePagesPerSecond)}`,
  );
  row(
    "service page p95",
    `${ms(portal.servicePage.p95)} / ${ms(reference.servicePage.p95)} = ${x(ratios.servicePageP95)}`,
  );
  row(
    "application pages/s",
    `${portal.applicationPage.perSecond.toFixed(1)} / ${reference.applicationPage.perSecond.toFixed(1)} = ${x(ratios.applicationPagesPerSecond)}`,
  );
  row(
    "fresh connection answer p95",
    `${ms(portal.fresh.answer.p95)} / ${ms(reference.fresh.answer.p95)} = ${x(ratios.freshAnswerP95)}`,
  );
  console.log("\nTargets (for the optimisation work; figures never fail the bench)");
  for (const t of list) {
    const mark = t.met === null ? "n/a    " : t.met ? "met    " : "NOT MET";
    console.log(`  ${mark} ${t.target.padEnd(52)} ${t.figure}`);
  }
  return ratios;
}

export function printChecks(
  checks: CheckResult[],
  counts: { acknowledged: number; stored: number; storedNotAcknowledged: number; neverAcknowledged: number },
): void {
  console.log("\nDatabase checks (the portal's file, read-only)");
  for (const c of checks) {
    console.log(`  ${c.ok ? "ok    " : "FAILED"} ${c.name.padEnd(22)} ${c.detail}`);
    for (const example of c.examples) console.log(`           ${example}`);
  }
  console.log(
    `  acknowledged ${counts.acknowledged} parents, ${counts.stored} applications stored, ` +
      `${counts.storedNotAcknowledged} stored without the parent being told, ${counts.neverAcknowledged} pressing parents never acknowledged`,
  );
}

type LogSummary = { counts: Map<string, number>; samples: string[]; rebuilt: boolean };

export function printLogs(logs: [name: string, summary: LogSummary | null][]): void {
  for (const [name, summary] of logs) {
    if (!summary) continue;
    const lines = [...summary.counts].map(([k, v]) => `${v}× ${k}`);
    const rebuilt = summary.rebuilt ? " (start.ts rebuilt the build, older than the sources, before it listened)" : "";
    console.log(`  ${name}${rebuilt}: ${lines.length ? "" : "nothing at warn or above"}`);
    for (const line of lines.slice(0, 15)) console.log(`    ${line}`);
    for (const line of summary.samples.slice(0, 3)) console.log(`    e.g. ${line.slice(0, 300)}`);
  }
}

export function printProfile(name: string, profile: ProfileSummary): void {
  console.log(
    `\nPortal CPU profile (${name}) during the burst: ${(profile.busyMs / 1000).toFixed(1)} s busy of ${(profile.windowMs / 1000).toFixed(1)} s sampled; self time by owner`,
  );
  for (const p of profile.packages)
    console.log(`  ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.ms.toFixed(0).padStart(7)} ms  ${p.name}`);
  console.log("  top functions by self time");
  for (const t of profile.functions)
    console.log(`  ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.ms.toFixed(0).padStart(7)} ms  ${t.fn}  ${t.where}`);
}

export function summaryLine(
  portal: RunSummary,
  reference: RunSummary,
  checks: CheckResult[],
  scheduled: { perSecond: number; sent: number } | null,
): string {
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  const rate = (perSecond: number, what: string) =>
    `${perSecond.toFixed(1)} ${what} (reference ${reference.applicationsPerSecond.toFixed(1)} applications/s, ` +
    `${(perSecond / reference.applicationsPerSecond).toFixed(2)}×)`;
  return (
    "SUMMARY opening: " +
    (portal.posts
      ? `${rate(portal.applicationsPerSecond, "applications/s")}, submit p95 ${portal.submit.p95.toFixed(0)} ms, `
      : "") +
    (scheduled ? `${rate(scheduled.perSecond, `scheduled sends/s of ${scheduled.sent}`)}, ` : "") +
    `fresh answered within 1 s ${portal.fresh.answeredWithin1s}/${portal.fresh.count}, ` +
    `application page p95 ${portal.applicationPage.p95.toFixed(0)} ms, service page p95 ${portal.servicePage.p95.toFixed(0)} ms, ` +
    `/healthz max ${portal.probe.max.toFixed(0)} ms — ` +
    (failed.length ? `FAILED: ${failed.join(", ")}` : "checks OK")
  );
}
