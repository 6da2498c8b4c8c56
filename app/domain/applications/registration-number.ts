/*
 * The application's registration number, read aloud on the phone and typed from paper: digits only
 * (no О/0 or З/3 confusion), grouped, with a check digit that catches any single mistyped digit and
 * most swaps of neighbours. Format: 58-2026-0001234-5 — region, year, sequence within the year,
 * check digit.
 */
const REGION = "58";

/** Luhn check digit over the digits. */
function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatRegistrationNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999)
    throw new RangeError("sequence out of range");
  const body = `${REGION}${year}${String(sequence).padStart(7, "0")}`;
  return `${REGION}-${year}-${String(sequence).padStart(7, "0")}-${checkDigit(body)}`;
}

/** Accepts the number with or without dashes or spaces; null when it is not a valid one. */
export function parseRegistrationNumber(input: string): { year: number; sequence: number; text: string } | null {
  const digits = input.replace(/[\s-]/g, "");
  const match = /^(\d{2})(\d{4})(\d{7})(\d)$/.exec(digits);
  if (!match || match[1] !== REGION) return null;
  if (checkDigit(digits.slice(0, -1)) !== Number(match[4])) return null;
  const year = Number(match[2]);
  const sequence = Number(match[3]);
  if (sequence < 1) return null;
  return { year, sequence, text: formatRegistrationNumber(year, sequence) };
}
