import { digitsOnly, isAllZeros, toCyrillicLookalikes, toPlainCharacters, type IdentifierCheck } from "./normalize";

/** Паспорт РФ: series of 4 digits and number of 6, shown "NNNN NNNNNN". */
export function checkPassportNumber(input: string): IdentifierCheck {
  // "№ 5612 345678": NFKC writes the numero sign as "No", so both spellings may lead.
  const typed = toPlainCharacters(input)
    .trim()
    .replace(/^(No|N|№)\.?\s*/i, "");
  const digits = digitsOnly(typed);
  if (digits.length !== 10 || /[^\d\s-]/.test(typed)) return { ok: false, error: "format" };
  if (isAllZeros(digits.slice(0, 4)) || isAllZeros(digits.slice(4))) return { ok: false, error: "format" };
  return { ok: true, value: `${digits.slice(0, 4)} ${digits.slice(4)}` };
}

/** Код подразделения, выдавшего паспорт: "NNN-NNN". */
export function checkIssuerCode(input: string): IdentifierCheck {
  const digits = digitsOnly(input);
  if (digits.length !== 6 || /[^\d\s-]/.test(toPlainCharacters(input).trim()) || isAllZeros(digits)) {
    return { ok: false, error: "format" };
  }
  return { ok: true, value: `${digits.slice(0, 3)}-${digits.slice(3)}` };
}

/*
 * Свидетельство о рождении: Roman-numeral part, dash, two Cyrillic letters, six digits —
 * "IV-АИ 123456". Accepts any spacing, an en dash, lower case and Latin look-alike letters.
 */
const CYRILLIC_NUMERALS: Record<string, string> = { Х: "X", С: "C", М: "M", І: "I" };
const BIRTH_CERTIFICATE = /^([IVXLCDM]{1,7})-([А-ЯЁ]{2})(\d{6})$/;

export function checkBirthCertificate(input: string): IdentifierCheck {
  const compact = toPlainCharacters(input)
    .toUpperCase()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, "");
  const dash = compact.indexOf("-");
  if (dash < 0) return { ok: false, error: "format" };
  const numeral = compact.slice(0, dash).replace(/[ХСМІ]/g, (ch) => CYRILLIC_NUMERALS[ch] ?? ch);
  const normalised = numeral + "-" + toCyrillicLookalikes(compact.slice(dash + 1));
  const match = BIRTH_CERTIFICATE.exec(normalised);
  if (!match) return { ok: false, error: "format" };
  return { ok: true, value: `${match[1]}-${match[2]} ${match[3]}` };
}

/** Единый лицевой счёт for housing and utilities: "58АБ123456" — 2 digits, 2 letters, 6 digits. */
const ELS = /^\d{2}[А-ЯЁ]{2}\d{6}$/;

export function checkEls(input: string): IdentifierCheck {
  const normalised = toCyrillicLookalikes(toPlainCharacters(input).toUpperCase().replace(/[\s-]/g, ""));
  return ELS.test(normalised) ? { ok: true, value: normalised } : { ok: false, error: "format" };
}
