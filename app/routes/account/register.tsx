import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/register";
import { CheckboxField, ErrorSummary, NewPasswordFields, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { RegisterSchema } from "~/domain/accounts/account-forms";
import { registerResident } from "~/domain/accounts/accounts.server";
import { ACCOUNT_CONSENT } from "~/domain/accounts/consent";
import { validationMessage } from "~/domain/forms/validation-message";
import { getOptionalUser } from "~/server/auth.server";
import { claimBrowserMailbox } from "~/server/demo-mailbox.server";
import { PageTitle } from "~/components/page-title";
import { retryAfterHeaders } from "~/server/route-headers.server";
import { readFormData } from "~/server/form-data.server";
import { requestOrigin } from "~/server/request-origin.server";

export async function loader({ request }: Route.LoaderArgs) {
  if (await getOptionalUser(request)) throw redirect("/cabinet");
  return { consentVersion: ACCOUNT_CONSENT.textVersion };
}

export const headers = retryAfterHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readFormData(request);
  // A filled honeypot is a bot: answer as if all went well and do nothing.
  if (formData.get("website")) return redirect("/register/sent");
  const submission = parseWithZod(formData, { schema: RegisterSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "passwordConfirm"] }), { status: 400 });
  }
  const mailbox = await claimBrowserMailbox(request);
  const result = await registerResident(
    prisma,
    { email: submission.value.email, password: submission.value.password },
    requestOrigin(context, mailbox.mailboxId),
  );
  if ("throttled" in result) {
    const message = validationMessage("account.tooManyMails", { minutes: Math.ceil(result.retryAfterSeconds / 60) });
    return data(submission.reply({ formErrors: [message], hideFields: ["password", "passwordConfirm"] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  return redirect("/register/sent", mailbox.setCookie ? { headers: { "Set-Cookie": mailbox.setCookie } } : undefined);
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [form, fields] = useSchemaForm(RegisterSchema, actionData);
  const labels = {
    email: t("fields.email"),
    password: t("fields.newPassword"),
    passwordConfirm: t("fields.passwordConfirm"),
    consent: t("register.consentLabel"),
  };
  return (
    <section className="max-w-xl">
      <PageTitle title={t("register.title")} />
      <p className="mt-3">{t("register.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <TextField
          field={fields.email}
          label={labels.email}
          type="email"
          autoComplete="email"
          hint={t("register.emailHint")}
        />
        <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} labels={labels} />
        <div aria-hidden="true" className="hidden">
          <label htmlFor="register-website">Website</label>
          <input id="register-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <section aria-labelledby="consent-title" className="rounded-md border border-slate-400 bg-white p-4">
          <h2 id="consent-title" className="font-bold">
            {t("consent.title")}
          </h2>
          <p className="mt-2 text-sm whitespace-pre-line">{t("consent.text")}</p>
          <p className="mt-2 text-xs text-muted">{t("consent.version", { version: loaderData.consentVersion })}</p>
          <div className="mt-3">
            <CheckboxField field={fields.consent} label={labels.consent} />
          </div>
        </section>
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("register.submit")}
        </button>
      </Form>
      <p className="mt-6">
        {t("register.haveAccount")}{" "}
        <Link to="/login" className="font-semibold text-brand-700 underline">
          {t("login.title")}
        </Link>
      </p>
    </section>
  );
}
