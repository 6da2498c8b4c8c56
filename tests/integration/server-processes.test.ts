import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortSync } from "../support/free-port";

/*
 * `npm start` with several server processes (app/start.ts, docs/decisions/0034): the primary
 * prepares the database once and forks the servers; they all answer on the one port; one that dies
 * is replaced while the others keep answering; stopping the primary stops them all. Needs the
 * production build (`npm run build`), as the browser tests do; start.ts rebuilds a stale one.
 */
const port = freePortSync();
const base = `http://127.0.0.1:${port}`;
let dir: string;
let portal: ChildProcess;
let output = "";

/** The server processes the primary runs now. */
function servers(): number[] {
  try {
    // Only the forked servers: the primary also runs helpers of its own (tsx's esbuild service).
    return execFileSync("pgrep", ["-P", String(portal.pid), "-f", "app/start.ts"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}; the portal printed:\n${output}`);
}

const healthy = async () => {
  try {
    return (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "portal-processes-"));
  // tsx runs start.ts directly, so the primary's pid is the child's and its servers are its children.
  portal = spawn(process.execPath, ["--import", "tsx", "app/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
      SEED_DEMO_DATA: "false",
      WEB_CONCURRENCY: "2",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  portal.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  portal.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until("the portal to listen", () => output.includes("(2 server processes)"), 240_000);
}, 250_000);

afterAll(() => {
  if (portal.exitCode === null) {
    const running = servers();
    portal.kill("SIGKILL");
    for (const pid of running) process.kill(pid, "SIGKILL");
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("several server processes behind one port", () => {
  it("answer together, and one that dies is replaced while the other answers", async () => {
    const [first, second] = servers();
    expect(servers()).toHaveLength(2);
    expect(await healthy()).toBe(true);

    process.kill(first!, "SIGKILL");
    // The other process answers while the replacement starts (a connection handed to the dying one
    // at that very moment is lost, hence the retries).
    await until("the other process to answer", healthy, 20_000);
    await until("a replacement server", () => servers().length === 2 && !servers().includes(first!));
    expect(servers()).toContain(second);
    expect(output).toContain("A server process stopped (SIGKILL); starting another");
    await until("the portal to answer", healthy);
  }, 150_000);

  it("all stop with the primary", async () => {
    const running = servers();
    const exited = new Promise((resolve) => portal.once("exit", resolve));
    portal.kill("SIGTERM");
    await exited;
    await until("the servers to stop", () =>
      running.every((pid) => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      }),
    );
    expect(await healthy()).toBe(false);
  }, 30_000);
});
