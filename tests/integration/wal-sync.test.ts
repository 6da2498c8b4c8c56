import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { commitTogether, insertRow } from "~/db/group-commit.server";
import { databaseFile, sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { walSync } from "~/db/wal-sync.server";
import { createTestDatabase } from "./test-database";

/*
 * Decision 0040: the server's connection runs synchronous=NORMAL and syncs the WAL file itself,
 * off the event loop, after each commit; no write is answered before that sync is done. The syncs
 * are held back here (fs.fdatasync, where wal-sync.server.ts calls it) to see what waits for them.
 */
let db: PrismaClient;
let url: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, dispose } = await createTestDatabase());
  await db.counter.create({ data: { name: "warm-up", value: 0 } });
});
afterAll(() => dispose());
type Held = { fd: number; release: (error?: NodeJS.ErrnoException) => void };
let holding: Held[] = [];
afterEach(() => {
  // A test that failed midway must not leave a sync held for the next one.
  for (const sync of holding.splice(0)) sync.release();
  vi.restoreAllMocks();
});

/** Holds every fdatasync until released; what was held, in order. */
function holdSyncs(): Held[] {
  const held: Held[] = (holding = []);
  const real = fs.fdatasync.bind(fs);
  vi.spyOn(fs, "fdatasync").mockImplementation(
    (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      held.push({
        fd,
        release: (error) => (error ? callback(error) : real(fd, callback)),
      });
    },
  );
  return held;
}

/** Whether a promise has settled, after letting the event loop turn a few times. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** Prisma runs a query only once it is awaited: this starts it now. */
const started = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** Counters of `value` that another connection reads: committed, whether acknowledged or not. */
function committedCount(value: number): number {
  const other = new Database(databaseFile(url), { readonly: true });
  try {
    return other.prepare("SELECT count(*) FROM Counter WHERE value = ?").pluck().get(value) as number;
  } finally {
    other.close();
  }
}

describe("a commit is answered only once the WAL file is on the disk", () => {
  it("a group commit, a Prisma write on its own and a Prisma transaction each wait for the sync of the WAL file", async () => {
    const held = holdSyncs();
    const connection = await sqliteConnectionOf(db);
    const writes = [
      () => commitTogether(connection, () => insertRow(connection, "Counter", { name: "grouped", value: 1 })),
      () => started(db.counter.create({ data: { name: "alone", value: 1 } })),
      () => started(db.$transaction(async (tx) => tx.counter.create({ data: { name: "in-transaction", value: 1 } }))),
    ];
    for (const start of writes) {
      const write = start();
      await until(() => held.length > 0);
      expect(await settled(write)).toBe(false);
      // Committed and readable already, acknowledged not yet.
      expect(held).toHaveLength(1);
      expect(fs.readlinkSync(`/proc/self/fd/${held[0]!.fd}`)).toBe(`${databaseFile(url)}-wal`);
      held.shift()!.release();
      await write;
    }
    const other = new Database(databaseFile(url), { readonly: true });
    try {
      const names = other.prepare("SELECT name FROM Counter WHERE value = 1 ORDER BY name").pluck().all();
      expect(names).toEqual(["alone", "grouped", "in-transaction"]);
    } finally {
      other.close();
    }
  });

  it("commits made while a sync runs share the next one, which starts only after it", async () => {
    const held = holdSyncs();
    const first = started(db.counter.create({ data: { name: "first", value: 2 } }));
    await until(() => held.length === 1);
    const later = [2, 3, 4].map((i) => started(db.counter.create({ data: { name: `later-${i}`, value: 2 } })));
    await until(() => committedCount(2) === 4);
    for (const write of later) expect(await settled(write)).toBe(false);
    // The three later commits happened after the running sync began: it does not cover them.
    expect(held).toHaveLength(1);
    held.shift()!.release();
    await first;
    await until(() => held.length === 1);
    expect(held).toHaveLength(1);
    for (const write of later) expect(await settled(write)).toBe(false);
    held.shift()!.release();
    await Promise.all(later);
    expect(held).toHaveLength(0);
  });

  it("a sync that fails is the writer's error, and the next write syncs again", async () => {
    const held = holdSyncs();
    const failing = started(db.counter.create({ data: { name: "not-acknowledged", value: 3 } })).then(
      () => "acknowledged",
      (error: Error) => error.message,
    );
    await until(() => held.length === 1);
    held.shift()!.release(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    expect(await failing).toMatch(/EIO/);
    const next = started(db.counter.create({ data: { name: "next", value: 3 } }));
    await until(() => held.length === 1);
    held.shift()!.release();
    await expect(next).resolves.toMatchObject({ name: "next" });
  });
});

describe("the WAL file's sync on its own", () => {
  it("opens the file again at the next commit when it could not be opened", async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), "wal-sync-"));
    const file = path.join(dir, "portal.db-wal");
    const sync = walSync(file);
    try {
      await expect(sync.durable()).rejects.toMatchObject({ code: "ENOENT" });
      fs.writeFileSync(file, "");
      await expect(sync.durable()).resolves.toBeUndefined();
    } finally {
      sync.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("checkpoints off the commits", () => {
  it("a thread of its own copies the WAL's pages into the database file while no commit does", async () => {
    const file = databaseFile(url);
    const before = fs.statSync(file).size;
    const connection = await sqliteConnectionOf(db);
    const filler = "x".repeat(2_000);
    // About 2 MB of new pages: with wal_autocheckpoint=0 no commit copies them.
    for (let batch = 0; batch < 10; batch++) {
      await commitTogether(connection, () => {
        for (let i = 0; i < 100; i++) insertRow(connection, "Counter", { name: `${batch}-${i}-${filler}`, value: 4 });
      });
    }
    await until(() => fs.statSync(file).size > before + 1_000_000);
    expect(fs.statSync(file).size).toBeGreaterThan(before + 1_000_000);
  });
});
