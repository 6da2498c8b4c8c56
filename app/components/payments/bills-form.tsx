import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { BillView } from "~/domain/payments/account-view.server";
import { pick } from "~/domain/i18n/localized";
import { formatDate, formatDateTime, formatMonth } from "~/domain/region/dates";
import { formatNumber, formatRubles } from "~/domain/region/numbers";
import { DataTable, type Column } from "~/components/data-table";
import { KeysetPager } from "~/components/keyset-pager";
import { keysetHref } from "~/components/page-links";
import { useLanguage } from "~/components/use-language";

/*
 * An account's bills as one pay form (docs/payments.md, "Paying"): a box per unpaid bill, ticked by default,
 * and the form's idempotency key, so pressing twice or from a second tab is one payment.
 */
const STATE_STYLE: Record<BillView["state"], string> = {
  paid: "bg-green-100 text-green-900",
  "in-payment": "bg-amber-100 text-amber-900",
  due: "bg-slate-100 text-slate-900",
  overdue: "bg-red-100 text-red-900",
};

export function BillsForm({
  bills,
  idempotencyKey,
  keyRatePercent,
  error,
}: {
  bills: BillView[];
  idempotencyKey: string;
  keyRatePercent: number;
  error?: { message: string; paymentId?: string } | null;
}) {
  const { t } = useTranslation("payments");
  const payable = bills.filter((bill) => bill.state === "due" || bill.state === "overdue");
  if (bills.length === 0) return <p className="mt-3">{t("bills.none")}</p>;
  return (
    <Form method="post" className="mt-3" data-testid="bills-form">
      <input type="hidden" name="intent" value="pay" />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {error && (
        <div
          ref={(node) => node?.focus()}
          tabIndex={-1}
          role="alert"
          className="mb-4 rounded-md border-4 border-red-700 bg-white p-4"
        >
          <p className="font-semibold">{error.message}</p>
          {error.paymentId && (
            <p className="mt-1">
              <Link to={`/cabinet/payments/receipts/${error.paymentId}`} className="text-brand-700 underline">
                {t("bills.inPaymentLink")}
              </Link>
            </p>
          )}
        </div>
      )}
      <ul className="space-y-3" data-testid="bills">
        {bills.map((bill) => (
          <BillItem key={bill.id} bill={bill} keyRatePercent={keyRatePercent} />
        ))}
      </ul>
      {payable.length > 0 && (
        <div className="mt-4">
          <p>{t("bills.payTotalHint")}</p>
          <button
            type="submit"
            className="mt-2 rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {t("bills.pay")}
          </button>
        </div>
      )}
    </Form>
  );
}

function BillItem({ bill, keyRatePercent }: { bill: BillView; keyRatePercent: number }) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const provider = pick(bill.provider, language);
  const period = formatMonth(bill.period, language);
  const canPay = bill.state === "due" || bill.state === "overdue";
  return (
    <li key={bill.id} className="rounded-md border border-slate-300 bg-white p-4" data-testid="bill">
      <div className="flex flex-wrap items-start gap-3">
        {canPay && (
          <input
            type="checkbox"
            name="bills"
            value={bill.id}
            defaultChecked
            id={`bill-${bill.id}`}
            className="mt-1 h-6 w-6"
          />
        )}
        <div className="min-w-0 flex-1">
          <h3 className="font-bold">
            {canPay ? (
              <label htmlFor={`bill-${bill.id}`}>
                <span className="sr-only">{t("bills.pick", { period, provider })}: </span>
                <span aria-hidden="true">
                  {period}, {provider}
                </span>
              </label>
            ) : (
              <>
                {period}, {provider}
              </>
            )}
          </h3>
          <p className="mt-1">
            <span className="font-semibold">{formatRubles(bill.amount, language)}</span>
            {" · "}
            {t("bills.dueDate")}: {formatDate(bill.dueDate, language)}
            {" · "}
            <span
              className={`rounded px-2 py-0.5 text-sm font-semibold ${STATE_STYLE[bill.state]}`}
              data-testid="bill-state"
            >
              {t(`bills.states.${bill.state}`)}
            </span>
          </p>
          {bill.penalty && bill.penalty.amount > 0 && (
            <Penalty penalty={bill.penalty} keyRatePercent={keyRatePercent} />
          )}
          <details className="mt-2">
            <summary className="cursor-pointer text-brand-700 underline">{t("bills.details")}</summary>
            <BillLines lines={bill.lines} bill={`${period}, ${provider}`} />
          </details>
        </div>
      </div>
    </li>
  );
}

