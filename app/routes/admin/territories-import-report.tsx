import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "~/components/data-table";
import { useValidationText } from "~/components/form-field";
import { validationMessage } from "~/domain/forms/validation-message";
import type { TerritoryImportReport } from "~/domain/enrollment/territory-import.server";

type Report = Extract<TerritoryImportReport, { ok: true }>;
type Row = Report["rows"][number];

/** What the import did, row by row: the refused rows first, each with its reason. */
export function TerritoryImportReportView({ report }: { report: Report }) {
  const { t } = useTranslation("enrollment");
  const text = useValidationText();
  const rows = [...report.rows].sort(
    (a, b) => Number(a.status === "accepted") - Number(b.status === "accepted") || a.line - b.line,
  );
  const cells: Omit<Column<Row>, "header">[] = [
    { id: "line", rowHeader: true, numeric: true, className: "font-normal", cell: (row) => row.line },
    { id: "school", cell: (row) => row.schoolCode },
    { id: "street", cell: (row) => row.street },
    { id: "houses", className: "break-words whitespace-pre-wrap", cell: (row) => row.houses },
    {
      id: "result",
      cell: (row) =>
        row.status === "accepted" ? (
          <span className="text-green-800">{t("adminImport.accepted", { count: row.covered ?? 0 })}</span>
        ) : (
          <span className="font-semibold text-red-800">
            {t("adminImport.refused")}:{" "}
            {text(validationMessage(row.reason ?? "territory.badHouses", row.part ? { part: row.part } : undefined))}
          </span>
        ),
    },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`adminImport.reportColumns.${column.id}`) }));
  return (
    <section aria-labelledby="import-report" className="mt-8">
      <h2 id="import-report" tabIndex={-1} ref={(node) => node?.focus()} className="text-xl font-bold">
        {t("adminImport.reportTitle", { year: report.year })}
      </h2>
      <div role="status">
        <ul className="mt-3 space-y-1">
          <li>{t("adminImport.totalRows", { count: report.rows.length })}</li>
          <li className="font-semibold text-green-800">{t("adminImport.totalAccepted", { count: report.accepted })}</li>
          <li className={report.refused > 0 ? "font-semibold text-red-800" : ""}>
            {t("adminImport.totalRefused", { count: report.refused })}
          </li>
          <li>{t("adminImport.totalCovered", { count: report.covered })}</li>
          {report.replace && <li>{t("adminImport.totalReplaced", { count: report.replaced })}</li>}
        </ul>
      </div>
      {rows.length > 0 && (
        <DataTable caption={t("adminImport.reportCaption")} columns={columns} rows={rows} rowKey={(row) => row.line} />
      )}
    </section>
  );
}
