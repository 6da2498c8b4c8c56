import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusBadge } from "~/components/status-badge";
import type { Status } from "~/domain/applications/lifecycle";

/*
 * A school's ranked first-grade list for its staff (docs/enrollment.md, "The school's side"): the
 * ranking's order with each application's receipt to the millisecond, its class, the flags the school
 * checks, its status, whether the documents were checked and the order that enrolled it. Rendered
 * inside the page's form: each application not yet enrolled has a checkbox (`applicationId`) for the
 * acts under the list.
 */
export type RankedListRow = {
  applicationId: string;
  position: number;
  number: string;
  /** Already formatted, to the millisecond. */
  receivedAt: string;
  stage: number;
  rankClass: number;
  flags: string[];
  status: Status;
  /** Formatted dates. */
  deadline: string | null;
  documentsCheckedOn: string | null;
  order: { number: string; date: string } | null;
};

const cell = "py-2 pr-4";

export function RankedList({ rows, selected }: { rows: RankedListRow[]; selected: ReadonlySet<string> }) {
  const { t } = useTranslation("enrollment");
  const headings = [
    t("orders.columns.select"),
    t("office.position"),
    t("office.number"),
    t("office.receivedAt"),
    t("office.stage"),
    t("office.class"),
    t("office.flags"),
    t("orders.columns.status"),
    t("orders.columns.documents"),
    t("orders.columns.deadline"),
    t("orders.columns.result"),
  ];
  return (
    <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t("office.tableLabel")}>
      <table className="w-full border-collapse text-left" data-testid="ranked-list">
        <caption className="sr-only">{t("office.tableLabel")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {headings.map((heading) => (
              <th key={heading} scope="col" className={cell}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.applicationId} className="border-b border-slate-200 align-top">
              <td className={cell}>
                {r.order ? null : (
                  <>
                    <input
                      id={`select-${r.applicationId}`}
                      type="checkbox"
                      name="applicationId"
                      value={r.applicationId}
                      defaultChecked={selected.has(r.applicationId)}
                      className="size-5"
                    />
                    <label htmlFor={`select-${r.applicationId}`} className="sr-only">
                      {t("orders.select", { number: r.number })}
                    </label>
                  </>
                )}
              </td>
              <td className={cell}>{r.position}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <Link to={`/office/applications/${r.number}`} className="text-brand-700 underline">
                  {r.number}
                </Link>
              </td>
              <td className={cell}>{r.receivedAt}</td>
              <td className={cell}>{r.stage}</td>
              <td className={cell}>{t(`office.classes.${r.rankClass}`)}</td>
              <td className={cell}>
                {r.flags.length === 0 ? (
                  "—"
                ) : (
                  <ul className="list-disc pl-5">
                    {r.flags.map((flag) => (
                      <li key={flag}>{t(`office.flag.${flag}`)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>
                <StatusBadge status={r.status} />
              </td>
              <td className={cell} data-testid="documents">
                {r.documentsCheckedOn ? t("orders.checkedOn", { date: r.documentsCheckedOn }) : t("orders.notChecked")}
              </td>
              <td className={`${cell} whitespace-nowrap`}>{r.deadline ?? "—"}</td>
              <td className="py-2" data-testid="enrolled-by">
                {r.order ? t("orders.enrolledBy", { number: r.order.number, date: r.order.date }) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
