/**
 * What a person typed, in the forms identifiers are checked in: NFKC folds full-width and other
 * compatibility digits and letters ("１２３", "ＡＢ") into their ASCII forms, so a number typed with
 * an East Asian keyboard layout or pasted from a PDF is read as the digits it shows.
 */
export function toPlainCharacters(input: string): string {
  return input.normalize("NFKC");
}

/** Keeps digits only: residents type identifiers with spaces, dashes and brackets. */
export function digitsOnly(input: string): string {
  return toPlainCharacters(input).replace(/\D/g, "");
}

/** A number of zeros only passes every mod-11 and mod-101 checksum, yet no such number is issued. */
export function isAllZeros(digits: string): boolean {
  return /^0+$/.test(digits);
}

/*
 * Latin letters that look like Cyrillic ones. Document series are Cyrillic, but a keyboard left in
 * the English layout produces "AB" for «АВ»; the two are indistinguishable on paper.
 */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
};

export function toCyrillicLookalikes(input: string): string {
  return input.replace(/[ABCEHKMOPTXY]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

/** Outcome of checking an identifier: the normalised value, or why it is wrong. */
export type IdentifierCheck = { ok: true; value: string } | { ok: false; error: "format" | "checksum" | "zero" };
