import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/search";
import { ServiceList } from "~/components/service-list";
import { prisma } from "~/db/prisma.server";
import { findServices } from "~/domain/catalogue/catalogue";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

const PAGE_SIZE = 20;

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const catalogue = await getCatalogue(prisma);
  const query = parseCatalogueQuery(new URL(request.url).searchParams, PAGE_SIZE);
  return {
    query,
    results: findServices(catalogue, query, language),
    categories: catalogue.categories.map((c) => ({ slug: c.slug, title: c.title[language] })),
    situations: catalogue.lifeSituations.map((l) => ({ slug: l.slug, title: l.title[language] })),
  };
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  const { t: tc } = useTranslation();
  const { query, results } = loaderData;
  const heading = query.q ? t("search.titleWithQuery", { q: query.q }) : t("search.title");

  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.category) params.set("category", query.category);
    if (query.lifeSituation) params.set("situation", query.lifeSituation);
    if (query.online) params.set("online", "1");
    if (query.mszu) params.set("mszu", "1");
    params.set("page", String(page));
    return `/search?${params.toString()}`;
  };

  return (
    <>
      <title>{`${heading} — ${tc("layout.portalName")}`}</title>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{heading}</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[18rem_1fr]">
        <Form method="get" action="/search" className="h-fit space-y-4 rounded-lg border border-slate-300 bg-white p-4">
          <div>
            <label htmlFor="search-q" className="block font-semibold">
              {t("search.label")}
            </label>
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={query.q}
              maxLength={200}
              className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <fieldset className="space-y-3">
            <legend className="font-semibold">{t("search.filters")}</legend>
            <FilterSelect
              id="search-category"
              name="category"
              label={t("search.category")}
              anyLabel={t("search.anyCategory")}
              value={query.category}
              options={loaderData.categories.map((c) => ({ value: c.slug, label: c.title }))}
            />
            <FilterSelect
              id="search-situation"
              name="situation"
              label={t("search.situation")}
              anyLabel={t("search.anySituation")}
              value={query.lifeSituation}
              options={loaderData.situations.map((l) => ({ value: l.slug, label: l.title }))}
            />
            <label className="flex items-start gap-2">
              <input type="checkbox" name="online" value="1" defaultChecked={query.online} className="mt-1 size-4" />
              <span>{t("search.onlineOnly")}</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="mszu" value="1" defaultChecked={query.mszu} className="mt-1 size-4" />
              <span>{t("search.mszuOnly")}</span>
            </label>
          </fieldset>
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              {t("search.apply")}
            </button>
            <Link to="/search" className="text-brand-700 underline">
              {t("search.reset")}
            </Link>
          </div>
        </Form>

        <section aria-labelledby="results-count">
          <p id="results-count" role="status" className="mb-4 font-semibold">
            {results.total === 0 ? t("search.nothing") : t("search.found", { count: results.total })}
          </p>
          <ServiceList services={results.services} headingLevel={2} />
          {results.pageCount > 1 && (
            <nav aria-label={t("search.pagination")} className="mt-6 flex flex-wrap items-center gap-4">
              {results.page > 1 && (
                <Link to={pageLink(results.page - 1)} className="text-brand-700 underline" rel="prev">
                  {t("search.previous")}
                </Link>
              )}
              <span>{t("search.pageOf", { page: results.page, pages: results.pageCount })}</span>
              {results.page < results.pageCount && (
                <Link to={pageLink(results.page + 1)} className="text-brand-700 underline" rel="next">
                  {t("search.next")}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}

function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ""}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2"
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
