import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { CheckboxField, ErrorSummary, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { childField, familyFormSchema, FAMILY_FORM_ROWS, studentField } from "~/domain/social/family-entitlement";

const rows = Array.from({ length: FAMILY_FORM_ROWS }, (_, i) => i + 1);

/*
 * The children's dates of birth, a GET form to the page itself (docs/social-support.md#entitlement),
 * checked by the same schema in the browser and in the loader. Prefilled from the profile when the
 * loader says so; the notice says where the dates came from, or where to add them.
 */
export function FamilyForm({
  action,
  today,
  lastResult,
  defaults,
  prefill,
}: {
  action: string;
  today: string;
  lastResult: SubmissionResult<string[]> | null;
  defaults: Record<string, string> | null;
  prefill: "profile" | "profile-empty" | null;
}) {
  const { t } = useTranslation("catalogue");
  const schema = useMemo(() => familyFormSchema(today), [today]);
  const [form, fields] = useSchemaForm(schema, lastResult, defaults ?? undefined);
  const labels: Record<string, string> = Object.fromEntries(
    rows.map((n) => [childField(n), t("entitlement.form.birthDate", { n })]),
  );
  return (
    <>
      {prefill === "profile" && (
        <p className="mt-4 max-w-3xl rounded-md border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="prefilled">
          {t("entitlement.prefilled")}
        </p>
      )}
      {prefill === "profile-empty" && (
        <p className="mt-4 max-w-3xl rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          {t("entitlement.profileEmpty")}{" "}
          <Link to="/cabinet/profile" className="text-brand-700 underline">
            {t("entitlement.profileLink")}
          </Link>
          .
        </p>
      )}

      <Form
        method="get"
        action={action}
        {...getFormProps(form)}
        className="mt-6 max-w-3xl space-y-4 rounded-lg border border-slate-300 bg-white p-5"
      >
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <fieldset>
          <legend className="text-xl font-bold">{t("entitlement.form.legend")}</legend>
          <p id="children-hint" className="mt-1 text-sm text-muted">
            {t("entitlement.form.hint", { rows: FAMILY_FORM_ROWS })}
          </p>
          <ol className="mt-4 space-y-4">
            {rows.map((n) => (
              <li key={n} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
                <TextField
                  field={fields[childField(n)]!}
                  label={labels[childField(n)]!}
                  type="date"
                  width="w-full max-w-xs"
                />
                <div className="sm:pb-2">
                  <CheckboxField
                    field={fields[studentField(n)]!}
                    label={
                      <>
                        <span className="sr-only">{t("entitlement.form.studentFor", { n })} </span>
                        {t("entitlement.form.student")}
                      </>
                    }
                  />
                </div>
              </li>
            ))}
          </ol>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {t("entitlement.form.submit")}
          </button>
          <Link to={action} className="text-brand-700 underline">
            {t("entitlement.form.reset")}
          </Link>
        </div>
      </Form>
    </>
  );
}
