import type { Language } from "~/domain/i18n/localized";
import { REGION_TIME_ZONE } from "./clock";

/*
 * Dates as residents read them, always in the region's time zone (a parent in Vladivostok sees
 * Penza's time, which is what deadlines are counted in). Formatted on the server and sent as text,
 * so the browser's own time zone or Intl data never changes what the page says.
 */
const LOCALES: Record<Language, string> = { ru: "ru-RU", en: "en-GB" };

const DATE_TIME: Intl.DateTimeFormatOptions = {
  timeZone: REGION_TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};

const FORMATS = {
  dateTime: DATE_TIME,
  preciseDateTime: { ...DATE_TIME, second: "2-digit", fractionalSecondDigits: 3 },
  time: { timeZone: REGION_TIME_ZONE, hour: "2-digit", minute: "2-digit" },
  // Calendar dates are stored without a time zone: read as UTC midnight, printed as UTC.
  date: { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" },
  month: { timeZone: "UTC", month: "long", year: "numeric" },
  monthName: { timeZone: "UTC", month: "long" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// An Intl formatter costs tens of microseconds to make and a page prints many dates: each is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, kind: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(LOCALES[language], FORMATS[kind])));
  return made;
}

export function formatDateTime(instant: Date, language: Language): string {
  return formatter(language, "dateTime").format(instant);
}

/** An instant to the millisecond, for a receipt whose order matters: "1 апреля 2027 г., 00:00:00,123". */
export function formatPreciseDateTime(instant: Date, language: Language): string {
  return formatter(language, "preciseDateTime").format(instant);
}

export function formatTime(instant: Date, language: Language): string {
  return formatter(language, "time").format(instant);
}

/** A calendar date (YYYY-MM-DD) in words: "18 мая 2026 г." / "18 May 2026". */
export function formatDate(isoDate: string, language: Language): string {
  return formatter(language, "date").format(new Date(`${isoDate}T00:00:00Z`));
}

/** A month (YYYY-MM) in words: "сентябрь 2027 г." / "September 2027". */
export function formatMonth(month: string, language: Language): string {
  return formatter(language, "month").format(new Date(`${month}-01T00:00:00Z`));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a calendar date as the portal stores it (YYYY-MM-DD). */
export function isIsoDate(text: unknown): text is string {
  return typeof text === "string" && ISO_DATE.test(text);
}

/**
 * A calendar date in digits, as on documents: "20.01.2012" (ДД.ММ.ГГГГ) / "20/01/2012". Written by
 * hand rather than with Intl, so the server and every browser print the same characters. Anything
 * that is not a stored date (what a resident typed into a draft) is shown as it is.
 */
export function formatShortDate(isoDate: string, language: Language): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return language === "ru" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/** A month of any year (1–12) by its name: "сентябрь" / "September". */
export function formatMonthName(month: number, language: Language): string {
  return formatter(language, "monthName").format(new Date(Date.UTC(2000, month - 1, 1)));
}
