/*
 * When a bill is due (docs/payments.md, "Due date and debt"): by the 10th of the month after its period
 * (ЖК РФ art. 155 p. 1) unless the provider's contracts give another day. Dates are region-local
 * "YYYY-MM-DD" strings, like the production calendar's.
 */
export const DEFAULT_DUE_DAY = 10;
export const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** "2026-03" → "2026-04-10"; a due day past the month's end is its last day. */
export function dueDateOf(period: string, dueDay: number | null = null): string {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  let year = Number(match[1]);
  let month = Number(match[2]) + 1;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(dueDay ?? DEFAULT_DUE_DAY, last);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
