import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { russianCalendar } from "./production-calendar";
import {
  addWorkingDays,
  deadlineAfterPause,
  isWorkingDay,
  legalDeadline,
  registrationDay,
  workingDaysLeft,
} from "./working-days";

const calendar = russianCalendar();
/** A Moscow wall-clock time as an instant (Moscow is UTC+3 all year). */
const moscow = (local: string) => new Date(`${local}+03:00`);

describe("the production calendar", () => {
  it.each([
    ["2026-01-09", false],
    ["2026-01-12", true],
    ["2026-02-23", false],
    ["2026-03-09", false],
    ["2026-05-04", true],
    ["2026-05-11", false],
    ["2026-06-12", false],
    ["2026-11-04", false],
    ["2026-12-31", false],
    ["2025-11-01", true],
    ["2025-11-03", false],
    ["2026-07-04", false],
    // 2027: the decree and art. 112 p. 2.
    ["2027-01-11", true],
    ["2027-02-20", true],
    ["2027-02-22", false],
    ["2027-05-03", false],
    ["2027-05-10", false],
    ["2027-06-14", false],
    ["2027-11-05", false],
    ["2027-12-31", false],
  ])("%s is a working day: %s", (date, working) => {
    expect(isWorkingDay(calendar, date)).toBe(working);
  });
});

describe("legal deadlines (the worked examples of docs/deadlines.md)", () => {
  it("received 30 April 2026, 10 working days → due 18 May", () => {
    expect(legalDeadline(calendar, moscow("2026-04-30T11:00"), 10)).toBe("2026-05-18");
  });
  it("stage-1 enrollment orders: 3 working days after 30 June → 3 July", () => {
    expect(addWorkingDays(calendar, "2026-06-30", 3)).toBe("2026-07-03");
  });
  it("stage 2: received 6 July, 5 working days → 13 July", () => {
    expect(legalDeadline(calendar, moscow("2026-07-06T00:05"), 5)).toBe("2026-07-13");
  });
  it("received after office hours or on a day off counts from the next working day", () => {
    expect(registrationDay(calendar, moscow("2026-04-30T18:30"))).toBe("2026-05-04");
    expect(registrationDay(calendar, moscow("2026-05-02T10:00"))).toBe("2026-05-04");
    expect(registrationDay(calendar, moscow("2026-05-04T08:00"))).toBe("2026-05-04");
    // 23:30 UTC on 3 May is 02:30 on 4 May in Penza: the region's clock decides.
    expect(registrationDay(calendar, new Date("2026-05-03T23:30:00Z"))).toBe("2026-05-04");
  });
  it("2027: received Friday 30 April, 5 working days → due 11 May (3 and 10 May are off)", () => {
    expect(legalDeadline(calendar, moscow("2027-04-30T11:00"), 5)).toBe("2027-05-11");
  });
  it("an immediate service (0 days) is due on the day it counts as received", () => {
    expect(legalDeadline(calendar, moscow("2026-05-09T12:00"), 0)).toBe("2026-05-12");
  });
  it("counts working days left, negative when overdue", () => {
    expect(workingDaysLeft(calendar, "2026-05-08", "2026-05-18")).toBe(5);
    expect(workingDaysLeft(calendar, "2026-05-18", "2026-05-18")).toBe(0);
    expect(workingDaysLeft(calendar, "2026-05-20", "2026-05-18")).toBe(-2);
  });
  it("a deadline is always a working day, and never earlier than the term allows (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2026-11-30T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 45 }),
        (receivedAt, term) => {
          const deadline = legalDeadline(calendar, receivedAt, term);
          const start = registrationDay(calendar, receivedAt);
          return isWorkingDay(calendar, deadline) && workingDaysLeft(calendar, start, deadline) === term;
        },
      ),
    );
  });
});

describe("the clock paused while waiting for the resident", () => {
  it("adds the working days from the request to the answer", () => {
    // Due 18 May 2026; asked on Wed 6 May, answered on Wed 13 May: 7, 8, 12 and 13 May are
    // working days (9–11 May are off), so four working days are added.
    expect(deadlineAfterPause(calendar, "2026-05-18", "2026-05-06", "2026-05-13")).toBe("2026-05-22");
  });
  it("pauses nothing when the answer comes the same day", () => {
    expect(deadlineAfterPause(calendar, "2026-05-18", "2026-05-13", "2026-05-13")).toBe("2026-05-18");
  });
  it("does not count days off in the pause", () => {
    // Asked Friday 8 May, answered Tuesday 12 May: 9–11 May are off, only 12 May counts.
    expect(deadlineAfterPause(calendar, "2026-05-18", "2026-05-08", "2026-05-12")).toBe("2026-05-19");
  });
});

describe("counting working days by arithmetic", () => {
  it("agrees with walking the calendar day by day (property)", () => {
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let day = from; day < to;) {
        day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (isWorkingDay(calendar, day)) count += 1;
      }
      return count;
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-06-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 900 }),
        (start, span) => {
          const from = start.toISOString().slice(0, 10);
          const to = new Date(start.getTime() + span * 86_400_000).toISOString().slice(0, 10);
          return (
            workingDaysLeft(calendar, from, to) === walk(from, to) &&
            workingDaysLeft(calendar, to, from) === -walk(from, to)
          );
        },
      ),
    );
  });
});
