import type Database from "better-sqlite3";
import type { PrismaClient } from "~/generated/prisma/client";
import { COUNT_FIELDS } from "~/domain/indicators/compute";
import { STATISTICS_REVISION } from "~/domain/indicators/revision.server";
import type { GeneratedStatistics, HistoryService } from "./generate";

/*
 * The history's raw side: it reads the services and writes the roll-up through a second
 * (better-sqlite3) connection to the portal's file, in one transaction, 100 rows per prepared
 * INSERT — about half a million rows a second. The StatDay columns are the domain's COUNT_FIELDS
 * (docs/indicators.md), so a counter added there is written here without an edit.
 */
export const HISTORY_MARKER = "statistics-history";
/** Rows per INSERT statement: far fewer calls into SQLite than one row at a time. */
const ROWS_PER_STATEMENT = 100;

/** The SQLite file behind a Prisma client (its main database). */
export async function databaseFileOf(db: PrismaClient): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  const file = rows.find((r) => r.name === "main")?.file ?? "";
  if (!file) throw new Error("the statistics history needs a file database (this one is in memory)");
  return file;
}

export function readHistoryServices(sqlite: Database.Database): HistoryService[] {
  const rows = sqlite
    .prepare(
      `SELECT s.code, s.deadlineDays, s.delivery, s.proactive, s.popularity, c.slug AS categorySlug,
         d.code AS departmentCode
       FROM Service s JOIN Category c ON c.id = s.categoryId JOIN Department d ON d.id = s.departmentId
       ORDER BY s.code`,
    )
    .all() as (Omit<HistoryService, "proactive"> & { proactive: number })[];
  return rows.map((r) => ({ ...r, proactive: r.proactive === 1 }));
}

/** Whether the history is there already: the marker, or roll-up rows from before `until`'s year. */
export function historyPresent(sqlite: Database.Database, until: string): boolean {
  const marker = sqlite.prepare("SELECT 1 FROM Counter WHERE name = ?").get(HISTORY_MARKER);
  const old = sqlite.prepare("SELECT 1 FROM StatDay WHERE day < ? LIMIT 1").get(`${until.slice(0, 4)}-01-01`);
  return !!marker || !!old;
}

/**
 * Adds the rows to the roll-up (counts add up with any already there), bumps the "statistics"
 * revision and, with `marker`, records that the history is in. One transaction.
 */
export function writeStatistics(
  sqlite: Database.Database,
  data: Pick<GeneratedStatistics, "days" | "processing">,
  options: { marker?: boolean; unless?: () => boolean } = {},
): boolean {
  const dayColumns = `day, serviceCode, municipality, channel, ${COUNT_FIELDS.join(", ")}`;
  const addCounts = COUNT_FIELDS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
  const insertDays = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO StatDay (${dayColumns}) VALUES ${placeholders(rows, 4 + COUNT_FIELDS.length)}
       ON CONFLICT (day, serviceCode, municipality, channel) DO UPDATE SET ${addCounts}`,
    );
  const insertProcessing = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO StatDayProcessing (day, serviceCode, workingDays, count) VALUES ${placeholders(rows, 4)}
       ON CONFLICT (day, serviceCode, workingDays) DO UPDATE SET count = count + excluded.count`,
    );
  const bump = sqlite.prepare(
    "INSERT INTO Counter (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
  );
  const write = sqlite.transaction(() => {
    if (options.unless?.()) return false;
    inBatches(data.days, insertDays, (r, args) => {
      args.push(r.day, r.serviceCode, r.municipality, r.channel);
      for (const c of COUNT_FIELDS) args.push(r[c]);
    });
    inBatches(data.processing, insertProcessing, (r, args) => {
      args.push(r.day, r.serviceCode, r.workingDays, r.count);
    });
    // The indicators' caches notice new statistics by this revision.
    bump.run(STATISTICS_REVISION);
    if (options.marker) bump.run(HISTORY_MARKER);
    return true;
  });
  return write.immediate();
}

const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => "?").join(",")})`).join(",");

function inBatches<T>(
  rows: readonly T[],
  statement: (rows: number) => Database.Statement,
  bind: (row: T, args: (string | number)[]) => void,
): void {
  const full = statement(ROWS_PER_STATEMENT);
  const args: (string | number)[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const n = Math.min(ROWS_PER_STATEMENT, rows.length - i);
    args.length = 0;
    for (let j = i; j < i + n; j++) bind(rows[j]!, args);
    (n === ROWS_PER_STATEMENT ? full : statement(n)).run(args);
  }
}
