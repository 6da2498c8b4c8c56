import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { EDUCATION_LANGUAGES, type SchoolsQuery } from "~/domain/enrollment/schools-query";
import type { Language } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";

/** The list's filters: a plain GET form, so the filtered list is a link like any other. */
export function SchoolsFilters({
  query,
  years,
  districts,
  language,
}: {
  query: SchoolsQuery;
  years: number[];
  districts: string[];
  language: Language;
}) {
  const { t } = useTranslation("enrollment");
  return (
    <Form method="get" action="/schools" className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 font-semibold">{t("schools.list.filters")}</legend>
        <Select
          id="filter-year"
          name="year"
          label={t("schools.list.year")}
          value={String(query.year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          id="filter-oktmo"
          name="oktmo"
          label={t("schools.list.municipality")}
          anyLabel={t("schools.list.anyMunicipality")}
          value={query.oktmo}
          options={MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: m.name[language] }))}
        />
        <Select
          id="filter-district"
          name="district"
          label={t("schools.list.district")}
          anyLabel={t("schools.list.anyDistrict")}
          value={query.district}
          options={districts.map((d) => ({
            value: d,
            label: t(`schools.districts.${d}`, { defaultValue: d }),
          }))}
        />
        <Select
          id="filter-language"
          name="language"
          label={t("schools.list.language")}
          anyLabel={t("schools.list.anyLanguage")}
          value={query.language}
          options={EDUCATION_LANGUAGES.map((l) => ({ value: l, label: t(`schools.languages.${l}`) }))}
        />
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="block text-sm">
            {t("schools.list.q")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="text"
            defaultValue={query.q}
            maxLength={100}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:flex-wrap sm:items-end sm:gap-4">
          <Check name="adapted" label={t("schools.list.adapted")} checked={query.adapted} />
          <Check name="boarding" label={t("schools.list.boarding")} checked={query.boarding} />
          <Check name="free" label={t("schools.list.free")} checked={query.free} />
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("schools.list.apply")}
        </button>
        <Link to="/schools#schools-list" className="text-brand-700 underline">
          {t("schools.list.reset")}
        </Link>
      </div>
    </Form>
  );
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  anyLabel?: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ""}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2"
      >
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="mt-1 size-4" />
      <span>{label}</span>
    </label>
  );
}
