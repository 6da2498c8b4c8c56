import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/school-territory";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { TerritoryRuleDeletionSchema, TerritoryRuleSchema } from "~/domain/enrollment/territory-forms";
import {
  deleteTerritoryRule,
  getSchool,
  isTerritoryYear,
  listStreets,
  listTerritoryRules,
  saveTerritoryRule,
} from "~/domain/enrollment/territory-store.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { pick } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { TerritoryRuleForm } from "./school-territory-form";
import { TerritoryRulesTable } from "./school-territory-rules";

function requestedYear(url: URL): number {
  const year = Number(url.searchParams.get("year"));
  return isTerritoryYear(year) ? year : campaignYearFor(new Date());
}

const pagePath = (code: string, year: number) => `/admin/schools/${encodeURIComponent(code)}/territory?year=${year}`;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const school = await getSchool(prisma, params.code);
  if (!school) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const year = requestedYear(url);
  const language = requestLanguage(context);
  const [rules, streets] = await Promise.all([
    listTerritoryRules(prisma, school.code, year),
    listStreets(prisma, school.oktmo),
  ]);
  const campaignYear = campaignYearFor(new Date());
  const municipality = MUNICIPALITIES.find((m) => m.oktmo === school.oktmo);
  const edit = rules.find((r) => String(r.id) === url.searchParams.get("edit"));
  const saved = rules.find((r) => String(r.id) === url.searchParams.get("saved"));
  return {
    school: { code: school.code, name: language === "en" ? school.nameEn : school.name },
    municipality: municipality ? pick(municipality.name, language) : school.oktmo,
    year,
    years: [...new Set([campaignYear - 1, campaignYear, campaignYear + 1, year])].sort(),
    rules: rules.map((r) => ({
      id: r.id,
      street: r.street.name,
      settlement: r.street.settlement,
      houses: r.houses,
      covered: r.covered,
    })),
    streets: streets.map((s) => ({ value: String(s.id), label: `${s.name} (${s.settlement})` })),
    edit: edit ? { ruleId: String(edit.id), streetId: String(edit.street.id), houses: edit.houses } : null,
    saved: saved ? { street: saved.street.name, covered: saved.covered } : null,
  };
}

/** Where a refusal of the store is shown: the street, the houses, or the form as a whole. */
const ERROR_FIELD: Record<string, "streetId" | "houses" | null> = {
  "territory.unknownStreet": "streetId",
  "territory.unknownRule": null,
  "territory.unknownSchool": null,
  "territory.badYear": null,
};

export async function action({ request, params }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readFormData(request);
  const url = new URL(request.url);
  if (formData.get("intent") === "delete") {
    const removal = TerritoryRuleDeletionSchema.safeParse({
      ...Object.fromEntries(formData),
      ruleId: Number(formData.get("ruleId")),
    });
    if (!removal.success) throw data(null, { status: 400 });
    // A rule already gone (a second click, a stale page) leaves the same territory.
    const deleted = await deleteTerritoryRule(prisma, removal.data.ruleId, admin.id, { schoolCode: params.code });
    return redirect(pagePath(params.code, deleted?.year ?? requestedYear(url)));
  }
  if (formData.get("intent") !== "save") throw data(null, { status: 400 });
  const submission = parseWithZod(formData, { schema: TerritoryRuleSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const saved = await saveTerritoryRule(prisma, {
    schoolCode: params.code,
    year: submission.value.year,
    streetId: submission.value.streetId,
    houses: submission.value.houses,
    ruleId: submission.value.ruleId,
    actorId: admin.id,
  });
  if (!saved.ok) {
    const message = validationMessage(saved.error, saved.part ? { part: saved.part } : undefined);
    const field = saved.error in ERROR_FIELD ? ERROR_FIELD[saved.error] : "houses";
    return data(submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }), {
      status: 400,
    });
  }
  return redirect(`${pagePath(params.code, submission.value.year)}&saved=${saved.ruleId}#rules`);
}

export default function SchoolTerritory({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("enrollment");
  const { t: ts } = useTranslation("staff");
  const { school, municipality, year, years, rules, streets, edit, saved } = loaderData;
  const location = useLocation();
  const base = `/admin/schools/${encodeURIComponent(school.code)}/territory`;
  return (
    <section>
      <Breadcrumbs
        items={[
          { to: "/admin", label: ts("admin.title") },
          { to: "/admin/schools", label: t("adminSchools.title") },
          { label: school.name },
        ]}
      />
      <PageTitle title={t("adminTerritory.title", { school: school.name })} />
      <p className="mt-3 max-w-3xl">{t("adminTerritory.lead")}</p>
      <p className="mt-2">
        <span className="font-semibold">{t("adminTerritory.municipality")}:</span> {municipality}
      </p>

      <nav aria-label={t("adminTerritory.years")} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y}>
              <Link
                to={`${base}?year=${y}`}
                aria-current={y === year ? "page" : undefined}
                className={`inline-block rounded-md border px-4 py-2 font-semibold ${
                  y === year ? "border-brand-900 bg-brand-900 text-white" : "border-slate-500 text-brand-700 underline"
                }`}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {saved && (
        <p role="status" className="mt-6 max-w-3xl rounded-md border-2 border-green-700 bg-green-50 p-3">
          {t("adminTerritory.saved", { street: saved.street, count: saved.covered })}
        </p>
      )}

      <h2 id="rules" className="mt-8 text-xl font-bold">
        {t("adminTerritory.rulesTitle", { year })}
      </h2>
      {rules.length === 0 ? (
        <p className="mt-3 max-w-3xl">{t("adminTerritory.noRules", { year })}</p>
      ) : (
        <TerritoryRulesTable
          labelledBy="rules"
          rules={rules}
          editTo={(id) => `${base}?year=${year}&edit=${id}#rule-form`}
        />
      )}

      <h2 id="rule-form" className="mt-10 text-xl font-bold">
        {edit ? t("adminTerritory.editTitle") : t("adminTerritory.addTitle")}
      </h2>
      {streets.length === 0 ? (
        <p className="mt-3 max-w-3xl">{t("adminTerritory.noStreets")}</p>
      ) : (
        // A fresh form after every navigation: empty after a save, filled by "Change" on a row.
        <TerritoryRuleForm
          key={location.key}
          year={year}
          streets={streets}
          edit={edit}
          cancelTo={`${base}?year=${year}`}
          lastResult={actionData}
        />
      )}
    </section>
  );
}
