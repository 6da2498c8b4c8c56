import fs from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/*
 * A commit made durable off the event loop (docs/decisions/0040). With synchronous=FULL, SQLite in
 * WAL mode writes a commit's frames and then fsyncs the WAL file inside COMMIT, a synchronous call
 * that keeps the event loop for the whole fsync; with NORMAL it skips only that fsync. A connection
 * run with NORMAL whose every commit is followed by an fdatasync of the WAL file (on libuv's thread
 * pool) before its caller is answered has FULL's durability for everything it acknowledges, and its
 * process goes on serving requests while the disk works. One sync covers every commit made before
 * it started, so commits that come while one runs share the next.
 */

/** Makes the commits made so far on a WAL file durable; resolves once they are on the disk. */
export type WalSync = { durable: () => Promise<void>; close: () => void };

// Through the module object, looked up at each call: the durability test holds the sync back there.
const opened = (file: string) =>
  new Promise<number>((resolve, reject) => fs.open(file, "r", (error, fd) => (error ? reject(error) : resolve(fd))));
const synced = (fd: number) =>
  new Promise<void>((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export function walSync(walFile: string): WalSync {
  // Opened at the first commit: SQLite creates the WAL file with the first transaction, and keeps
  // it (reusing it from its start after a checkpoint) while any connection to the database is open.
  let fd: Promise<number> | null = null;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    // A file that could not be opened is tried again at the next commit, not given up on.
    fd ??= opened(walFile).catch((error: unknown) => {
      fd = null;
      throw error;
    });
    const sync = fd.then(synced).finally(() => {
      if (running === sync) running = null;
    });
    return (running = sync);
  };
  const afterRunning = () => {
    next = null;
    return start();
  };
  return {
    durable() {
      if (!running) return start();
      // The sync under way may have started before this commit: it is the next one that covers it.
      return (next ??= running.then(afterRunning, afterRunning));
    },
    close() {
      void fd?.then(
        (n) => fs.close(n, () => {}),
        () => {},
      );
      fd = null;
    },
  };
}

/*
 * A connection run this way also leaves checkpoints (copying the WAL's pages into the database
 * file, with two fsyncs) out of its commits (wal_autocheckpoint=0): a thread of the process with a
 * connection of its own runs them, passive — never waiting for readers or writers. It keeps close
 * behind the writers, going again at once while frames are left, because SQLite starts the WAL
 * over from its beginning only when a writer finds every frame copied; a checkpoint now and then
 * never catches up with a burst of commits, and the WAL (which every read searches) grows to
 * hundreds of megabytes.
 */
const CHECKPOINT_EVERY_MS = 20;
const CHECKPOINT_PASSES = 10;

const CHECKPOINTER = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("synchronous = NORMAL");
setInterval(() => {
  let copied = -1;
  for (let pass = 0; pass < workerData.passes; pass++) {
    let result;
    try { result = db.pragma("wal_checkpoint(PASSIVE)")[0]; } catch { return; }
    // Done, or held back by a reader of an older snapshot: the next tick tries again.
    if (result.log <= result.checkpointed || result.checkpointed === copied) return;
    copied = result.checkpointed;
  }
}, workerData.every);
`;

/** Starts the checkpoints' thread; `stopped` is called if it ends by itself (it should not). */
export function startCheckpointer(databaseFile: string, stopped: () => void): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { driver, file: databaseFile, every: CHECKPOINT_EVERY_MS, passes: CHECKPOINT_PASSES },
  });
  worker.unref();
  let stopping = false;
  worker.on("error", () => {});
  worker.on("exit", () => {
    if (!stopping) stopped();
  });
  return () => {
    stopping = true;
    return worker.terminate().then(() => undefined);
  };
}