/** Paid bills as a table, a few months a page, newest first; "earlier" continues from the last month shown. */
export function PaidBills({
  bills,
  earlier,
  labelledBy,
}: {
  bills: BillView[];
  earlier: string | null;
  /** The id of the heading above, which names the table. */
  labelledBy: string;
}) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  if (bills.length === 0) return <p className="mt-3">{t("bills.noPaid")}</p>;
  const columns: Column<BillView>[] = [
    { id: "period", header: t("bills.period"), cell: (bill) => formatMonth(bill.period, language) },
    { id: "provider", header: t("bills.provider"), cell: (bill) => pick(bill.provider, language) },
    { id: "amount", header: t("bills.amount"), cell: (bill) => formatRubles(bill.amount, language) },
    {
      id: "state",
      header: t("bills.state"),
      testId: "bill-state",
      cell: (bill) => (
        <>
          {t(`bills.states.${bill.state}`)}
          {bill.paidAt && (
            <span className="block text-sm text-slate-700">{formatDateTime(new Date(bill.paidAt), language)}</span>
          )}
        </>
      ),
    },
  ];
  return (
    <>
      <DataTable
        labelledBy={labelledBy}
        testId="paid-bills"
        columns={columns}
        rows={bills}
        rowKey={(bill) => bill.id}
        className="mt-3"
      />
      <KeysetPager
        next={earlier && keysetHref({}, "paidBefore", earlier, { hash: "#paid" })}
        label={t("bills.earlier")}
      />
    </>
  );
}

function Penalty({ penalty, keyRatePercent }: { penalty: NonNullable<BillView["penalty"]>; keyRatePercent: number }) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const rate = formatNumber(keyRatePercent, language, 2);
  return (
    <details className="mt-2" data-testid="penalty">
      <summary className="cursor-pointer font-semibold text-red-800">
        {t("penalty.summary", { amount: formatRubles(penalty.amount, language) })}
      </summary>
      <p className="mt-1">{t("penalty.days", { days: penalty.daysLate })}</p>
      <ul className="mt-1 list-disc pl-6">
        {penalty.bands.map((band) => (
          <li key={band.fromDay}>
            {t("penalty.band", {
              from: band.fromDay,
              to: band.toDay,
              days: band.days,
              debt: formatRubles(penalty.debt, language),
              rate,
              divisor: band.divisor,
              amount: formatRubles(band.amount, language),
            })}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">{t("penalty.keyRate", { rate })}</p>
    </details>
  );
}

/** A line and its place in the bill, which has no other key. */
type BillLine = BillView["lines"][number] & { index: number };

/** The bill's lines, named by the details' summary and the bill, as its heading is the pay box's label. */
function BillLines({ lines, bill }: { lines: BillView["lines"]; bill: string }) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const columns: Column<BillLine>[] = [
    {
      id: "service",
      header: t("bills.service"),
      cell: (line) => t(`services.${line.service}`, { defaultValue: line.service }),
    },
    {
      id: "tariff",
      header: t("bills.tariff"),
      cell: (line) => `${formatRubles(line.tariff, language)}/${line.unit}`,
    },
    {
      id: "volume",
      header: t("bills.volume"),
      cell: (line) => `${formatNumber(Number(line.volume), language, 3)} ${line.unit}`,
    },
    { id: "amount", header: t("bills.lineAmount"), cell: (line) => formatRubles(line.amount, language) },
    {
      id: "benefit",
      header: t("bills.benefit"),
      cell: (line) => (line.benefit > 0 ? `−${formatRubles(line.benefit, language)}` : "—"),
    },
  ];
  return (
    <DataTable
      caption={`${t("bills.details")}: ${bill}`}
      compact
      columns={columns}
      rows={lines.map((line, index) => ({ ...line, index }))}
      rowKey={(line) => line.index}
      className="mt-2"
    />
  );
}
