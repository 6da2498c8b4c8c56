import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { KeysetPager } from "~/components/keyset-pager";
import { keysetHref } from "~/components/page-links";

export type SchoolOrdersView = {
  school: string;
  year: number;
  years: number[];
  orders: { number: string; date: string; dateText: string; registrationNumbers: string[] }[];
  next: string | null;
};

/**
 * The school's enrollment orders for the year, public so parents can check them themselves: each
 * order's number and date and the registration numbers it enrolled, never names (docs/enrollment.md).
 */
export function SchoolOrders({ orders }: { orders: SchoolOrdersView }) {
  const { t } = useTranslation("enrollment");
  const code = encodeURIComponent(orders.school);
  const year = orders.year;
  return (
    <section id="orders" aria-labelledby="orders-title" className="mt-10" data-testid="school-orders">
      <h2 id="orders-title" className="text-xl font-bold">
        {t("results.orders.title", { year })}
      </h2>
      <p className="mt-1 max-w-3xl">{t("results.orders.lead")}</p>
      <p className="mt-1 max-w-3xl font-semibold">{t("results.orders.privacy")}</p>
      {orders.orders.length === 0 ? (
        <p className="mt-3">{t("results.orders.none", { year })}</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {orders.orders.map((order) => (
            <li key={`${order.date}-${order.number}`} className="rounded-md border border-slate-300 bg-white p-4">
              <h3 className="text-lg font-bold">
                {t("results.orders.order", { number: order.number, date: order.dateText })}
              </h3>
              <p className="text-sm text-muted">
                {t("results.orders.enrolled", { count: order.registrationNumbers.length })}
              </p>
              {order.registrationNumbers.length > 0 && (
                <ul
                  aria-label={t("results.orders.numbers", { number: order.number })}
                  className="mt-2 grid gap-x-6 gap-y-1 font-mono sm:grid-cols-2 lg:grid-cols-3"
                >
                  {order.registrationNumbers.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <KeysetPager
        next={
          orders.next &&
          keysetHref({ year: String(year) }, "ordersAfter", orders.next, { path: `/schools/${code}`, hash: "#orders" })
        }
        label={t("results.orders.next")}
      />
      {orders.years.length > 0 && (
        <p className="mt-3">
          {t("results.orders.otherYears")}{" "}
          {orders.years.map((y, i) => (
            <span key={y}>
              {i > 0 && ", "}
              <Link to={`/schools/${code}?year=${y}#orders`} className="text-brand-700 underline">
                {y}
              </Link>
            </span>
          ))}
        </p>
      )}
      <h3 className="mt-4 font-bold">{t("results.orders.openData")}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        <li>
          <a href={`/api/schools/${code}/orders?year=${year}`} className="text-brand-700 underline">
            {t("results.orders.json", { year })}
          </a>
        </li>
        <li>
          <a href={`/api/schools/${code}/orders.csv?year=${year}`} className="text-brand-700 underline" download>
            {t("results.orders.csv", { year })}
          </a>
        </li>
      </ul>
    </section>
  );
}
