import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { CheckboxField, ErrorSummary, TextField, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { TerritoryImportSchema } from "~/domain/enrollment/territory-forms";

type AnyField = { id: string; name: string; errorId: string; errors?: string[] };

function FieldShell({
  field,
  label,
  hint,
  children,
}: {
  field: AnyField;
  label: string;
  hint: string;
  children: React.ReactNode;
}) {
  const text = useValidationText();
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      <p id={`${field.id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {field.errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {label}: {field.errors.map(text).join("; ")}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (field: AnyField) =>
  [`${field.id}-hint`, field.errors ? field.errorId : null].filter(Boolean).join(" ");

/** Year, the annex as a file or pasted, and whether it replaces the schools' territories. */
export function TerritoryImportForm({
  year,
  lastResult,
}: {
  year: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("enrollment");
  const [form, fields] = useSchemaForm(TerritoryImportSchema, lastResult, { year: String(year) });
  const labels = {
    year: t("adminImport.year"),
    file: t("adminImport.file"),
    csv: t("adminImport.csv"),
    replace: t("adminImport.replace"),
  };
  const { key: fileKey, ...fileProps } = getInputProps(fields.file, {
    type: "file",
    ariaDescribedBy: describedBy(fields.file),
  });
  const { key: csvKey, ...csvProps } = getTextareaProps(fields.csv, { ariaDescribedBy: describedBy(fields.csv) });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 max-w-3xl space-y-5">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <TextField field={fields.year} label={labels.year} hint={t("adminImport.yearHint")} />
      <FieldShell field={fields.file} label={labels.file} hint={t("adminImport.fileHint")}>
        <input key={fileKey} {...fileProps} accept=".csv,text/csv,text/plain" className="block" />
      </FieldShell>
      <FieldShell field={fields.csv} label={labels.csv} hint={t("adminImport.csvHint")}>
        <textarea
          key={csvKey}
          {...csvProps}
          rows={10}
          spellCheck={false}
          className={`block w-full rounded-md border px-3 py-2 font-mono text-sm ${fields.csv.errors ? "border-2 border-red-700" : "border-slate-500"}`}
        />
      </FieldShell>
      <CheckboxField field={fields.replace} label={labels.replace} />
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
        {t("adminImport.submit")}
      </button>
    </Form>
  );
}
