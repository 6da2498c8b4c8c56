import { useTranslation } from "react-i18next";
import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/review";
import { AnswerSummary } from "~/components/answer-summary";
import { prisma } from "~/db/prisma.server";
import { describeDraft } from "~/domain/applications/application-view.server";
import { getDraft, submitApplication, submittedNumberOf } from "~/domain/applications/applications.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { clientAddress } from "~/server/client-address.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const found = await getDraft(prisma, user.id, params.draftId);
  if (!found) {
    // Submitted from another device or tab: show the application instead.
    const submitted = await submittedNumberOf(prisma, user.id, params.draftId);
    if (submitted) throw redirect(`/cabinet/applications/${submitted}`);
    throw data(null, { status: 404 });
  }
  if (found.draft.service.slug !== params.slug) throw data(null, { status: 404 });
  return {
    slug: params.slug,
    draftId: params.draftId,
    closed: !found.draft.service.published,
    ...(await describeDraft(prisma, { applicantId: user.id, found, language })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const result = await submitApplication(prisma, {
    applicantId: user.id,
    draftId: params.draftId,
    ip: clientAddress(context),
  });
  if (!result.ok) {
    if (result.error === "invalid")
      return redirect(`/services/${params.slug}/apply/${params.draftId}/${result.stepId}?check=1&return=review`);
    if (result.error === "service-closed") return data({ error: "serviceClosed" }, { status: 409 });
    throw data(null, { status: 404 });
  }
  return redirect(`/cabinet/applications/${result.number}?submitted=1`);
}

export default function Review({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  const navigation = useNavigation();
  const base = `/services/${d.slug}/apply/${d.draftId}`;
  return (
    <section className="max-w-3xl">
      <title>{`${t("review.title")} — ${d.serviceTitle} — ${tc("layout.portalName")}`}</title>
      <p className="text-sm text-muted">{d.serviceTitle}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900 sm:text-3xl">{t("review.title")}</h1>
      <p className="mt-3">{t("review.lead")}</p>
      {(d.closed || actionData?.error) && (
        <p role="alert" className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3">
          {t("review.serviceClosed")}
        </p>
      )}
      <div className="mt-6">
        <AnswerSummary sections={d.sections} changeHref={(step) => `${base}/${step}?return=review`} />
      </div>
      <section aria-labelledby="declaration-title" className="mt-8 rounded-md border border-slate-300 bg-white p-4">
        <h2 id="declaration-title" className="text-lg font-bold">
          {t("review.declarationTitle")}
        </h2>
        <p className="mt-2">{t("review.declaration", { deadline: d.deadlineDays })}</p>
      </section>
      <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="rounded-md bg-brand-700 px-6 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-70"
        >
          {navigation.state === "submitting" ? t("review.submitting") : t("review.submit")}
        </button>
      </Form>
    </section>
  );
}
