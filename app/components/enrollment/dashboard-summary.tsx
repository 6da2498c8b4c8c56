import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "~/components/data-table";
import type { dashboardPageView } from "~/domain/enrollment/campaign-dashboard-view";

type View = ReturnType<typeof dashboardPageView>;

/** The campaign's dates, whether a stage is open now, and the totals by stage and priority class. */
export function DashboardSummary({ view }: { view: View }) {
  const { t } = useTranslation("enrollment");
  const d = view.dates;
  const stageColumns: Column<View["stages"][number]>[] = [
    {
      id: "stage",
      header: t("dashboard.totals.stage"),
      rowHeader: true,
      className: "font-normal",
      cell: (s) => t("dashboard.totals.stageN", { stage: s.stage }),
    },
    ...[0, 1, 2, 3].map((c): Column<View["stages"][number]> => ({
      id: `class-${c}`,
      header: t(`office.classes.${c}`),
      cell: (s) => s.byClass[c],
    })),
    { id: "live", header: t("dashboard.totals.live"), className: "font-semibold", cell: (s) => s.live },
    { id: "received", header: t("dashboard.totals.received"), cell: (s) => s.received },
  ];
  return (
    <>
      <section aria-labelledby="campaign-dates" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="campaign-dates" className="text-xl font-bold">
          {t("dashboard.dates.title", { year: view.year })}
        </h2>
        <p className="mt-2 font-semibold" data-testid="campaign-phase" role="status">
          {t(`dashboard.phase.${view.phase.kind}`, { at: view.phase.at })}
        </p>
        {!view.stored && <p className="mt-1 text-sm text-muted">{t("dashboard.dates.defaults")}</p>}
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="campaign-dates">
          <dt className="text-muted">{t("dashboard.dates.stage1")}</dt>
          <dd>{t("dashboard.dates.range", { from: d.stage1OpensAt, to: d.stage1EndsAt })}</dd>
          <dt className="text-muted">{t("dashboard.dates.stage2")}</dt>
          <dd>{t("dashboard.dates.range", { from: d.stage2OpensAt, to: d.stage2EndsAt })}</dd>
          <dt className="text-muted">{t("dashboard.dates.schoolsPerChild")}</dt>
          <dd>
            {t("dashboard.dates.schoolsPerChildValue", { stage1: d.schoolsPerChild1, stage2: d.schoolsPerChild2 })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="stage-totals" className="mt-8">
        <h2 id="stage-totals" className="text-xl font-bold">
          {t("dashboard.totals.title")}
        </h2>
        <DataTable
          caption={t("dashboard.totals.caption")}
          captionId="stage-totals-caption"
          focusable
          testId="stage-totals"
          columns={stageColumns}
          rows={view.stages}
          rowKey={(s) => s.stage}
          className="mt-3"
        />
        <p className="mt-2 max-w-3xl text-sm text-muted">{t("dashboard.totals.note")}</p>
      </section>
    </>
  );
}

/** Where the indicators come from: every first-grade submission and status change writes the anonymised statistics. */
export function DashboardIndicatorsNote({ mayOpenIndicators }: { mayOpenIndicators: boolean }) {
  const { t } = useTranslation("enrollment");
  return (
    <section aria-labelledby="feeds-indicators" className="mt-8 max-w-3xl">
      <h2 id="feeds-indicators" className="text-xl font-bold">
        {t("dashboard.feeds.title")}
      </h2>
      <p className="mt-2">{t("dashboard.feeds.body")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {mayOpenIndicators && (
          <li>
            <Link to="/office/indicators/school-enrollment-share" className="text-brand-700 underline">
              {t("dashboard.feeds.indicator")}
            </Link>
          </li>
        )}
        <li>
          <Link to="/indicators/definitions#school-enrollment-share" className="text-brand-700 underline">
            {t("dashboard.feeds.definition")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
