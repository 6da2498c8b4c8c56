import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/offer";
import { ErrorSummary } from "~/components/form-field";
import { OfferStatusLine, OfferWhy } from "~/components/offer-summary";
import { PageTitle } from "~/components/page-title";
import { useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { offerForDisplay } from "~/domain/proactive/offer-display";
import { OfferAnswerSchema } from "~/domain/proactive/offer-forms";
import { confirmOffer, declineOffer, getOffer } from "~/domain/proactive/offers.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/*
 * One offer or assignment: why it came, and the one-step answer — confirm an offer (its case opens
 * and goes to the department), decline an offer, or decline an assignment until its date (its case
 * is withdrawn). Someone else's offer is 404.
 */
const NOTICES = ["confirmed", "declined"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const offer = await getOffer(prisma, user.id, params.offerId);
  if (!offer) throw data(null, { status: 404 });
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    offer: offerForDisplay(offer, requestLanguage(context)),
    notice: NOTICES.find((n) => n === notice) ?? null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: OfferAnswerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const input = { userId: user.id, offerId: params.offerId };
  const answer = submission.value.answer;
  const result = answer === "confirm" ? await confirmOffer(prisma, input) : await declineOffer(prisma, input);
  if (!result.ok) {
    if (result.error === "not-found") throw data(null, { status: 404 });
    const message = validationMessage(`proactive:errors.${result.error}`);
    return data(submission.reply({ formErrors: [message] }), { status: 409 });
  }
  return redirect(`/cabinet/offers/${params.offerId}?notice=${answer === "confirm" ? "confirmed" : "declined"}`);
}

export default function Offer({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("proactive");
  const { offer } = d;
  const [form] = useSchemaForm(OfferAnswerSchema, actionData);
  return (
    <section className="max-w-2xl">
      <p>
        <Link to="/cabinet/offers" className="text-brand-700 underline">
          {t("detail.back")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={offer.service} />
      </div>
      {d.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${d.notice}`)}
        </p>
      )}
      <div className="mt-4">
        <ErrorSummary errors={[]} labels={{}} formErrors={form.errors ?? []} />
      </div>
      <div className="mt-4">
        <OfferStatusLine offer={offer} />
      </div>
      <h2 className="mt-6 text-xl font-bold">{t("detail.why")}</h2>
      <p className="mt-2">
        <OfferWhy offer={offer} />
      </p>
      <p className="mt-1 text-sm text-muted">{t("received", { date: offer.received })}</p>
      <h2 className="mt-6 text-xl font-bold">{t("detail.what")}</h2>
      <p className="mt-2">{offer.mode === "assign" ? t("detail.assignText") : t("detail.offerText")}</p>
      {offer.applicationNumber && (
        <p className="mt-2">
          <Link
            to={`/cabinet/applications/${offer.applicationNumber}`}
            className="font-semibold text-brand-700 underline"
          >
            {t("application", { number: offer.applicationNumber })}
          </Link>
        </p>
      )}
      {offer.serviceSlug && (
        <p className="mt-2">
          <Link to={`/services/${offer.serviceSlug}`} className="text-brand-700 underline">
            {t("detail.service")}
          </Link>
        </p>
      )}
      {offer.canAnswer ? (
        <Form method="post" {...getFormProps(form)} className="mt-6">
          <fieldset>
            <legend className="font-semibold">{t("actions.legend")}</legend>
            <p className="mt-1">{t(`answerBy.${offer.mode}`, { date: offer.answerBy })}</p>
            <div className="mt-3 flex flex-wrap gap-3">
              {offer.mode === "offer" && (
                <button
                  type="submit"
                  name="answer"
                  value="confirm"
                  className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
                >
                  {t("actions.confirm")}
                </button>
              )}
              <button
                type="submit"
                name="answer"
                value="decline"
                className="rounded-md border-2 border-red-800 px-5 py-3 font-semibold text-red-800"
              >
                {t("actions.decline")}
              </button>
            </div>
          </fieldset>
        </Form>
      ) : (
        offer.status !== "accepted" && offer.status !== "declined" && <p className="mt-6">{t("detail.closed")}</p>
      )}
    </section>
  );
}
