import cluster, { type Worker } from "node:cluster";

/*
 * With several server processes (app/start.ts, docs/decisions/0034) a change made through
 * one must sometimes reach the others: a write drops every process's kept pages, and a draft
 * scheduled through any process must wake the one process that runs the background jobs, or the
 * draft would wait for that process's next look instead of being sent at its instant. A signal is
 * a name: it is heard in the process that sends it and, through the primary, in every other.
 */
const PREFIX = "portal:";
const listeners = new Map<string, Set<() => void>>();
let listening = false;

function hear(name: string) {
  for (const listener of listeners.get(name) ?? []) listener();
}

/** Calls `listener` whenever `name` is signalled, here or in another server process; returns the unsubscribe. */
export function onSignal(name: string, listener: () => void): () => void {
  if (!listening && cluster.isWorker) {
    listening = true;
    process.on("message", (message: unknown) => {
      if (typeof message === "string" && message.startsWith(PREFIX)) hear(message.slice(PREFIX.length));
    });
  }
  const set = listeners.get(name) ?? new Set();
  set.add(listener);
  listeners.set(name, set);
  return () => set.delete(listener);
}

/** Signals `name` to this process's listeners and to every other server process's. */
export function signal(name: string): void {
  hear(name);
  if (cluster.isWorker) process.send?.(PREFIX + name);
}

/** In the primary: passes each signal a worker sends on to every other worker. */
export function relaySignals(worker: Worker): void {
  worker.on("message", (message: unknown) => {
    if (typeof message !== "string" || !message.startsWith(PREFIX)) return;
    for (const other of Object.values(cluster.workers ?? {}))
      if (other && other !== worker && other.isConnected()) other.send(message);
  });
}
