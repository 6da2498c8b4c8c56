import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";

/*
 * The one SQLite adapter factory used by the app, the Prisma CLI (prisma.config.ts) and the seeds.
 * Relative imports only: the Prisma CLI loads this file from source.
 */

export const DEFAULT_DATABASE_URL = "file:./prisma/data/portal.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The file path behind a `file:` URL. */
export function databaseFile(url = databaseUrl()): string {
  return url.replace(/^file:/, "");
}

// synchronous=FULL: an acknowledged submission or status change must survive a power loss, not
// only a crash of the process (WAL with NORMAL loses the last commits on power loss). Reads do not
// pay for it, and the portal's writes are few next to its page views.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

/*
 * Two repairs to the driver adapter's transactions (Prisma 6.19, one better-sqlite3 connection):
 *
 * 1. BEGIN IMMEDIATE instead of the adapter's plain BEGIN: a deferred transaction that reads first
 *    and writes later fails at once with SQLITE_BUSY when another process (a second portal process,
 *    a seed, a test) wrote in between, whatever the busy timeout. IMMEDIATE takes the write lock up
 *    front and waits for it within the timeout.
 * 2. Queries outside a transaction wait while one is open. The adapter serialises transactions with
 *    each other only; another request's query would otherwise run on the same connection inside the
 *    open transaction — reading its uncommitted rows, and losing its own write if that transaction
 *    rolls back.
 */
type Client = { prepare: (sql: string) => unknown };
type Transaction = { commit: () => Promise<void>; rollback: () => Promise<void> };

function guardTransactions(adapter: SqlDriverAdapter) {
  const client = (adapter as unknown as { client?: Client }).client;
  if (!client) throw new Error("the SQLite adapter no longer exposes its client; see guardTransactions");
  // Set at the very statement that opens a transaction (synchronously), cleared when it ends.
  let open: { ended: Promise<void>; end: () => void } | null = null;
  const end = () => {
    const closing = open;
    open = null;
    closing?.end();
  };
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => {
    if (sql !== "BEGIN") return prepare(sql);
    let resolve!: () => void;
    open = { ended: new Promise<void>((r) => (resolve = r)), end: () => resolve() };
    return prepare("BEGIN IMMEDIATE");
  };

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    let transaction;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      end(); // BEGIN itself failed (e.g. the write lock was not had in time)
      throw error;
    }
    const t = transaction as unknown as Transaction;
    const commit = t.commit.bind(t);
    const rollback = t.rollback.bind(t);
    t.commit = () => {
      end();
      return commit();
    };
    t.rollback = () => {
      end();
      return rollback();
    };
    return transaction;
  };
  const outside = adapter as unknown as Record<"queryRaw" | "executeRaw", (query: SqlQuery) => Promise<unknown>>;
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = outside[method].bind(adapter);
    // The adapter's methods run their statement synchronously when called, so nothing can begin a
    // transaction between this check and the statement.
    outside[method] = async (query: SqlQuery) => {
      while (open) await open.ended;
      return run(query);
    };
  }
}

class PortalSqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    guardTransactions(adapter);
    return adapter;
  }

  // The wasm schema engine sends whole multi-statement migration files through executeRaw,
  // which better-sqlite3's prepare() rejects (P3006); such calls carry no arguments.
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query: SqlQuery) => {
      if (query.args.length > 0) return executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    };
    return adapter;
  }
}

export function createSqliteAdapter(url = databaseUrl()): PrismaBetterSQLite3 {
  // SQLite creates the file but not its folder.
  if (url !== ":memory:") mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
  return new PortalSqliteAdapterFactory({ url, timeout: 5000 });
}
