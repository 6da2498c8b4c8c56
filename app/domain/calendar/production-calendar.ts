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

/**
 * Art. 112 holidays and the transfers DOMAIN.md §6 lists for 2025 and 2026 (days off include the
 * Saturdays and Sundays of the holiday periods). The database's calendar is seeded from this.
 */
export const DECREED_YEARS: Readonly<
  Record<number, { daysOff: readonly string[]; workingWeekends: readonly string[] }>
> = {
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
};

/** For years without a decree yet: the fixed holidays of art. 112 only. */
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

export function russianCalendar(years: number[] = [2025, 2026, 2027]): ProductionCalendar {
  const daysOff = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const year of years) {
    const data = DECREED_YEARS[year];
    for (const day of data?.daysOff ?? article112Holidays(year)) daysOff.add(day);
    for (const day of data?.workingWeekends ?? []) workingWeekends.add(day);
  }
  return { daysOff, workingWeekends, officeHours: { ...OFFICE_HOURS } };
}
