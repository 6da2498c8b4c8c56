import { useTranslation } from "react-i18next";
import { Form } from "react-router";

/**
 * "Which schools is my address assigned to": one line of address, a plain GET to /schools that
 * works without JavaScript. On the first-grade service page and on the schools page.
 */
export function SchoolAddressForm({ id, defaultValue, year }: { id: string; defaultValue?: string; year?: number }) {
  const { t } = useTranslation("enrollment");
  return (
    <Form method="get" action="/schools" className="flex flex-wrap items-end gap-3">
      {year !== undefined && <input type="hidden" name="year" value={year} />}
      <div className="min-w-0 grow basis-72">
        <label htmlFor={id} className="block font-semibold">
          {t("schools.lookup.addressLabel")}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted">
          {t("schools.lookup.addressHint")}
        </p>
        <input
          id={id}
          type="text"
          name="address"
          defaultValue={defaultValue}
          maxLength={200}
          autoComplete="street-address"
          aria-describedby={`${id}-hint`}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {t("schools.lookup.submit")}
      </button>
    </Form>
  );
}
