import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { ErrorSummary, SelectField, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { TerritoryRuleSchema } from "~/domain/enrollment/territory-forms";

/** The form of one line of the act: a street of the school's municipality and its houses. */
export function TerritoryRuleForm({
  year,
  streets,
  edit,
  cancelTo,
  lastResult,
}: {
  year: number;
  streets: { value: string; label: string }[];
  edit: { ruleId: string; streetId: string; houses: string } | null;
  cancelTo: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("enrollment");
  const text = useValidationText();
  const [form, fields] = useSchemaForm(TerritoryRuleSchema, lastResult, edit ?? undefined);
  const labels = { streetId: t("adminTerritory.street"), houses: t("adminTerritory.houses") };
  const houses = fields.houses;
  const describedBy = [`${houses.id}-hint`, houses.errors ? houses.errorId : null].filter(Boolean).join(" ");
  const { key, ...textareaProps } = getTextareaProps(houses, { ariaDescribedBy: describedBy });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="year" value={year} />
      {edit && <input type="hidden" name="ruleId" value={edit.ruleId} />}
      <SelectField
        field={fields.streetId}
        label={labels.streetId}
        placeholder={t("adminTerritory.chooseStreet")}
        options={streets}
      />
      <div className="space-y-1">
        <label htmlFor={houses.id} className="block font-semibold">
          {labels.houses}
        </label>
        <p id={`${houses.id}-hint`} className="text-sm text-muted">
          {t("adminTerritory.housesHint")}
        </p>
        {houses.errors && (
          <p id={houses.errorId} className="text-sm font-semibold text-red-700">
            {labels.houses}: {houses.errors.map(text).join("; ")}
          </p>
        )}
        <textarea
          key={key}
          {...textareaProps}
          rows={3}
          className={`block w-full rounded-md border px-3 py-2 ${houses.errors ? "border-2 border-red-700" : "border-slate-500"}`}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("adminTerritory.save")}
        </button>
        {edit && (
          <Link to={cancelTo} className="text-brand-700 underline">
            {t("adminTerritory.cancelEdit")}
          </Link>
        )}
      </div>
    </Form>
  );
}
