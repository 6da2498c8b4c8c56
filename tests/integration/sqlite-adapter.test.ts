import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { createTestDatabase } from "./test-database";

/*
 * The portal's SQLite adapter: one connection per process, so a query from another request must
 * not run inside someone's open transaction (see guardTransactions in sqlite-adapter.server.ts).
 */
let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
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

  it("take the write lock at BEGIN and run with full durability", async () => {
    const [mode] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    expect(Number(mode!.synchronous)).toBe(2);
  });
});
