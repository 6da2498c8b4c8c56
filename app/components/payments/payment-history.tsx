import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { useLanguage } from "~/components/use-language";

/** The resident's own payments of an account, newest first, each leading to its page and receipt. */
export function PaymentHistory({
  payments,
}: {
  payments: { id: string; amount: number; status: string; createdAt: Date | string }[];
}) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  if (payments.length === 0) return <p className="mt-3">{t("history.none")}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left" data-testid="payment-history">
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-2 pr-4">
              {t("history.date")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("history.amount")}
            </th>
            <th scope="col" className="py-2">
              {t("history.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => {
            const date = formatDateTime(new Date(payment.createdAt), language);
            return (
              <tr key={payment.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  <Link to={`/cabinet/payments/receipts/${payment.id}`} className="text-brand-700 underline">
                    <span className="sr-only">{t("history.open", { date })}: </span>
                    <span aria-hidden="true">{date}</span>
                  </Link>
                </td>
                <td className="py-2 pr-4">{formatRubles(payment.amount, language)}</td>
                <td className="py-2">{t(`status.${payment.status}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
