import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/schools";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DataTable, type Column } from "~/components/data-table";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { listSchoolTerritories } from "~/domain/enrollment/territory-store.server";
import { pick } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const year = campaignYearFor(new Date());
  const language = requestLanguage(context);
  const schools = await listSchoolTerritories(prisma, year);
  const municipality = new Map(MUNICIPALITIES.map((m) => [m.oktmo, pick(m.name, language)]));
  return {
    year,
    schools: schools.map((s) => ({
      code: s.code,
      name: language === "en" ? s.nameEn : s.name,
      municipality: municipality.get(s.oktmo) ?? s.oktmo,
      address: s.address,
      rules: s.rules,
      houses: s.houses,
    })),
  };
}

export default function AdminSchools({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: ts } = useTranslation("staff");
  const { year, schools } = loaderData;
  const cells: Omit<Column<(typeof schools)[number]>, "header">[] = [
    { id: "code", className: "tabular-nums", cell: (s) => s.code },
    {
      id: "name",
      rowHeader: true,
      className: "font-normal",
      cell: (s) => (
        <>
          <Link to={`/admin/schools/${encodeURIComponent(s.code)}/territory`} className="text-brand-700 underline">
            {s.name}
          </Link>
          <span className="block text-sm text-muted">{s.address}</span>
        </>
      ),
    },
    { id: "municipality", cell: (s) => s.municipality },
    { id: "rules", numeric: true, cell: (s) => s.rules },
    { id: "houses", numeric: true, cell: (s) => s.houses },
  ];
  const columns = cells.map((column) => ({ ...column, header: t(`adminSchools.columns.${column.id}`, { year }) }));
  return (
    <section>
      <Breadcrumbs items={[{ to: "/admin", label: ts("admin.title") }, { label: t("adminSchools.title") }]} />
      <PageTitle title={t("adminSchools.title")} />
      <p className="mt-3 max-w-3xl">{t("adminSchools.lead", { year })}</p>
      <p className="mt-3">
        <Link to="/admin/territories/import" className="font-semibold text-brand-700 underline">
          {t("adminImport.title")}
        </Link>
      </p>
      {schools.length === 0 ? (
        <p className="mt-6 max-w-3xl">{t("adminSchools.empty")}</p>
      ) : (
        <DataTable
          caption={t("adminSchools.caption", { year })}
          columns={columns}
          rows={schools}
          rowKey={(s) => s.code}
          className="mt-6"
        />
      )}
    </section>
  );
}
