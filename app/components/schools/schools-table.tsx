import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SchoolCard } from "~/domain/enrollment/schools.server";
import type { Language } from "~/domain/i18n/localized";
import { schoolLink } from "./school-link";

/** The schools of the list with their seats for the campaign year, or a line saying there are none. */
export function SchoolsTable({ schools, year, language }: { schools: SchoolCard[]; year: number; language: Language }) {
  const { t } = useTranslation("enrollment");
  if (schools.length === 0) return <p className="mt-4 font-semibold">{t("schools.list.nothing")}</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("schools.list.caption", { year })}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-2 pr-3">
              {t("schools.list.school")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("schools.list.where")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("schools.list.learning")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t("schools.list.seats", { year })}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t("schools.list.freeSeats")}
            </th>
          </tr>
        </thead>
        <tbody>
          {schools.map((school) => (
            <SchoolRow key={school.code} school={school} year={year} language={language} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SchoolRow({ school, year, language }: { school: SchoolCard; year: number; language: Language }) {
  const { t } = useTranslation("enrollment");
  const features = [
    ...school.adaptedProgrammes.map((p) => t(`schools.programmes.${p}`, { defaultValue: p })),
    ...(school.boarding ? [t("schools.boarding")] : []),
  ];
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 font-normal">
        <Link to={schoolLink(school.code, year)} className="font-semibold text-brand-700 underline">
          {school.name[language]}
        </Link>
        <span className="block text-sm text-muted">{school.address}</span>
      </th>
      <td className="py-2 pr-3">
        {school.municipality[language]}
        {school.district && (
          <span className="block text-sm text-muted">
            {t("schools.districtOf", {
              district: t(`schools.districts.${school.district}`, { defaultValue: school.district }),
            })}
          </span>
        )}
      </td>
      <td className="py-2 pr-3">
        {school.languages.map((l) => t(`schools.languages.${l}`, { defaultValue: l })).join(", ")}
        {features.length > 0 && <span className="block text-sm text-muted">{features.join("; ")}</span>}
      </td>
      <td className="py-2 pr-3 text-right whitespace-nowrap">
        {school.seats ? (
          <>
            {school.seats.total}
            <span className="block text-sm text-muted">
              {t("schools.classes", { count: school.seats.classes, size: school.seats.classSize })}
            </span>
          </>
        ) : (
          t("schools.noSeats")
        )}
      </td>
      <td className="py-2 pr-3 text-right">{school.freeSeats ?? "—"}</td>
    </tr>
  );
}
