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

/**
 * "rfc4180": comma-separated, decimal point — for programs. "excel": what a Russian-locale Excel
 * opens by a double click — ";" between cells, a decimal comma, and a byte-order mark so that it
 * reads the file as UTF-8.
 */
export type CsvDialect = "rfc4180" | "excel";

/** `?format=excel` asks for the Excel dialect; anything else (or nothing) is the plain CSV. */
export function csvDialectOf(params: URLSearchParams): CsvDialect {
  return params.get("format") === "excel" ? "excel" : "rfc4180";
}

const DIALECTS: Record<CsvDialect, { separator: string; decimal: string; bom: string; quoted: RegExp }> = {
  rfc4180: { separator: ",", decimal: ".", bom: "", quoted: /[",\n;]/ },
  // A decimal comma is not a separator here, so "87,5" stays a number to Excel.
  excel: { separator: ";", decimal: ",", bom: "\uFEFF", quoted: /[";\n]/ },
};

/** One row a period; empty cells mean "no data". */
export function toCsv(
  rows: { period: string; value: IndicatorValue }[],
  unit: IndicatorUnit,
  slice: SliceInput,
  dialect: CsvDialect = "rfc4180",
): string {
  const { separator, decimal, bom, quoted } = DIALECTS[dialect];
  const cell = (v: string | number | null | undefined) => {
    const text =
      v === null || v === undefined ? "" : typeof v === "number" ? String(v).replace(".", decimal) : String(v);
    return quoted.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(separator)];
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
        .join(separator),
    );
  }
  return `${bom}${lines.join("\r\n")}\r\n`;
}
