import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/indicators";
import { Sparkline } from "~/components/charts";
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
    <div className="min-w-0">
      <label htmlFor={`filter-${name}`} className="block text-sm font-semibold">
        {t(`office.${name}`)}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={d.slice[name] ?? ""}
        className="w-full max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5"
      >
        <option value="">{t("office.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section>
      <PageTitle title={t("office.title")} />

      <Form
        method="get"
        aria-labelledby="filters-title"
        className="mt-4 grid grid-cols-1 gap-3 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3"
      >
        <h2 id="filters-title" className="text-lg font-bold sm:col-span-2 lg:col-span-3">
          {t("office.filters")}
        </h2>
        <div className="min-w-0">
          <label htmlFor="filter-period" className="block text-sm font-semibold">
            {t("office.period")}
          </label>
          <select
            id="filter-period"
            name="period"
            defaultValue={d.period}
            className="w-full max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            {d.periodGroups.map((group) => (
              <optgroup key={group.year} label={String(group.year)}>
                {group.periods.map((p, i) => (
                  <option key={p.value} value={p.value}>
                    {i === 0 ? t("office.wholeYear", { year: group.year }) : p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {select("department", d.options.departments)}
        {select("category", d.options.categories)}
        {select("service", d.options.services)}
        {select("municipality", d.options.municipalities)}
        <div className="min-w-0">
          <label htmlFor="filter-channel" className="block text-sm font-semibold">
            {t("office.channel")}
          </label>
          <select
            id="filter-channel"
            name="channel"
            defaultValue={d.slice.channel ?? ""}
            className="w-full max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5"
          >
            <option value="">{t("office.any")}</option>
            <option value="portal">{t("office.channels.portal")}</option>
            <option value="proactive">{t("office.channels.proactive")}</option>
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("office.apply")}
          </button>
          <Link to="/office/indicators" className="text-brand-700 underline">
            {t("office.reset")}
          </Link>
        </div>
      </Form>

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
