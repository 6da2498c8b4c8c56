import { useTranslation } from "react-i18next";
import type { Route } from "./+types/index";
import { prisma } from "~/db/prisma.server";
import { staffDepartments } from "~/domain/accounts/roles";
import { lowRatingsForDepartments } from "~/domain/applications/ratings.server";
import { pick } from "~/domain/i18n/localized";
import { formatDateTime } from "~/domain/region/dates";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";

/** The staff's workplace: only officers and supervisors, who see only their own departments. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const codes = staffDepartments(user.roles);
  const departments = await prisma.department.findMany({ where: { code: { in: codes } } });
  const language = requestLanguage(context);
  // Supervisors see the low satisfaction ratings of their departments, with the residents' words.
  const supervised = [
    ...new Set(user.roles.filter((r) => r.role === "supervisor" && r.departmentCode).map((r) => r.departmentCode!)),
  ];
  const lowRatings = await lowRatingsForDepartments(prisma, supervised);
  return {
    departments: departments.map((d) => pick({ ru: d.nameRu, en: d.nameEn }, language)),
    schools: user.roles.flatMap((r) => (r.schoolCode ? [r.schoolCode] : [])),
    supervisor: supervised.length > 0,
    lowRatings: lowRatings.map((r) => ({
      number: r.application.number ?? "",
      service: pick({ ru: r.application.service.titleRu, en: r.application.service.titleEn }, language),
      score: r.score,
      comment: r.comment,
      at: formatDateTime(r.createdAt, language),
    })),
  };
}

export default function Office({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  return (
    <section className="max-w-2xl">
      <PageTitle title={t("office.title")} />
      <h2 className="mt-6 text-lg font-bold">{t("office.departments")}</h2>
      <ul className="mt-2 list-disc pl-6">
        {loaderData.departments.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {loaderData.schools.length > 0 && (
        <p className="mt-4">{t("office.schools", { schools: loaderData.schools.join(", ") })}</p>
      )}
      <p className="mt-6">{t("office.queueSoon")}</p>
      {loaderData.supervisor && (
        <section aria-labelledby="low-ratings" className="mt-8">
          <h2 id="low-ratings" className="text-lg font-bold">
            {t("office.lowRatings")}
          </h2>
          {loaderData.lowRatings.length === 0 ? (
            <p className="mt-2">{t("office.noLowRatings")}</p>
          ) : (
            <ul className="mt-2 space-y-2" data-testid="low-ratings">
              {loaderData.lowRatings.map((r) => (
                <li key={`${r.number}-${r.at}`} className="rounded-md border border-slate-300 bg-white p-3">
                  <p className="font-semibold">
                    {t("office.rating", { score: r.score })} · {r.service} · {r.number}
                  </p>
                  {r.comment && <p className="mt-1 whitespace-pre-line">{r.comment}</p>}
                  <p className="text-sm text-muted">{r.at}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
