import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/login";
import { CheckboxField, ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { SignInSchema } from "~/domain/accounts/account-forms";
import { signIn } from "~/domain/accounts/accounts.server";
import { destroySession } from "~/domain/accounts/sessions.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { getOptionalUser, sessionCookieHeader, sessionToken } from "~/server/auth.server";
import { clientAddress } from "~/server/client-address.server";
import { PageTitle } from "~/components/page-title";
import { retryAfterHeaders } from "~/server/route-headers.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/cabinet");
  if (await getOptionalUser(request)) throw redirect(redirectTo);
  return { redirectTo, notice: url.searchParams.get("notice") };
}

export const headers = retryAfterHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: SignInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, remember, redirectTo } = submission.value;
  const result = await signIn(prisma, { email, password, remember: !!remember }, { ip: clientAddress(context) });
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? validationMessage("account.locked", { minutes: Math.ceil(result.retryAfterSeconds / 60) })
        : validationMessage(`account.${result.reason}`);
    if (result.reason === "locked") {
      return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
        status: 429,
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
  }
  // A new session on every sign-in: whatever token the browser held before is worthless now.
  const previous = await sessionToken(request);
  if (previous) await destroySession(prisma, previous);
  return redirect(safeRedirectPath(redirectTo, "/cabinet"), {
    headers: { "Set-Cookie": await sessionCookieHeader(result.token, remember ? result.expiresAt : null) },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  const [form, fields] = useSchemaForm(SignInSchema, actionData);
  const labels = { email: t("fields.email"), password: t("fields.password") };
  return (
    <section className="max-w-xl">
      <PageTitle title={t("login.title")} />
      {loaderData.notice && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`notice.${loaderData.notice}`, { defaultValue: "" })}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField field={fields.email} label={labels.email} type="email" autoComplete="username" />
        <TextField field={fields.password} label={labels.password} type="password" autoComplete="current-password" />
        <CheckboxField field={fields.remember} label={t("login.remember")} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("login.submit")}
        </button>
      </Form>
      <ul className="mt-6 space-y-2">
        <li>
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("login.forgot")}
          </Link>
        </li>
        <li>
          {t("login.noAccount")}{" "}
          <Link to="/register" className="font-semibold text-brand-700 underline">
            {t("login.register")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
