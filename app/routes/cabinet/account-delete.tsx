import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { createCookie, data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/account-delete";
import { CheckboxField, ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { AccountDeletionSchema } from "~/domain/accounts/account-deletion-forms";
import { deleteResidentAccount, describeAccountDeletion } from "~/domain/accounts/account-deletion.server";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { validationMessage } from "~/domain/forms/validation-message";
import { pick } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import { secureCookies } from "~/env.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { clearSessionCookieHeader, getOptionalUser, requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";
import { retryAfterHeaders } from "~/server/route-headers.server";

/*
 * A resident withdraws the consent and deletes the account: the page says what goes at once and
 * what is kept and for how long, asks for the password and a tick, then signs out and confirms.
 * Staff accounts are refused (403). The confirmation is shown after the redirect by a short-lived
 * cookie, since the person is signed out by then.
 */
const deletedCookie = createCookie("account-deleted", {
  // Not ".../delete": the JS navigation reads /cabinet/account/delete.data, outside that path.
  path: "/cabinet/account",
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  maxAge: 600,
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getOptionalUser(request);
  if (!user) {
    // Kept for ten minutes, so a reload still says what happened; it names nobody.
    if ((await deletedCookie.parse(request.headers.get("Cookie"))) === "1") return { done: true as const };
    await requireUser(request); // a visitor signs in first
  }
  const described = await describeAccountDeletion(prisma, user!.id);
  if (!described) throw data(null, { status: 404 });
  if (described.staff) throw data(null, { status: 403 });
  const language = requestLanguage(context);
  const catalogue = await getCatalogue(prisma);
  const byId = new Map([...catalogue.serviceBySlug.values()].map((s) => [s.id, s]));
  return {
    done: false as const,
    profile: described.profile,
    children: described.children,
    drafts: described.drafts,
    kept: described.kept.map((a) => {
      const service = byId.get(a.serviceId);
      return {
        number: a.number,
        service: service ? pick(service.title, language) : "",
        years: a.retentionYears,
        until: a.purgeAfter ? formatDate(regionDate(a.purgeAfter), language) : null,
      };
    }),
  };
}

export const headers = retryAfterHeaders;

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: AccountDeletionSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await deleteResidentAccount(prisma, { userId: user.id, password: submission.value.password });
  if (!result.ok) {
    if (result.error === "staff") throw data(null, { status: 403 });
    if (result.error === "not-found") throw data(null, { status: 404 });
    const message =
      result.error === "throttled"
        ? validationMessage("accountDeletion.throttled", { minutes: Math.ceil(result.retryAfterSeconds / 60) })
        : validationMessage("accountDeletion.wrongPassword");
    return data(submission.reply({ fieldErrors: { password: [message] }, hideFields: ["password"] }), {
      status: result.error === "throttled" ? 429 : 400,
      headers: result.error === "throttled" ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
    });
  }
  // The sessions went with the account; the cookie goes too.
  const headers = new Headers();
  headers.append("Set-Cookie", await clearSessionCookieHeader());
  headers.append("Set-Cookie", await deletedCookie.serialize("1"));
  return redirect("/cabinet/account/delete", { headers });
}

export default function AccountDelete({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("profile");
  const { t: tc } = useTranslation();
  const title = loaderData.done ? t("deleteAccount.doneTitle") : t("deleteAccount.title");
  return (
    <section className="max-w-2xl">
      <title>{`${title} — ${tc("layout.portalName")}`}</title>
      {loaderData.done ? (
        <>
          <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{title}</h1>
          <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
            {t("deleteAccount.done")}
          </p>
          <p className="mt-4">{t("deleteAccount.doneKept")}</p>
          <p className="mt-6">
            <Link to="/" className="font-semibold text-brand-700 underline">
              {t("deleteAccount.doneHome")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>
            <Link to="/cabinet/profile" className="text-brand-700 underline">
              {t("deleteAccount.back")}
            </Link>
          </p>
          <h1 className="mt-2 text-2xl font-bold text-brand-900 sm:text-3xl">{title}</h1>
          <p className="mt-3">{t("deleteAccount.lead")}</p>
          <Explanation facts={loaderData} />
          <DeletionForm lastResult={actionData} />
        </>
      )}
    </section>
  );
}

type Facts = Extract<Route.ComponentProps["loaderData"], { done: false }>;

function Explanation({ facts }: { facts: Facts }) {
  const { t } = useTranslation("profile");
  return (
    <>
      <h2 className="mt-6 text-xl font-bold">{t("deleteAccount.goesTitle")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t("deleteAccount.goes.account")}</li>
        {facts.profile && <li>{t("deleteAccount.goes.profile")}</li>}
        {facts.children > 0 && <li>{t("deleteAccount.goes.children", { count: facts.children })}</li>}
        {facts.drafts > 0 && <li>{t("deleteAccount.goes.drafts", { count: facts.drafts })}</li>}
        <li>{t("deleteAccount.goes.notifications")}</li>
      </ul>
      <h2 className="mt-6 text-xl font-bold">{t("deleteAccount.keptTitle")}</h2>
      {facts.kept.length === 0 ? (
        <p className="mt-2">{t("deleteAccount.keptNone")}</p>
      ) : (
        <>
          <p className="mt-2">{t("deleteAccount.keptLead")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {facts.kept.map((a) => {
              const years = t("deleteAccount.years", { count: a.years });
              return (
                <li key={a.number}>
                  {a.until
                    ? t("deleteAccount.keptDecided", { number: a.number, service: a.service, date: a.until, years })
                    : t("deleteAccount.keptOpen", { number: a.number, service: a.service, years })}
                </li>
              );
            })}
          </ul>
          <p className="mt-2">{t("deleteAccount.keptAfter")}</p>
        </>
      )}
    </>
  );
}

function DeletionForm({ lastResult }: { lastResult: Route.ComponentProps["actionData"] }) {
  const { t } = useTranslation("profile");
  const [form, fields] = useSchemaForm(AccountDeletionSchema, lastResult);
  const labels = { password: t("deleteAccount.password"), understood: t("deleteAccount.understood") };
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="mt-8 space-y-5">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <TextField
        field={fields.password}
        label={labels.password}
        type="password"
        hint={t("deleteAccount.passwordHint")}
        autoComplete="current-password"
      />
      <CheckboxField field={fields.understood} label={labels.understood} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-red-800 px-5 py-3 font-semibold text-white hover:bg-red-900">
          {t("deleteAccount.submit")}
        </button>
        <Link to="/cabinet/profile" className="text-brand-700 underline">
          {t("deleteAccount.cancel")}
        </Link>
      </div>
    </Form>
  );
}
