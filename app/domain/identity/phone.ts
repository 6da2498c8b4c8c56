import { digitsOnly, toPlainCharacters, type IdentifierCheck } from "./normalize";

/** A Russian mobile or landline number, stored as +7XXXXXXXXXX; 8… and bare 10 digits accepted. */
export function checkPhone(input: string): IdentifierCheck {
  if (/[^\d\s()+\-.]/.test(toPlainCharacters(input).trim())) return { ok: false, error: "format" };
  let digits = digitsOnly(input);
  if (digits.length === 11 && (digits.startsWith("7") || digits.startsWith("8"))) digits = digits.slice(1);
  if (digits.length !== 10 || !/^[3489]/.test(digits)) return { ok: false, error: "format" };
  return { ok: true, value: `+7${digits}` };
}

export function formatPhone(stored: string): string {
  const d = stored.slice(2);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8, 10)}`;
}
