import type { Language } from "~/domain/i18n/localized";
import { formatNumber, NBSP, russianPlural } from "~/domain/region/numbers";
import type { IndicatorValue } from "./compute";
import type { IndicatorUnit } from "./definitions";

/*
 * Indicators as people read them: "87,5 %", "12 345", "4,45", "3 рабочих дня", "×2,3", and how far a
 * value is from its target; the numbers themselves by the one number formatter (region/numbers.ts).
 */
const NO_DATA: Record<Language, string> = { ru: "нет данных", en: "no data" };

/** Digits after the decimal point a unit is shown with (trailing zeros dropped). */
const DIGITS: Record<IndicatorUnit, number> = { percent: 1, count: 0, score: 2, workingDays: 1, times: 1 };

/** "1 рабочий день", "3 рабочих дня", "5 рабочих дней", "2,5 рабочего дня"; "1 working day". */
function workingDaysWord(value: number, language: Language): string {
  const n = Math.abs(value);
  if (language === "en") return n === 1 ? "working day" : "working days";
  if (!Number.isInteger(n)) return "рабочего дня";
  return russianPlural(n, ["рабочий день", "рабочих дня", "рабочих дней"]);
}

/** A value in its unit, or "нет данных" / "no data" when there is none. */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA[language];
  const number = formatNumber(value, language, DIGITS[unit]);
  switch (unit) {
    case "percent":
      return language === "ru" ? `${number}${NBSP}%` : `${number}%`;
    case "count":
    case "score":
      return number;
    case "workingDays":
      return `${number}${NBSP}${workingDaysWord(Math.round(value * 10) / 10, language)}`;
    case "times":
      return `×${number}`;
  }
}

/** A change in percent with its sign: "+12,5 %", "−3 %". */
export function formatChange(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA[language];
  const text = formatValue(value, "percent", language);
  return value > 0 ? `+${text}` : text;
}

export type GapStatus = "met" | "notMet" | "noTarget" | "noData";
export type Gap = {
  status: GapStatus;
  /** value − target, or null without both. */
  difference: number | null;
  /** How far past the target in the better direction: positive when met, negative when short. */
  ahead: number | null;
};

/** How far a value is from its target, and whether the target is met ("up": at least; "down": at most). */
export function gap(value: number | null, target: number | null, direction: "up" | "down"): Gap {
  if (value === null) return { status: "noData", difference: null, ahead: null };
  if (target === null) return { status: "noTarget", difference: null, ahead: null };
  // Rounded so that 4.45 − 4.4 is 0.05 and not 0.0500000000000007.
  const difference = Math.round((value - target) * 10_000) / 10_000;
  const ahead = direction === "up" ? difference : -difference;
  return { status: ahead >= 0 ? "met" : "notMet", difference, ahead: ahead === 0 ? 0 : ahead };
}

/** The size of a difference in the unit: percentage points for percents. */
function formatAmount(amount: number, unit: IndicatorUnit, language: Language): string {
  const number = formatNumber(amount, language, DIGITS[unit]);
  switch (unit) {
    case "percent":
      return language === "ru" ? `${number}${NBSP}п.${NBSP}п.` : `${number}${NBSP}pp`;
    case "workingDays":
      return formatValue(amount, "workingDays", language);
    default:
      return number;
  }
}

/**
 * A gap in words: "цель достигнута, с запасом 7,5 п. п.", "до цели не хватает 4,8 п. п."; without
 * the status words ("с запасом 7,5 п. п.") where the page says "met" already.
 */
export function formatGap(
  value: Gap,
  unit: IndicatorUnit,
  language: Language,
  { withStatus = true }: { withStatus?: boolean } = {},
): string {
  const ru = language === "ru";
  switch (value.status) {
    case "noData":
      return NO_DATA[language];
    case "noTarget":
      return ru ? "цель не установлена" : "no target set";
    case "met": {
      const met = withStatus ? (ru ? "цель достигнута" : "target met") : "";
      if (!value.ahead) return met || (ru ? "точно в цель" : "exactly on target");
      const amount = formatAmount(value.ahead, unit, language);
      const margin = ru ? `с запасом ${amount}` : `${amount} ahead`;
      return met ? `${met}, ${margin}` : margin;
    }
    case "notMet":
      return ru
        ? `до цели не хватает ${formatAmount(-value.ahead!, unit, language)}`
        : `${formatAmount(-value.ahead!, unit, language)} short of the target`;
  }
}

/**
 * Small counts are not published: fewer than this many cases under a share (or in a count) could
 * point at particular people, and say little anyway.
 */
export const SMALL_COUNT = 5;

export function isSmallCount(value: Pick<IndicatorValue, "value" | "denominator">, unit: IndicatorUnit): boolean {
  if (value.value === null) return false;
  const base = value.denominator ?? (unit === "count" ? value.value : null);
  return base !== null && base < SMALL_COUNT;
}

const MONTHS: Record<Language, { long: string[]; short: string[] }> = {
  ru: {
    long: [
      "январь",
      "февраль",
      "март",
      "апрель",
      "май",
      "июнь",
      "июль",
      "август",
      "сентябрь",
      "октябрь",
      "ноябрь",
      "декабрь",
    ],
    short: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
  },
  en: {
    long: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};
const ROMAN = ["I", "II", "III", "IV"];

/**
 * A period key in words: "2026", "II квартал 2026", "апрель 2026"; `short` drops the year of a
 * quarter or a month, for a chart's axis ("II кв.", "апр").
 */
export function formatPeriod(key: string, language: Language, style: "long" | "short" = "long"): string {
  const ru = language === "ru";
  let match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) {
    const q = Number(match[2]);
    if (style === "short") return ru ? `${ROMAN[q - 1]} кв.` : `Q${q}`;
    return ru ? `${ROMAN[q - 1]} квартал ${match[1]}` : `Q${q} ${match[1]}`;
  }
  match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    const month = Number(match[2]) - 1;
    const names = MONTHS[language];
    if (style === "short") return names.short[month] ?? key;
    return `${names.long[month] ?? key} ${match[1]}`;
  }
  return key;
}
