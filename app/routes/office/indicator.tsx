import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/indicator";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { TrendChart, type ChartPoint } from "~/components/charts";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { pick } from "~/domain/i18n/localized";
import type { IndicatorValue } from "~/domain/indicators/compute";
import { indicatorByCode, type IndicatorUnit } from "~/domain/indicators/definitions";
import {
  formatChange,
  formatGap,
  formatNumber,
  formatPeriod,
  formatValue,
  gap,
  type GapStatus,
} from "~/domain/indicators/format";
import {
  indicatorSeries,
  indicatorsForPeriod,
  statisticsYears,
  type Slice,
} from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { parseSlice, SLICE_KEYS_PURE } from "~/domain/indicators/slice";
import { regionDate } from "~/domain/region/clock";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import type { Language } from "~/domain/i18n/localized";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

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

/** One indicator: its trend by year and by month, the period's figures and breakdowns, open data. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireRole(request, "analyst", "supervisor", "admin");
  const definition = indicatorByCode(params.code);
  if (!definition) throw data(null, { status: 404 });
  const language = requestLanguage(context);
  const search = new URL(request.url).searchParams;
  const thisYear = Number(regionDate().slice(0, 4));
  const known = await statisticsYears(prisma);
  const first = known?.first ?? thisYear;
  const last = Math.max(known?.last ?? thisYear, thisYear);
  const asked = parsePeriod(search.get("period"));
  const period = asked && asked.year >= first && asked.year <= last ? asked : parsePeriod(String(thisYear))!;
  const slice = parseSlice(search);
  const unit = definition.unit;
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const months = parsePeriod(String(period.year))!.months;

  const catalogue = await getCatalogue(prisma);
  const departments = [...catalogue.departments.values()]
    .map((d) => ({ value: d.code, label: pick(d.name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const categories = catalogue.categories.map((c) => ({ value: c.slug, label: pick(c.title, language) }));
  const municipalities = MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) }));

  const valueOf = async (s: Slice) =>
    (await indicatorsForPeriod(prisma, period, s)).find((v) => v.code === definition.code)!;
  // A breakdown overrides one key of the slice: every department within the chosen category, say.
  const breakdown = (key: "department" | "category" | "municipality", rows: { value: string; label: string }[]) =>
    Promise.all(
      rows.map(async (row) => {
        const v = await valueOf({ ...slice, [key]: row.value });
        return {
          key: row.value,
          label: row.label,
          value: formatValue(v.value, unit, language),
          numerator: count(v.numerator, language),
          denominator: count(v.denominator, language),
        };
      }),
    );
  // The slice itself first: it fills the monthly aggregates both trends then read from the cache.
  const current = await valueOf(slice);
  const [byYear, byMonth, byDepartment, byCategory, byMunicipality] = await Promise.all([
    indicatorSeries(prisma, definition.code, years, slice),
    indicatorSeries(prisma, definition.code, months, slice),
    breakdown("department", departments),
    breakdown("category", categories),
    breakdown("municipality", municipalities),
  ]);

  const sliceQuery = new URLSearchParams();
  for (const key of SLICE_KEYS_PURE) if (slice[key]) sliceQuery.set(key, slice[key]);
  const withPeriod = new URLSearchParams({ period: period.key, ...Object.fromEntries(sliceQuery) });
  const labelOf = (options: { value: string; label: string }[], value: string | undefined) =>
    value ? (options.find((o) => o.value === value)?.label ?? value) : null;
  const service = slice.service ? catalogue.services.find((s) => s.code === slice.service) : undefined;
  const g = gap(current.value, current.target, definition.direction);
  const series = (rows: { period: string; value: IndicatorValue }[]) =>
    rows.map((r) => ({
      key: r.period,
      axisLabel: formatPeriod(r.period, language, "short"),
      label: formatPeriod(r.period, language),
      value: r.value.value,
      target: r.value.target,
      numerator: count(r.value.numerator, language),
      denominator: count(r.value.denominator, language),
    }));

  return {
    language,
    code: definition.code,
    title: pick(definition.title, language),
    unit,
    year: period.year,
    periodLabel: formatPeriod(period.key, language),
    query: withPeriod.toString(),
    csv: `/api/indicators/${definition.code}.csv${sliceQuery.toString() ? `?${sliceQuery.toString()}` : ""}`,
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

const STATUS_ICON: Record<GapStatus, string> = { met: "✓", notMet: "✗", noTarget: "–", noData: "–" };
const BREAKDOWN_TITLES = {
  department: "detail.byDepartment",
  category: "detail.byCategory",
  municipality: "detail.byMunicipality",
} as const;

export default function IndicatorDetail({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("indicators");
  const format = (v: number) => formatValue(v, d.unit, d.language);
  const formatTick = (v: number) =>
    d.unit === "workingDays" || d.unit === "times" ? formatNumber(v, d.language, 1) : format(v);
  const labels = {
    data: t("chart.data"),
    period: t("chart.period"),
    value: t("chart.value"),
    target: t("chart.target"),
    noData: t("chart.noData"),
    noDataShort: t("chart.noDataShort"),
  };
  const numeratorLabel = t(`parts.${d.code}.numerator`);
  const denominatorLabel = t(`parts.${d.code}.denominator`);
  const summary = (points: readonly (ChartPoint & { target: number | null })[]) => {
    const known = points.filter((p): p is typeof p & { value: number } => p.value !== null);
    const target = points.at(-1)?.target ?? null;
    const targetText = target === null ? "" : ` ${t("chart.summaryTarget", { target: format(target) })}`;
    if (known.length === 0) return `${t("chart.summaryNoData")}${targetText}`;
    const min = known.reduce((a, b) => (b.value < a.value ? b : a));
    const max = known.reduce((a, b) => (b.value > a.value ? b : a));
    const last = known.at(-1)!;
    return (
      t("chart.summary", {
        min: format(min.value),
        minPeriod: min.label,
        max: format(max.value),
        maxPeriod: max.label,
        last: format(last.value),
        lastPeriod: last.label,
      }) + targetText
    );
  };
  const columns = (points: readonly { numerator: string; denominator: string }[]) => [
    { header: numeratorLabel, cells: points.map((p) => p.numerator) },
    { header: denominatorLabel, cells: points.map((p) => p.denominator) },
  ];
  const names = d.channel ? [...d.sliceNames, t(`office.channels.${d.channel}`)] : d.sliceNames;
  const slice = names.length > 0 ? names.join("; ") : t("office.noSlice");
  // "Числитель (решено в срок)"; just "Знаменатель" where the indicator has none.
  const part = (generic: string, specific: string) => (specific === "—" ? generic : `${generic} (${specific})`);

  return (
    <section className="max-w-5xl">
      <Breadcrumbs items={[{ to: `/office/indicators?${d.query}`, label: t("detail.back") }, { label: d.title }]} />
      <PageTitle title={d.title} />
      <p className="mt-2" data-testid="showing">
        {t("office.showing", { period: d.periodLabel, slice })}{" "}
        <Link to={`/office/indicators?${d.query}`} className="text-brand-700 underline">
          {t("detail.change")}
        </Link>
      </p>

      <section aria-labelledby="figures-title" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="figures-title" className="text-xl font-bold">
          {t("detail.figures", { period: d.periodLabel })}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="figures">
          <dt className="text-muted">{t("detail.value")}</dt>
          <dd className="text-2xl font-bold" data-testid="figure-value">
            {d.figures.value}
          </dd>
          <dt className="text-muted">{t("detail.target", { year: d.year })}</dt>
          <dd data-testid="figure-target">{d.figures.target ?? t("office.noTarget")}</dd>
          <dt className="text-muted">{t("detail.gap")}</dt>
          <dd
            className={
              d.figures.status === "notMet"
                ? "font-semibold text-red-800"
                : d.figures.status === "met"
                  ? "text-green-800"
                  : ""
            }
          >
            <span aria-hidden="true" className="mr-1">
              {STATUS_ICON[d.figures.status]}
            </span>
            {d.figures.gap}
          </dd>
          <dt className="text-muted">{part(t("detail.numerator"), numeratorLabel)}</dt>
          <dd data-testid="figure-numerator">{d.figures.numerator}</dd>
          <dt className="text-muted">{part(t("detail.denominator"), denominatorLabel)}</dt>
          <dd data-testid="figure-denominator">{d.figures.denominator}</dd>
          {d.figures.extra.map((e) => (
            <Fragment key={e.key}>
              <dt className="text-muted">{t(`extra.${e.key}`)}</dt>
              <dd data-testid={`figure-${e.key}`}>{e.value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section aria-labelledby="trend-title" className="mt-8">
        <h2 id="trend-title" className="text-xl font-bold">
          {t("detail.trend")}
        </h2>
        <TrendChart
          id="trend-years"
          kind="bar"
          title={t("detail.byYears")}
          summary={summary(d.byYear)}
          points={d.byYear}
          format={format}
          formatTick={formatTick}
          integer={d.unit === "count"}
          scaleMax={d.unit === "score" ? 5 : 0}
          labels={labels}
          columns={columns(d.byYear)}
        />
        <TrendChart
          id="trend-months"
          title={t("detail.byMonths", { year: d.monthsYear })}
          summary={summary(d.byMonth)}
          points={d.byMonth}
          format={format}
          formatTick={formatTick}
          integer={d.unit === "count"}
          scaleMax={d.unit === "score" ? 5 : 0}
          labels={labels}
          columns={columns(d.byMonth)}
        />
      </section>

      <section aria-labelledby="breakdown-title" className="mt-8">
        <h2 id="breakdown-title" className="text-xl font-bold">
          {t("detail.breakdown", { period: d.periodLabel })}
        </h2>
        {d.breakdowns.map((b) => (
          <div
            key={b.key}
            className="mt-4 overflow-x-auto"
            role="region"
            aria-labelledby={`breakdown-${b.key}`}
            tabIndex={0}
          >
            <table className="w-full border-collapse text-left text-sm" data-testid={`breakdown-${b.key}`}>
              <caption id={`breakdown-${b.key}`} className="text-left font-bold">
                {t(BREAKDOWN_TITLES[b.key])}
              </caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="px-2 py-1.5">
                    {t("detail.name")}
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    {t("detail.value")}
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    {numeratorLabel}
                  </th>
                  <th scope="col" className="px-2 py-1.5">
                    {denominatorLabel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {b.rows.map((r) => (
                  <tr key={r.key} className="border-b border-slate-200">
                    <th scope="row" className="px-2 py-1 font-normal">
                      {r.label}
                    </th>
                    <td className="px-2 py-1">{r.value}</td>
                    <td className="px-2 py-1">{r.numerator}</td>
                    <td className="px-2 py-1">{r.denominator}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section aria-labelledby="downloads-title" className="mt-8">
        <h2 id="downloads-title" className="text-xl font-bold">
          {t("detail.downloads")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            <a href={d.csv} className="break-all text-brand-700 underline" download data-testid="csv-link">
              {t("detail.csv")}
            </a>
          </li>
          <li>
            <a href={d.json} className="break-all text-brand-700 underline" data-testid="json-link">
              {t("detail.json", { period: d.periodLabel })}
            </a>
          </li>
        </ul>
        <p className="mt-4">
          <Link to={`/indicators/definitions#${d.code}`} className="text-brand-700 underline">
            {t("detail.definition")}
          </Link>
        </p>
      </section>
    </section>
  );
}
