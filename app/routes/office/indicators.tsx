import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/indicators";
import { Sparkline } from "~/components/charts";
import { FilterForm, FilterSelect } from "~/components/filter-form";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import type { GapStatus } from "~/domain/indicators/format";
import { getIndicatorDashboard, type Option } from "~/domain/indicators/indicator-dashboard.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

/** Analysts and supervisors: every indicator for a period and a slice, with its trend and target. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "analyst", "supervisor", "admin");
  return getIndicatorDashboard(prisma, {
    search: new URL(request.url).searchParams,
    language: requestLanguage(context),
  });
}

const STATUS_ICON: Record<GapStatus, string> = { met: "✓", notMet: "✗", noTarget: "–", noData: "–" };

export default function IndicatorsDashboard({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("indicators");
  const select = (name: "department" | "category" | "service" | "municipality", options: Option[]) => (
    <FilterSelect
      name={name}
      label={t(`office.${name}`)}
      value={d.slice[name]}
      anyLabel={t("office.any")}
      options={options}
    />
  );
  return (
    <section>
      <PageTitle title={t("office.title")} />

      <FilterForm
        submitLabel={t("office.apply")}
        layout="panel"
        aria-labelledby="filters-title"
        className="mt-4 grid-cols-1 sm:grid-cols-2 lg:grid-cols-3"
        actions={
          <Link to="/office/indicators" className="text-brand-700 underline">
            {t("office.reset")}
          </Link>
        }
        actionsClassName="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3"
      >
        <h2 id="filters-title" className="text-lg font-bold sm:col-span-2 lg:col-span-3">
          {t("office.filters")}
        </h2>
        <FilterSelect
          name="period"
          label={t("office.period")}
          value={d.period}
          options={d.periodGroups.map((group) => ({
            group: String(group.year),
            options: group.periods.map((p, i) => ({
              value: p.value,
              label: i === 0 ? t("office.wholeYear", { year: group.year }) : p.label,
            })),
          }))}
        />
        {select("department", d.options.departments)}
        {select("category", d.options.categories)}
        {select("service", d.options.services)}
        {select("municipality", d.options.municipalities)}
        <FilterSelect
          name="channel"
          label={t("office.channel")}
          value={d.slice.channel}
          anyLabel={t("office.any")}
          options={[
            { value: "portal", label: t("office.channels.portal") },
            { value: "proactive", label: t("office.channels.proactive") },
          ]}
        />
      </FilterForm>

      <section aria-labelledby="cards-title" className="mt-6">
        <h2 id="cards-title" className="text-xl font-bold">
          {t("office.cards")}
        </h2>
        <p className="mt-1" data-testid="showing">
          {t("office.showing", {
            period: d.periodLabel,
            slice: d.sliceNames.length > 0 ? d.sliceNames.join("; ") : t("office.noSlice"),
          })}
          {d.slice.channel && ` ${t("office.channel")}: ${t(`office.channels.${d.slice.channel}`)}.`}
        </p>
        {d.periodPartial && (
          <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2" data-testid="period-partial">
            {t("detail.partialNote", { date: d.partialThrough })}
          </p>
        )}
        <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {d.cards.map((c) => (
            <li
              key={c.code}
              className="flex min-w-0 flex-col rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
              data-testid={`card-${c.code}`}
            >
              <h3 className="font-bold">
                <Link to={`/office/indicators/${c.code}?${d.query}`} className="text-brand-700 underline">
                  {c.title}
                </Link>
              </h3>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-muted">{t("office.value")}</dt>
                <dd className="text-lg font-bold" data-testid="value">
                  {c.value}
                </dd>
                <dt className="text-muted">{t("office.target", { year: d.year })}</dt>
                <dd>{c.target ?? t("office.noTarget")}</dd>
                <dt className="text-muted">{t("office.gap")}</dt>
                <dd
                  className={
                    c.status === "notMet" ? "font-semibold text-red-800" : c.status === "met" ? "text-green-800" : ""
                  }
                >
                  <span aria-hidden="true" className="mr-1">
                    {STATUS_ICON[c.status]}
                  </span>
                  {c.gap}
                </dd>
              </dl>
              <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <Sparkline values={c.trend} lastPartial={c.latest?.partial ?? false} />
                <span>
                  <span className="block text-muted">
                    {d.trendKind === "years" ? t("office.trendYears") : t("office.trendMonths")}
                  </span>
                  {c.latest &&
                    t("office.latest", {
                      period: c.latest.partial
                        ? t("chart.partialLabel", { period: c.latest.period, date: d.partialThrough })
                        : c.latest.period,
                      value: c.latest.value,
                    })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
