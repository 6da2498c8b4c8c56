import { useTranslation } from "react-i18next";
import { useValidationText } from "~/components/form-field";
import { validationMessage } from "~/domain/forms/validation-message";
import type { TerritoryImportReport } from "~/domain/enrollment/territory-import.server";

type Report = Extract<TerritoryImportReport, { ok: true }>;

/** What the import did, row by row: the refused rows first, each with its reason. */
export function TerritoryImportReportView({ report }: { report: Report }) {
  const { t } = useTranslation("enrollment");
  const text = useValidationText();
  const rows = [...report.rows].sort(
    (a, b) => Number(a.status === "accepted") - Number(b.status === "accepted") || a.line - b.line,
  );
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
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("adminImport.reportCaption")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                {(["line", "school", "street", "houses", "result"] as const).map((c) => (
                  <th key={c} scope="col" className={`py-2 pr-4 ${c === "line" ? "text-right" : ""}`}>
                    {t(`adminImport.reportColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-4 text-right font-normal tabular-nums">
                    {row.line}
                  </th>
                  <td className="py-2 pr-4">{row.schoolCode}</td>
                  <td className="py-2 pr-4">{row.street}</td>
                  <td className="py-2 pr-4 break-words whitespace-pre-wrap">{row.houses}</td>
                  <td className="py-2 pr-4">
                    {row.status === "accepted" ? (
                      <span className="text-green-800">{t("adminImport.accepted", { count: row.covered ?? 0 })}</span>
                    ) : (
                      <span className="font-semibold text-red-800">
                        {t("adminImport.refused")}:{" "}
                        {text(
                          validationMessage(
                            row.reason ?? "territory.badHouses",
                            row.part ? { part: row.part } : undefined,
                          ),
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
