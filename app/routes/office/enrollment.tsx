import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/enrollment";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { rankedListSchools, schoolRankedList, worksEnrollment } from "~/domain/enrollment/enrollment.server";
import { staffScope } from "~/domain/office/casework.server";
import { formatPreciseDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";

/*
 * A school's ranked first-grade list for its staff (docs/enrollment.md): the ranking's order with
 * each application's receipt to the millisecond, its class and the flags the school checks.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const language = requestLanguage(context);
  const { departmentIds, schoolCodes } = await staffScope(prisma, user.roles);
  if (!(await worksEnrollment(prisma, departmentIds))) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const schools = await rankedListSchools(prisma, schoolCodes);
  const asked = url.searchParams.get("school");
  const school = schools.find((s) => s.code === asked) ?? (asked ? null : schools[0]);
  if (!school) throw data(null, { status: 404 });
  const yearParam = Number(url.searchParams.get("year"));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : campaignYearFor(new Date());
  const rows = await schoolRankedList(prisma, {
    schoolCode: school.code,
    campaignYear: year,
    departmentIds,
    schoolCodes,
  });
  return {
    year,
    school: { code: school.code, name: language === "en" ? school.nameEn : school.name },
    schools: schools.map((s) => ({ code: s.code, name: language === "en" ? s.nameEn : s.name })),
    rows: (rows ?? []).map((r) => ({ ...r, receivedAt: formatPreciseDateTime(r.receivedAt, language) })),
  };
}

export default function EnrollmentList({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  return (
    <section>
      <PageTitle title={t("office.title", { school: d.school.code, year: d.year })} />
      <p className="mt-2">{d.school.name}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="list-school" className="block text-sm font-semibold">
            {t("office.school")}
          </label>
          <select
            id="list-school"
            name="school"
            defaultValue={d.school.code}
            className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            {d.schools.map((s) => (
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
            defaultValue={d.year}
            className="mt-1 w-28 rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900">
          {t("office.show")}
        </button>
      </Form>
      {d.rows.length === 0 ? (
        <p className="mt-6">{t("office.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t("office.tableLabel")}>
          <table className="w-full border-collapse text-left" data-testid="ranked-list">
            <caption className="sr-only">{t("office.tableLabel")}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="py-2 pr-4">
                  {t("office.position")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("office.number")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("office.receivedAt")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("office.stage")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("office.class")}
                </th>
                <th scope="col" className="py-2">
                  {t("office.flags")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.number} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">{r.position}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <Link to={`/office/applications/${r.number}`} className="text-brand-700 underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{r.receivedAt}</td>
                  <td className="py-2 pr-4">{r.stage}</td>
                  <td className="py-2 pr-4">{t(`office.classes.${r.rankClass}`)}</td>
                  <td className="py-2">
                    {r.flags.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="list-disc pl-5">
                        {r.flags.map((flag) => (
                          <li key={flag}>{t(`office.flag.${flag}`)}</li>
                        ))}
                      </ul>
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
