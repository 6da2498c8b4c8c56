import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/payment-receipt";
import { PageTitle } from "~/components/page-title";
import { useLanguage } from "~/components/use-language";
import { prisma } from "~/db/prisma.server";
import { pick } from "~/domain/i18n/localized";
import { paymentForPayer } from "~/domain/payments/receipt-view.server";
import { payersPaymentRefreshed, retryPayment } from "~/domain/payments/payments.server";
import { formatDateTime, formatMonth } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { paymentContext } from "~/server/payments.server";

/*
 * A payment's page and, once it succeeded, its receipt with the 54-ФЗ fiscal data (docs/payments.md, "Receipt").
 * While the outcome is unknown, looking at the page asks the acquirer again; the page never says "paid" before
 * the acquirer does.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const paymentId = await payersPaymentRefreshed(paymentContext(), {
    userId: user.id,
    paymentId: params.paymentId,
    trigger: "view",
  });
  if (!paymentId) throw new Response("Not Found", { status: 404 });
  const payment = await paymentForPayer(prisma, user.id, paymentId);
  if (!payment) throw new Response("Not Found", { status: 404 });
  return { payment };
}

/** "Try again" after the acquirer could not be reached: the same payment, sent with its own key. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const form = await readFormData(request);
  if (form.get("intent") !== "retry") throw new Response("Bad Request", { status: 400 });
  const outcome = await retryPayment(paymentContext(), { userId: user.id, paymentId: params.paymentId });
  if (!outcome) throw new Response("Not Found", { status: 404 });
  return redirect(outcome.kind === "redirect" ? outcome.url : `/cabinet/payments/receipts/${params.paymentId}`, 303);
}

const BUTTON = "rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900";

export default function PaymentReceipt({ loaderData: { payment } }: Route.ComponentProps) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const back = `/cabinet/payments/${encodeURIComponent(payment.els)}`;
  return (
    <section className="max-w-3xl">
      <p>
        <Link to={back} className="text-brand-700 underline">
          {t("account.title", { els: payment.els })}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("receipt.title", { amount: formatRubles(payment.amount, language) })} />
      </div>
      <p className="mt-2">{t("receipt.els", { els: payment.els, address: payment.address })}</p>
      <p className="mt-4 text-lg font-semibold" data-testid="payment-status" role="status">
        {t(`status.${payment.status}`)}
      </p>
      {payment.status === "succeeded" && <p className="mt-2">{t("receipt.succeeded")}</p>}
      {payment.status === "pending" && (
        <>
          <p className="mt-2">{t("receipt.pending")}</p>
          <p className="mt-3">
            <Link to="." reloadDocument className="text-brand-700 underline">
              {t("receipt.refresh")}
            </Link>
          </p>
        </>
      )}
      {payment.status === "created" && (
        <Form method="post" className="mt-2">
          <p>{t("receipt.created")}</p>
          <input type="hidden" name="intent" value="retry" />
          <button type="submit" className={`mt-3 ${BUTTON}`}>
            {t("receipt.retry")}
          </button>
        </Form>
      )}
      {(payment.status === "declined" || payment.status === "expired") && (
        <>
          <p className="mt-2">{t(`receipt.${payment.status}`)}</p>
          {payment.declineReason && (
            <p className="mt-1">{t(`receipt.reasons.${payment.declineReason}`, { defaultValue: "" })}</p>
          )}
          <p className="mt-3">
            <Link to={back} className="text-brand-700 underline">
              {t("receipt.tryAgain")}
            </Link>
          </p>
        </>
      )}

      <h2 className="mt-8 text-xl font-bold">{t("receipt.bills")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="payment-bills">
        {payment.bills.map((bill) => (
          <li key={bill.id}>
            {t("receipt.provider", { provider: pick(bill.provider, language), inn: bill.providerInn })},{" "}
            {formatMonth(bill.period, language)}: {formatRubles(bill.amount, language)}
          </li>
        ))}
      </ul>

      {payment.fiscal && (
        <section className="mt-8 rounded-md border-2 border-slate-400 bg-white p-4" data-testid="fiscal-receipt">
          <h2 className="text-xl font-bold">{t("receipt.fiscalTitle")}</h2>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("receipt.fiscalAt")}</dt>
            <dd>{payment.fiscal.at ? formatDateTime(new Date(payment.fiscal.at), language) : "—"}</dd>
            <dt className="font-semibold">{t("receipt.total")}</dt>
            <dd>{formatRubles(payment.amount, language)}</dd>
            <dt className="font-semibold">{t("receipt.vat")}</dt>
            <dd>
              {payment.fiscal.vat.length === 0 || payment.fiscal.vat.every((v) => v.vat === "none")
                ? t("receipt.vatNone")
                : payment.fiscal.vat.map((v) => `${v.vat}: ${formatRubles(v.tax, language)}`).join(", ")}
            </dd>
            <dt className="font-semibold">{t("receipt.fn")}</dt>
            <dd data-testid="fiscal-fn">{payment.fiscal.drive}</dd>
            <dt className="font-semibold">{t("receipt.fd")}</dt>
            <dd data-testid="fiscal-fd">{payment.fiscal.document}</dd>
            <dt className="font-semibold">{t("receipt.fp")}</dt>
            <dd data-testid="fiscal-fp">{payment.fiscal.sign}</dd>
          </dl>
          <p className="mt-3 text-sm">{t("receipt.print")}</p>
        </section>
      )}
    </section>
  );
}
