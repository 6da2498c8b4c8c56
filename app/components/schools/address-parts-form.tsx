import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { SchoolsQuery } from "~/domain/enrollment/schools-query";
import type { Language } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";

/** The address lookup by parts (municipality, street, house), for when the one-line address is not read. */
export function AddressPartsForm({ query, language }: { query: SchoolsQuery; language: Language }) {
  const { t } = useTranslation("enrollment");
  return (
    <Form method="get" action="/schools" className="mt-5">
      <input type="hidden" name="year" value={query.year} />
      <fieldset className="grid gap-3 sm:grid-cols-[1fr_1fr_8rem_auto] sm:items-end">
        <legend className="mb-2 font-semibold">{t("schools.lookup.structured")}</legend>
        <div>
          <label htmlFor="lookup-municipality" className="block text-sm">
            {t("schools.lookup.municipality")}
          </label>
          <select
            id="lookup-municipality"
            name="municipality"
            defaultValue={query.municipality ?? ""}
            className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-2"
          >
            <option value="">{t("schools.lookup.anyMunicipality")}</option>
            {MUNICIPALITIES.map((m) => (
              <option key={m.oktmo} value={m.oktmo}>
                {m.name[language]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="lookup-street" className="block text-sm">
            {t("schools.lookup.street")}
          </label>
          <input
            id="lookup-street"
            name="street"
            type="text"
            defaultValue={query.street}
            maxLength={100}
            autoComplete="address-line1"
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="lookup-house" className="block text-sm">
            {t("schools.lookup.house")}
          </label>
          <input
            id="lookup-house"
            name="house"
            type="text"
            defaultValue={query.house}
            maxLength={20}
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {t("schools.lookup.submitStructured")}
        </button>
      </fieldset>
    </Form>
  );
}
