import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/profile";
import { ErrorSummary, SelectField, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { profileSchema } from "~/domain/accounts/profile-forms";
import { hasRole, STAFF_ROLES } from "~/domain/accounts/roles";
import { getProfile, saveProfile } from "~/domain/accounts/profile.server";
import { pick } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatShortDate } from "~/domain/region/dates";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { requestLanguage } from "~/i18n/i18n.server";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { profile, children } = await getProfile(prisma, user.id);
  const language = requestLanguage(context);
  return {
    profile,
    children: children.map((c) => ({
      id: c.id,
      name: [c.lastName, c.firstName, c.middleName].filter(Boolean).join(" "),
      birthDate: formatShortDate(c.birthDate, language),
    })),
    municipalities: MUNICIPALITIES.map((m) => ({ value: m.oktmo, label: pick(m.name, language) })),
    saved: new URL(request.url).searchParams.has("saved"),
    // Staff accounts are not deleted by their holders (see cabinet/account-delete.tsx).
    canDeleteAccount: !hasRole(user.roles, ...STAFF_ROLES),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: profileSchema({ today: regionDate() }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveProfile(prisma, user.id, submission.value);
  return redirect("/cabinet/profile?saved");
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("profile");
  const { t: tc } = useTranslation();
  const p = loaderData.profile;
  return (
    <section className="max-w-2xl">
      <title>{`${t("title")} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/cabinet" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-900 sm:text-3xl">{t("title")}</h1>
      <p className="mt-3">{t("lead")}</p>
      {loaderData.saved && (
        <p role="status" className="mt-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("saved")}
        </p>
      )}
      {/* Keyed by the saved version: after saving, the form starts again from what was stored. */}
      <ProfileForm
        key={p ? String(p.updatedAt.valueOf()) : "new"}
        profile={p ? { ...p, updatedAt: undefined } : undefined}
        municipalities={loaderData.municipalities}
        lastResult={actionData}
      />

      <section aria-labelledby="children-title" className="mt-10">
        <h2 id="children-title" className="text-xl font-bold">
          {t("children.title")}
        </h2>
        {loaderData.children.length === 0 ? (
          <p className="mt-2">{t("children.none")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {loaderData.children.map((child) => (
              <li key={child.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-300 p-3">
                <span className="font-semibold">{child.name}</span>
                <span className="text-sm text-muted">{child.birthDate}</span>
                <Form method="post" action={`/cabinet/children/${child.id}/delete`} className="ml-auto">
                  <button type="submit" className="text-red-800 underline">
                    {t("children.remove", { name: child.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link to="/cabinet/children/new" className="font-semibold text-brand-700 underline">
            {t("children.add")}
          </Link>
        </p>
      </section>

      {loaderData.canDeleteAccount && (
        <p className="mt-10 border-t border-slate-300 pt-6">
          <Link to="/cabinet/account/delete" className="text-red-800 underline">
            {t("deleteAccount.link")}
          </Link>
        </p>
      )}
    </section>
  );
}

function ProfileForm({
  profile,
  municipalities,
  lastResult,
}: {
  profile: Record<string, string | null | undefined> | undefined;
  municipalities: { value: string; label: string }[];
  lastResult: Route.ComponentProps["actionData"];
}) {
  const { t } = useTranslation("profile");
  const schema = useMemo(() => profileSchema({ today: regionDate() }), []);
  const [form, fields] = useSchemaForm(schema, lastResult, profile);
  const labels: Record<string, string> = {
    lastName: t("fields.lastName"),
    firstName: t("fields.firstName"),
    middleName: t("fields.middleName"),
    birthDate: t("fields.birthDate"),
    snils: t("fields.snils"),
    inn: t("fields.inn"),
    phone: t("fields.phone"),
    passportNumber: t("fields.passportNumber"),
    passportIssuedOn: t("fields.passportIssuedOn"),
    passportIssuerCode: t("fields.passportIssuerCode"),
    addressOktmo: t("fields.addressOktmo"),
    addressLocality: t("fields.addressLocality"),
    addressStreet: t("fields.addressStreet"),
    addressHouse: t("fields.addressHouse"),
    addressApartment: t("fields.addressApartment"),
  };
  const text = (name: Extract<keyof typeof fields, string>, type: "text" | "tel" | "date" = "text", hint?: string) => (
    <TextField field={fields[name]} label={labels[name]!} type={type} hint={hint} />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">{t("sections.person")}</legend>
        {text("lastName")}
        {text("firstName")}
        {text("middleName", "text", t("hints.middleName"))}
        {text("birthDate", "date")}
        {text("snils", "text", t("hints.snils"))}
        {text("inn", "text", t("hints.inn"))}
        {text("phone", "tel", t("hints.phone"))}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">{t("sections.passport")}</legend>
        {text("passportNumber", "text", t("hints.passportNumber"))}
        {text("passportIssuedOn", "date")}
        {text("passportIssuerCode", "text", t("hints.passportIssuerCode"))}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">{t("sections.address")}</legend>
        <SelectField
          field={fields.addressOktmo}
          label={labels.addressOktmo!}
          options={municipalities}
          placeholder={t("choose")}
        />
        {text("addressLocality")}
        {text("addressStreet")}
        {text("addressHouse")}
        {text("addressApartment")}
      </fieldset>
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
        {t("save")}
      </button>
    </Form>
  );
}
