import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import type { Route } from "./+types/utility-import-report";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import type { BillError } from "~/domain/payments/bill-import";
import { getBillImport } from "~/domain/payments/bill-import.server";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

/*
 * One import's report (docs/payments.md, "Import"): how many bills were taken, were there already or
 * were refused, and for each refused bill its line of the file (or place in the request) and why, in
 * words. Administrators only; the report holds ids and reasons, no addresses or access codes.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const found = params.importId.length <= 64 ? await getBillImport(prisma, params.importId) : null;
  if (!found) throw data(null, { status: 404 });
  const language = requestLanguage(context);
  return {
    provider: language === "en" ? found.provider.nameEn : found.provider.nameRu,
    receivedAt: formatDateTime(found.receivedAt, language),
    channel: found.channel === "api" ? ("api" as const) : ("csv" as const),
    taken: found.taken,
    repeated: found.repeated,
    refused: found.rows
      .filter((r) => r.outcome === "refused")
      .map((r) => ({ row: r.row, billId: r.billId, errors: r.errors })),
  };
}

type Refused = Route.ComponentProps["loaderData"]["refused"][number];

export default function UtilityImportReport({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("payments-admin");
  const { t: ts } = useTranslation("staff");
  const { refused } = loaderData;
  const cells: Omit<Column<Refused>, "header">[] = [
    { id: "row", rowHeader: true, numeric: true, className: "font-normal", cell: (r) => r.row },
    { id: "billId", className: "break-all", cell: (r) => r.billId || t("report.noBillId") },
    {
      id: "reasons",
      cell: (r) => (
        <ul className="space-y-1">
          {r.errors.map((e) => (
            <li key={`${e.line ?? ""}-${e.field}-${e.code}`}>
              <Reason error={e} />
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`report.headers.${column.id}`) }));
  return (
    <section>
      <Breadcrumbs
        items={[
          { to: "/admin", label: ts("admin.title") },
          { to: "/admin/utility/import", label: t("import.title") },
          { label: t("report.title") },
        ]}
      />
      <PageTitle title={t("report.title")} />
      <ul className="mt-4 space-y-1">
        <li>{t("report.provider", { provider: loaderData.provider })}</li>
        <li>{t("report.receivedAt", { receivedAt: loaderData.receivedAt })}</li>
        <li>{t("report.channel", { channel: t(`import.channel.${loaderData.channel}`) })}</li>
      </ul>
      <div role="status">
        <ul className="mt-4 space-y-1">
          <li className="font-semibold text-green-800">{t("report.taken", { count: loaderData.taken })}</li>
          <li>{t("report.repeated", { count: loaderData.repeated })}</li>
          <li className={refused.length > 0 ? "font-semibold text-red-800" : ""}>
            {t("report.refused", { count: refused.length })}
          </li>
        </ul>
      </div>
      <h2 className="mt-8 text-xl font-bold">{t("report.refusedTitle")}</h2>
      {refused.length === 0 ? (
        <p className="mt-3">{t("report.allTaken")}</p>
      ) : (
        <DataTable
          caption={t("report.caption")}
          captionId="refused-caption"
          focusable
          columns={columns}
          rows={refused}
          rowKey={(r) => `${r.row}-${r.billId}`}
          className="mt-3"
        />
      )}
      <p className="mt-8">
        <Link to="/admin/utility/import" className="font-semibold text-brand-700 underline">
          {t("report.another")}
        </Link>
      </p>
    </section>
  );
}

/** "строка 3, тариф (tariff): сумма в рублях — …": where, then why. */
function Reason({ error }: { error: BillError }) {
  const { t } = useTranslation("payments-admin");
  const nested = /^(lines|meters)\.(\d+)\.(\w+)$/.exec(error.field);
  const name = (field: string) => t(`fields.${field}`, { defaultValue: field });
  const field = nested
    ? t(nested[1] === "lines" ? "fields.ofLine" : "fields.ofMeter", {
        field: name(nested[3]!),
        n: Number(nested[2]) + 1,
      })
    : name(error.field);
  const where = error.line ? `${t("report.atLine", { line: error.line })}, ${field}` : field;
  return (
    <>
      <span className="font-semibold">{where}</span>: {t(`reasons.${error.code}`, { defaultValue: error.code })}
    </>
  );
}
