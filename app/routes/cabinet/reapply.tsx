import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/reapply";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { findOwnApplicationId } from "~/domain/applications/applications.server";
import { reapplyToOfferedSchool } from "~/domain/enrollment/reapply.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * POST /cabinet/applications/:number/apply-to/:schoolCode — the one-step application to a school of
 * the offer made with a refusal for lack of places (docs/enrollment.md, "Results, public orders and
 * open data"): a new draft with the answers carried over, then its review page. Someone else's
 * application is not found (404); one without an offer, a school not offered or filled since, or an
 * offer of a campaign that is over, is a conflict (409) this page explains.
 */

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!(await findOwnApplicationId(prisma, user.id, params.number))) throw data(null, { status: 404 });
  return { number: params.number };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  // The button's form has no fields; a body, if any, must still be a form the portal reads.
  if (request.headers.get("content-type")) await readFormData(request);
  const result = await reapplyToOfferedSchool(prisma, {
    applicantId: user.id,
    number: params.number,
    schoolCode: params.schoolCode,
  });
  if (result.ok) return redirect(`/services/${result.slug}/apply/${result.draftId}/review`);
  if (result.error === "not-found") throw data(null, { status: 404 });
  // The refusal's campaign is over: its offer is history, nothing is made (docs/enrollment.md).
  if (result.error === "campaign-over")
    return data({ problem: result.error, year: result.campaignYear }, { status: 409 });
  return data({ problem: result.error, year: null }, { status: 409 });
}

export default function Reapply({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  return (
    <section className="max-w-3xl">
      <PageTitle title={t("results.reapply.title")} />
      {actionData ? (
        <p
          role="alert"
          className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-lg"
          data-testid="reapply-problem"
        >
          {actionData.problem === "campaign-over"
            ? t("guards.campaignOver", { year: actionData.year })
            : t(`results.reapply.problem.${actionData.problem}`)}
        </p>
      ) : (
        <p className="mt-4 text-lg">{t("results.reapply.lead")}</p>
      )}
      <p className="mt-6">
        <Link
          to={`/cabinet/applications/${encodeURIComponent(loaderData.number)}`}
          className="font-semibold text-brand-700 underline"
        >
          {t("results.reapply.back")}
        </Link>
      </p>
    </section>
  );
}
