import type { PrismaClient } from "~/generated/prisma/client";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { INDICATORS } from "./definitions";
import { formatGap, formatPeriod, formatValue, gap } from "./format";
import { openStatistics, statisticsYears } from "./indicators.server";
import { parsePeriod, periodProgress } from "./periods";
import { parseSlice, SLICE_KEYS_PURE } from "./slice";

/*
 * Everything the analysts' dashboard shows (/office/indicators): every indicator for a period and a
 * slice, with its trend and target, and the filters' choices — formatted for reading.
 */
export type Option = { value: string; label: string };

/** The twelve months up to and including `month` ("YYYY-MM"). */
function lastTwelveMonths(month: string): string[] {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (m - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

export async function getIndicatorDashboard(
  db: PrismaClient,
  input: { search: URLSearchParams; language: Language; now?: Date },
) {
  const { language, search: params } = input;
  const today = regionDate(input.now);
  const thisYear = Number(today.slice(0, 4));
  const known = await statisticsYears(db);
  const first = known?.first ?? thisYear;
  const last = Math.max(known?.last ?? thisYear, thisYear);
  const asked = parsePeriod(params.get("period"));
  const period = asked && asked.year >= first && asked.year <= last ? asked : parsePeriod(String(thisYear))!;
  const slice = parseSlice(params);

  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const trendPeriods =
    period.kind === "year"
      ? years.filter((y) => y <= period.year).map(String)
      : lastTwelveMonths(period.months.at(-1)!);
  // One reading of the statistics for the period and the twelve trends.
  const [statistics, catalogue] = await Promise.all([openStatistics(db), getCatalogue(db)]);
  const values = statistics.period(period, slice);
  const series = INDICATORS.map((d) => statistics.series(d.code, trendPeriods, slice));
  const progressOf = (key: string) => periodProgress(parsePeriod(key)!, today);

  const departments: Option[] = [...catalogue.departments.values()]
    .map((d) => ({ value: d.code, label: pick(d.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const categories: Option[] = catalogue.categories.map((c) => ({ value: c.slug, label: pick(c.title, language) }));
  const services: Option[] = [...catalogue.services]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({ value: s.code, label: `${s.code} — ${pick(s.title, language)}` }));
  const municipalities: Option[] = MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) }));
  const labelOf = (options: Option[], value: string | undefined) =>
    value ? (options.find((o) => o.value === value)?.label ?? value) : null;

  const query = new URLSearchParams({ period: period.key });
  for (const key of SLICE_KEYS_PURE) if (slice[key]) query.set(key, slice[key]);

  return {
    language,
    period: period.key,
    periodLabel: formatPeriod(period.key, language),
    /** The chosen period is still going on: its figures are up to today and will change. */
    periodPartial: periodProgress(period, today) === "current",
    partialThrough: formatDate(today, language),
    year: period.year,
    slice,
    query: query.toString(),
    sliceNames: [
      labelOf(departments, slice.department),
      labelOf(categories, slice.category),
      labelOf(services, slice.service),
      labelOf(municipalities, slice.municipality),
    ].filter((n): n is string => n !== null),
    periodGroups: [...years].reverse().map((y) => ({
      year: y,
      periods: [String(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...lastTwelveMonths(`${y}-12`)].map((key) => ({
        value: key,
        label: formatPeriod(key, language),
      })),
    })),
    options: { departments, categories, services, municipalities },
    trendKind: period.kind === "year" ? ("years" as const) : ("months" as const),
    cards: INDICATORS.map((definition, index) => {
      const v = values.find((x) => x.code === definition.code)!;
      const g = gap(v.value, v.target, definition.direction);
      const points = series[index]!;
      const latest = points.at(-1);
      return {
        code: definition.code,
        title: pick(definition.title, language),
        value: formatValue(v.value, definition.unit, language),
        target: v.target === null ? null : formatValue(v.target, definition.unit, language),
        status: g.status,
        gap: formatGap(g, definition.unit, language),
        // A period not begun has no figure yet; the one going on is marked as such.
        trend: points.map((p) => (progressOf(p.period) === "future" ? null : p.value.value)),
        latest: latest
          ? {
              period: formatPeriod(latest.period, language),
              partial: progressOf(latest.period) === "current",
              value: formatValue(latest.value.value, definition.unit, language),
            }
          : null,
      };
    }),
  };
}
