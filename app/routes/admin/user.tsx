import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/user";
import { ErrorSummary } from "~/components/form-field";
import { RoleGrantFields, roleGrantLabels } from "~/components/role-grant-fields";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { departmentChoices } from "~/domain/accounts/departments.server";
import { getUserRoles, grantRole, revokeRole } from "~/domain/accounts/staff-admin.server";
import { RoleGrantSchema } from "~/domain/accounts/staff-forms";
import { validationMessage } from "~/domain/forms/validation-message";
import { requestLanguage } from "~/i18n/i18n.server";
import { recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { requireRole } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const admin = await requireRole(request, "admin");
  const user = await getUserRoles(prisma, params.userId);
  if (!user) throw data(null, { status: 404 });
  // The e-mail address is personal data: staff access to it is recorded (who, when, whose, why).
  await recordPersonalDataAccess(prisma, {
    staffId: admin.id,
    personId: user.id,
    fields: ["email", "roles"],
    purpose: "role-administration",
  });
  return {
    email: user.email,
    roles: user.roles.map((r) => ({
      id: r.id,
      role: r.role,
      department: r.department?.code ?? null,
      school: r.schoolCode,
    })),
    departments: await departmentChoices(prisma, requestLanguage(context)),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  if (!(await getUserRoles(prisma, params.userId))) throw data(null, { status: 404 });
  const formData = await readFormData(request);
  if (formData.get("intent") === "revoke") {
    // An id from the page's own form: anything else names no assignment.
    const raw = formData.get("assignmentId");
    const assignmentId = typeof raw === "string" ? raw : "";
    if (!/^[1-9]\d{0,9}$/.test(assignmentId) || Number(assignmentId) > 2_147_483_647) {
      throw data(null, { status: 400 });
    }
    const outcome = await revokeRole(prisma, admin.id, Number(assignmentId));
    if (outcome === "not-found") throw data(null, { status: 404 });
    if (outcome === "own-admin") throw data(null, { status: 400 });
    return redirect(`/admin/users/${params.userId}`);
  }
  const submission = parseWithZod(formData, { schema: RoleGrantSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { departmentCode } = submission.value;
  const departments = await departmentChoices(prisma, requestLanguage(context));
  if (departmentCode && !departments.some((d) => d.value === departmentCode)) {
    return data(submission.reply({ fieldErrors: { departmentCode: [validationMessage("department.unknown")] } }), {
      status: 400,
    });
  }
  await grantRole(prisma, admin.id, params.userId, submission.value);
  return redirect(`/admin/users/${params.userId}`);
}

export default function AdminUser({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  const { t: ta } = useTranslation("auth");
  const { t: tc } = useTranslation();
  const [form, fields] = useSchemaForm(RoleGrantSchema, actionData);
  const labels = roleGrantLabels(t);
  return (
    <section className="max-w-xl">
      <title>{`${loaderData.email} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          {t("admin.title")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-all text-brand-900">{loaderData.email}</h1>
      <h2 className="mt-6 text-xl font-bold">{ta("cabinet.roles")}</h2>
      <ul className="mt-3 space-y-2">
        {loaderData.roles.map((r) => {
          const name = [ta(`roles.${r.role}`), r.department, r.school && `№ ${r.school}`].filter(Boolean).join(" · ");
          return (
            <li key={r.id} className="flex flex-wrap items-center gap-3">
              <span>{name}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="assignmentId" value={r.id} />
                <button type="submit" className="text-red-800 underline">
                  {t("grant.revoke", { role: name })}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      <h2 className="mt-8 text-xl font-bold">{t("grant.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value="grant" />
        <RoleGrantFields fields={fields} departments={loaderData.departments} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("grant.submit")}
        </button>
      </Form>
    </section>
  );
}
