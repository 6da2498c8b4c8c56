import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { startCheckpointer, walSync, type WalSync } from "./wal-sync.server";

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

/**
 * Where a commit's fsync happens: inside COMMIT, as synchronous=FULL does it, keeping the event loop
 * meanwhile; or after it, off the event loop, awaited before the write's caller is answered
 * (wal-sync.server.ts, docs/decisions/0040) — what the server's connection does.
 */
export type CommitSync = "in-commit" | "off-the-event-loop";
/** SQLite's own default, for a connection whose checkpoints' thread stopped. */
const AUTOCHECKPOINT_PAGES = 1000;

/*
 * Three repairs to the driver adapter (Prisma 6.19, one better-sqlite3 connection per process):
 *
 * 1. The write lock is waited for without blocking the event loop. SQLite's own busy handler sleeps
 *    inside the call, in steps that grow to 100 ms, so with several server processes (decision 0034)
 *    a process whose write met another's stalled every request it had for that long. Every write —
 *    a Prisma transaction, a Prisma statement outside one, the hand-written hot paths — begins
 *    with beginWrite: BEGIN IMMEDIATE with no busy wait, tried again a millisecond later until
 *    WRITE_LOCK_TIMEOUT_MS. IMMEDIATE (not the adapter's plain BEGIN) because a deferred transaction
 *    that reads first and writes later fails at once with SQLITE_BUSY when another process wrote in
 *    between, whatever the wait.
 * 2. Queries outside a transaction wait while one is open. The adapter serialises transactions with
 *    each other only; another request's query would otherwise run on the same connection inside the
 *    open transaction — reading its uncommitted rows, and losing its own write if that transaction
 *    rolls back.
 * 3. Statements are prepared once per connection (the adapter prepares every query anew, which
 *    took a twentieth of a busy process's time at the opening of enrollment).
 */
const WRITE_LOCK_TIMEOUT_MS = 5_000;
/** Readers in WAL mode wait for nothing but, rarely, another process's recovery of the file. */
const READ_BUSY_TIMEOUT_MS = 5_000;
/** Distinct statements kept prepared per connection (Prisma's IN lists make many shapes). */
const PREPARED_STATEMENTS = 1_000;

/** What guardTransactions leaves on a connection: its client, and the one way to begin a write on it. */
type Guarded = {
  client: BetterSqlite3.Database;
  /** Waits for no open transaction on this connection and for the file's write lock, then begins one. */
  beginWrite: () => Promise<void>;
  /** Ends what beginWrite began, after its COMMIT or ROLLBACK ran. */
  endWrite: () => void;
  /** Waits for no open transaction on this connection (a read must not see another's uncommitted rows). */
  idle: () => Promise<void>;
  /** beginWrite, `write`, then COMMIT (ROLLBACK on a throw). */
  committed: <T>(write: () => T | Promise<T>) => Promise<T>;
};
type Transaction = { commit: () => Promise<void>; rollback: () => Promise<void> };
type AdapterClient = {
  prepare: (sql: string) => unknown;
  exec: (sql: string) => unknown;
  close: () => unknown;
};

