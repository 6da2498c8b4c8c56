import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { answersHealth, somethingListens, stopProcessGroup } from "./bench-kit";

/*
 * The two servers `npm run bench:opening` starts and stops: the portal from build/ (through
 * app/start.ts, which migrates and seeds a fresh database) and the bare reference server.
 * Each leads its own process group, so stopping or killing it (SIGKILL for `--kill`) reaches
 * npx/tsx and node alike, and only them.
 */

export type ServerProcess = {
  name: string;
  base: string;
  child: ChildProcess;
  exited: Promise<void>;
  log: string;
};

const tsx = (root: string) => path.join(root, "node_modules", ".bin", "tsx");

function logTail(file: string, lines = 30): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

async function startServer(options: {
  name: string;
  root: string;
  script: string;
  /** Node's own flags: then node runs the script with tsx as a loader, in one process. */
  nodeFlags?: string[];
  port: number;
  env: NodeJS.ProcessEnv;
  log: string;
  timeoutMs: number;
}): Promise<ServerProcess> {
  const base = `http://127.0.0.1:${options.port}`;
  if (await somethingListens(base)) throw new Error(`Something already listens on ${base}: choose another --port.`);
  const log = openSync(options.log, "a");
  const [command, args] = options.nodeFlags
    ? [process.execPath, [...options.nodeFlags, "--import", "tsx", options.script]]
    : [tsx(options.root), [options.script]];
  const child = spawn(command, args, {
    cwd: options.root,
    env: options.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server = { name: options.name, base, child, exited, log: options.log };
  const deadline = performance.now() + options.timeoutMs;
  while (!(await answersHealth(base))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The ${options.name} exited (${child.exitCode ?? child.signalCode}) before answering /healthz.\n${logTail(options.log)}`,
      );
    }
    if (performance.now() > deadline) {
      await stopServer(server);
      throw new Error(`The ${options.name} did not answer ${base}/healthz within ${options.timeoutMs / 1000} s.`);
    }
    await sleep(200);
  }
  return server;
}

/** start.ts migrates, seeds an empty database and rebuilds a stale build/ before it listens. */
export const PORTAL_START_TIMEOUT_MS = 240_000;

export function startPortal(options: {
  root: string;
  port: number;
  databaseUrl: string;
  log: string;
  /** A folder for V8 CPU profiles of every node process of the portal (`--cpu-prof`). */
  cpuProfileDir?: string;
  /** An SMTP server to mail through, as in production (`--smtp`); else the demo mailbox. */
  smtpUrl?: string;
}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SECURE_COOKIES: "false",
    SEED_DEMO_DATA: "true",
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
  };
  // Mail goes to the portal's demo mailbox (in the bench's database), or with --smtp to the bench's
  // own SMTP sink; never to a real server.
  delete env.SMTP_URL;
  if (options.smtpUrl) env.SMTP_URL = options.smtpUrl;
  delete env.LOG_FILE;
  return startServer({
    name: "portal",
    root: options.root,
    script: "app/start.ts",
    // node refuses --cpu-prof in NODE_OPTIONS: node itself runs start.ts then (tsx as its loader).
    nodeFlags: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : undefined,
    port: options.port,
    env,
    log: options.log,
    timeoutMs: PORTAL_START_TIMEOUT_MS,
  });
}

export function startReferenceServer(options: {
  root: string;
  port: number;
  databaseFile: string;
  servicePageBytes: number;
  applicationPageBytes: number;
  log: string;
}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    REFERENCE_PORT: String(options.port),
    REFERENCE_DATABASE: options.databaseFile,
    REFERENCE_SERVICE_PAGE_BYTES: String(options.servicePageBytes),
    REFERENCE_APPLICATION_PAGE_BYTES: String(options.applicationPageBytes),
  };
  delete env.NODE_OPTIONS;
  return startServer({
    name: "reference server",
    root: options.root,
    script: "tests/bench/reference-server.ts",
    port: options.port,
    env,
    log: options.log,
    timeoutMs: 60_000,
  });
}

export function stopServer(server: ServerProcess | null): Promise<void> {
  return server ? stopProcessGroup(server.child, server.exited) : Promise.resolve();
}

/** kill -9 of the whole process group, as a power cut of the process would; resolves once it is gone. */
export async function killServer(server: ServerProcess): Promise<void> {
  const pid = server.child.pid;
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
  await Promise.race([server.exited, sleep(10_000)]);
}

/** What the portal logged at warn or above (it runs at LOG_LEVEL=warn): message → count, and a few lines. */
export function portalLogSummary(file: string): { counts: Map<string, number>; samples: string[]; rebuilt: boolean } {
  const counts = new Map<string, number>();
  const samples: string[] = [];
  let rebuilt = false;
  if (!existsSync(file)) return { counts, samples, rebuilt };
  // What start.ts prints before it listens (the migration, a rebuild of a stale build) is not the run's.
  let listening = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    if (!listening) {
      rebuilt ||= line.startsWith("Building the portal");
      listening = line.includes('"portal listening"') || line.startsWith("The portal is running");
      if (!line.startsWith("{")) continue;
    }
    let key: string;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } | string };
      if ((entry.level ?? 0) < 40) continue;
      const err = typeof entry.err === "string" ? entry.err : entry.err?.message;
      key = `level ${entry.level} "${entry.msg}"${err ? `: ${err.slice(0, 160)}` : ""}`;
    } catch {
      // Not a log record: start.ts's own lines and anything a crash printed.
      if (/^(The portal is running|Demo mode)/.test(line)) continue;
      key = `stdout/stderr: ${line.slice(0, 200)}`;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (samples.length < 10 && counts.get(key) === 1) samples.push(line.slice(0, 600));
  }
  return { counts, samples, rebuilt };
}

/** The largest V8 CPU profile in a folder: the portal's, not a child process's (the Prisma CLI's migration). */
/**
 * The profile of the process that was busiest during `windowUs`: a server process (each writes its
 * own, as do the primary, the migration and every worker thread), not the largest file.
 */
export function busiestProfile(dir: string, windowUs: [number, number] | null): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f));
  let busiest: { file: string; busyMs: number } | null = null;
  for (const file of files) {
    const { busyMs } = summariseProfile(file, windowUs, 0);
    if (!busiest || busyMs > busiest.busyMs) busiest = { file, busyMs };
  }
  return busiest?.file ?? null;
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};

export type ProfileSummary = {
  /** CPU time sampled in the window (idle excluded). */
  busyMs: number;
  windowMs: number;
  packages: { name: string; ms: number; share: number }[];
  functions: { fn: string; where: string; ms: number; share: number }[];
};

/** Who a frame belongs to: an npm package, the portal's build, node itself, or V8's own states. */
function ownerOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : "(native)";
  if (url.startsWith("wasm://")) return "wasm (Prisma's query compiler)";
  if (url.startsWith("node:")) return "node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return url.includes("query_compiler") ? `${pkg[1]} (query compiler glue)` : pkg[1]!;
  if (url.includes("/build/server/")) return "the portal's build (routes, domain, server)";
  return url
    .replace(/^file:\/\/.*?\/(app|seeds|tests)\//, "$1/")
    .split("/")
    .slice(0, 2)
    .join("/");
}

/**
 * Where a portal's CPU went in a .cpuprofile, over the samples taken within `windowUs` (monotonic
 * microseconds, the clock V8 stamps samples with and process.hrtime reads): self time by package and
 * by function.
 */
export function summariseProfile(file: string, windowUs: [number, number] | null, count = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    startTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  const byPackage = new Map<string, number>();
  let at = profile.startTime;
  let busy = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (windowUs && (at < windowUs[0] || at > windowUs[1])) continue;
    first = Math.min(first, at);
    last = Math.max(last, at);
    const frame = nodes.get(profile.samples[i]!)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    busy += delta;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|build|app)\//, "$1/")}:${frame.lineNumber + 1}`
      : "";
    const key = `${frame.functionName}|${where}`;
    const entry = byFunction.get(key) ?? { fn: frame.functionName || "(anonymous)", where, us: 0 };
    entry.us += delta;
    byFunction.set(key, entry);
    const owner = ownerOf(frame);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + delta);
  }
  const share = (us: number) => us / Math.max(busy, 1);
  return {
    busyMs: busy / 1000,
    windowMs: Math.max(0, last - first) / 1000,
    packages: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, us]) => ({ name, ms: us / 1000, share: share(us) })),
    functions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, count)
      .map((e) => ({ fn: e.fn, where: e.where, ms: e.us / 1000, share: share(e.us) })),
  };
}
