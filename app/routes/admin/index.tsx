import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/index";
import { prisma } from "~/db/prisma.server";
import { listStaff } from "~/domain/accounts/staff-admin.server";
import { requireRole } from "~/server/auth.server";
import { DataTable, type Column } from "~/components/data-table";
import { KeysetPager } from "~/components/keyset-pager";
import { PageTitle } from "~/components/page-title";
import { keysetHref } from "~/components/page-links";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const { users, next } = await listStaff(prisma, after);
  return {
    next: next ? keysetHref({}, "after", next, { path: "/admin" }) : null,
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      roles: u.roles.map((r) => ({ role: r.role, department: r.department?.code ?? null, school: r.schoolCode })),
    })),
  };
}

type StaffRow = Route.ComponentProps["loaderData"]["users"][number];

export default function Admin({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  const { t: ta } = useTranslation("auth");
  const { t: te } = useTranslation("enrollment");
  const { t: tu } = useTranslation("payments-admin");
  const columns: Column<StaffRow>[] = [
    {
      id: "email",
      header: ta("fields.email"),
      cell: (u) => (
        <Link to={`/admin/users/${u.id}`} className="text-brand-700 underline">
          {u.email}
        </Link>
      ),
    },
    {
      id: "roles",
      header: ta("cabinet.roles"),
      cell: (u) =>
        u.roles
          .map((r) => [ta(`roles.${r.role}`), r.department, r.school && `№ ${r.school}`].filter(Boolean).join(" · "))
          .join("; "),
    },
  ];
  return (
    <section>
      <PageTitle title={t("admin.title")} />
      <ul className="mt-4 flex flex-wrap gap-4">
        <li>
          <Link to="/admin/invite" className="font-semibold text-brand-700 underline">
            {t("admin.invite")}
          </Link>
        </li>
        <li>
          <Link to="/admin/audit" className="font-semibold text-brand-700 underline">
            {t("admin.audit")}
          </Link>
        </li>
        <li>
          <Link to="/admin/calendar" className="font-semibold text-brand-700 underline">
            {t("calendar.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/schools" className="font-semibold text-brand-700 underline">
            {te("adminSchools.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/territories/import" className="font-semibold text-brand-700 underline">
            {te("adminImport.title")}
          </Link>
        </li>
        <li>
          <Link to="/admin/campaigns" className="font-semibold text-brand-700 underline">
            {te("campaignAdmin.link")}
          </Link>
        </li>
        <li>
          <Link to="/admin/utility/import" className="font-semibold text-brand-700 underline">
            {tu("import.title")}
          </Link>
        </li>
      </ul>
      <h2 id="staff-title" className="mt-8 text-xl font-bold">
        {t("admin.staff")}
      </h2>
      <DataTable
        labelledBy="staff-title"
        columns={columns}
        rows={loaderData.users}
        rowKey={(u) => u.id}
        className="mt-3"
      />
      <KeysetPager next={loaderData.next} label={t("admin.nextPage")} />
    </section>
  );
}
