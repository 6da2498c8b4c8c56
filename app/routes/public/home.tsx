import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/home";
import { ServiceList } from "~/components/service-list";
import { prisma } from "~/db/prisma.server";
import { getHome } from "~/domain/catalogue/catalogue";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ context }: Route.LoaderArgs) {
  return getHome(await getCatalogue(prisma), requestLanguage(context));
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  const { t: tc } = useTranslation();
  return (
    <>
      <title>{tc("layout.portalName")}</title>
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("home.title")}</h1>
      <p className="mt-3 max-w-3xl text-lg text-muted">{t("home.lead", { count: loaderData.totalServices })}</p>

      <section aria-labelledby="categories" className="mt-8">
        <h2 id="categories" className="text-xl font-bold">
          {t("home.categories")}
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {loaderData.categories.map((category) => (
            <li key={category.slug}>
              <Link
                to={`/categories/${category.slug}`}
                className="block h-full rounded-lg border border-slate-300 bg-white p-4 no-underline shadow-sm hover:border-brand-600"
              >
                <span className="block font-semibold text-brand-700 underline">{category.title}</span>
                <span className="mt-1 block text-sm text-muted">{t("count", { count: category.count })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="popular" className="mt-10">
        <h2 id="popular" className="text-xl font-bold">
          {t("home.popular")}
        </h2>
        <div className="mt-4">
          <ServiceList services={loaderData.popular} />
        </div>
      </section>

      <section aria-labelledby="situations" className="mt-10">
        <h2 id="situations" className="text-xl font-bold">
          {t("home.lifeSituations")}
        </h2>
        <p className="mt-1 text-muted">{t("home.lifeSituationsLead")}</p>
        <ul className="mt-4 flex flex-wrap gap-2">
          {loaderData.lifeSituations.map((situation) => (
            <li key={situation.slug}>
              <Link
                to={`/search?situation=${situation.slug}`}
                className="inline-block rounded-full border border-brand-600 bg-white px-4 py-2 text-brand-700 underline hover:bg-brand-50"
              >
                {situation.title} <span className="text-sm text-muted">({situation.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
