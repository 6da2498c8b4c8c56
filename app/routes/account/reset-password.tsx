import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/reset-password";
import { ErrorSummary, NewPasswordFields } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { ResetPasswordSchema } from "~/domain/accounts/account-forms";
import { resetPassword } from "~/domain/accounts/accounts.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { publicUrl } from "~/env.server";
import { clearSessionCookieHeader } from "~/server/auth.server";
import { PageTitle } from "~/components/page-title";
import { readFormData } from "~/server/form-data.server";
import { composeAccountMail } from "~/mail/account-mail.server";

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ResetPasswordSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  const done = await resetPassword(prisma, submission.value, { publicUrl: publicUrl(), compose: composeAccountMail });
  if (!done) {
    return data(submission.reply({ formErrors: [validationMessage("account.linkInvalid")], hideFields }), {
      status: 400,
    });
  }
  return redirect("/login?notice=passwordChanged", { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [form, fields] = useSchemaForm(ResetPasswordSchema, actionData);
  const labels = { password: t("fields.newPassword"), passwordConfirm: t("fields.passwordConfirm") };
  return (
    <section className="max-w-xl">
      <PageTitle title={t("reset.title")} />
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="token" value={loaderData.token} />
        <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} labels={labels} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("reset.submit")}
        </button>
      </Form>
    </section>
  );
}
