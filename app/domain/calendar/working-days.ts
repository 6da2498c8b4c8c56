import { REGION_TIME_ZONE } from "~/domain/region/clock";
import type { ProductionCalendar } from "./production-calendar";

/*
 * Regulatory deadlines in working days (docs/deadlines.md): an application received outside office hours
 * or on a day off counts as received on the next working day; the term starts the day after; only
 * working days count; a deadline on a day off moves to the next working day (counting only working
 * days, it never lands on one).
 */

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(calendar: ProductionCalendar, isoDate: string): boolean {
  if (calendar.workingWeekends.has(isoDate)) return true;
  if (calendar.daysOff.has(isoDate)) return false;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date and "HH:MM" of an instant in the region's time zone. */
export function regionDateTime(instant: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: REGION_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The working day an application received at this instant counts as received on. */
export function registrationDay(calendar: ProductionCalendar, receivedAt: Date): string {
  const { date, time } = regionDateTime(receivedAt);
  // Before opening, the office's next working period is that same day; after closing, the next day's.
  if (isWorkingDay(calendar, date) && time < calendar.officeHours.closes) return date;
  let day = nextDay(date);
  while (!isWorkingDay(calendar, day)) day = nextDay(day);
  return day;
}

/** The date `days` working days after `isoDate` (the term starts the day after). */
export function addWorkingDays(calendar: ProductionCalendar, isoDate: string, days: number): string {
  let day = isoDate;
  let left = days;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}

/** The legal deadline of an application: the last day the department may decide on it. */
export function legalDeadline(calendar: ProductionCalendar, receivedAt: Date, termWorkingDays: number): string {
  return addWorkingDays(calendar, registrationDay(calendar, receivedAt), termWorkingDays);
}

/** Working days from `today` (exclusive) to `deadline` (inclusive); negative when overdue. */
export function workingDaysLeft(calendar: ProductionCalendar, today: string, deadline: string): number {
  if (deadline === today) return 0;
  return deadline > today
    ? workingDaysBetween(calendar, today, deadline)
    : -workingDaysBetween(calendar, deadline, today);
}

const DAY_MS = 86_400_000;
const MONDAY_1970_01_05 = 4;

/** Monday–Friday days from Monday 5 January 1970 to this date, inclusive. */
function weekdaysThrough(isoDate: string): number {
  const days = Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS) - MONDAY_1970_01_05 + 1;
  return Math.floor(days / 7) * 5 + Math.min(days % 7, 5);
}

const isWeekday = (isoDate: string) => {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/*
 * Working days in (from, to], by arithmetic: the weekdays, less the holidays that fall on them, plus
 * the weekends worked by transfer. Queues show this for every row, and an old overdue application
 * would otherwise cost a walk over every day since its deadline.
 */
function workingDaysBetween(calendar: ProductionCalendar, from: string, to: string): number {
  let count = weekdaysThrough(to) - weekdaysThrough(from);
  for (const day of calendar.daysOff) {
    if (day > from && day <= to && isWeekday(day) && !calendar.workingWeekends.has(day)) count -= 1;
  }
  for (const day of calendar.workingWeekends) {
    if (day > from && day <= to && !isWeekday(day)) count += 1;
  }
  return count;
}

/**
 * The deadline after the clock was paused (waiting for the resident's answer, docs/deadlines.md): the
 * working days from the request to the answer are added to it. A request and answer on the same day
 * pause nothing.
 */
export function deadlineAfterPause(
  calendar: ProductionCalendar,
  deadline: string,
  pausedOn: string,
  resumedOn: string,
): string {
  const paused = resumedOn > pausedOn ? workingDaysLeft(calendar, pausedOn, resumedOn) : 0;
  return addWorkingDays(calendar, deadline, paused);
}
