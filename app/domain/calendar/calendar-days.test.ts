import { describe, expect, it } from "vitest";
import { calendarFromDays, defaultCalendarDays, workingDaysByMonth } from "./calendar-days";
import { russianCalendar } from "./production-calendar";
import { isWorkingDay } from "./working-days";

const shipped = (years: number[]) => calendarFromDays(years.flatMap(defaultCalendarDays), []);
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

function everyDay(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe("the shipped production calendar", () => {
  it("2026 has 247 working days, month by month as in the decree", () => {
    const months = workingDaysByMonth(shipped([2026]), 2026);
    expect(months).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
    expect(sum(months)).toBe(247);
  });

  it("2025 has 247 working days (Saturday 1 November worked)", () => {
    expect(sum(workingDaysByMonth(shipped([2025]), 2025))).toBe(247);
  });

  it("2027 has 247 working days, month by month as the decree gives them", () => {
    const months = workingDaysByMonth(shipped([2027]), 2027);
    // The brief's copy of the published calendar reads July 23 and December 21 (also 247 in all), but
    // July 2027 has 22 weekdays and no holiday or worked Saturday, and December 23 weekdays less 31 Dec.
    // 2021 had the same weekdays and the same transfers, and its decree gave July 22, December 22.
    expect(months).toEqual([15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22]);
    expect(sum(months)).toBe(247);
  });

  it("2027: the decree's transfers and the art. 112 p. 2 ones", () => {
    const days = new Map(defaultCalendarDays(2027).map((d) => [d.date, d.kind]));
    expect(days.get("2027-02-20")).toBe("short");
    for (const date of ["2027-02-22", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-05", "2027-12-31"]) {
      expect(days.get(date), date).toBe("off");
    }
    expect([...days].filter(([date, kind]) => date < "2027-01-31" && kind === "off").map(([date]) => date)).toEqual([
      "2027-01-01",
      "2027-01-04",
      "2027-01-05",
      "2027-01-06",
      "2027-01-07",
      "2027-01-08",
    ]);
    const calendar = shipped([2027]);
    expect(isWorkingDay(calendar, "2027-02-20")).toBe(true);
    expect(calendar.shortDays.has("2027-02-20")).toBe(true);
  });

  it("a year without a decree gets art. 112 p. 2: a weekend holiday's day moves to the next working day", () => {
    // 2028: 4 November is a Saturday; 1–8 January's weekend days are not moved without a decree.
    const days2028 = defaultCalendarDays(2028);
    expect(days2028.find((d) => d.date === "2028-11-06")).toMatchObject({
      kind: "off",
      note: "Перенесённый выходной день",
    });
    expect(days2028.find((d) => d.date === "2028-01-10")).toBeUndefined();
    expect(sum(workingDaysByMonth(shipped([2028]), 2028))).toBe(249);
  });

  it("agrees with the calendar in code on every day of 2025–2028", () => {
    const stored = shipped([2025, 2026, 2027, 2028]);
    const code = russianCalendar([2025, 2026, 2027, 2028]);
    for (const year of [2025, 2026, 2027, 2028]) {
      for (const day of everyDay(year)) expect(isWorkingDay(stored, day), day).toBe(isWorkingDay(code, day));
    }
  });

  it("lists days off on weekdays only, and transfers as worked weekend days", () => {
    const days2025 = defaultCalendarDays(2025);
    expect(days2025.filter((d) => d.kind === "working").map((d) => d.date)).toEqual(["2025-11-01"]);
    expect(days2025.find((d) => d.date === "2025-11-03")).toMatchObject({
      kind: "off",
      note: "Перенесённый выходной день",
    });
    expect(defaultCalendarDays(2026).find((d) => d.date === "2026-02-21")).toBeUndefined();
    expect(defaultCalendarDays(2026).find((d) => d.date === "2026-02-23")).toMatchObject({
      kind: "off",
      note: "День защитника Отечества",
    });
  });

  it.each([
    [2025, ["2025-03-07", "2025-04-30", "2025-06-11"]],
    [2026, ["2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03"]],
    // 20 February 2027: the worked Saturday before 22–23 February, shortened by the decree.
    [2027, ["2027-02-20", "2027-04-30", "2027-06-11", "2027-11-03"]],
    [2028, ["2028-02-22", "2028-03-07", "2028-05-08", "2028-11-03"]],
  ])("short days of %i: working days right before an art. 112 holiday", (year, short) => {
    expect(
      defaultCalendarDays(year)
        .filter((d) => d.kind === "short")
        .map((d) => d.date),
    ).toEqual(short);
  });
});

describe("the calendar of stored days", () => {
  it("falls back to the code's calendar for a year without a single stored day", () => {
    const calendar = calendarFromDays([{ date: "2027-12-31", kind: "off" }], [2026, 2027]);
    expect(isWorkingDay(calendar, "2026-01-09")).toBe(false);
    expect(isWorkingDay(calendar, "2027-12-31")).toBe(false);
    // 2027 has a stored day, so the stored days are the whole of 2027.
    expect(isWorkingDay(calendar, "2027-01-04")).toBe(true);
  });

  it("counts a short day as a working day, and a short Saturday as a worked one", () => {
    const calendar = calendarFromDays(
      [
        { date: "2026-04-30", kind: "short" },
        { date: "2025-11-01", kind: "short" },
      ],
      [],
    );
    expect(isWorkingDay(calendar, "2026-04-30")).toBe(true);
    expect(isWorkingDay(calendar, "2025-11-01")).toBe(true);
    expect([...calendar.shortDays]).toEqual(["2026-04-30", "2025-11-01"]);
  });
});
