import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { commitTogether, insertRow } from "~/db/group-commit.server";
import { createSqliteAdapter, databaseFile, sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { createTestDatabase } from "./test-database";

/*
 * The portal's SQLite adapter: one connection per process, so a query from another request must
 * not run inside someone's open transaction (see guardTransactions in sqlite-adapter.server.ts).
 */
let db: PrismaClient;
let url: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, dispose } = await createTestDatabase());
});
afterAll(() => dispose());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("transactions on the shared connection", () => {
  it("keep other requests' writes out of a transaction that rolls back", async () => {
    let seenInside: number | undefined;
    const failing = db
      .$transaction(async (tx) => {
        await tx.counter.create({ data: { name: "inside", value: 1 } });
        await pause(50);
        throw new Error("rolled back on purpose");
      })
      .catch((error: Error) => error.message);
    await pause(10);
    // Another request meanwhile: it must neither see the uncommitted row nor be rolled back with it.
    const outside = (async () => {
      seenInside = await db.counter.count({ where: { name: "inside" } });
      await db.counter.create({ data: { name: "outside", value: 1 } });
    })();
    expect(await failing).toBe("rolled back on purpose");
    await outside;
    expect(seenInside).toBe(0);
    expect(await db.counter.findMany({ orderBy: { name: "asc" } })).toEqual([{ name: "outside", value: 1 }]);
  });

  it("let queries through again after a commit", async () => {
    await db.$transaction(async (tx) => {
      await tx.counter.upsert({ where: { name: "after" }, create: { name: "after", value: 1 }, update: {} });
    });
    expect(await db.counter.findUnique({ where: { name: "after" } })).toEqual({ name: "after", value: 1 });
  });

  it("run as the server does: the commit's fsync after COMMIT, checkpoints out of the commits (decision 0040)", async () => {
    const [mode] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    expect(Number(mode!.synchronous)).toBe(1);
    const [pages] = await db.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
    expect(Number(pages!.wal_autocheckpoint)).toBe(0);
  });

  it("run a connection that does not ask otherwise with full durability inside COMMIT", async () => {
    const other = new PrismaClient({ adapter: createSqliteAdapter(url) });
    try {
      const [mode] = await other.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
      expect(Number(mode!.synchronous)).toBe(2);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("group commit on the same connection (docs/decisions/0033)", () => {
  const counter = (name: string) => db.counter.findUnique({ where: { name } });

  it("commits the writes handed in together in one transaction; one that throws is undone alone", async () => {
    const connection = await sqliteConnectionOf(db);
    const transaction = connection.transaction.bind(connection);
    let transactions = 0;
    connection.transaction = (write) => {
      transactions += 1;
      return transaction(write);
    };
    try {
      const write = (name: string) => () => insertRow(connection, "Counter", { name, value: 7 });
      const outcomes = await Promise.allSettled([
        commitTogether(connection, write("group-a")),
        commitTogether(connection, () => {
          write("group-b")();
          throw new Error("refused on purpose");
        }),
        commitTogether(connection, write("group-c")),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error("refused on purpose"));
      expect(transactions).toBe(1);
      expect(await counter("group-a")).toEqual({ name: "group-a", value: 7 });
      expect(await counter("group-b")).toBeNull();
      expect(await counter("group-c")).toEqual({ name: "group-c", value: 7 });
    } finally {
      connection.transaction = transaction;
    }
  });

  it("answers only once the write is in the file, where another connection reads it", async () => {
    const connection = await sqliteConnectionOf(db);
    await commitTogether(connection, () => insertRow(connection, "Counter", { name: "durable", value: 1 }));
    const other = new Database(databaseFile(url), { readonly: true });
    try {
      expect(other.prepare(`SELECT "value" FROM "Counter" WHERE "name" = 'durable'`).get()).toEqual({ value: 1 });
    } finally {
      other.close();
    }
  });

  it("waits for an open Prisma transaction and never writes inside it", async () => {
    const connection = await sqliteConnectionOf(db);
    const order: string[] = [];
    const prismaTransaction = db
      .$transaction(async (tx) => {
        await tx.counter.create({ data: { name: "prisma-inside", value: 1 } });
        await pause(50);
        order.push("prisma rolls back");
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);
    await pause(10);
    const grouped = commitTogether(connection, () => {
      order.push("group writes");
      return insertRow(connection, "Counter", { name: "group-outside", value: 1 });
    });
    await Promise.all([prismaTransaction, grouped]);
    expect(order).toEqual(["prisma rolls back", "group writes"]);
    expect(await counter("prisma-inside")).toBeNull();
    expect(await counter("group-outside")).toEqual({ name: "group-outside", value: 1 });
  });
});

describe("waiting for another process's write lock", () => {
  /*
   * Another process (here another connection on the file) holds the write lock for a while. Each
   * kind of write waits for it without blocking the event loop — SQLite's own busy wait would stop
   * every other request of the process for as long — and goes through once the lock is let go.
   */
  async function whileAnotherHoldsTheLock(write: () => Promise<unknown>) {
    const other = new Database(databaseFile(url), { timeout: 5_000 });
    other.prepare("BEGIN IMMEDIATE").run();
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(performance.now()), 5);
    const held = pause(300).then(() => other.prepare("COMMIT").run());
    const started = performance.now();
    try {
      await Promise.all([write(), held]);
    } finally {
      clearInterval(ticker);
      other.close();
    }
    const gaps = ticks.map((t, i) => t - (ticks[i - 1] ?? started));
    return { waitedMs: performance.now() - started, longestStallMs: Math.max(...gaps) };
  }

  it("a Prisma transaction, a Prisma write on its own and a group commit each wait without stalling the process", async () => {
    const connection = await sqliteConnectionOf(db);
    const writes: [string, () => Promise<unknown>][] = [
      [
        "transaction",
        () => db.$transaction(async (tx) => tx.counter.create({ data: { name: "locked-tx", value: 1 } })),
      ],
      ["statement", () => db.counter.update({ where: { name: "locked-tx" }, data: { value: 2 } })],
      [
        "group commit",
        () => commitTogether(connection, () => insertRow(connection, "Counter", { name: "locked-group", value: 1 })),
      ],
    ];
    for (const [kind, write] of writes) {
      const { waitedMs, longestStallMs } = await whileAnotherHoldsTheLock(write);
      expect({ kind, waited: waitedMs >= 250, stalledUnder100ms: longestStallMs < 100 }).toEqual({
        kind,
        waited: true,
        stalledUnder100ms: true,
      });
    }
    expect(await db.counter.findMany({ where: { name: { startsWith: "locked-" } }, orderBy: { name: "asc" } })).toEqual(
      [
        { name: "locked-group", value: 1 },
        { name: "locked-tx", value: 2 },
      ],
    );
  });

  it("gives up with SQLITE_BUSY after five seconds, and the connection writes again afterwards", async () => {
    const other = new Database(databaseFile(url), { timeout: 5_000 });
    other.prepare("BEGIN IMMEDIATE").run();
    try {
      await expect(db.counter.create({ data: { name: "never", value: 1 } })).rejects.toThrow();
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    await db.counter.create({ data: { name: "after-busy", value: 1 } });
    expect(await db.counter.findUnique({ where: { name: "after-busy" } })).toEqual({ name: "after-busy", value: 1 });
  }, 15_000);
});
