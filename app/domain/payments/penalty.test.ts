import { describe, expect, it } from "vitest";
import { dueDateOf } from "./due-date";
import { daysBetween, penaltyOn } from "./penalty";

// Worked examples of docs/payments.md, "Penalty": a debt of 10,000.00 ₽ due 10 January 2026, key rate 9.5%.
const debt = 1_000_000;
const dueDate = "2026-01-10";
const on = (daysLate: number) => {
  const day = new Date(Date.parse(`${dueDate}T00:00:00Z`) + daysLate * 86_400_000);
  return day.toISOString().slice(0, 10);
};
const penalty = (daysLate: number, keyRatePercent = 9.5) =>
  penaltyOn({ debt, dueDate, on: on(daysLate), keyRatePercent });

describe("penalty on a late bill", () => {
  it("day 30 of delay: nothing yet", () => {
    expect(penalty(30)).toMatchObject({ daysLate: 30, amount: 0, bands: [] });
  });

  it("day 31: one day at 1/300 — 10,000 × 9.5% / 300 = 3.1667 ₽ → 3.17 ₽", () => {
    expect(penalty(31)).toMatchObject({
      daysLate: 31,
      amount: 317,
      bands: [{ fromDay: 31, toDay: 31, days: 1, divisor: 300, amount: 317 }],
    });
  });

  it("day 90: sixty days at 1/300 — 10,000 × 9.5% × 60 / 300 = 190.00 ₽", () => {
    expect(penalty(90)).toMatchObject({
      amount: 19_000,
      bands: [{ fromDay: 31, toDay: 90, days: 60, divisor: 300, amount: 19_000 }],
    });
  });

  it("day 91: the first day at 1/130 — 190.00 + 10,000 × 9.5% / 130 = 190.00 + 7.3077 = 197.31 ₽", () => {
    const result = penalty(91);
    expect(result.amount).toBe(19_731);
    expect(result.bands).toEqual([
      { fromDay: 31, toDay: 90, days: 60, divisor: 300, amount: 19_000 },
      { fromDay: 91, toDay: 91, days: 1, divisor: 130, amount: 731 },
    ]);
  });

  it("day 120: 190.00 + 30 × 7.3077 = 409.23 ₽; the sum is rounded once, not band by band", () => {
    // 30 days × 730.769… kopecks = 21,923.08 kopecks.
    expect(penalty(120).amount).toBe(19_000 + 21_923);
  });

  it("the key rate is configuration: at 21% day 31 is 10,000 × 21% / 300 = 7.00 ₽", () => {
    expect(penalty(31, 21).amount).toBe(700);
  });

  it("not late, or nothing owed: no penalty", () => {
    expect(penalty(-5)).toMatchObject({ daysLate: 0, amount: 0 });
    expect(penaltyOn({ debt: 0, dueDate, on: on(200), keyRatePercent: 9.5 }).amount).toBe(0);
  });

  it("day 1 of delay is the day after the due date, across a year's end", () => {
    expect(daysBetween("2025-12-10", "2025-12-11")).toBe(1);
    expect(daysBetween("2025-12-10", "2026-01-09")).toBe(30);
    expect(daysBetween("2024-02-10", "2024-03-11")).toBe(30);
  });
});

describe("due date of a bill", () => {
  it("the 10th of the month after the period, unless the provider says", () => {
    expect(dueDateOf("2026-03")).toBe("2026-04-10");
    expect(dueDateOf("2026-12")).toBe("2027-01-10");
    expect(dueDateOf("2026-01", 31)).toBe("2026-02-28");
    expect(dueDateOf("2026-05", 25)).toBe("2026-06-25");
  });
});
