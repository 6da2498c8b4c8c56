import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/payments";
import { ErrorSummary, TextField } from "~/components/form-field";
import { PageTitle } from "~/components/page-title";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { linkAccount } from "~/domain/payments/accounts.server";
import { linkedAccounts } from "~/domain/payments/account-view.server";
import { linkAccountSchema } from "~/domain/payments/payment-forms";
import { regionDate } from "~/domain/region/clock";
import { formatRubles } from "~/domain/region/numbers";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

/** The resident's utility accounts (docs/payments.md, "Accounts and bills") and linking another one. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const language = requestLanguage(context);
  const accounts = await linkedAccounts(prisma, user.id, regionDate());
  return {
    accounts: accounts.map((account) => ({ ...account, toPayText: formatRubles(account.toPay, language) })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: linkAccountSchema(regionDate()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcome = await linkAccount(prisma, { userId: user.id, ...submission.value, now: new Date() });
  if (outcome.ok) return redirect(`/cabinet/payments/${encodeURIComponent(outcome.els)}`);
  const message =
    outcome.error === "throttled"
      ? m("payments:link.throttled", { minutes: Math.ceil((outcome.retryAfterSeconds ?? 60) / 60) })
      : m(outcome.error === "already-linked" ? "payments:link.alreadyLinked" : "payments:link.notFound");
  return data(submission.reply({ formErrors: [message] }), { status: outcome.error === "throttled" ? 429 : 422 });
}

export default function Payments({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("payments");
  const schema = useMemo(() => linkAccountSchema(regionDate()), []);
  const [form, fields] = useSchemaForm(schema, actionData);
  const labels: Record<string, string> = {
    els: t("link.els"),
    accessCode: t("link.accessCode"),
    label: t("link.label"),
  };
  return (
    <section className="max-w-3xl">
      <p>
        <Link to="/cabinet" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <div className="mt-2">
        <PageTitle title={t("title")} />
      </div>
      <p className="mt-4">{t("intro")}</p>

      <h2 className="mt-8 text-xl font-bold">{t("accounts.title")}</h2>
      {d.accounts.length === 0 ? (
        <p className="mt-3">{t("accounts.none")}</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="utility-accounts">
          {d.accounts.map((account) => (
            <li
              key={account.els}
              className="rounded-md border border-slate-300 bg-white p-4"
              data-testid="utility-account"
            >
              <h3 className="text-lg font-bold">
                <Link to={`/cabinet/payments/${encodeURIComponent(account.els)}`} className="text-brand-700 underline">
                  {t("accounts.open", { els: account.els })}
                </Link>
              </h3>
              <p className="mt-1">{account.label ? `${account.label} — ${account.address}` : account.address}</p>
              <p className="mt-1 font-semibold">
                {account.toPay > 0 ? t("accounts.toPay", { amount: account.toPayText }) : t("accounts.nothingToPay")}
              </p>
              {account.overdue > 0 && (
                <p className="mt-1 font-semibold text-red-800">{t("accounts.overdue", { count: account.overdue })}</p>
              )}
              {account.inPayment && <p className="mt-1">{t("accounts.inPayment")}</p>}
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-10 text-xl font-bold">{t("link.title")}</h2>
      <p className="mt-2">{t("link.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <TextField field={fields.els} label={labels.els!} hint={t("link.elsHint")} width="w-full max-w-xs" />
        <TextField
          field={fields.accessCode}
          label={labels.accessCode!}
          hint={t("link.accessCodeHint")}
          autoComplete="off"
          width="w-full max-w-xs"
        />
        <TextField field={fields.label} label={labels.label!} hint={t("link.labelHint")} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("link.submit")}
        </button>
      </Form>
    </section>
  );
}
