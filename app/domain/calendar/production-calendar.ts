/*
 * The production calendar (производственный календарь): which days are working days. Data per
 * year — holidays of Labour Code art. 112 plus the yearly transfers by government decree — so a new
 * year is a data change, not a code change. Region-specific days can be added the same way.
 */
export type ProductionCalendar = {
  /** Days off that are not Saturdays or Sundays (holidays and transferred days), YYYY-MM-DD. */
  daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays made working days by a transfer, YYYY-MM-DD. */
  workingWeekends: ReadonlySet<string>;
  /** Office hours in the region's time, "HH:MM": an application received outside them counts from the next working day. */
  officeHours: { opens: string; closes: string };
  /** Pre-holiday working days shortened by an hour (art. 95), YYYY-MM-DD. Informational: they still count as working days. */
  shortDays?: ReadonlySet<string>;
};

/** The offices' hours in the region's time. */
export const OFFICE_HOURS = { opens: "09:00", closes: "18:00" } as const;

const range = (year: number, month: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => iso(year, month, from + i));
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** A year's calendar as a government decree sets it (docs/deadlines.md). */
export type DecreedYear = {
  /** Days off, including the Saturdays and Sundays of the holiday periods. */
  daysOff: readonly string[];
  /** Saturdays or Sundays made working days by a transfer. */
  workingWeekends: readonly string[];
  /** Shortened days the decree sets beyond art. 95 read narrowly, such as a worked Saturday before a holiday period. */
  shortDays?: readonly string[];
};

/**
 * Art. 112 holidays and the transfers of the decrees entered for 2025–2027 (docs/deadlines.md; days off
 * include the Saturdays and Sundays of the holiday periods). The database's calendar is seeded from
 * this. A decree replaces the art. 112 p. 2 rule (it may place a weekend holiday's day elsewhere, as
 * 2025 did with 23 February and 8 March), so a decreed year lists every transfer itself.
 */
export const DECREED_YEARS: Readonly<Record<number, DecreedYear>> = {
  2025: {
    daysOff: [
      ...range(2025, 1, 1, 8),
      iso(2025, 5, 1),
      iso(2025, 5, 2),
      iso(2025, 5, 8),
      iso(2025, 5, 9),
      iso(2025, 6, 12),
      iso(2025, 6, 13),
      iso(2025, 11, 3),
      iso(2025, 11, 4),
      iso(2025, 12, 31),
    ],
    workingWeekends: [iso(2025, 11, 1)],
  },
  2026: {
    daysOff: [
      ...range(2026, 1, 1, 11),
      ...range(2026, 2, 21, 23),
      ...range(2026, 3, 7, 9),
      ...range(2026, 5, 1, 3),
      ...range(2026, 5, 9, 11),
      ...range(2026, 6, 12, 14),
      iso(2026, 11, 4),
      iso(2026, 12, 31),
    ],
    workingWeekends: [],
  },
  /*
   * The decree: Sat 2 Jan → Fri 5 Nov, Sun 3 Jan → Fri 31 Dec, Sat 20 Feb worked for Mon 22 Feb
   * (shortened: the working day before 23 February). By art. 112 p. 2: Sat 1 May → Mon 3 May,
   * Sun 9 May → Mon 10 May, Sat 12 Jun → Mon 14 Jun. 247 working days.
   */
  2027: {
    daysOff: [
      ...range(2027, 1, 1, 10),
      ...range(2027, 2, 21, 23),
      ...range(2027, 3, 6, 8),
      ...range(2027, 5, 1, 3),
      ...range(2027, 5, 8, 10),
      ...range(2027, 6, 12, 14),
      ...range(2027, 11, 4, 7),
      iso(2027, 12, 31),
    ],
    workingWeekends: [iso(2027, 2, 20)],
    shortDays: [iso(2027, 2, 20)],
  },
};

/** The fixed non-working holidays of art. 112 p. 1 in a year, in date order. */
export function article112Holidays(year: number): string[] {
  return [
    ...range(year, 1, 1, 8),
    iso(year, 2, 23),
    iso(year, 3, 8),
    iso(year, 5, 1),
    iso(year, 5, 9),
    iso(year, 6, 12),
    iso(year, 11, 4),
  ];
}

const isWeekendDay = (isoDate: string) => {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};
const followingDay = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** 1–8 January: art. 112 p. 2 leaves their weekend days to the decree. */
const isNewYearHoliday = (isoDate: string) => isoDate.slice(5) <= "01-08";

/**
 * Art. 112 p. 2: a weekend day that a holiday falls on moves to the next working day after the
 * holiday — except for the New-Year holidays (1–8 January), whose weekend days the decree places.
 * Pure: the days off the given holidays yield, the holidays themselves included, in date order. The
 * day taken is the first Monday–Friday after the holiday that is neither a holiday nor already taken
 * by an earlier move, so holidays on consecutive days move to consecutive days.
 */
export function withWeekendHolidaysMoved(holidays: readonly string[]): string[] {
  const daysOff = new Set(holidays);
  for (const holiday of [...holidays].sort()) {
    if (isNewYearHoliday(holiday) || !isWeekendDay(holiday)) continue;
    let day = followingDay(holiday);
    while (isWeekendDay(day) || daysOff.has(day)) day = followingDay(day);
    daysOff.add(day);
  }
  return [...daysOff].sort();
}

/** A year without a decree yet: the art. 112 holidays, with weekend holidays moved by art. 112 p. 2. */
export function article112DaysOff(year: number): string[] {
  return withWeekendHolidaysMoved(article112Holidays(year));
}

/** The calendar in code: the decrees where entered, art. 112 with its p. 2 transfers for other years. */
export function russianCalendar(years: number[] = [2025, 2026, 2027]): ProductionCalendar {
  const daysOff = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const year of years) {
    const data = DECREED_YEARS[year];
    for (const day of data?.daysOff ?? article112DaysOff(year)) daysOff.add(day);
    for (const day of data?.workingWeekends ?? []) workingWeekends.add(day);
  }
  return { daysOff, workingWeekends, officeHours: { ...OFFICE_HOURS } };
}
