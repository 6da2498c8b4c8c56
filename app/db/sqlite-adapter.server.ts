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
 * Transactions start with BEGIN IMMEDIATE instead of the adapter's plain BEGIN: a deferred
 * transaction that reads first and writes later fails at once with SQLITE_BUSY when another
 * process (a second portal process, a seed or a test) wrote in between, whatever the busy timeout.
 * IMMEDIATE takes the write lock up front and waits for it within the timeout instead.
 */
function beginImmediately(adapter: SqlDriverAdapter) {
  const client = (adapter as unknown as { client?: { prepare: (sql: string) => unknown } }).client;
  if (!client) throw new Error("the SQLite adapter no longer exposes its client; see beginImmediately");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

class PortalSqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    beginImmediately(adapter);
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
