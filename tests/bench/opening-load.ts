import { execFile } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/*
 * The opening minute as the clients make it, against any server that speaks the portal's URLs (the
 * portal, or the reference server): C parents pressing "send" (half on kept-alive connections, half
 * opening a new connection per request; a second device of the same account right behind the
 * first for those who press twice), parents reloading their application page (their draft's page
 * until the press is acknowledged), visitors loading the service page, a wave of fresh connections
 * in the first second, and a probe of /healthz on a kept-alive connection every 10 ms — the outside
 * view of how long the server's event loop stalls.
 */

export const REQUEST_TIMEOUT_MS = 30_000;
export const ACKNOWLEDGED = /^\/cabinet\/applications\/(\d{2}-\d{4}-\d{7}-\d)$/;

export type Answer = {
  status: number;
  location: string | null;
  bytes: number;
  /** The request opened a connection (rather than reusing a kept-alive one). */
  opened: boolean;
  /** From the request to the connection being established, when it opened one. */
  connectMs: number | null;
};

/**
 * One request on node:http; the body is read to the end (its size is counted). A client waits
 * REQUEST_TIMEOUT_MS for the whole of it, connecting included: a SYN dropped by a full accept
 * queue is otherwise retried by the kernel for two minutes.
 */
export function send(
  url: URL,
  options: {
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    agent: Agent | false;
    timeoutMs?: number;
  },
): Promise<Answer> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let connectMs: number | null = null;
    const req = httpRequest(url, { method: options.method ?? "GET", agent: options.agent, headers: options.headers });
    req.on("socket", (socket) => {
      if (socket.connecting) socket.once("connect", () => (connectMs = performance.now() - started));
    });
    req.on("response", (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => {
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location ?? null,
          bytes,
          opened: !req.reusedSocket,
          connectMs,
        });
      });
      res.on("error", reject);
    });
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer in ${timeoutMs / 1000} s${connectMs === null ? " (not connected)" : ""}`)),
      timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(deadline);
      // Whether it had connected: the accept time of a connection that then got no answer counts.
      reject(Object.assign(error, { connectMs }));
    });
    req.end(options.body);
  });
}

const errorName = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? e.message;
};

export type BurstParent = { draftId: string; cookies: string[] };
export type PressJob = { parent: number; device: number };

export type PressOutcome = PressJob & {
  start: number;
  end: number;
  status: number;
  location: string | null;
  number: string | null;
  error: string | null;
  keepAlive: boolean;
  opened: boolean;
};
export type PageSample = {
  kind: "application" | "draft" | "service";
  start: number;
  ms: number;
  status: number;
  error: string | null;
  /** Answered on a connection already open (kept alive): the server's own time, without waiting to be accepted. */
  reused: boolean;
};
export type FreshSample = {
  /** When it was due, from the opening; the bench's own lateness shows as start − due. */
  dueMs: number;
  startMs: number;
  connectMs: number | null;
  answerMs: number | null;
  /** Until the answer, or until it failed. */
  elapsedMs: number;
  status: number;
  error: string | null;
};
export type ProbeSample = { start: number; ms: number; error: string | null };

export type BurstResult = {
  /** performance.now() at the opening instant. */
  openedAt: number;
  /** The burst on the machine's monotonic clock (µs), which V8 stamps its CPU profile samples with. */
  monotonicUs: [number, number];
  /** From the opening to the last answered press (or the end of `waitAlso`). */
  seconds: number;
  presses: PressOutcome[];
  unsent: number;
  pages: PageSample[];
  fresh: FreshSample[];
  probe: ProbeSample[];
  /** The bench process's own event-loop delay while it ran (ms): a large one inflates the figures. */
  benchLoop: { p99: number; max: number };
  /** The server's listening socket as the kernel shows it: connections waiting to be accepted. */
  acceptQueue: AcceptQueue | null;
};

export type AcceptQueue = { backlog: number; max: number; full: number; samples: number };

/**
 * How many connections wait in the kernel for the server to accept them (`ss`: a listening socket's
 * Recv-Q is that count, its Send-Q the backlog). A server whose event loop does not come back to
 * accept leaves them there; once the backlog is full, new SYNs are dropped and clients retry after
 * 1, 3, 7… s. Asked every 100 ms through netlink, which costs the bench little.
 */
export function watchAcceptQueue(port: number, everyMs = 100): () => AcceptQueue | null {
  const seen: AcceptQueue = { backlog: 0, max: 0, full: 0, samples: 0 };
  let stopped = false;
  const look = () => {
    if (stopped) return;
    execFile("ss", ["-Hltn", `sport = :${port}`], (error, stdout) => {
      const [waiting, backlog] = stdout.trim().split(/\s+/).slice(1, 3).map(Number) as [number, number];
      if (!error && Number.isFinite(waiting) && Number.isFinite(backlog)) {
        seen.samples++;
        seen.backlog = backlog;
        seen.max = Math.max(seen.max, waiting);
        if (waiting >= backlog) seen.full++;
      }
      if (!stopped) setTimeout(look, everyMs);
    });
  };
  look();
  return () => {
    stopped = true;
    return seen.samples ? seen : null;
  };
}

/** Waits for a wall-clock instant (Date.now()), precisely: the portal's clock is the same machine's. */
export async function untilInstant(epochMs: number): Promise<void> {
  for (;;) {
    const left = epochMs - Date.now();
    if (left <= 0) return;
    await sleep(left > 50 ? left - 20 : 1);
  }
}

export async function runBurst(options: {
  base: string;
  slug: string;
  parents: BurstParent[];
  jobs: PressJob[];
  concurrency: number;
  /** Parents (indexes) whose pages are reloaded, one client each. */
  readers: number[];
  serviceReaders: number;
  /** Pause of a reader between an answer and its next reload. */
  thinkMs: number;
  fresh: number;
  /** The opening, as a wall-clock instant. */
  opensAt: number;
  /** What the readers know: parent → number acknowledged so far (shared with the caller across phases). */
  known: Map<number, string>;
  /** Set by the caller (the kill): presses stop being sent, the burst ends with those in flight. */
  stop?: { requested: boolean };
  onAcknowledged?: (distinct: number) => void;
  /** Besides the presses, what the burst waits for (the scheduled sends of the portal). */
  waitAlso?: () => Promise<void>;
  maxSeconds: number;
}): Promise<BurstResult> {
  const origin = new URL(options.base).origin;
  const url = (path: string) => new URL(path, options.base);
  const stop = options.stop ?? { requested: false };
  const keepAliveAgent = new Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const readerAgent = new Agent({ keepAlive: true, maxSockets: 200, maxFreeSockets: 200 });
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1 });
  const presses: PressOutcome[] = [];
  const pages: PageSample[] = [];
  const fresh: FreshSample[] = [];
  const probe: ProbeSample[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let burstOver = false;

  const acceptQueue = watchAcceptQueue(Number(new URL(options.base).port));
  await untilInstant(options.opensAt);
  const openedAt = performance.now();
  const monotonicStart = Number(process.hrtime.bigint() / 1000n);
  const deadline = openedAt + options.maxSeconds * 1000;
  loop.enable();

  // ---- the presses
  let next = 0;
  let lastAnswer = openedAt;
  const acknowledged = new Set<number>();
  const presser = async (client: number) => {
    const keepAlive = client % 2 === 0;
    while (!stop.requested && next < options.jobs.length && performance.now() < deadline) {
      const job = options.jobs[next++]!;
      const parent = options.parents[job.parent]!;
      const start = performance.now();
      try {
        const answer = await send(url(`/services/${options.slug}/apply/${parent.draftId}/review`), {
          method: "POST",
          agent: keepAlive ? keepAliveAgent : false,
          // What the review page's form sends, with and without JavaScript: no fields.
          headers: {
            Cookie: parent.cookies[job.device]!,
            Origin: origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": "0",
          },
          body: "",
        });
        const pathname = answer.location ? new URL(answer.location, options.base).pathname : "";
        const number = (answer.status === 302 || answer.status === 303) && ACKNOWLEDGED.exec(pathname)?.[1];
        const end = performance.now();
        lastAnswer = Math.max(lastAnswer, end);
        presses.push({
          ...job,
          start,
          end,
          status: answer.status,
          location: answer.location,
          number: number || null,
          error: null,
          keepAlive,
          opened: answer.opened,
        });
        if (number) {
          options.known.set(job.parent, number);
          acknowledged.add(job.parent);
          options.onAcknowledged?.(acknowledged.size);
        }
      } catch (error) {
        const end = performance.now();
        presses.push({
          ...job,
          start,
          end,
          status: 0,
          location: null,
          number: null,
          error: errorName(error),
          keepAlive,
          opened: !keepAlive,
        });
      }
    }
  };

  // ---- the readers: a parent reloading the application page (the draft's until acknowledged)
  const reader = async (parentIndex: number) => {
    const parent = options.parents[parentIndex]!;
    let seen: string | null = null;
    while (!burstOver) {
      const number = options.known.get(parentIndex) ?? seen;
      const kind = number ? "application" : "draft";
      const path = number
        ? `/cabinet/applications/${number}`
        : `/services/${options.slug}/apply/${parent.draftId}/review`;
      const start = performance.now();
      try {
        const answer = await send(url(path), { agent: readerAgent, headers: { Cookie: parent.cookies[0]! } });
        pages.push({
          kind,
          start,
          ms: performance.now() - start,
          status: answer.status,
          error: null,
          reused: !answer.opened,
        });
        // A draft sent meanwhile (the other device, the portal's scheduled sending) redirects to its application.
        const sent = answer.location && ACKNOWLEDGED.exec(new URL(answer.location, options.base).pathname);
        if (sent) seen = sent[1]!;
      } catch (error) {
        pages.push({ kind, start, ms: performance.now() - start, status: 0, error: errorName(error), reused: false });
        if (stop.requested) return;
      }
      await sleep(options.thinkMs);
    }
  };
  const serviceReader = async () => {
    while (!burstOver) {
      const start = performance.now();
      try {
        const answer = await send(url(`/services/${options.slug}`), { agent: readerAgent });
        pages.push({
          kind: "service",
          start,
          ms: performance.now() - start,
          status: answer.status,
          error: null,
          reused: !answer.opened,
        });
      } catch (error) {
        pages.push({
          kind: "service",
          start,
          ms: performance.now() - start,
          status: 0,
          error: errorName(error),
          reused: false,
        });
        if (stop.requested) return;
      }
      await sleep(options.thinkMs);
    }
  };

  // ---- fresh connections in the first second, each its own, one /healthz each
  const freshOne = async (i: number) => {
    const dueMs = (i * 1000) / options.fresh;
    const wait = openedAt + dueMs - performance.now();
    if (wait > 0) await sleep(wait);
    const startMs = performance.now() - openedAt;
    const t0 = performance.now();
    try {
      const answer = await send(url("/healthz"), { agent: false });
      fresh.push({
        dueMs,
        startMs,
        connectMs: answer.connectMs,
        answerMs: performance.now() - t0,
        elapsedMs: performance.now() - t0,
        status: answer.status,
        error: null,
      });
    } catch (error) {
      fresh.push({
        dueMs,
        startMs,
        connectMs: (error as { connectMs?: number | null }).connectMs ?? null,
        answerMs: null,
        elapsedMs: performance.now() - t0,
        status: 0,
        error: errorName(error),
      });
    }
  };

  // ---- the probe: /healthz every 10 ms on one kept-alive connection
  const prober = async () => {
    while (!burstOver) {
      const start = performance.now();
      try {
        await send(url("/healthz"), { agent: probeAgent });
        probe.push({ start, ms: performance.now() - start, error: null });
      } catch (error) {
        probe.push({ start, ms: performance.now() - start, error: errorName(error) });
        if (stop.requested) return;
      }
      const pause = start + 10 - performance.now();
      if (pause > 0) await sleep(pause);
    }
  };

  const background = [
    ...options.readers.map(reader),
    ...Array.from({ length: options.serviceReaders }, serviceReader),
    ...Array.from({ length: options.fresh }, (_, i) => freshOne(i)),
    prober(),
  ];
  await Promise.all(Array.from({ length: options.concurrency }, (_, k) => presser(k)));
  if (options.waitAlso && !stop.requested) {
    await options.waitAlso();
    lastAnswer = Math.max(lastAnswer, performance.now());
  }
  burstOver = true;
  await Promise.all(background);
  loop.disable();
  const queue = acceptQueue();
  keepAliveAgent.destroy();
  readerAgent.destroy();
  probeAgent.destroy();
  return {
    openedAt,
    monotonicUs: [monotonicStart, Number(process.hrtime.bigint() / 1000n)],
    seconds: (lastAnswer - openedAt) / 1000,
    presses,
    unsent: options.jobs.length - next,
    pages,
    fresh,
    probe,
    benchLoop: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    acceptQueue: queue,
  };
}

/** The size of a page as the server sends it (200 expected: a sign-in redirect would mean a broken session). */
export async function pageSize(base: string, pathname: string, cookie?: string): Promise<number> {
  const answer = await send(new URL(pathname, base), { agent: false, headers: cookie ? { Cookie: cookie } : {} });
  if (answer.status !== 200) throw new Error(`GET ${pathname} answered ${answer.status}, not 200`);
  return answer.bytes;
}

/** Each parent's POST, and right behind it the second device's for those who press twice. */
export function pressJobs(parents: { index: number; cookies: string[] }[], twice: boolean): PressJob[] {
  return parents.flatMap((p) => [
    { parent: p.index, device: 0 },
    ...(twice && p.cookies.length > 1 ? [{ parent: p.index, device: 1 }] : []),
  ]);
}

/**
 * Before the opening, a spread of parents open their review page (a session that did not work would
 * answer 302 → /login and stop the bench) and press too early: the portal should tell them to wait
 * (302 back to the review page), and it warms up on the way.
 */
export async function beforeTheOpening(
  base: string,
  slug: string,
  parents: (BurstParent & { index: number })[],
): Promise<{ waited: number; early: number }> {
  const few = Math.min(50, parents.length);
  const spread = Array.from({ length: few }, (_, k) => parents[Math.floor((k * parents.length) / few)]!);
  for (const p of spread) await pageSize(base, `/services/${slug}/apply/${p.draftId}/review`, p.cookies[0]);
  const early = await Promise.all(
    spread.map((p) =>
      send(new URL(`/services/${slug}/apply/${p.draftId}/review`, base), {
        method: "POST",
        agent: false,
        headers: { Cookie: p.cookies[0]!, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "",
      }),
    ),
  );
  return { waited: early.filter((a) => a.status === 302 && a.location?.endsWith("/review")).length, early: few };
}

/**
 * Seconds until the server answers /healthz on a new connection within 1 s again (it may still be
 * working off requests the clients gave up on), or null after `maxSeconds`.
 */
export async function untilQuiet(base: string, maxSeconds: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < maxSeconds * 1000) {
    const t0 = performance.now();
    const answer = await send(new URL("/healthz", base), { agent: false, timeoutMs: 5000 }).catch(() => null);
    if (answer?.status === 200 && performance.now() - t0 <= 1000) return (performance.now() - started) / 1000;
    await sleep(500);
  }
  return null;
}
