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

  it("2027, until its decree is entered, has the art. 112 holidays only: 252 working days", () => {
    expect(sum(workingDaysByMonth(shipped([2027]), 2027))).toBe(252);
  });

  it("agrees with the calendar in code on every day of 2025–2027", () => {
    const stored = shipped([2025, 2026, 2027]);
    const code = russianCalendar([2025, 2026, 2027]);
    for (const year of [2025, 2026, 2027]) {
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
    [2027, ["2027-02-22", "2027-04-30", "2027-06-11", "2027-11-03", "2027-12-31"]],
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