/** What the adapter does with a statement it prepared: bind the arguments, then run or read it. */
function boundStatement(statement: BetterSqlite3.Statement, args: unknown[]) {
  return {
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
// Statements that manage the connection rather than write rows, and cannot run inside a transaction.
const CONNECTION_STATEMENT = /^\s*(PRAGMA|VACUUM|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|ATTACH|DETACH)\b/i;

/** What a connection whose fsync is off the event loop has besides: the WAL's sync and the checkpoints' thread. */
type Durability = { wal: WalSync; stopCheckpoints: () => Promise<void> };

function guardTransactions(adapter: SqlDriverAdapter, durability: Durability | null): Guarded {
  const holder = adapter as unknown as { client?: BetterSqlite3.Database | AdapterClient };
  const client = holder.client as BetterSqlite3.Database | undefined;
  if (!client?.prepare) throw new Error("the SQLite adapter no longer exposes its client; see guardTransactions");
  client.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
  const begin = client.prepare("BEGIN IMMEDIATE");
  const commit = client.prepare("COMMIT");
  const rollback = client.prepare("ROLLBACK");
  const durable = durability ? () => durability.wal.durable() : () => Promise.resolve();

  // Set at the very statement that opens a transaction (synchronously), cleared when it ends.
  let open: { ended: Promise<void>; end: () => void } | null = null;
  const endWrite = () => {
    const closing = open;
    open = null;
    closing?.end();
  };
  const tryBegin = (): boolean => {
    client.pragma("busy_timeout = 0");
    try {
      begin.run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
      throw error;
    } finally {
      client.pragma(`busy_timeout = ${READ_BUSY_TIMEOUT_MS}`);
    }
  };
  const beginWrite = async () => {
    const deadline = Date.now() + WRITE_LOCK_TIMEOUT_MS;
    for (;;) {
      while (open) await open.ended;
      // Nothing awaits from the check above to BEGIN: no other transaction starts in between.
      if (tryBegin()) {
        let resolve!: () => void;
        open = { ended: new Promise<void>((r) => (resolve = r)), end: () => resolve() };
        return;
      }
      if (Date.now() > deadline) {
        throw Object.assign(new Error("database is locked (another process kept the write lock)"), {
          code: "SQLITE_BUSY",
        });
      }
      await pause(1);
    }
  };

  /** Runs `write` in a transaction of its own; a synchronous one commits with no await in between. */
  const committed = async <T>(write: () => T | Promise<T>): Promise<T> => {
    await beginWrite();
    let result: T;
    try {
      const pending = write();
      result = pending instanceof Promise ? await pending : pending;
      commit.run();
    } catch (error) {
      if (client.inTransaction) rollback.run();
      throw error;
    } finally {
      endWrite();
    }
    // The connection is free for the next transaction while this one's fsync runs.
    await durable();
    return result;
  };

  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= PREPARED_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, (statement = client.prepare(sql)));
    }
    return statement;
  };
  /** Whether a statement outside a transaction writes (a statement that does not prepare is the adapter's to report). */
  const writes = (sql: string) => {
    try {
      return !statementFor(sql).readonly && !CONNECTION_STATEMENT.test(sql);
    } catch {
      return false;
    }
  };
  // Set while the adapter's own startTransaction runs, whose BEGIN beginWrite has already done.
  let begunForAdapter = false;
  holder.client = {
    prepare: (sql: string) => {
      if (sql === "BEGIN" && begunForAdapter) return { run: () => undefined };
      const statement = statementFor(sql);
      return { bind: (args: unknown[]) => boundStatement(statement, args) };
    },
    exec: (sql: string) => client.exec(sql),
    close: () => {
      if (durability) {
        void durability.stopCheckpoints();
        durability.wal.close();
      }
      return client.close();
    },
  };

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    await beginWrite();
    let transaction;
    begunForAdapter = true;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      if (client.inTransaction) rollback.run();
      endWrite();
      throw error;
    } finally {
      begunForAdapter = false;
    }
    const t = transaction as unknown as Transaction;
    const commitTransaction = t.commit.bind(t);
    const rollbackTransaction = t.rollback.bind(t);
    t.commit = async () => {
      endWrite();
      await commitTransaction();
      await durable();
    };
    t.rollback = () => {
      endWrite();
      return rollbackTransaction();
    };
    return transaction;
  };
  const outside = adapter as unknown as Record<"queryRaw" | "executeRaw", (query: SqlQuery) => Promise<unknown>>;
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = outside[method].bind(adapter);
    outside[method] = async (query: SqlQuery) => {
      // A write outside a transaction becomes one, so its wait for the lock is beginWrite's and its
      // acknowledgement waits for its fsync — also when another's transaction is open meanwhile
      // (that one's is `open`): run after it, it would commit on its own, neither waited for nor
      // synced. Unless the caller began a transaction in SQL itself, as the migration engine may.
      const callersOwn = client.inTransaction && !open;
      if (!callersOwn && writes(query.sql)) return committed(() => run(query));
      // A read lets the event loop turn first: the adapter answers synchronously, so without it a
      // request's queries would all run in one turn, and other requests, new connections and health
      // checks would wait for the whole of it (admission.server.ts).
      await nextTurn();
      // The adapter's methods run their statement synchronously when called, so nothing can begin a
      // transaction between this check and the statement.
      while (open) await open.ended;
      return run(query);
    };
  }
  const idle = async () => {
    while (open) await open.ended;
  };
  return { client, beginWrite, endWrite, idle, committed };
}

class PortalSqliteAdapterFactory extends PrismaBetterSQLite3 {
  /** The connection Prisma uses now, for the hand-written hot paths (sqliteConnectionOf). */
  connected: Promise<Guarded> | null = null;

  constructor(
    private readonly url: string,
    private readonly commitSync: CommitSync,
  ) {
    super({ url, timeout: 5000 });
  }

  /** The fsync out of COMMIT, for a connection to a file in WAL mode (an in-memory one has no WAL). */
  private durabilityOf(adapter: SqlDriverAdapter): Durability | null {
    if (this.commitSync !== "off-the-event-loop" || this.url === ":memory:") return null;
    const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    if (client.pragma("journal_mode", { simple: true }) !== "wal") return null;
    const file = path.resolve(databaseFile(this.url));
    client.pragma("synchronous = NORMAL");
    client.pragma("wal_autocheckpoint = 0");
    const stopCheckpoints = startCheckpointer(file, () => {
      if (client.open) client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    });
    return { wal: walSync(`${file}-wal`), stopCheckpoints };
  }

  override async connect(): Promise<SqlDriverAdapter> {
    let ready!: (guarded: Guarded) => void;
    let failed!: (error: unknown) => void;
    this.connected = new Promise<Guarded>((resolve, reject) => ((ready = resolve), (failed = reject)));
    this.connected.catch(() => {});
    try {
      const adapter = await super.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      ready(guardTransactions(adapter, this.durabilityOf(adapter)));
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
  /**
   * Runs `write` in one IMMEDIATE transaction (all or nothing), after any open Prisma transaction;
   * resolves once its commit is on the disk.
   */
  transaction<T>(write: () => T): Promise<T>;
  /**
   * Runs `query` (synchronous statements) outside any open transaction, after a turn of the event
   * loop as Prisma's reads take one: the read path of a hot request.
   */
  read<T>(query: () => T): Promise<T>;
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
      transaction(write) {
        // `write` is synchronous, so nothing awaits from BEGIN to COMMIT: no other query runs inside it.
        return guarded.committed(write);
      },
      async read(query) {
        await nextTurn();
        await guarded.idle();
        // Nothing awaits from the check above to the statements: no transaction opens in between.
        return query();
      },
      savepoint(write) {
        return client.transaction(write)();
      },
    };
    connections.set(guarded, connection);
  }
  return connection;
}

export function createSqliteAdapter(
  url = databaseUrl(),
  options: { commitSync?: CommitSync } = {},
): PrismaBetterSQLite3 {
  // SQLite creates the file but not its folder.
  if (url !== ":memory:") mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
  return new PortalSqliteAdapterFactory(url, options.commitSync ?? "in-commit");
}
