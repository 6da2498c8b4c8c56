import { digitsOnly, isAllZeros, type IdentifierCheck } from "./normalize";

/*
 * ИНН: 12 digits for a person (two check digits), 10 for an organisation (one). Each check digit
 * is a weighted sum mod 11 mod 10.
 */
const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: number[]): string {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return String((sum % 11) % 10);
}

/** Completes 10 leading digits of a person's ИНН with its two check digits. */
export function personInnWithChecksum(tenDigits: string): string {
  const eleven = tenDigits + checkDigit(tenDigits, WEIGHTS_11);
  return eleven + checkDigit(eleven, WEIGHTS_12);
}

export type InnHolder = "person" | "organisation" | "any";

export function checkInn(input: string, holder: InnHolder = "any"): IdentifierCheck {
  const digits = digitsOnly(input);
  // Zeros pass both check digits; the first two digits are a region (tax office) code, never 00.
  if ((digits.length === 12 || digits.length === 10) && (isAllZeros(digits) || digits.startsWith("00"))) {
    return { ok: false, error: "zero" };
  }
  if (digits.length === 12 && holder !== "organisation") {
    return personInnWithChecksum(digits.slice(0, 10)) === digits
      ? { ok: true, value: digits }
      : { ok: false, error: "checksum" };
  }
  if (digits.length === 10 && holder !== "person") {
    return checkDigit(digits, WEIGHTS_10) === digits[9]
      ? { ok: true, value: digits }
      : { ok: false, error: "checksum" };
  }
  return { ok: false, error: "format" };
}
