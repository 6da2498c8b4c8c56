import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "~/components/data-table";
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

export function RankedList({ rows, selected }: { rows: RankedListRow[]; selected: ReadonlySet<string> }) {
  const { t } = useTranslation("enrollment");
  const columns: Column<RankedListRow>[] = [
    {
      id: "select",
      header: t("orders.columns.select"),
      cell: (r) =>
        r.order ? null : (
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
        ),
    },
    { id: "position", header: t("office.position"), cell: (r) => r.position },
    {
      id: "number",
      header: t("office.number"),
      className: "whitespace-nowrap",
      cell: (r) => (
        <Link to={`/office/applications/${r.number}`} className="text-brand-700 underline">
          {r.number}
        </Link>
      ),
    },
    { id: "receivedAt", header: t("office.receivedAt"), cell: (r) => r.receivedAt },
    { id: "stage", header: t("office.stage"), cell: (r) => r.stage },
    { id: "class", header: t("office.class"), cell: (r) => t(`office.classes.${r.rankClass}`) },
    {
      id: "flags",
      header: t("office.flags"),
      cell: (r) =>
        r.flags.length === 0 ? (
          "—"
        ) : (
          <ul className="list-disc pl-5">
            {r.flags.map((flag) => (
              <li key={flag}>{t(`office.flag.${flag}`)}</li>
            ))}
          </ul>
        ),
    },
    { id: "status", header: t("orders.columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
    {
      id: "documents",
      header: t("orders.columns.documents"),
      testId: "documents",
      cell: (r) =>
        r.documentsCheckedOn ? t("orders.checkedOn", { date: r.documentsCheckedOn }) : t("orders.notChecked"),
    },
    {
      id: "deadline",
      header: t("orders.columns.deadline"),
      className: "whitespace-nowrap",
      cell: (r) => r.deadline ?? "—",
    },
    {
      id: "result",
      header: t("orders.columns.result"),
      testId: "enrolled-by",
      cell: (r) => (r.order ? t("orders.enrolledBy", { number: r.order.number, date: r.order.date }) : "—"),
    },
  ];
  return (
    <DataTable
      caption={t("office.tableLabel")}
      focusable
      testId="ranked-list"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.applicationId}
      className="mt-6"
    />
  );
}
