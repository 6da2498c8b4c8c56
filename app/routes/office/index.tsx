import { useTranslation } from "react-i18next";
import type { Route } from "./+types/index";
import { prisma } from "~/db/prisma.server";
import { staffDepartments } from "~/domain/accounts/roles";
import { pick } from "~/domain/i18n/localized";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";

/** The staff's workplace: only officers and supervisors, who see only their own departments. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireRole(request, "officer", "supervisor");
  const codes = staffDepartments(user.roles);
  const departments = await prisma.department.findMany({ where: { code: { in: codes } } });
  const language = requestLanguage(context);
  return {
    departments: departments.map((d) => pick({ ru: d.nameRu, en: d.nameEn }, language)),
    schools: user.roles.flatMap((r) => (r.schoolCode ? [r.schoolCode] : [])),
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
    </section>
  );
}
