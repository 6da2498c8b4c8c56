import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/service-measures";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { PageTitle } from "~/components/page-title";
import { EntitlementAnswerPanel } from "~/components/social/entitlement-answer";
import { FamilyForm } from "~/components/social/family-form";
import { prisma } from "~/db/prisma.server";
import { regionDate } from "~/domain/region/clock";
import {
  entitlementAnswer,
  findEntitlementService,
  profileFamilyDefaults,
} from "~/domain/social/entitlement-page.server";
import { asksFamilyForm, familyChildren, familyFormSchema } from "~/domain/social/family-entitlement";
import { requestLanguage } from "~/i18n/i18n.server";
import { getOptionalUser } from "~/server/auth.server";

/*
 * Which measures of a package service a family is entitled to, before applying
 * (docs/social-support.md#entitlement): a GET form of the children's dates of birth, for anyone;
 * signed in, prefilled from the profile on the server, so no date of the profile is put in the URL.
 * Only services that are packages (have SupportMeasure rows) have this page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const found = await findEntitlementService(prisma, { slug: params.slug, language });
  if (!found) throw data(null, { status: 404 });
  const { measures, ...service } = found;
  const today = regionDate();
  const page = { ...service, today };

  const query = new URL(request.url).searchParams;
  if (asksFamilyForm(query)) {
    const submission = parseWithZod(query, { schema: familyFormSchema(today) });
    if (submission.status !== "success") {
      return data(
        { ...page, lastResult: submission.reply(), defaults: null, prefill: null, answer: null },
        { status: 400 },
      );
    }
    const answer = entitlementAnswer(measures, familyChildren(submission.value), today, language);
    return { ...page, lastResult: submission.reply(), defaults: null, prefill: null, answer };
  }

  const user = await getOptionalUser(request);
  if (!user) return { ...page, lastResult: null, defaults: null, prefill: null, answer: null };
  const defaults = await profileFamilyDefaults(prisma, user.id);
  if (!defaults) return { ...page, lastResult: null, defaults: null, prefill: "profile-empty" as const, answer: null };
  const answer = entitlementAnswer(measures, familyChildren(defaults), today, language);
  return { ...page, lastResult: null, defaults, prefill: "profile" as const, answer };
}

export default function ServiceMeasures({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("catalogue") },
          ...(d.category ? [{ to: `/categories/${d.category.slug}`, label: d.category.title }] : []),
          { to: `/services/${d.slug}`, label: d.serviceTitle },
          { label: t("entitlement.title") },
        ]}
      />
      <PageTitle title={t("entitlement.title")} />
      <p className="mt-3 max-w-3xl text-lg">{t("entitlement.lead")}</p>

      <FamilyForm
        action={`/services/${d.slug}/measures`}
        today={d.today}
        lastResult={d.lastResult}
        defaults={d.defaults}
        prefill={d.prefill}
      />

      {d.answer && <EntitlementAnswerPanel answer={d.answer} />}

      <section aria-labelledby="apply-title" className="mt-8 max-w-3xl rounded-md bg-brand-50 p-5">
        <h2 id="apply-title" className="text-xl font-bold">
          {t("entitlement.apply.title")}
        </h2>
        <p className="mt-1">{t("entitlement.apply.text")}</p>
        <p className="mt-3">
          <Link to={`/services/${d.slug}`} className="font-semibold text-brand-700 underline">
            {t("entitlement.apply.link", { title: d.serviceTitle })}
          </Link>
        </p>
      </section>
    </>
  );
}
