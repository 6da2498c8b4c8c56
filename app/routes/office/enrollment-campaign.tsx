import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/enrollment-campaign";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DashboardOpening } from "~/components/enrollment/dashboard-opening";
import { DashboardFilterForm, DashboardFreeSchools, DashboardSchools } from "~/components/enrollment/dashboard-schools";
import { DashboardIndicatorsNote, DashboardSummary } from "~/components/enrollment/dashboard-summary";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { hasRole } from "~/domain/accounts/roles";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import {
  DASHBOARD_SORTS,
  dashboardSearch,
  parseDashboardQuery,
  type DashboardQuery,
  type DashboardSort,
} from "~/domain/enrollment/campaign-dashboard";
import { mayViewCampaignDashboard } from "~/domain/enrollment/campaign-dashboard-access.server";
import { loadCampaignDashboard } from "~/domain/enrollment/campaign-dashboard.server";
import { dashboardPageView } from "~/domain/enrollment/campaign-dashboard-view";
import { pick } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

/*
 * The ministry's first-grade campaign dashboard (docs/enrollment.md, "The ministry's dashboard and
 * the campaign's settings"): the campaign's dates and whether a stage is open, the opening's load
 * per minute, totals by stage and priority class, each school's demand against its places, and the
 * schools with free places. For the enrollment department's staff (not school staff) and analysts.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor", "analyst");
  if (!(await mayViewCampaignDashboard(prisma, user.roles))) throw data(null, { status: 403 });
  const language = requestLanguage(context);
  const params = new URL(request.url).searchParams;
  const defaultYear = campaignYearFor(new Date());
  const parsed = parseDashboardQuery(params, defaultYear);
  // A year or municipality that is not one: the current campaign, with the mistake said (400).
  const query: DashboardQuery = parsed.ok ? parsed.query : { year: defaultYear, oktmo: null, sort: "demand" };
  const dashboard = await loadCampaignDashboard(prisma, query);
  const body = {
    view: dashboardPageView(dashboard, language),
    language,
    query,
    queryError: parsed.ok ? null : parsed.error,
    // What the visitor typed, kept in the form even when it was refused.
    typed: { year: (params.get("year") ?? String(query.year)).slice(0, 20), municipality: query.oktmo ?? "" },
    municipalities: MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) })),
    // School staff of the department open a school's ranked list; analysts do not work the lists.
    mayOpenLists: hasRole(user.roles, "officer", "supervisor"),
    mayOpenIndicators: hasRole(user.roles, "analyst", "supervisor", "admin"),
  };
  return data(body, { status: parsed.ok ? 200 : 400 });
}

export default function CampaignDashboardPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: to } = useTranslation("office");
  const { t: ti } = useTranslation("indicators");
  const { view, query } = d;
  const filter = {
    year: d.typed.year,
    municipality: d.typed.municipality,
    sort: query.sort,
    sortHref: (sort: DashboardSort) => dashboardSearch(query, { sort }),
  };
  const openData = `/api/enrollment/campaign?${dashboardSearch(query)}`;
  return (
    <section className="max-w-6xl">
      <Breadcrumbs
        items={[
          // Analysts have no queues: their way back is the indicators' dashboard.
          d.mayOpenLists
            ? { to: "/office", label: to("queues.title") }
            : { to: "/office/indicators", label: ti("office.title") },
          { label: t("dashboard.crumb") },
        ]}
      />
      <PageTitle title={t("dashboard.title", { year: view.year })} />
      <p className="mt-2 max-w-3xl">{t("dashboard.lead", { at: view.asOf })}</p>
      {d.queryError && (
        <div role="alert" tabIndex={-1} className="mt-4 max-w-3xl rounded-md border-4 border-red-700 bg-white p-4">
          <p className="font-bold">{t(`dashboard.queryError.${d.queryError}`, { year: view.year })}</p>
        </div>
      )}
      <DashboardFilterForm filter={filter} municipalities={d.municipalities} sorts={DASHBOARD_SORTS} />
      <DashboardSummary view={view} />
      <DashboardOpening opening={view.opening} language={d.language} />
      <DashboardSchools
        view={view}
        filter={filter}
        listHref={
          d.mayOpenLists ? (code) => `/office/enrollment?school=${encodeURIComponent(code)}&year=${view.year}` : null
        }
      />
      <DashboardFreeSchools schools={view.freeSchools} />
      <DashboardIndicatorsNote mayOpenIndicators={d.mayOpenIndicators} />
      <section aria-labelledby="open-data" className="mt-8 max-w-3xl">
        <h2 id="open-data" className="text-xl font-bold">
          {t("dashboard.openData.title")}
        </h2>
        <p className="mt-2">
          {t("dashboard.openData.body")}{" "}
          <Link to={openData} reloadDocument className="break-all text-brand-700 underline" data-testid="open-data">
            {openData}
          </Link>
        </p>
      </section>
    </section>
  );
}
