import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/forgot-password";
import { ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { ForgotPasswordSchema } from "~/domain/accounts/account-forms";
import { requestPasswordReset } from "~/domain/accounts/accounts.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { demoMailboxEnabled } from "~/platform/mail.server";
import { DemoMailboxNote } from "./register-sent";
import { PageTitle } from "~/components/page-title";
import { retryAfterHeaders } from "~/server/route-headers.server";
import { readFormData } from "~/server/form-data.server";
import { requestOrigin } from "~/server/request-origin.server";

export function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.has("sent"), demoMailbox: demoMailboxEnabled() };
}

export const headers = retryAfterHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readFormData(request);
  if (formData.get("website")) return redirect("/forgot-password?sent");
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await requestPasswordReset(prisma, submission.value.email, requestOrigin(context));
  if ("throttled" in result) {
    const message = validationMessage("account.tooManyMails", { minutes: Math.ceil(result.retryAfterSeconds / 60) });
    return data(submission.reply({ formErrors: [message] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  return redirect("/forgot-password?sent");
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [form, fields] = useSchemaForm(ForgotPasswordSchema, actionData);
  const labels = { email: t("fields.email") };
  return (
    <section className="max-w-xl">
      <PageTitle title={t("forgot.title")} />
      {loaderData.sent ? (
        <>
          <p role="status" className="mt-4 text-lg">
            {t("forgot.sent")}
          </p>
          {loaderData.demoMailbox && <DemoMailboxNote />}
        </>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <p>{t("forgot.lead")}</p>
          <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
          <TextField field={fields.email} label={labels.email} type="email" autoComplete="email" />
          <div aria-hidden="true" className="hidden">
            <label htmlFor="forgot-website">Website</label>
            <input id="forgot-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {t("forgot.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
