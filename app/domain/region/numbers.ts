import type { Language } from "~/domain/i18n/localized";

/*
 * Numbers as people read them: "12 345,5" in Russian (a thin space between thousands, a decimal
 * comma), "12,345.5" in English; file sizes in words ("597 байт", "12 КБ", "1,5 МБ"). Written by hand
 * instead of with Intl: the server and every browser must print the same characters, or a hydrated
 * page would differ from the one the server sent.
 */
export const NBSP = "\u00A0";
/** The thin space of Russian typography between thousands (narrow and non-breaking). */
const THIN_NBSP = "\u202F";
const MINUS = "\u2212";

/** A plain number in the language's notation: "12 345,5" / "12,345.5"; "−" for negatives. */
export function formatNumber(value: number, language: Language, digits = 1): string {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = "0", fraction = ""] = rounded.toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === "ru" ? THIN_NBSP : ",");
  const trimmed = fraction.replace(/0+$/, "");
  const text = trimmed ? `${grouped}${language === "ru" ? "," : "."}${trimmed}` : grouped;
  return value < 0 && rounded !== 0 ? `${MINUS}${text}` : text;
}

/** The Russian word for a count: one («1 байт»), few («3 байта»), many («5 байт»). */
export function russianPlural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

const KB = 1024;
const MB = 1024 * 1024;

/** A file's size: "597 байт", "12 КБ", "1,5 МБ" / "597 bytes", "12 KB", "1.5 MB". */
export function formatFileSize(bytes: number, language: Language): string {
  const ru = language === "ru";
  if (bytes < KB) {
    const n = Math.max(0, Math.round(bytes));
    const word = ru ? russianPlural(n, ["байт", "байта", "байт"]) : n === 1 ? "byte" : "bytes";
    return `${formatNumber(n, language, 0)}${NBSP}${word}`;
  }
  // Below a megabyte whole kilobytes; 1023.6 KB rounds up into "1 МБ" rather than "1024 КБ".
  if (Math.round(bytes / KB) < KB) return `${formatNumber(bytes / KB, language, 0)}${NBSP}${ru ? "КБ" : "KB"}`;
  return `${formatNumber(bytes / MB, language, 1)}${NBSP}${ru ? "МБ" : "MB"}`;
}

/** An amount in roubles from kopecks: "5 000 ₽", "594,50 ₽" (kopecks shown only when there are any). */
export function formatRubles(kopecks: number, language: Language): string {
  const whole = kopecks % 100 === 0;
  const text = formatNumber(kopecks / 100, language, whole ? 0 : 2);
  const padded = whole ? text : text.replace(/([.,]\d)$/, "$10");
  return `${padded}${NBSP}₽`;
}
