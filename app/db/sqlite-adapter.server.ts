import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

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
/** What guardTransactions leaves on a connection: its client, and a wait for no open transaction. */
type Guarded = { client: BetterSqlite3.Database; openTransactionEnds: () => Promise<void> | null };
type Transaction = { commit: () => Promise<void>; rollback: () => Promise<void> };

function guardTransactions(adapter: SqlDriverAdapter): Guarded {
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
  return {
    client: client as unknown as BetterSqlite3.Database,
    openTransactionEnds: () => open?.ended ?? null,
  };
}

class PortalSqliteAdapterFactory extends PrismaBetterSQLite3 {
  /** The connection Prisma uses now, for the hand-written hot paths (sqliteConnectionOf). */
  connected: Promise<Guarded> | null = null;

  override async connect(): Promise<SqlDriverAdapter> {
    let ready!: (guarded: Guarded) => void;
    let failed!: (error: unknown) => void;
    this.connected = new Promise<Guarded>((resolve, reject) => ((ready = resolve), (failed = reject)));
    this.connected.catch(() => {});
    try {
      const adapter = await super.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      ready(guardTransactions(adapter));
      return adapter;
    } catch (error) {
      failed(error);
      throw error;
    }
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

/*
 * The same connection, for a hot path written in SQL (docs/decisions/0033): statements prepared once
 * per connection, and writes run synchronously — which is what makes them atomic in this process —
 * inside a transaction of their own, begun only once no Prisma transaction is open on the connection.
 */
export type SqliteConnection = {
  statement(sql: string): BetterSqlite3.Statement;
  /** Runs `write` in one IMMEDIATE transaction (all or nothing), after any open Prisma transaction. */
  transaction<T>(write: () => T): Promise<T>;
  /** Runs `write` inside the caller's transaction as a savepoint: on a throw only it is undone. */
  savepoint<T>(write: () => T): T;
};

const connections = new WeakMap<Guarded, SqliteConnection>();

export async function sqliteConnectionOf(db: { $connect(): Promise<void> }): Promise<SqliteConnection> {
  const factory = (db as unknown as { _engineConfig?: { adapter?: unknown } })._engineConfig?.adapter;
  if (!(factory instanceof PortalSqliteAdapterFactory))
    throw new Error("this Prisma client was not made with createSqliteAdapter; see sqliteConnectionOf");
  if (!factory.connected) await db.$connect();
  const guarded = await factory.connected!;
  let connection = connections.get(guarded);
  if (!connection) {
    const statements = new Map<string, BetterSqlite3.Statement>();
    const { client } = guarded;
    connection = {
      statement(sql) {
        let statement = statements.get(sql);
        // The adapter reads integers as BigInt; these statements read them as numbers.
        if (!statement) statements.set(sql, (statement = client.prepare(sql).safeIntegers(false)));
        return statement;
      },
      async transaction(write) {
        for (let ends = guarded.openTransactionEnds(); ends; ends = guarded.openTransactionEnds()) await ends;
        // Nothing awaits from the check above to the commit: no other query runs inside this one.
        return client.transaction(write).immediate();
      },
      savepoint(write) {
        return client.transaction(write)();
      },
    };
    connections.set(guarded, connection);
  }
  return connection;
}

export function createSqliteAdapter(url = databaseUrl()): PrismaBetterSQLite3 {
  // SQLite creates the file but not its folder.
  if (url !== ":memory:") mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
  return new PortalSqliteAdapterFactory({ url, timeout: 5000 });
}
