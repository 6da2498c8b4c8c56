import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/review";
import { AnswerSummary } from "~/components/answer-summary";
import { ScheduledRefusal, ScheduledSending } from "~/components/scheduled-sending";
import { prisma } from "~/db/prisma.server";
import { submitApplication } from "~/domain/applications/applications.server";
import { reviewPage } from "~/domain/applications/review-page.server";
import { cancelScheduledSubmission, scheduleSubmission } from "~/domain/enrollment/scheduled-submission.server";
import { readFormData } from "~/server/form-data.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { clientAddress } from "~/server/client-address.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const review = await reviewPage(prisma, {
    applicantId: user.id,
    draftId: params.draftId,
    slug: params.slug,
    language: requestLanguage(context),
  });
  // Submitted from another device or tab: show the application instead.
  if (review.found === "submitted") throw redirect(`/cabinet/applications/${review.number}`);
  if (review.found === "nothing") throw data(null, { status: 404 });
  return { slug: params.slug, draftId: params.draftId, ...review.page };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  // A bare POST (a retry from another device, a client without a form body) is "send it".
  const intent = request.headers.get("content-type") ? (await readFormData(request)).get("intent") : null;
  const here = new URL(request.url).pathname;
  if (intent === "schedule") {
    const scheduled = await scheduleSubmission(prisma, {
      applicantId: user.id,
      draftId: params.draftId,
      ip: clientAddress(context),
    });
    if (!scheduled.ok && scheduled.error === "invalid") {
      return redirect(`/services/${params.slug}/apply/${params.draftId}/${scheduled.stepId}?check=1&return=review`);
    }
    if (!scheduled.ok && scheduled.error === "not-found") throw data(null, { status: 404 });
    return redirect(here);
  }
  if (intent === "cancel-schedule") {
    await cancelScheduledSubmission(prisma, { applicantId: user.id, draftId: params.draftId });
    return redirect(here);
  }
  const result = await submitApplication(prisma, {
    applicantId: user.id,
    draftId: params.draftId,
    ip: clientAddress(context),
  });
  if (!result.ok) {
    if (result.error === "invalid")
      return redirect(`/services/${params.slug}/apply/${params.draftId}/${result.stepId}?check=1&return=review`);
    if (result.error === "service-closed") return data({ error: "serviceClosed" as const }, { status: 409 });
    if (result.error === "enrollment-duplicate") {
      return data(
        { error: "enrollmentDuplicate" as const, reason: result.reason, ownNumber: result.ownNumber },
        { status: 409 },
      );
    }
    // The campaign closed or has not opened: the loader says when, and the draft stays.
    if (result.error === "enrollment-closed") return redirect(new URL(request.url).pathname);
    throw data(null, { status: 404 });
  }
  return redirect(`/cabinet/applications/${result.number}?submitted=1`);
}

export default function Review({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("applications");
  const { t: tc } = useTranslation();
  const { t: te } = useTranslation("enrollment");
  const navigation = useNavigation();
  const base = `/services/${d.slug}/apply/${d.draftId}`;
  return (
    <section className="max-w-3xl">
      <title>{`${t("review.title")} — ${d.serviceTitle} — ${tc("layout.portalName")}`}</title>
      <p className="text-sm text-muted">{d.serviceTitle}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900 sm:text-3xl">{t("review.title")}</h1>
      <p className="mt-3">{t("review.lead")}</p>
      {(d.closed || actionData?.error === "serviceClosed") && (
        <p role="alert" className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3">
          {t("review.serviceClosed")}
        </p>
      )}
      {actionData?.error === "enrollmentDuplicate" && (
        <p role="alert" className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3">
          {te(`window.duplicate.${actionData.reason}`)}{" "}
          {actionData.ownNumber && (
            <Link to={`/cabinet/applications/${actionData.ownNumber}`} className="font-semibold underline">
              {te("window.duplicate.own", { number: actionData.ownNumber })}
            </Link>
          )}
        </p>
      )}
      {d.enrollment && (
        <p
          role="status"
          data-testid="enrollment-window"
          className={`mt-4 rounded-md border-l-4 p-3 ${d.enrollment.open ? "border-brand-700 bg-brand-50" : "border-amber-600 bg-amber-50"}`}
        >
          {d.enrollment.open ? te("window.open", { stage: d.enrollment.stage }) : <WindowNotice d={d} />}
        </p>
      )}
      <div className="mt-6">
        <AnswerSummary sections={d.sections} changeHref={(step) => `${base}/${step}?return=review`} />
      </div>
      <section aria-labelledby="declaration-title" className="mt-8 rounded-md border border-slate-300 bg-white p-4">
        <h2 id="declaration-title" className="text-lg font-bold">
          {t("review.declarationTitle")}
        </h2>
        <p className="mt-2">
          {!d.enrollment
            ? t("review.declaration", { deadline: d.deadlineDays })
            : // Before the opening the button on the page schedules the sending.
              d.enrollment.open || !d.enrollment.opensAt
              ? te("window.declaration")
              : te("stumbles.declarationBeforeOpening")}
        </p>
      </section>
      {d.enrollment && !d.enrollment.open && d.enrollment.opensAt ? (
        <ScheduledSending scheduled={d.scheduled} opensAt={d.enrollment.opensAt} />
      ) : (
        d.scheduled?.state === "refused" && <ScheduledRefusal reason={d.scheduled.reason} className="mt-6" />
      )}
      {/* Outside the campaign's window the draft waits: there is nothing to send yet. */}
      {(!d.enrollment || d.enrollment.open) && (
        <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={navigation.state === "submitting"}
            className="rounded-md bg-brand-700 px-6 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-70"
          >
            {navigation.state === "submitting" ? t("review.submitting") : t("review.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}

/**
 * Why the draft cannot be sent now and when it can. Before the opening: for a child who waits for
 * stage 2, both dates; once the draft is scheduled, that the portal will send it (not "come back").
 */
function WindowNotice({ d }: { d: Route.ComponentProps["loaderData"] }) {
  const { t } = useTranslation("enrollment");
  const state = d.enrollment;
  if (!state || state.open) return null;
  if (state.stage1OpensAt) {
    const dates = { year: d.campaignYear, stage1OpensAt: state.stage1OpensAt, opensAt: state.opensAt };
    return <>{t("stumbles.window.notYetOpenStage2", dates)}</>;
  }
  if (state.reason === "notYetOpen" && d.scheduled?.state === "scheduled")
    return <>{t("stumbles.window.scheduled", { year: d.campaignYear, sendAt: d.scheduled.sendAt })}</>;
  return <>{t(`window.${state.reason}`, { opensAt: state.opensAt, year: d.campaignYear })}</>;
}
