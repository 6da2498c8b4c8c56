import { describe, expect, it } from "vitest";
import { article112DaysOff, DECREED_YEARS, russianCalendar, withWeekendHolidaysMoved } from "./production-calendar";
import { isWorkingDay } from "./working-days";

/** The days off that art. 112 p. 2 adds to a year's fixed holidays. */
const moved = (year: number) =>
  article112DaysOff(year).filter((day) => !/-(01-0[1-8]|02-23|03-08|05-01|05-09|06-12|11-04)$/.test(day));

describe("art. 112 p. 2: a holiday on a Saturday or Sunday moves to the next working day", () => {
  it("2027 by the rule alone: 3 May, 10 May and 14 June off (docs/deadlines.md)", () => {
    expect(moved(2027)).toEqual(["2027-05-03", "2027-05-10", "2027-06-14"]);
  });

  it.each([
    ["12 June on a Saturday → Monday 14 June", "2027-06-12", "2027-06-14"],
    ["12 June on a Sunday → Monday 13 June", "2033-06-12", "2033-06-13"],
    ["4 November on a Sunday → Monday 5 November", "2029-11-04", "2029-11-05"],
    ["4 November on a Saturday, followed by a Sunday → Monday 6 November", "2028-11-04", "2028-11-06"],
    ["1 May on a Saturday → Monday 3 May", "2027-05-01", "2027-05-03"],
    ["23 February on a Sunday → Monday 24 February", "2031-02-23", "2031-02-24"],
    ["8 March on a Saturday → Monday 10 March", "2031-03-08", "2031-03-10"],
  ])("%s", (_, holiday, dayOff) => {
    const year = Number(holiday.slice(0, 4));
    expect(article112DaysOff(year)).toContain(holiday);
    expect(article112DaysOff(year)).toContain(dayOff);
  });

  it("moves only the holidays that fall on a weekend", () => {
    // 2030: only 23 February is on a weekend (a Saturday); it gives Monday 25 February.
    expect(moved(2030)).toEqual(["2030-02-25"]);
  });

  it("does not move the New-Year holidays: their weekend days are the decree's to place", () => {
    // 2028: 1, 2, 8 January are a Saturday, a Sunday and a Saturday; 10 January stays a working day.
    const days = article112DaysOff(2028);
    expect(days.filter((day) => day.startsWith("2028-01"))).toEqual([
      "2028-01-01",
      "2028-01-02",
      "2028-01-03",
      "2028-01-04",
      "2028-01-05",
      "2028-01-06",
      "2028-01-07",
      "2028-01-08",
    ]);
    expect(isWorkingDay(russianCalendar([2028]), "2028-01-10")).toBe(true);
  });

  it("moves consecutive weekend holidays to consecutive working days", () => {
    // A Saturday and a Sunday holiday: Monday and Tuesday.
    expect(withWeekendHolidaysMoved(["2027-05-01", "2027-05-02"])).toEqual([
      "2027-05-01",
      "2027-05-02",
      "2027-05-03",
      "2027-05-04",
    ]);
    // A Sunday holiday before a Monday holiday: the Tuesday, not the Monday already off.
    expect(withWeekendHolidaysMoved(["2027-05-09", "2027-05-10"])).toEqual(["2027-05-09", "2027-05-10", "2027-05-11"]);
    // Two weekends in a row: each move skips the days already taken.
    expect(withWeekendHolidaysMoved(["2027-05-01", "2027-05-08", "2027-05-09"])).toEqual([
      "2027-05-01",
      "2027-05-03",
      "2027-05-08",
      "2027-05-09",
      "2027-05-10",
      "2027-05-11",
    ]);
  });

  it("applies to every year without a decree, and not to a decreed year", () => {
    const calendar = russianCalendar([2025, 2028]);
    expect(isWorkingDay(calendar, "2028-11-06")).toBe(false);
    // 2025: 23 February was a Sunday, but the decree moved its day to 8 May, so 24 February was worked.
    expect(isWorkingDay(calendar, "2025-02-24")).toBe(true);
    expect(isWorkingDay(calendar, "2025-05-08")).toBe(false);
  });
});

describe("the 2027 decree", () => {
  it("keeps the art. 112 p. 2 transfers and adds its own", () => {
    const decree = DECREED_YEARS[2027]!;
    for (const day of article112DaysOff(2027)) expect(decree.daysOff, day).toContain(day);
    const calendar = russianCalendar([2027]);
    expect(isWorkingDay(calendar, "2027-02-20")).toBe(true);
    for (const day of ["2027-02-22", "2027-11-05", "2027-12-31"]) expect(isWorkingDay(calendar, day), day).toBe(false);
    // 2–3 January are placed on 5 November and 31 December, not on the following Monday.
    expect(isWorkingDay(calendar, "2027-01-11")).toBe(true);
  });
});
