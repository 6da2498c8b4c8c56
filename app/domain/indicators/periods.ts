/*
 * Reporting periods: a year ("2026"), a quarter ("2026-Q2") or a month ("2026-04"), each with its
 * months and the previous period of the same length (for growth).
 */
export type Period = {
  key: string;
  kind: "year" | "quarter" | "month";
  year: number;
  /** "YYYY-MM" of every month in it. */
  months: string[];
  previous: string;
};

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, "0")}`;

export function parsePeriod(input: string | null | undefined): Period | null {
  const text = (input ?? "").trim();
  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return {
      key: text,
      kind: "year",
      year,
      months: Array.from({ length: 12 }, (_, i) => month(year, i + 1)),
      previous: String(year - 1),
    };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const q = Number(match[2]);
    return {
      key: text,
      kind: "quarter",
      year,
      months: [1, 2, 3].map((i) => month(year, (q - 1) * 3 + i)),
      previous: q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`,
    };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const m = Number(match[2]);
    return {
      key: text,
      kind: "month",
      year,
      months: [text],
      previous: m === 1 ? month(year - 1, 12) : month(year, m - 1),
    };
  }
  return null;
}

/** Every year, quarter and month from the first year to the last, for exports and trends. */
export function periodsBetween(firstYear: number, lastYear: number): string[] {
  const keys: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    keys.push(String(year));
    for (let q = 1; q <= 4; q++) keys.push(`${year}-Q${q}`);
    for (let m = 1; m <= 12; m++) keys.push(month(year, m));
  }
  return keys;
}

/**
 * Where a period stands on a day (YYYY-MM-DD): over, still going on (its figures will grow: the
 * current month on 2 December holds two days), or not begun.
 */
export function periodProgress(period: Period, today: string): "complete" | "current" | "future" {
  const month = today.slice(0, 7);
  if (month > period.months.at(-1)!) return "complete";
  if (month < period.months[0]!) return "future";
  return "current";
}
