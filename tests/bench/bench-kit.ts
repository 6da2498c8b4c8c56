import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/*
 * What every benchmark script needs besides its measurements: numeric options from `--name=value`
 * or environment variables (checked, with a clear message), and starting and stopping the portal:
 * whether its port is free, whether it answers, stopping it.
 */
const argv = new Map(
  process.argv
    .slice(2)
    .map((arg) => /^--([a-z-]+)=(.*)$/.exec(arg))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!] as const),
);

/** A text option: `--name=…`, else the first of the environment variables that is set. */
export function textOption(name: string, envNames: string | string[]): string | undefined {
  const names = Array.isArray(envNames) ? envNames : [envNames];
  return argv.get(name) ?? names.map((e) => process.env[e]).find((v) => v !== undefined && v !== "");
}

/** A switch: `--name` alone or `--name=1|true`, else the environment variable set to 1 or true. */
export function flagOption(name: string, envName: string): boolean {
  if (process.argv.slice(2).includes(`--${name}`)) return true;
  const raw = textOption(name, envName);
  return raw === "1" || raw === "true";
}

/** A number option within [min, max]; anything else stops the script with a message. */
export function numberOption(name: string, envNames: string | string[], fallback: number, min: number, max: number) {
  const raw = textOption(name, envNames);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    const names = Array.isArray(envNames) ? envNames.join(" | ") : envNames;
    console.error(`--${name} (${names}) must be a number from ${min} to ${max}, not ${raw}`);
    process.exit(1);
  }
  return value;
}

/** Whether the portal at `base` answers its health check within `timeoutMs`. */
export async function answersHealth(base: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether anything answers on this address (a portal left over, another engineer's server). */
export async function somethingListens(base: string): Promise<boolean> {
  try {
    const response = await fetch(base, { signal: AbortSignal.timeout(1000), redirect: "manual" });
    await response.arrayBuffer();
    return true;
  } catch (error) {
    return (error as Error).name === "TimeoutError";
  }
}

/**
 * Stops a portal started with `detached: true`: it leads its own process group (npx → tsx → node),
 * so the group is signalled — only ours — first politely, then for good.
 */
export async function stopProcessGroup(child: ChildProcess | null, exited: Promise<unknown>): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  signal("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  for (let waited = 0; alive() && waited < 10_000; waited += 100) await sleep(100);
  if (alive()) signal("SIGKILL");
}
