import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/indicator";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { TrendChart, type ChartPoint } from "~/components/charts";
import { DataTable, type Column } from "~/components/data-table";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { formatValue, type GapStatus } from "~/domain/indicators/format";
import { getIndicatorDetail } from "~/domain/indicators/indicator-detail.server";
import { summarizeSeries } from "~/domain/indicators/series-summary";
import { formatNumber } from "~/domain/region/numbers";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

/** One indicator: its trend by year and by month, the period's figures and breakdowns, open data. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireRole(request, "analyst", "supervisor", "admin");
  const detail = await getIndicatorDetail(prisma, {
    code: params.code,
    search: new URL(request.url).searchParams,
    language: requestLanguage(context),
  });
  if (!detail) throw data(null, { status: 404 });
  return detail;
}

const STATUS_ICON: Record<GapStatus, string> = { met: "✓", notMet: "✗", noTarget: "–", noData: "–" };
const BREAKDOWN_TITLES = {
  department: "detail.byDepartment",
  category: "detail.byCategory",
  municipality: "detail.byMunicipality",
} as const;

type BreakdownRow = Route.ComponentProps["loaderData"]["breakdowns"][number]["rows"][number];

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
    partial: t("chart.partial"),
  };
  const numeratorLabel = t(`parts.${d.code}.numerator`);
  const denominatorLabel = t(`parts.${d.code}.denominator`);
  // A period still going on says so in its label: "декабрь 2026 (неполный: по 2 декабря 2026 г.)".
  const marked = <P extends ChartPoint>(points: readonly P[]) =>
    points.map((p) =>
      p.partial ? { ...p, label: t("chart.partialLabel", { period: p.label, date: d.partialThrough }) } : p,
    );
  const byYear = marked(d.byYear);
  const byMonth = marked(d.byMonth);
  const summary = (points: readonly (ChartPoint & { target: number | null })[]) => {
    const { finished, current } = summarizeSeries(points);
    const target = points.at(-1)?.target ?? null;
    const targetText = target === null ? "" : ` ${t("chart.summaryTarget", { target: format(target) })}`;
    const currentText = current
      ? ` ${t("chart.summaryPartial", { period: current.label, value: format(current.value) })}`
      : "";
    if (!finished) return `${t("chart.summaryNoData")}${currentText}${targetText}`;
    return (
      t("chart.summary", {
        min: format(finished.min.value),
        minPeriod: finished.min.label,
        max: format(finished.max.value),
        maxPeriod: finished.max.label,
        last: format(finished.last.value),
        lastPeriod: finished.last.label,
      }) +
      currentText +
      targetText
    );
  };
  const columns = (points: readonly { numerator: string; denominator: string }[]) => [
    { header: numeratorLabel, cells: points.map((p) => p.numerator) },
    { header: denominatorLabel, cells: points.map((p) => p.denominator) },
  ];
  const breakdownColumns: Column<BreakdownRow>[] = [
    { id: "name", header: t("detail.name"), rowHeader: true, className: "font-normal", cell: (r) => r.label },
    { id: "value", header: t("detail.value"), cell: (r) => r.value },
    { id: "numerator", header: numeratorLabel, cell: (r) => r.numerator },
    { id: "denominator", header: denominatorLabel, cell: (r) => r.denominator },
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
        {d.periodPartial && (
          <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2" data-testid="period-partial">
            {t("detail.partialNote", { date: d.partialThrough })}
          </p>
        )}
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
          summary={summary(byYear)}
          points={byYear}
          format={format}
          formatTick={formatTick}
          integer={d.unit === "count"}
          scaleMax={d.unit === "score" ? 5 : 0}
          labels={labels}
          columns={columns(byYear)}
        />
        <TrendChart
          id="trend-months"
          title={t("detail.byMonths", { year: d.monthsYear })}
          summary={summary(byMonth)}
          points={byMonth}
          format={format}
          formatTick={formatTick}
          integer={d.unit === "count"}
          scaleMax={d.unit === "score" ? 5 : 0}
          labels={labels}
          columns={columns(byMonth)}
        />
      </section>

      <section aria-labelledby="breakdown-title" className="mt-8">
        <h2 id="breakdown-title" className="text-xl font-bold">
          {t("detail.breakdown", { period: d.periodLabel })}
        </h2>
        {d.breakdowns.map((b) => (
          <DataTable
            key={b.key}
            caption={t(BREAKDOWN_TITLES[b.key])}
            captionId={`breakdown-${b.key}`}
            captionVisible
            compact
            focusable
            testId={`breakdown-${b.key}`}
            columns={breakdownColumns}
            rows={b.rows}
            rowKey={(r) => r.key}
          />
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
            <a href={d.csvExcel} className="break-all text-brand-700 underline" download data-testid="csv-excel-link">
              {t("detail.csvExcel")}
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
