import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable, type Column } from "~/components/data-table";
import type { SchoolCard } from "~/domain/enrollment/schools.server";
import type { Language } from "~/domain/i18n/localized";
import { schoolLink } from "./school-link";

/** The schools of the list with their seats for the campaign year, or a line saying there are none. */
export function SchoolsTable({ schools, year, language }: { schools: SchoolCard[]; year: number; language: Language }) {
  const { t } = useTranslation("enrollment");
  if (schools.length === 0) return <p className="mt-4 font-semibold">{t("schools.list.nothing")}</p>;
  const columns: Column<SchoolCard>[] = [
    {
      id: "school",
      header: t("schools.list.school"),
      rowHeader: true,
      className: "font-normal",
      cell: (school) => (
        <>
          <Link to={schoolLink(school.code, year)} className="font-semibold text-brand-700 underline">
            {school.name[language]}
          </Link>
          <span className="block text-sm text-muted">{school.address}</span>
        </>
      ),
    },
    {
      id: "where",
      header: t("schools.list.where"),
      cell: (school) => (
        <>
          {school.municipality[language]}
          {school.district && (
            <span className="block text-sm text-muted">
              {t("schools.districtOf", {
                district: t(`schools.districts.${school.district}`, { defaultValue: school.district }),
              })}
            </span>
          )}
        </>
      ),
    },
    { id: "learning", header: t("schools.list.learning"), cell: (school) => <Learning school={school} /> },
    {
      id: "seats",
      header: t("schools.list.seats", { year }),
      numeric: true,
      className: "whitespace-nowrap",
      cell: (school) =>
        school.seats ? (
          <>
            {school.seats.total}
            <span className="block text-sm text-muted">
              {t("schools.classes", { count: school.seats.classes, size: school.seats.classSize })}
            </span>
          </>
        ) : (
          t("schools.noSeats")
        ),
    },
    { id: "free", header: t("schools.list.freeSeats"), numeric: true, cell: (school) => school.freeSeats ?? "—" },
  ];
  return (
    <DataTable
      caption={t("schools.list.caption", { year })}
      columns={columns}
      rows={schools}
      rowKey={(school) => school.code}
    />
  );
}

function Learning({ school }: { school: SchoolCard }) {
  const { t } = useTranslation("enrollment");
  const features = [
    ...school.adaptedProgrammes.map((p) => t(`schools.programmes.${p}`, { defaultValue: p })),
    ...(school.boarding ? [t("schools.boarding")] : []),
  ];
  return (
    <>
      {school.languages.map((l) => t(`schools.languages.${l}`, { defaultValue: l })).join(", ")}
      {features.length > 0 && <span className="block text-sm text-muted">{features.join("; ")}</span>}
    </>
  );
}
