import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

/*
 * Runs the demo acquirer (server.ts) as a child process, for `npm start` when ACQUIRER_URL is not set and
 * for the tests: a process of its own, as a real acquirer is. Resolves once its /healthz answers with the
 * child's own pid (so another program already on the port is never mistaken for it), and stops it on
 * stop() or when this process exits; if this process dies without exiting, the child sees its standard
 * input close and stops too.
 */
export type AcquirerOptions = {
  port: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  apiKey?: string;
  notificationSecret?: string;
  /** The acquirer's address as payers reach it (its confirmationUrl); default http://localhost:<port>. */
  publicUrl?: string;
  /** Append the acquirer's output to this file; without it only its errors are shown (on stderr). */
  logFile?: string;
};

export type RunningAcquirer = { url: string; stop(): Promise<void> };

const SERVER = fileURLToPath(new URL("./server.ts", import.meta.url));
const ROOT = path.resolve(path.dirname(SERVER), "../..");
const START_TIMEOUT_MS = 30_000;

export async function startAcquirer(options: AcquirerOptions): Promise<RunningAcquirer> {
  const host = options.host ?? "127.0.0.1";
  const url = `http://${reachable(host)}:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ACQUIRER_PORT: String(options.port),
    ACQUIRER_HOST: host,
    ACQUIRER_STOP_WITH_PARENT: "on",
  };
  if (options.apiKey) env.ACQUIRER_API_KEY = options.apiKey;
  if (options.notificationSecret) env.ACQUIRER_NOTIFICATION_SECRET = options.notificationSecret;
  if (options.publicUrl) env.ACQUIRER_PUBLIC_URL = options.publicUrl;

  const log = options.logFile ? openSync(options.logFile, "a") : undefined;
  // `node --import tsx` rather than the tsx binary: one process, so its pid is the server's.
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    cwd: ROOT,
    env,
    stdio: ["pipe", log ?? "ignore", log ?? "pipe"],
  });
  if (log !== undefined) closeSync(log);
  // Kept for the error while it starts, shown as they come once it runs.
  let errors = "";
  let started = false;
  child.stderr?.on("data", (chunk: Buffer) => {
    if (started) process.stderr.write(chunk);
    else errors += chunk.toString();
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stopOnExit = () => child.kill("SIGTERM");
  process.once("exit", stopOnExit);
  // The child must not keep this process alive by itself; its stdin pipe is what tells it this one is gone.
  child.unref();
  for (const stream of [child.stdin, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();

  async function stop(): Promise<void> {
    process.removeListener("exit", stopOnExit);
    if (exited) return;
    child.kill("SIGTERM");
    const killed = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed) {
      child.kill("SIGKILL");
      await exit;
    }
  }

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) {
      process.removeListener("exit", stopOnExit);
      throw new Error(`the demo acquirer stopped while starting (exit code ${child.exitCode}): ${errors.trim()}`);
    }
    if (await answersHealth(url, child.pid)) {
      started = true;
      return { url, stop };
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `the demo acquirer did not answer ${url}/healthz within ${START_TIMEOUT_MS / 1000} s: ${errors.trim()}`,
  );
}

async function answersHealth(url: string, pid: number | undefined): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    const body = (await response.json()) as { pid?: unknown };
    return response.ok && body.pid === pid;
  } catch {
    return false;
  }
}

/** An address this machine can call the acquirer on when it listens on every interface. */
function reachable(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
