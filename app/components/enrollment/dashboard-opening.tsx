import { useTranslation } from "react-i18next";
import { TrendChart, type ChartPoint } from "~/components/charts";
import { DataTable, type Column } from "~/components/data-table";
import type { dashboardPageView } from "~/domain/enrollment/campaign-dashboard-view";
import type { Language } from "~/domain/i18n/localized";
import { formatNumber } from "~/domain/region/numbers";

type Opening = ReturnType<typeof dashboardPageView>["opening"];

/*
 * The opening's load: applications received minute by minute in the first hour after stage 1
 * opened, hour by hour in its first day, and day by day since. Each chart is the indicators' bar
 * chart (charts.tsx), named by its caption and summary and followed by a table with the same counts.
 */
export function DashboardOpening({ opening, language }: { opening: Opening; language: Language }) {
  const { t } = useTranslation("enrollment");
  const format = (value: number) => formatNumber(value, language, 0);
  const labels = {
    data: t("dashboard.chart.data"),
    value: t("dashboard.chart.value"),
    target: t("dashboard.chart.target"),
    noData: t("dashboard.chart.noData"),
    noDataShort: t("dashboard.chart.noDataShort"),
  };
  const summary = (points: readonly ChartPoint[]) => {
    const known = points.filter((p): p is ChartPoint & { value: number } => p.value !== null);
    if (known.length === 0) return t("dashboard.chart.none");
    const max = known.reduce((a, b) => (b.value > a.value ? b : a));
    const total = known.reduce((sum, p) => sum + p.value, 0);
    return t("dashboard.chart.summary", { total: format(total), max: format(max.value), maxPeriod: max.label });
  };
  const dayColumns: Column<Opening["days"][number]>[] = [
    {
      id: "day",
      header: t("dashboard.chart.day"),
      rowHeader: true,
      className: "font-normal",
      cell: (day) => <time dateTime={day.date}>{day.label}</time>,
    },
    { id: "count", header: labels.value, cell: (day) => day.count },
  ];
  return (
    <section aria-labelledby="opening-title" className="mt-8">
      <h2 id="opening-title" className="text-xl font-bold">
        {t("dashboard.opening.title", { at: opening.opensAt })}
      </h2>
      {!opening.opened ? (
        <p className="mt-2" data-testid="opening-none">
          {t("dashboard.opening.notYet", { at: opening.opensAt })}
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl" data-testid="opening-summary">
            {t("dashboard.opening.summary", { firstHour: opening.firstHour, firstDay: opening.firstDay })}{" "}
            {opening.peak && t("dashboard.opening.peak", { at: opening.peak.at, n: opening.peak.count })}
          </p>
          <TrendChart
            id="opening-minutes"
            kind="bar"
            title={t("dashboard.opening.minutes")}
            summary={summary(opening.minutes)}
            points={opening.minutes}
            format={format}
            integer
            labels={{ ...labels, period: t("dashboard.chart.minute") }}
          />
          <TrendChart
            id="opening-hours"
            kind="bar"
            title={t("dashboard.opening.hours")}
            summary={summary(opening.hours)}
            points={opening.hours}
            format={format}
            integer
            labels={{ ...labels, period: t("dashboard.chart.hour") }}
          />
        </>
      )}
      {opening.days.length > 0 && (
        <DataTable
          caption={t("dashboard.opening.days")}
          captionId="opening-days"
          captionVisible
          compact
          focusable
          testId="opening-days"
          columns={dayColumns}
          rows={opening.days}
          rowKey={(day) => day.date}
          className="mt-6 max-w-xl"
        />
      )}
    </section>
  );
}
