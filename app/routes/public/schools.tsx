import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/schools";
import { PageTitle } from "~/components/page-title";
import { SchoolAddressForm } from "~/components/school-address-form";
import { AddressPartsForm } from "~/components/schools/address-parts-form";
import { LookupAnswer } from "~/components/schools/lookup-answer";
import { SchoolsFilters } from "~/components/schools/schools-filters";
import { SchoolsTable } from "~/components/schools/schools-table";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { answerSchoolsQuery, listSchoolDistricts, listSeatYears } from "~/domain/enrollment/schools.server";
import { parseSchoolsQuery, type SchoolsQuery } from "~/domain/enrollment/schools-query";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

const PAGE_SIZE = 20;

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const query = parseSchoolsQuery(new URL(request.url).searchParams, campaignYearFor(new Date()));
  const [{ address, lookup, list }, years, districts] = await Promise.all([
    answerSchoolsQuery(prisma, query, PAGE_SIZE),
    listSeatYears(prisma),
    listSchoolDistricts(prisma),
  ]);
  return {
    language,
    query,
    years: years.includes(query.year) ? years : [query.year, ...years].sort((a, b) => b - a),
    districts,
    // Only a house, no street (the form by parts with «Дом» alone): said, not silently ignored.
    lookup: lookup ?? (query.house && !query.street && !query.address ? ({ match: "street-missing" } as const) : null),
    lookupInput: address ?? (query.address ? { street: query.address, house: "" } : null),
    list,
  };
}

/** The list's filters as URL parameters, for the paging links. */
function listParams(query: SchoolsQuery): URLSearchParams {
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.oktmo) params.set("oktmo", query.oktmo);
  if (query.district) params.set("district", query.district);
  if (query.language) params.set("language", query.language);
  if (query.adapted) params.set("adapted", "1");
  if (query.boarding) params.set("boarding", "1");
  if (query.free) params.set("free", "1");
  if (query.q) params.set("q", query.q);
  return params;
}

export default function Schools({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { query, list, language } = loaderData;

  const nextLink = list.next
    ? `/schools?${new URLSearchParams([...listParams(query), ["after", list.next]])}#schools-list`
    : null;
  const firstLink = query.after ? `/schools?${listParams(query)}#schools-list` : null;

  return (
    <>
      <PageTitle title={t("schools.title")} />
      <p className="mt-3 max-w-3xl text-lg">{t("schools.lead", { year: query.year })}</p>

      <section aria-labelledby="lookup-heading" className="mt-8 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="lookup-heading" className="text-xl font-bold">
          {t("schools.lookup.title")}
        </h2>
        <p className="mt-1 max-w-3xl">{t("schools.lookup.lead")}</p>
        <div className="mt-4">
          <SchoolAddressForm id="lookup-address" defaultValue={query.address} year={query.year} />
        </div>
        <AddressPartsForm query={query} language={language} />
        {loaderData.lookup && (
          <LookupAnswer
            answer={loaderData.lookup}
            input={loaderData.lookupInput}
            year={query.year}
            language={language}
          />
        )}
      </section>

      <section aria-labelledby="schools-list" className="mt-10">
        <h2 id="schools-list" className="text-xl font-bold">
          {t("schools.list.title", { year: query.year })}
        </h2>
        <SchoolsFilters query={query} years={loaderData.years} districts={loaderData.districts} language={language} />
        <SchoolsTable schools={list.schools} year={query.year} language={language} />
        <p className="mt-3 text-sm text-muted">{t("schools.freeSeatsNote")}</p>
        {(nextLink || firstLink) && (
          <nav aria-label={t("schools.list.pagination")} className="mt-4 flex flex-wrap gap-4">
            {firstLink && (
              <Link to={firstLink} className="text-brand-700 underline">
                {t("schools.list.first")}
              </Link>
            )}
            {nextLink && (
              <Link to={nextLink} className="text-brand-700 underline" rel="next">
                {t("schools.list.next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
