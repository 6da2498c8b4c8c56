import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/child-new";
import { ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { childSchema } from "~/domain/accounts/profile-forms";
import { addChild } from "~/domain/accounts/profile.server";
import { regionDate } from "~/domain/region/clock";
import { safeRedirectPath } from "~/domain/navigation/safe-redirect";
import { requireUser } from "~/server/auth.server";
import { readFormData } from "~/server/form-data.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: childSchema({ today: regionDate() }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await addChild(prisma, user.id, submission.value);
  // From an application's child chooser, back to that step.
  return redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/cabinet/profile"));
}

export default function NewChild({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("profile");
  const { t: tc } = useTranslation();
  const schema = useMemo(() => childSchema({ today: regionDate() }), []);
  const [form, fields] = useSchemaForm(schema, actionData);
  const labels: Record<string, string> = {
    lastName: t("fields.lastName"),
    firstName: t("fields.firstName"),
    middleName: t("fields.middleName"),
    birthDate: t("fields.birthDate"),
    birthCertificate: t("fields.birthCertificate"),
    snils: t("fields.childSnils"),
  };
  return (
    <section className="max-w-2xl">
      <title>{`${t("children.newTitle")} — ${tc("layout.portalName")}`}</title>
      <p>
        <Link to="/cabinet/profile" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-900 sm:text-3xl">{t("children.newTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <TextField field={fields.lastName} label={labels.lastName!} />
        <TextField field={fields.firstName} label={labels.firstName!} />
        <TextField field={fields.middleName} label={labels.middleName!} hint={t("hints.middleName")} />
        <TextField field={fields.birthDate} label={labels.birthDate!} type="date" />
        <TextField
          field={fields.birthCertificate}
          label={labels.birthCertificate!}
          hint={t("hints.birthCertificate")}
        />
        <TextField field={fields.snils} label={labels.snils!} hint={t("hints.childSnils")} />
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("children.save")}
        </button>
      </Form>
    </section>
  );
}
