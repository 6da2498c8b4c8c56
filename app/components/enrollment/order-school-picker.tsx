import { useTranslation } from "react-i18next";
import { Form } from "react-router";

/** Which school's list and which campaign year: a plain GET form (works without JavaScript). */
export function OrderSchoolPicker({
  schools,
  school,
  year,
}: {
  schools: { code: string; name: string }[];
  school: string;
  year: number;
}) {
  const { t } = useTranslation("enrollment");
  return (
    <Form method="get" className="mt-4 flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="list-school" className="block text-sm font-semibold">
          {t("office.school")}
        </label>
        <select
          id="list-school"
          name="school"
          defaultValue={school}
          className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          {schools.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="list-year" className="block text-sm font-semibold">
          {t("office.year")}
        </label>
        <input
          id="list-year"
          name="year"
          type="number"
          defaultValue={year}
          className="mt-1 w-28 rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900">
        {t("office.show")}
      </button>
    </Form>
  );
}
