import {
  article112DaysOff,
  DECREED_YEARS,
  OFFICE_HOURS,
  russianCalendar,
  type ProductionCalendar,
} from "./production-calendar";
import { isWorkingDay } from "./working-days";

/*
 * The production calendar as the list of days that differ from the usual week — the shape it is
 * stored and edited in — and the ProductionCalendar the deadline arithmetic reads. Pure: the
 * database side is calendar-store.server.ts.
 */

export const CALENDAR_DAY_KINDS = ["off", "working", "short"] as const;
/** off: a day off on a weekday; working: a Saturday or Sunday worked; short: a pre-holiday working day an hour shorter. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export type CalendarDay = { date: string; kind: CalendarDayKind; note: string };

/** Saturday or Sunday (YYYY-MM-DD, read as a calendar date, whatever the time zone). */
export function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = nextDay(day)) days.push(day);
  return days;
}

/** The names of the non-working holidays of Labour Code art. 112, by "MM-DD". */
const HOLIDAY_NAMES: Record<string, string> = {
  "01-01": "Новогодние каникулы",
  "01-02": "Новогодние каникулы",
  "01-03": "Новогодние каникулы",
  "01-04": "Новогодние каникулы",
  "01-05": "Новогодние каникулы",
  "01-06": "Новогодние каникулы",
  "01-07": "Рождество Христово",
  "01-08": "Новогодние каникулы",
  "02-23": "День защитника Отечества",
  "03-08": "Международный женский день",
  "05-01": "Праздник Весны и Труда",
  "05-09": "День Победы",
  "06-12": "День России",
  "11-04": "День народного единства",
};

const holidayName = (isoDate: string): string | undefined => HOLIDAY_NAMES[isoDate.slice(5)];

/**
 * The special days of a year as the portal ships them: for 2025–2027 the holidays and transfers of
 * the government's decrees (docs/deadlines.md), for any other year the art. 112 holidays with the
 * transfers of its p. 2 (a weekend holiday's day moves to the next working day; not 1–8 January),
 * until an administrator enters that year's decree. Days off on a Saturday or Sunday are not listed
 * (they are days off anyway).
 *
 * Short days follow art. 95 part 1 read narrowly: a working day whose next calendar day is a
 * non-working holiday of art. 112. A Friday before a Monday holiday is not shortened (its next day
 * is a Sunday), nor is the day before a transferred day off such as 31 December. Shortened days
 * that a decree sets otherwise (e.g. a worked Saturday before a holiday period, 20 February 2027)
 * are in its data; for later years an administrator enters them.
 */
export function defaultCalendarDays(year: number): CalendarDay[] {
  const decree = DECREED_YEARS[year];
  const daysOff = new Set(decree?.daysOff ?? article112DaysOff(year));
  const workingWeekends = new Set(decree?.workingWeekends ?? []);
  const decreedShort = new Set(decree?.shortDays ?? []);
  const calendar: ProductionCalendar = { daysOff, workingWeekends, officeHours: { ...OFFICE_HOURS } };
  const days: CalendarDay[] = [];
  for (const date of daysOfYear(year)) {
    const nextHoliday = holidayName(nextDay(date));
    if (workingWeekends.has(date)) {
      days.push(
        decreedShort.has(date)
          ? { date, kind: "short", note: "Рабочий день вместо выходного (перенос), предпраздничный (ст. 95 ТК РФ)" }
          : { date, kind: "working", note: "Рабочий день вместо выходного (перенос)" },
      );
    } else if (daysOff.has(date)) {
      if (!isWeekend(date)) days.push({ date, kind: "off", note: holidayName(date) ?? "Перенесённый выходной день" });
    } else if (isWorkingDay(calendar, date) && (nextHoliday || decreedShort.has(date))) {
      days.push({
        date,
        kind: "short",
        note: `Предпраздничный день (ст. 95 ТК РФ)${nextHoliday ? `: ${nextHoliday}` : ""}`,
      });
    }
  }
  return days;
}

/**
 * The ProductionCalendar of the stored days. A year without a single stored day falls back to the
 * calendar in code (russianCalendar), so deadlines never silently ignore its holidays. A short day
 * on a Saturday or Sunday is a worked weekend day as well.
 */
export function calendarFromDays(days: readonly Pick<CalendarDay, "date" | "kind">[], fallbackYears: number[]) {
  const daysOff = new Set<string>();
  const workingWeekends = new Set<string>();
  const shortDays = new Set<string>();
  const storedYears = new Set<number>();
  for (const day of days) {
    storedYears.add(Number(day.date.slice(0, 4)));
    if (day.kind === "off") daysOff.add(day.date);
    else if (day.kind === "working") workingWeekends.add(day.date);
    else {
      shortDays.add(day.date);
      if (isWeekend(day.date)) workingWeekends.add(day.date);
    }
  }
  const fallback = russianCalendar(fallbackYears.filter((year) => !storedYears.has(year)));
  for (const day of fallback.daysOff) daysOff.add(day);
  for (const day of fallback.workingWeekends) workingWeekends.add(day);
  return { daysOff, workingWeekends, shortDays, officeHours: { ...OFFICE_HOURS } } satisfies ProductionCalendar;
}

/** Working days in each month of a year (index 0 = January), to compare with the official calendar. */
export function workingDaysByMonth(calendar: ProductionCalendar, year: number): number[] {
  const counts = Array.from({ length: 12 }, () => 0);
  for (const date of daysOfYear(year)) {
    if (isWorkingDay(calendar, date)) counts[Number(date.slice(5, 7)) - 1]! += 1;
  }
  return counts;
}
