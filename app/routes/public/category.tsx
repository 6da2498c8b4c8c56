import { useTranslation } from "react-i18next";
import { data } from "react-router";
import type { Route } from "./+types/category";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ServiceList } from "~/components/service-list";
import { prisma } from "~/db/prisma.server";
import { getCategory } from "~/domain/catalogue/catalogue";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ params, context }: Route.LoaderArgs) {
  const category = getCategory(await getCatalogue(prisma), params.slug, requestLanguage(context));
  if (!category) throw data(null, { status: 404 });
  return category;
}

export default function Category({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  const { t: tc } = useTranslation();
  return (
    <>
      <title>{`${loaderData.title} — ${tc("layout.portalName")}`}</title>
      <Breadcrumbs items={[{ to: "/", label: t("catalogue") }, { label: loaderData.title }]} />
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{loaderData.title}</h1>
      <p className="mt-2 max-w-3xl text-lg text-muted">{loaderData.description}</p>
      <p className="mt-2 text-sm">{t("count", { count: loaderData.services.length })}</p>
      <div className="mt-6">
        {loaderData.services.length === 0 ? (
          <p>{t("category.empty")}</p>
        ) : (
          <ServiceList services={loaderData.services} headingLevel={2} />
        )}
      </div>
    </>
  );
}
