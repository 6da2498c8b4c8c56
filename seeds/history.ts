/*
 * Several years of the statistics roll-up (StatDay, StatDayProcessing) for the indicators, written
 * straight into the tables: the anonymised daily counts that outlive the applications behind them
 * (docs/indicators.md), not applications. `seedDemoData` calls it so a fresh portal shows meaningful
 * indicators from 2016 on; the indicators benchmark reuses the generator with a larger volume.
 *
 * The parts, in seeds/history/: parameters.ts (the shape of the history: series, rates, seasons),
 * generate.ts (the pure, deterministic generator, with days.ts, plan.ts, draw.ts and roll-up.ts) and
 * write.ts (the raw SQLite reads and writes). This file runs them once per database.
 *
 * Idempotent: nothing is written when the history is already there (a "statistics-history" Counter
 * row, or roll-up rows dated before the current year). Live rows of earlier days this year, if any,
 * are added to, never overwritten. Today and later are left to the live roll-up (`until` is
 * exclusive and defaults to today in the region).
 */
import Database from "better-sqlite3";
import type { PrismaClient } from "~/generated/prisma/client";
import { regionDate } from "~/domain/region/clock";
import { generateStatistics } from "./history/generate";
import { databaseFileOf, historyPresent, readHistoryServices, writeStatistics } from "./history/write";

export { HISTORY_START } from "./history/parameters";
export {
  generateStatistics,
  type GeneratedStatistics,
  type GenerateStatisticsOptions,
  type HistoryService,
  type StatDayProcessingRow,
  type StatDayRow,
} from "./history/generate";
export { databaseFileOf, readHistoryServices, writeStatistics } from "./history/write";

export type HistoryResult = {
  written: boolean;
  statDays: number;
  processingRows: number;
  submitted: number;
  decided: number;
  seconds: number;
};

/**
 * Seeds the roll-up with the region's e-service history from 2016-01-01 to `until` (exclusive,
 * default today in the region). Does nothing when the history is already there.
 */
export async function seedStatisticsHistory(
  db: PrismaClient,
  options: { seed?: number; until?: string | Date } = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const until = typeof options.until === "string" ? options.until : regionDate(options.until ?? new Date());
  const file = await databaseFileOf(db);
  const sqlite = new Database(file, { timeout: 10_000 });
  const result: HistoryResult = {
    written: false,
    statDays: 0,
    processingRows: 0,
    submitted: 0,
    decided: 0,
    seconds: 0,
  };
  try {
    if (!historyPresent(sqlite, until)) {
      const data = generateStatistics({ services: readHistoryServices(sqlite), seed: options.seed ?? 58, until });
      // Checked again under the write lock: another process may have seeded meanwhile.
      result.written = writeStatistics(sqlite, data, { marker: true, unless: () => historyPresent(sqlite, until) });
      if (result.written) {
        result.statDays = data.days.length;
        result.processingRows = data.processing.length;
        result.submitted = data.submitted;
        result.decided = data.decided;
      }
    }
  } finally {
    sqlite.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
