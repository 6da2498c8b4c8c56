import { russianCalendar } from "~/domain/calendar/production-calendar";
import { isWorkingDay } from "~/domain/calendar/working-days";
import { SOCIAL_SUPPORT_CATEGORY } from "~/domain/indicators/compute";
import { GROWTH_WITHIN_YEAR, HOLIDAY, MONTHS, NEW_YEAR_HOLIDAY, SOCIAL_MONTHS, WEEKDAY } from "./parameters";

/*
 * The days of the demo history: the production calendar's working days (docs/deadlines.md), which
 * registrations and decisions are counted on as the live code counts them, and how heavy each day
 * is for a service by the shapes of parameters.ts.
 */
export const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export type Day = {
  iso: string;
  year: number;
  month: number;
  date: number;
  doy: number;
  factor: number;
  working: boolean;
};

/** Every day of [since, until) with its weekday/holiday factor and whether it is a working day. */
export function calendarDays(since: string, until: string): Day[] {
  const firstYear = Number(since.slice(0, 4));
  const lastYear = Number(until.slice(0, 4));
  const calendar = russianCalendar(Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i));
  const days: Day[] = [];
  for (let ms = dayMs(since), end = dayMs(until); ms < end; ms += DAY_MS) {
    const iso = isoDay(ms);
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    const weekday = date.getUTCDay();
    const working = isWorkingDay(calendar, iso);
    const month = date.getUTCMonth() + 1;
    const holiday = !working && weekday !== 0 && weekday !== 6;
    const factor = working
      ? weekday === 0 || weekday === 6
        ? 1 // a weekend worked by transfer
        : WEEKDAY[weekday]!
      : holiday
        ? month === 1 && date.getUTCDate() <= 8
          ? NEW_YEAR_HOLIDAY
          : HOLIDAY
        : WEEKDAY[weekday]!;
    const doy = Math.floor((ms - Date.UTC(year, 0, 1)) / DAY_MS);
    days.push({ iso, year, month, date: date.getUTCDate(), doy, factor, working });
  }
  return days;
}

/** The working days of `days` by index: in order, each one's ordinal among them, the next after any day. */
export function workingDayIndex(days: readonly Day[]): { list: number[]; ordinal: Int32Array; next: Int32Array } {
  const D = days.length;
  const list: number[] = [];
  const next = new Int32Array(D + 1).fill(-1);
  const ordinal = new Int32Array(D).fill(-1);
  for (let i = 0; i < D; i++) {
    if (days[i]!.working) {
      ordinal[i] = list.length;
      list.push(i);
    }
  }
  for (let i = D - 1, after = -1; i >= 0; i--) {
    next[i] = after; // the first working day after i
    if (days[i]!.working) after = i;
  }
  return { list, ordinal, next };
}

/** First-grade enrollment by day: the two opening days and the stages' tails, nothing out of season. */
export function firstGradeWeight(day: Day): number {
  const { year, month, date } = day;
  const stage2 = year <= 2020 ? 1 : 6;
  if (month === 4 && date <= 3) return [45, 9, 5][date - 1]!;
  if (month >= 4 && month <= 6) {
    const into = (month - 4) * 30.5 + date;
    return (1.2 - (0.7 * into) / 91) * day.factor;
  }
  if (month === 7 && date >= stage2 && date <= stage2 + 2) return [14, 4, 2.5][date - stage2]!;
  if ((month === 7 && date > stage2) || month === 8 || (month === 9 && date <= 5)) {
    const into = (month - 7) * 31 + date - stage2;
    return (0.9 - (0.65 * into) / 62) * day.factor;
  }
  return 0;
}

export function serviceWeight(service: { code: string; popularity: number; categorySlug: string }, day: Day): number {
  const months = MONTHS[service.code] ?? (service.categorySlug === SOCIAL_SUPPORT_CATEGORY ? SOCIAL_MONTHS : null);
  let w = service.popularity * day.factor * (months ? months[day.month - 1]! : 1);
  w *= 1 + GROWTH_WITHIN_YEAR * (day.doy / 365 - 0.5);
  if (service.code === "58-EMP-001" && day.year === 2020 && day.month >= 4 && day.month <= 6) w *= 4;
  if (service.code === "58-HOU-002") w *= day.date >= 15 && day.date <= 25 ? 1.6 : 0.75;
  return w;
}
