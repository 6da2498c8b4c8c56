import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { INDICATORS } from "~/domain/indicators/definitions";
import {
  indicatorSeries,
  indicatorsForPeriod,
  statisticsYears,
  type Slice,
} from "~/domain/indicators/indicators.server";
import { parsePeriod, periodsBetween } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { PrismaClient } from "~/generated/prisma/client";

/**
 * Every indicator, as the dashboard and the open data compute them, for this year, quarter and month
 * over several slices, and every indicator's whole series; plus the roll-up rows themselves. Read
 * through a new client each time, so nothing comes from the per-client aggregate cache.
 */
export async function indicatorSnapshot(url: string, slices: Slice[]) {
  const db = new PrismaClient({ adapter: createSqliteAdapter(url) });
  try {
    const today = regionDate();
    const year = today.slice(0, 4);
    const quarter = `${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const byPeriod: Record<string, unknown> = {};
    for (const key of [year, quarter, today.slice(0, 7)]) {
      for (const slice of slices) {
        byPeriod[`${key} ${JSON.stringify(slice)}`] = await indicatorsForPeriod(db, parsePeriod(key)!, slice);
      }
    }
    const years = await statisticsYears(db);
    const periods = years ? periodsBetween(years.first, years.last) : [];
    const series: Record<string, unknown> = {};
    for (const definition of INDICATORS) series[definition.code] = await indicatorSeries(db, definition.code, periods);
    return {
      byPeriod,
      series,
      statDays: await db.statDay.findMany({
        orderBy: [{ day: "asc" }, { serviceCode: "asc" }, { municipality: "asc" }, { channel: "asc" }],
      }),
      processing: await db.statDayProcessing.findMany({
        orderBy: [{ day: "asc" }, { serviceCode: "asc" }, { workingDays: "asc" }],
      }),
      statEvents: await db.statEvent.findMany({ orderBy: { id: "asc" } }),
    };
  } finally {
    await db.$disconnect();
  }
}
