import type { SqliteConnection } from "./sqlite-adapter.server";

/*
 * Group commit (docs/decisions/0033). Writes handed in while a transaction is being prepared share
 * it, and so one fsync: each runs as a savepoint of its own, so a write that throws is undone alone
 * and only its caller gets the error; every caller is answered only after the commit and its fsync,
 * so nothing is acknowledged that a power loss could take back. The next group is written once that
 * fsync is done: it runs off the event loop (docs/decisions/0040), and the requests that come
 * meanwhile make the next group larger, not the commits more. A group holds at most MAX_GROUP
 * writes, which bounds how long one transaction keeps the event loop.
 */
const MAX_GROUP = 24;

type Pending = { write: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const queues = new WeakMap<SqliteConnection, Pending[]>();

export function commitTogether<T>(connection: SqliteConnection, write: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(connection);
    if (!queue) {
      queues.set(connection, (queue = []));
      setImmediate(() => void flush(connection, queue!));
    }
    queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
  });
}

async function flush(connection: SqliteConnection, queue: Pending[]): Promise<void> {
  let group: Pending[] = [];
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await connection.transaction(() => {
      // Taken inside the transaction: writes that came while it waited for the connection join it.
      group = queue.splice(0, MAX_GROUP);
      outcomes = group.map((pending) => {
        try {
          return { ok: true as const, value: connection.savepoint(pending.write) };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
    });
  } catch (error) {
    // The transaction failed (its BEGIN waiting for another process, the commit, or its fsync):
    // nothing of the group is acknowledged, and its callers are told.
    if (group.length === 0) group = queue.splice(0, MAX_GROUP);
    outcomes = group.map(() => ({ ok: false as const, error }));
  }
  group.forEach((pending, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
  if (queue.length > 0) setImmediate(() => void flush(connection, queue));
  else queues.delete(connection);
}

/** A value as Prisma's SQLite adapter stores it: dates as ISO text with "+00:00", booleans as 0/1. */
export function sqlValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/** Inserts one row built for Prisma (the same object), in SQL; returns the new rowid. */
export function insertRow(connection: SqliteConnection, table: string, row: Record<string, unknown>): number {
  const columns = Object.keys(row);
  const statement = connection.statement(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  return Number(statement.run(...columns.map((c) => sqlValue(row[c]))).lastInsertRowid);
}
