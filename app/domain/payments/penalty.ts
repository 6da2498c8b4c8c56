/*
 * Penalty on a late utility bill (пени, ЖК РФ art. 155 p. 14; docs/payments.md, "Penalty"): nothing for the
 * first 30 days of delay, then 1/300 of the key rate per day on the debt from the 31st to the 90th day, and
 * 1/130 from the 91st. Day 1 of delay is the day after the due date. The arithmetic is exact (integers in
 * kopecks and basis points) and rounded once, half up, so the page shows the same figure every time.
 */
export type PenaltyBand = { fromDay: number; toDay: number; days: number; divisor: 300 | 130; amount: number };

export type Penalty = {
  /** Days since the due date; 0 or less = not late. */
  daysLate: number;
  debt: number;
  keyRatePercent: number;
  bands: PenaltyBand[];
  /** In kopecks. */
  amount: number;
};

const GRACE_DAYS = 30;
const FIRST_BAND_LAST_DAY = 90;
const DAY_MS = 86_400_000;

/** Whole days from one "YYYY-MM-DD" to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** debt × rate × days / divisor, in kopecks, exact until the one rounding. */
function bandAmount(debt: number, rateBasisPoints: number, days: number, divisor: number): bigint {
  // Scaled by 10,000 × divisor; the caller sums the bands before rounding.
  return (BigInt(debt) * BigInt(rateBasisPoints) * BigInt(days) * 39_000n) / BigInt(divisor);
}

export function penaltyOn(input: { debt: number; dueDate: string; on: string; keyRatePercent: number }): Penalty {
  const daysLate = daysBetween(input.dueDate, input.on);
  const rate = Math.round(input.keyRatePercent * 100);
  const firstDays = Math.max(0, Math.min(daysLate, FIRST_BAND_LAST_DAY) - GRACE_DAYS);
  const secondDays = Math.max(0, daysLate - FIRST_BAND_LAST_DAY);
  // Common denominator of both bands: 10,000 (basis points) × 39,000 (300 × 130).
  const scale = 10_000n * 39_000n;
  const first = bandAmount(input.debt, rate, firstDays, 300);
  const second = bandAmount(input.debt, rate, secondDays, 130);
  const round = (scaled: bigint) => Number((scaled * 2n + scale) / (scale * 2n));
  const bands: PenaltyBand[] = [];
  if (firstDays > 0)
    bands.push({
      fromDay: GRACE_DAYS + 1,
      toDay: GRACE_DAYS + firstDays,
      days: firstDays,
      divisor: 300,
      amount: round(first),
    });
  if (secondDays > 0)
    bands.push({
      fromDay: FIRST_BAND_LAST_DAY + 1,
      toDay: daysLate,
      days: secondDays,
      divisor: 130,
      amount: round(second),
    });
  return {
    daysLate: Math.max(0, daysLate),
    debt: input.debt,
    keyRatePercent: input.keyRatePercent,
    bands,
    amount: input.debt > 0 ? round(first + second) : 0,
  };
}
