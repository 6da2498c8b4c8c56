import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "~/components/data-table";
import { formatDateTime } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { useLanguage } from "~/components/use-language";

type Payment = { id: string; amount: number; status: string; createdAt: Date | string };

/** The resident's own payments of an account, newest first, each leading to its page and receipt. */
export function PaymentHistory({
  payments,
  labelledBy,
}: {
  payments: Payment[];
  /** The id of the heading above, which names the table. */
  labelledBy: string;
}) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  if (payments.length === 0) return <p className="mt-3">{t("history.none")}</p>;
  const columns: Column<Payment>[] = [
    {
      id: "date",
      header: t("history.date"),
      cell: (payment) => {
        const date = formatDateTime(new Date(payment.createdAt), language);
        return (
          <Link to={`/cabinet/payments/receipts/${payment.id}`} className="text-brand-700 underline">
            <span className="sr-only">{t("history.open", { date })}: </span>
            <span aria-hidden="true">{date}</span>
          </Link>
        );
      },
    },
    { id: "amount", header: t("history.amount"), cell: (payment) => formatRubles(payment.amount, language) },
    { id: "status", header: t("history.status"), cell: (payment) => t(`status.${payment.status}`) },
  ];
  return (
    <DataTable
      labelledBy={labelledBy}
      columns={columns}
      rows={payments}
      rowKey={(payment) => payment.id}
      testId="payment-history"
      className="mt-3"
    />
  );
}
