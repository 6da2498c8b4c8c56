import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/school";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { Fact } from "~/components/fact";
import { PageTitle } from "~/components/page-title";
import { SchoolOrders } from "~/components/schools/school-orders";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { schoolOrdersView } from "~/domain/enrollment/enrollment-results.server";
import { parseOrdersCursor } from "~/domain/enrollment/public-orders";
import { getSchool, listSeatYears } from "~/domain/enrollment/schools.server";
import { parseSchoolsQuery } from "~/domain/enrollment/schools-query";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const query = new URL(request.url).searchParams;
  const { year } = parseSchoolsQuery(query, campaignYearFor(new Date()));
  const after = parseOrdersCursor(query.get("ordersAfter"));
  const [school, years, orders] = await Promise.all([
    getSchool(prisma, params.code, year),
    listSeatYears(prisma),
    schoolOrdersView(prisma, { code: params.code, year, after, language }),
  ]);
  if (!school || !orders) throw data(null, { status: 404 });
  return { school, language, years: years.filter((y) => y !== year), orders };
}

/** A line of the school's territory and its place in the list, which has no other key. */
type TerritoryLine = Route.ComponentProps["loaderData"]["school"]["territory"][number] & { index: number };

export default function School({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { school, language, years, orders } = loaderData;
  const name = school.name[language];
  const features = school.adaptedProgrammes.map((p) => t(`schools.programmes.${p}`, { defaultValue: p }));
  // The street names a line; the settlement comes first, as an address is read.
  const territoryColumns: Column<TerritoryLine>[] = [
    { id: "settlement", header: t("schools.page.settlement"), cell: (line) => line.settlement },
    {
      id: "street",
      header: t("schools.page.street"),
      rowHeader: true,
      className: "font-normal",
      cell: (line) => line.street,
    },
    {
      id: "houses",
      header: t("schools.page.houses"),
      cell: (line) => (line.houses === "все" ? t("schools.page.allHouses") : line.houses),
    },
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: `/schools?year=${school.year}`, label: t("schools.title") }, { label: name }]} />
      <PageTitle title={name} />
      <p className="mt-2 text-lg">{school.address}</p>

      <div className="mt-6 grid gap-8 lg:grid-cols-[20rem_1fr]">
        <section aria-labelledby="school-facts" className="h-fit rounded-lg border border-slate-300 bg-white p-5">
          <h2 id="school-facts" className="text-lg font-bold">
            {t("schools.page.facts")}
          </h2>
          <dl className="mt-3 space-y-3">
            <Fact term={t("schools.page.municipality")}>
              {school.municipality[language]}
              {school.district && (
                <span className="block text-sm">
                  {t("schools.districtOf", {
                    district: t(`schools.districts.${school.district}`, { defaultValue: school.district }),
                  })}
                </span>
              )}
            </Fact>
            <Fact term={t("schools.page.languages")}>
              {school.languages.map((l) => t(`schools.languages.${l}`, { defaultValue: l })).join(", ")}
            </Fact>
            <Fact term={t("schools.page.programmes")}>
              {features.length > 0 ? features.join("; ") : t("schools.page.noProgrammes")}
            </Fact>
            <Fact term={t("schools.page.boarding")}>
              {school.boarding ? t("schools.page.yes") : t("schools.page.no")}
            </Fact>
            <Fact term={t("schools.page.seats", { year: school.year })}>
              {school.seats ? (
                <>
                  {t("schools.page.seatsValue", { count: school.seats.total })}
                  <span className="block text-sm">
                    {t("schools.classes", { count: school.seats.classes, size: school.seats.classSize })}
                  </span>
                </>
              ) : (
                t("schools.noSeats")
              )}
            </Fact>
            <Fact term={t("schools.list.freeSeats")}>{school.freeSeats ?? "—"}</Fact>
          </dl>
          <p className="mt-3 text-sm text-muted">{t("schools.freeSeatsNote")}</p>
          {years.length > 0 && (
            <p className="mt-3 text-sm">
              {t("schools.page.otherYears")}{" "}
              {years.map((y, i) => (
                <span key={y}>
                  {i > 0 && ", "}
                  <Link
                    to={`/schools/${encodeURIComponent(school.code)}?year=${y}`}
                    className="text-brand-700 underline"
                  >
                    {y}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </section>

        <section aria-labelledby="school-territory">
          <h2 id="school-territory" className="text-xl font-bold">
            {t("schools.page.territory", { year: school.year })}
          </h2>
          <p className="mt-1 max-w-3xl">{t("schools.page.territoryLead")}</p>
          {school.territory.length === 0 ? (
            <p className="mt-3 font-semibold">{t("schools.page.noTerritory", { year: school.year })}</p>
          ) : (
            <DataTable
              caption={t("schools.page.territory", { year: school.year })}
              columns={territoryColumns}
              rows={school.territory.map((line, index) => ({ ...line, index }))}
              rowKey={(line) => line.index}
              className="mt-3"
            />
          )}
          <p className="mt-6">
            <Link to="/services/first-grade-enrollment" className="text-brand-700 underline">
              {t("schools.page.service")}
            </Link>
          </p>
        </section>
      </div>

      <SchoolOrders orders={orders} />
    </>
  );
}
