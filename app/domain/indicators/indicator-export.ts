import { pick, type Language } from "~/domain/i18n/localized";
import type { IndicatorValue } from "./compute";
import { indicatorByCode, type IndicatorUnit } from "./definitions";
import { SLICE_KEYS_PURE, type SliceInput } from "./slice";

/*
 * The open-data shapes of the indicators (JSON and CSV), documented in README "Open data". Both are
 * made from the same computed values the dashboard shows.
 */
export type IndicatorRecord = {
  code: string;
  title: string;
  unit: IndicatorUnit;
  direction: "up" | "down";
  value: number | null;
  target: number | null;
  numerator: number | null;
  denominator: number | null;
  extra: Record<string, number | null>;
};

export function toRecord(value: IndicatorValue, language: Language): IndicatorRecord {
  const definition = indicatorByCode(value.code)!;
  return {
    code: value.code,
    title: pick(definition.title, language),
    unit: definition.unit,
    direction: definition.direction,
    value: value.value,
    target: value.target,
    numerator: value.numerator,
    denominator: value.denominator,
    extra: value.extra,
  };
}

const CSV_COLUMNS = [
  "period",
  "code",
  "unit",
  "value",
  "target",
  "numerator",
  "denominator",
  ...SLICE_KEYS_PURE,
] as const;

const cell = (v: string | number | null | undefined) => {
  const text = v === null || v === undefined ? "" : String(v);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV, one row a period; empty cells mean "no data". */
export function toCsv(
  rows: { period: string; value: IndicatorValue }[],
  unit: IndicatorUnit,
  slice: SliceInput,
): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const { period, value } of rows) {
    lines.push(
      [
        period,
        value.code,
        unit,
        value.value,
        value.target,
        value.numerator,
        value.denominator,
        ...SLICE_KEYS_PURE.map((k) => slice[k] ?? ""),
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
