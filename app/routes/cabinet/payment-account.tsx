import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/payment-account";
import { PageTitle } from "~/components/page-title";
import { BillsForm, PaidBills } from "~/components/payments/bills-form";
import { MeterReadings, type ReadingAnswer } from "~/components/payments/meter-readings";
import { PaymentHistory } from "~/components/payments/payment-history";
import { useLanguage } from "~/components/use-language";
import { prisma } from "~/db/prisma.server";
import { checkEls } from "~/domain/identity/documents";
import { unlinkAccount } from "~/domain/payments/accounts.server";
import { accountView, submitReading } from "~/domain/payments/account-view.server";
import { isPeriod } from "~/domain/payments/due-date";
import { paySchema, readingSchema, unlinkSchema } from "~/domain/payments/payment-forms";
import { newIdempotencyKey, startPayment } from "~/domain/payments/payments.server";
import { regionDate } from "~/domain/region/clock";
import { formatNumber, formatRubles } from "~/domain/region/numbers";
import { env } from "~/env.server";
import { translatorFor } from "~/i18n/translate.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { paymentContext } from "~/server/payments.server";

/*
 * One linked account (docs/payments.md): its bills with what is due by when, debt and penalty, the pay form,
 * meter readings and the resident's payments. Every intent checks the link first: an account not linked by
 * this resident is a 404, whoever else may have linked it.
 */
function accountParam(params: { els: string }): string {
  const checked = checkEls(params.els);
  if (!checked.ok) throw new Response("Not Found", { status: 404 });
  return checked.value;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const keyRatePercent = env().PENALTY_KEY_RATE;
  const before = new URL(request.url).searchParams.get("paidBefore");
  const view = await accountView(prisma, {
    userId: user.id,
    els: accountParam(params),
    today: regionDate(),
    keyRatePercent,
    paidBefore: before && isPeriod(before) ? before : null,
  });
  if (!view) throw new Response("Not Found", { status: 404 });
  // A new key each time the form is shown: one payment per form, however often it is sent.
  return { view, keyRatePercent, idempotencyKey: newIdempotencyKey() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const els = accountParam(params);
  const formData = await readFormData(request);
  const t = translatorFor(requestLanguage(context));
  const intent = formData.get("intent");

  if (intent === "reading") {
    const submission = parseWithZod(formData, { schema: readingSchema });
    const text = (name: string) => {
      const entry = formData.get(name);
      return typeof entry === "string" ? entry : "";
    };
    const value = text("value").slice(0, 40);
    const meterId = text("meterId");
    if (submission.status !== "success")
      return data({ reading: { meterId, value, error: t("payments:meters.errors.format") } }, { status: 400 });
    const outcome = await submitReading(prisma, {
      userId: user.id,
      els,
      meterId,
      value,
      today: regionDate(),
      now: new Date(),
    });
    if (!outcome) throw new Response("Not Found", { status: 404 });
    const language = requestLanguage(context);
    if (outcome.ok) return { reading: { meterId, value, taken: formatNumber(Number(outcome.value), language, 3) } };
    const error = t(`payments:meters.errors.${outcome.error}`, {
      ...outcome.window,
      last: outcome.last ? formatNumber(Number(outcome.last), language, 3) : "",
    });
    return data({ reading: { meterId, value, error } }, { status: 422 });
  }

  if (intent === "unlink") {
    if (parseWithZod(formData, { schema: unlinkSchema }).status !== "success")
      throw new Response("Bad Request", { status: 400 });
    if (!(await unlinkAccount(prisma, { userId: user.id, els }))) throw new Response("Not Found", { status: 404 });
    return redirect("/cabinet/payments");
  }

  const submission = parseWithZod(formData, { schema: paySchema });
  if (submission.status !== "success") {
    const noBills = formData.getAll("bills").length === 0 && formData.get("intent") === "pay";
    if (!noBills) throw new Response("Bad Request", { status: 400 });
    return data({ payError: { message: t("payments:bills.noneTicked") } }, { status: 400 });
  }
  const outcome = await startPayment(paymentContext(), {
    userId: user.id,
    email: user.email,
    els,
    billIds: submission.value.bills,
    idempotencyKey: submission.value.idempotencyKey,
  });
  if (!outcome) throw new Response("Not Found", { status: 404 });
  switch (outcome.kind) {
    case "redirect":
      return redirect(outcome.url, 303);
    case "payment":
    case "unavailable":
      return redirect(`/cabinet/payments/receipts/${outcome.paymentId}`, 303);
    case "refused": {
      const message = t(
        outcome.error === "no-bills"
          ? "payments:bills.noneTicked"
          : outcome.error === "in-payment"
            ? "payments:bills.inPayment"
            : "payments:bills.notPayable",
      );
      return data({ payError: { message, paymentId: outcome.paymentId } }, { status: 409 });
    }
  }
}

export default function PaymentAccount({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const { view } = d;
  const answer = actionData && "reading" in actionData ? (actionData.reading as ReadingAnswer) : null;
  const payError = actionData && "payError" in actionData ? actionData.payError : null;
  return (
    <section className="max-w-3xl">
      <p>
        <Link to="/cabinet/payments" className="text-brand-700 underline">
          {t("backToAccounts")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("account.title", { els: view.els })} />
      </div>
      <p className="mt-2">{view.label ? `${view.label} — ${view.address}` : view.address}</p>

      <dl className="mt-6 grid gap-3 sm:grid-cols-3" data-testid="account-totals">
        <div className="rounded-md border border-slate-300 bg-white p-3">
          <dt>{t("account.toPay")}</dt>
          <dd className="text-xl font-bold">{formatRubles(view.totals.toPay, language)}</dd>
        </div>
        <div className="rounded-md border border-slate-300 bg-white p-3">
          <dt>{t("account.debt")}</dt>
          <dd className="text-xl font-bold">{formatRubles(view.totals.debt, language)}</dd>
        </div>
        <div className="rounded-md border border-slate-300 bg-white p-3">
          <dt>{t("account.penalty")}</dt>
          <dd className="text-xl font-bold">{formatRubles(view.totals.penalty, language)}</dd>
        </div>
      </dl>
      {view.totals.penalty > 0 && <p className="mt-2 text-sm">{t("account.penaltyNote")}</p>}

      <h2 className="mt-8 text-xl font-bold">{t("bills.title")}</h2>
      <p className="mt-2">{t("bills.payIntro")}</p>
      <BillsForm
        bills={view.bills}
        idempotencyKey={d.idempotencyKey}
        keyRatePercent={d.keyRatePercent}
        error={payError}
      />

      <h2 id="paid" className="mt-10 text-xl font-bold">
        {t("bills.paidTitle")}
      </h2>
      <PaidBills bills={view.paidBills} earlier={view.earlierPaid} labelledBy="paid" />

      <h2 className="mt-10 text-xl font-bold">{t("meters.title")}</h2>
      <MeterReadings meters={view.meters} answer={answer} />

      <h2 id="payment-history-title" className="mt-10 text-xl font-bold">
        {t("history.title")}
      </h2>
      <PaymentHistory payments={view.payments} labelledBy="payment-history-title" />

      <Form method="post" className="mt-10 border-t border-slate-300 pt-6">
        <input type="hidden" name="intent" value="unlink" />
        <p>{t("account.unlinkHint")}</p>
        <button
          type="submit"
          className="mt-2 rounded-md border-2 border-red-800 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
        >
          {t("account.unlink")}
        </button>
      </Form>
    </section>
  );
}
