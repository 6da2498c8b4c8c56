import type { PrismaClient } from "~/generated/prisma/client";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import type { IndicatorValue } from "./compute";
import { indicatorByCode, type IndicatorUnit } from "./definitions";
import { formatNumber } from "~/domain/region/numbers";
import { formatChange, formatGap, formatPeriod, formatValue, gap } from "./format";
import { openStatistics, statisticsYears, type Slice } from "./indicators.server";
import { parsePeriod, periodProgress } from "./periods";
import { parseSlice, SLICE_KEYS_PURE } from "./slice";

/*
 * Everything the page of one indicator shows (/office/indicators/<code>): the period's figures, its
 * trend by year and by month, and breakdowns by department, category and municipality — formatted
 * for reading.
 */

/** How each extra figure of an indicator reads ("change": a signed percent). */
const EXTRA_UNITS: Record<string, IndicatorUnit | "change"> = {
  previous: "count",
  growth: "change",
  p90: "workingDays",
  regulatoryMean: "workingDays",
  reduction: "times",
  ratings: "count",
  highShare: "percent",
};

const count = (n: number | null, language: Language) => (n === null ? "—" : formatNumber(n, language, 0));

export async function getIndicatorDetail(
  db: PrismaClient,
  input: { code: string; search: URLSearchParams; language: Language; now?: Date },
) {
  const definition = indicatorByCode(input.code);
  if (!definition) return null;
  const { language, search } = input;
  const today = regionDate(input.now);
  const thisYear = Number(today.slice(0, 4));
  const known = await statisticsYears(db);
  const first = known?.first ?? thisYear;
  const last = Math.max(known?.last ?? thisYear, thisYear);
  const asked = parsePeriod(search.get("period"));
  const period = asked && asked.year >= first && asked.year <= last ? asked : parsePeriod(String(thisYear))!;
  const slice = parseSlice(search);
  const unit = definition.unit;
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const months = parsePeriod(String(period.year))!.months;

  const catalogue = await getCatalogue(db);
  const departments = [...catalogue.departments.values()]
    .map((d) => ({ value: d.code, label: pick(d.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const categories = catalogue.categories.map((c) => ({ value: c.slug, label: pick(c.title, language) }));
  const municipalities = MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) }));

  // One reading of the statistics for the whole page: ~50 slices, all from the same roll-up.
  const statistics = await openStatistics(db);
  const valueOf = (s: Slice) => statistics.period(period, s).find((v) => v.code === definition.code)!;
  // A breakdown overrides one key of the slice: every department within the chosen category, say.
  const breakdown = (key: "department" | "category" | "municipality", rows: { value: string; label: string }[]) =>
    rows.map((row) => {
      const v = valueOf({ ...slice, [key]: row.value });
      return {
        key: row.value,
        label: row.label,
        value: formatValue(v.value, unit, language),
        numerator: count(v.numerator, language),
        denominator: count(v.denominator, language),
      };
    });
  const current = valueOf(slice);
  const byYear = statistics.series(definition.code, years, slice);
  const byMonth = statistics.series(definition.code, months, slice);
  const byDepartment = breakdown("department", departments);
  const byCategory = breakdown("category", categories);
  const byMunicipality = breakdown("municipality", municipalities);

  const sliceQuery = new URLSearchParams();
  for (const key of SLICE_KEYS_PURE) if (slice[key]) sliceQuery.set(key, slice[key]);
  const withPeriod = new URLSearchParams({ period: period.key, ...Object.fromEntries(sliceQuery) });
  const labelOf = (options: { value: string; label: string }[], value: string | undefined) =>
    value ? (options.find((o) => o.value === value)?.label ?? value) : null;
  const service = slice.service ? catalogue.services.find((s) => s.code === slice.service) : undefined;
  const g = gap(current.value, current.target, definition.direction);
  // A period still going on is marked, so that December's first two days are not read as a month;
  // one not begun has no figures yet (a catalogue share would otherwise be drawn for it).
  const progressOf = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodProgress(p, today) : "complete";
  };
  const series = (rows: { period: string; value: IndicatorValue }[]) =>
    rows.map((r) => {
      const progress = progressOf(r.period);
      const future = progress === "future";
      return {
        key: r.period,
        axisLabel: formatPeriod(r.period, language, "short"),
        label: formatPeriod(r.period, language),
        value: future ? null : r.value.value,
        target: r.value.target,
        partial: progress === "current",
        numerator: future ? "—" : count(r.value.numerator, language),
        denominator: future ? "—" : count(r.value.denominator, language),
      };
    });

  return {
    language,
    code: definition.code,
    title: pick(definition.title, language),
    unit,
    year: period.year,
    periodLabel: formatPeriod(period.key, language),
    /** The chosen period is still going on: its figures are up to today and will change. */
    periodPartial: periodProgress(period, today) === "current",
    /** The day a period still going on is counted to, in words. */
    partialThrough: formatDate(today, language),
    query: withPeriod.toString(),
    csv: `/api/indicators/${definition.code}.csv${sliceQuery.toString() ? `?${sliceQuery.toString()}` : ""}`,
    csvExcel: `/api/indicators/${definition.code}.csv?${new URLSearchParams({ format: "excel", ...Object.fromEntries(sliceQuery) }).toString()}`,
    json: `/api/indicators?${withPeriod.toString()}`,
    sliceNames: [
      labelOf(departments, slice.department),
      labelOf(categories, slice.category),
      service ? `${service.code} — ${pick(service.title, language)}` : (slice.service ?? null),
      labelOf(municipalities, slice.municipality),
    ].filter((n): n is string => n !== null),
    channel: slice.channel ?? null,
    figures: {
      value: formatValue(current.value, unit, language),
      target: current.target === null ? null : formatValue(current.target, unit, language),
      status: g.status,
      gap: formatGap(g, unit, language),
      numerator: count(current.numerator, language),
      denominator: count(current.denominator, language),
      extra: Object.entries(current.extra).map(([key, v]) => {
        const extraUnit = EXTRA_UNITS[key] ?? "count";
        return {
          key,
          value: extraUnit === "change" ? formatChange(v, language) : formatValue(v, extraUnit, language),
        };
      }),
    },
    byYear: series(byYear),
    byMonth: series(byMonth),
    monthsYear: period.year,
    breakdowns: [
      { key: "department", rows: byDepartment },
      { key: "category", rows: byCategory },
      { key: "municipality", rows: byMunicipality },
    ] as const,
  };
}
