/*
 * Meter readings (docs/payments.md, "Meter readings"): taken in the provider's window of days, never lower than
 * the last one. Readings are decimals with up to three places, compared as integers of thousandths so that
 * "120,5" and "120.500" are the same reading.
 */
export type ReadingError = "format" | "outside-window" | "lower-than-last";

const DECIMAL = /^\d{1,9}(?:[.,]\d{1,3})?$/;

/** "120,5" → 120500 thousandths; null when it is not a reading. */
export function readingThousandths(text: string): number | null {
  const compact = text.trim().replace(/\s/g, "");
  if (!DECIMAL.test(compact)) return null;
  const [whole = "0", fraction = ""] = compact.replace(",", ".").split(".");
  return Number(whole) * 1000 + Number(fraction.padEnd(3, "0"));
}

/** The stored form: "120.500". */
export function readingText(thousandths: number): string {
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`;
}

export function inReadingWindow(today: string, window: { from: number; to: number }): boolean {
  const day = Number(today.slice(8, 10));
  return day >= window.from && day <= window.to;
}

export function checkReading(input: {
  value: string;
  last: string | null;
  today: string;
  window: { from: number; to: number };
}): { ok: true; value: string } | { ok: false; error: ReadingError } {
  const value = readingThousandths(input.value);
  if (value === null) return { ok: false, error: "format" };
  if (!inReadingWindow(input.today, input.window)) return { ok: false, error: "outside-window" };
  const last = input.last === null ? null : readingThousandths(input.last);
  if (last !== null && value < last) return { ok: false, error: "lower-than-last" };
  return { ok: true, value: readingText(value) };
}
