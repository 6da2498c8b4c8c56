import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/invite";
import { ErrorSummary, TextField } from "~/components/form-field";
import { RoleGrantFields, roleGrantLabels } from "~/components/role-grant-fields";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { departmentChoices } from "~/domain/accounts/departments.server";
import { inviteStaff } from "~/domain/accounts/staff-admin.server";
import { StaffInvitationSchema } from "~/domain/accounts/staff-forms";
import { validationMessage } from "~/domain/forms/validation-message";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireRole } from "~/server/auth.server";
import { claimBrowserMailbox } from "~/server/demo-mailbox.server";
import { PageTitle } from "~/components/page-title";
import { readFormData } from "~/server/form-data.server";
import { requestOrigin } from "~/server/request-origin.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRole(request, "admin");
  return { departments: await departmentChoices(prisma, requestLanguage(context)) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireRole(request, "admin");
  const submission = parseWithZod(await readFormData(request), { schema: StaffInvitationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Before anything is written: an account invited into a department that does not exist would stay behind.
  const { departmentCode } = submission.value;
  const departments = await departmentChoices(prisma, requestLanguage(context));
  if (departmentCode && !departments.some((d) => d.value === departmentCode)) {
    return data(submission.reply({ fieldErrors: { departmentCode: [validationMessage("department.unknown")] } }), {
      status: 400,
    });
  }
  // Demo mode: the invitation is shown in the inviting browser's demo mailbox, to hand on.
  const mailbox = await claimBrowserMailbox(request);
  const userId = await inviteStaff(prisma, admin.id, submission.value, requestOrigin(context, mailbox.mailboxId));
  return redirect(
    `/admin/users/${userId}`,
    mailbox.setCookie ? { headers: { "Set-Cookie": mailbox.setCookie } } : undefined,
  );
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("staff");
  const { t: ta } = useTranslation("auth");
  const [form, fields] = useSchemaForm(StaffInvitationSchema, actionData);
  const labels = { email: ta("fields.email"), ...roleGrantLabels(t) };
  return (
    <section className="max-w-xl">
      <PageTitle title={t("admin.invite")} />
      <p className="mt-3">{t("invite.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <TextField field={fields.email} label={labels.email} type="email" />
        <RoleGrantFields fields={fields} departments={loaderData.departments} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("invite.submit")}
        </button>
      </Form>
    </section>
  );
}
