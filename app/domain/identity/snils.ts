import { digitsOnly, isAllZeros, type IdentifierCheck } from "./normalize";

/*
 * СНИЛС: 11 digits, shown "XXX-XXX-XXX YY". The last two are a checksum over the first nine,
 * weighted 9..1, taken mod 101 with 100 written as 00. Numbers up to 001-001-998 were issued
 * before the checksum existed and are not checked.
 */
const CHECKSUM_SINCE = 1_001_998;

export function snilsChecksum(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (9 - i);
  const check = sum % 101;
  return check === 100 ? "00" : String(check).padStart(2, "0");
}

export function checkSnils(input: string): IdentifierCheck {
  const digits = digitsOnly(input);
  if (digits.length !== 11) return { ok: false, error: "format" };
  const body = digits.slice(0, 9);
  // Below 001-001-998 the checksum is not checked, so 000-000-000 00 would pass without this.
  if (isAllZeros(body)) return { ok: false, error: "zero" };
  if (Number(body) > CHECKSUM_SINCE && snilsChecksum(body) !== digits.slice(9)) return { ok: false, error: "checksum" };
  return { ok: true, value: formatSnils(digits) };
}

export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}
