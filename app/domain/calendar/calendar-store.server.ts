import type { PrismaClient } from "~/generated/prisma/client";
import { cachedByRevision } from "~/db/cached-by-revision.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { regionDate } from "~/domain/region/clock";
import { calendarFromDays, defaultCalendarDays, type CalendarDay, type CalendarDayKind } from "./calendar-days";
import type { ProductionCalendar } from "./production-calendar";

/*
 * The production calendar in the database (CalendarDay rows), edited by administrators. Deadlines
 * read it through loadProductionCalendar, which keeps it in memory per PrismaClient and reloads it
 * when the table's revision (row count, last change) moves — checked at most every 5 seconds, so
 * every process of a deployment sees an administrator's change within seconds.
 */

const REVISION_CHECK_MS = 5_000;
/** The first year the portal counts deadlines in; years from it to two years ahead fall back to the code's calendar. */
const FIRST_YEAR = 2025;
/** Seeded by seedProductionCalendar from the decrees (production-calendar.ts DECREED_YEARS). */
const SEEDED_YEARS = [2025, 2026, 2027];

const regionYear = (now: number) => Number(regionDate(new Date(now)).slice(0, 4));

function fallbackYears(now: number): number[] {
  const last = Math.max(regionYear(now) + 2, FIRST_YEAR);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
}

const calendarCache = cachedByRevision<ProductionCalendar>({
  checkMs: REVISION_CHECK_MS,
  async readRevision(db, now) {
    const aggregate = await db.calendarDay.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
    // The year is part of it: on 1 January the fallback range moves on.
    return `${aggregate._count._all}:${aggregate._max.updatedAt?.toISOString() ?? "-"}:${regionYear(now)}`;
  },
  async load(db, now) {
    const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
    return calendarFromDays(
      rows.map((row) => ({ date: row.date, kind: row.kind as CalendarDayKind })),
      fallbackYears(now),
    );
  },
});

/** The production calendar deadlines are counted in: the stored days, the code's calendar for years without any. */
export function loadProductionCalendar(db: PrismaClient, now = Date.now()): Promise<ProductionCalendar> {
  return calendarCache.get(db, now);
}

/**
 * Puts the shipped calendar days (calendar-days.ts defaultCalendarDays) into the database. Idempotent
 * and respectful of administrators: a date an administrator saved or removed (on record in the audit
 * trail) keeps their version. A row only the seed wrote is brought up to the shipped version, so a
 * database seeded before a decree was entered (2027 with the art. 112 holidays only) gets the decree.
 */
export async function seedProductionCalendar(db: PrismaClient): Promise<{ created: number; updated: number }> {
  const wanted = SEEDED_YEARS.flatMap(defaultCalendarDays);
  const [existing, edited] = await Promise.all([
    db.calendarDay.findMany({
      where: { date: { in: wanted.map((d) => d.date) } },
      select: { date: true, kind: true, note: true },
    }),
    db.auditEvent.findMany({
      where: { subjectType: "calendar", action: { in: ["calendar.day-saved", "calendar.day-removed"] } },
      select: { subjectId: true },
    }),
  ]);
  const byAdministrator = new Set(edited.map((event) => event.subjectId));
  const stored = new Map(existing.map((row) => [row.date, row]));
  const missing: CalendarDay[] = [];
  const stale: CalendarDay[] = [];
  for (const day of wanted) {
    if (byAdministrator.has(day.date)) continue;
    const row = stored.get(day.date);
    if (!row) missing.push(day);
    else if (row.kind !== day.kind || row.note !== day.note) stale.push(day);
  }
  if (missing.length > 0) await db.calendarDay.createMany({ data: missing });
  for (const day of stale) {
    await db.calendarDay.update({ where: { date: day.date }, data: { kind: day.kind, note: day.note } });
  }
  if (missing.length + stale.length > 0) calendarCache.forget(db);
  return { created: missing.length, updated: stale.length };
}

export type StoredCalendarDay = CalendarDay & { updatedAt: Date };

/** The special days of one year, in date order. */
export async function listCalendarYear(db: PrismaClient, year: number): Promise<StoredCalendarDay[]> {
  const rows = await db.calendarDay.findMany({
    where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: { date: "asc" },
  });
  return rows.map((row) => ({ ...row, kind: row.kind as CalendarDayKind }));
}

/** Adds a special day or changes one (validated by CalendarDaySchema), on the audit record. */
export async function saveCalendarDay(db: PrismaClient, actorId: string, day: CalendarDay): Promise<void> {
  const previous = await db.calendarDay.findUnique({ where: { date: day.date }, select: { kind: true } });
  await db.calendarDay.upsert({
    where: { date: day.date },
    create: { date: day.date, kind: day.kind, note: day.note },
    update: { kind: day.kind, note: day.note },
  });
  calendarCache.forget(db);
  await recordAudit(db, {
    actorId,
    action: "calendar.day-saved",
    subjectType: "calendar",
    subjectId: day.date,
    details: { kind: day.kind, previousKind: previous?.kind ?? null },
  });
}

/** Makes a date an ordinary day of the week again; false when it had no row. */
export async function removeCalendarDay(db: PrismaClient, actorId: string, date: string): Promise<boolean> {
  const previous = await db.calendarDay.findUnique({ where: { date }, select: { kind: true } });
  if (!previous) return false;
  const { count } = await db.calendarDay.deleteMany({ where: { date } });
  if (count === 0) return false;
  calendarCache.forget(db);
  await recordAudit(db, {
    actorId,
    action: "calendar.day-removed",
    subjectType: "calendar",
    subjectId: date,
    details: { kind: previous.kind },
  });
  return true;
}
