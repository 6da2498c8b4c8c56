import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary, useValidationText } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { UploadRulesHint } from "~/components/upload-rules-hint";
import { ANSWER_FILE_RULES, InfoAnswerSchema } from "~/domain/applications/resident-forms";
import { acceptAttribute } from "~/domain/uploads/upload-rules";

/*
 * The resident's answer to a department's request, with files. On a package application's page
 * (docs/social-support.md) each measure waiting for an answer gets its own, naming the measure's case.
 */
export function AnswerForm({
  request,
  lastResult,
  measure,
}: {
  request: string;
  lastResult: SubmissionResult<string[]> | null;
  /** A package's measure: its case's number and title. */
  measure?: { number: string; title: string };
}) {
  const { t } = useTranslation("applications");
  const text = useValidationText();
  const [form, fields] = useSchemaForm(InfoAnswerSchema, lastResult);
  const titleId = measure ? `answer-title-${measure.number}` : "answer-title";
  const labels = { text: t("answer.text"), files: t("answer.files") };
  // Conform names the error itself when the field is invalid.
  const { key: textKey, ...textProps } = getTextareaProps(fields.text);
  const { key: intentKey, ...intentProps } = getInputProps(fields.intent, { type: "hidden", value: false });
  return (
    <section aria-labelledby={titleId} className="mt-8 rounded-md border-4 border-amber-600 bg-amber-50 p-5">
      <h2 id={titleId} className="text-xl font-bold">
        {measure ? t("measures.answerTitle", { title: measure.title }) : t("answer.title")}
      </h2>
      <p className="mt-2 whitespace-pre-line" data-testid={measure ? `info-request-${measure.number}` : "info-request"}>
        {request}
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-4">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input key={intentKey} {...intentProps} value="answer" />
        {measure && <input type="hidden" name="measure" value={measure.number} />}
        <div className="space-y-1">
          <label htmlFor={fields.text.id} className="block font-semibold">
            {labels.text}
          </label>
          {fields.text.errors && (
            <p id={fields.text.errorId} className="text-sm font-semibold text-red-700">
              {labels.text}: {fields.text.errors.map(text).join("; ")}
            </p>
          )}
          <textarea
            key={textKey}
            {...textProps}
            rows={4}
            className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={fields.files.id} className="block font-semibold">
            {labels.files} ({t("optional")})
          </label>
          <UploadRulesHint id={`${fields.files.id}-rules`} rules={ANSWER_FILE_RULES} />
          {fields.files.errors && (
            <p id={fields.files.errorId} className="text-sm font-semibold text-red-700">
              {labels.files}: {fields.files.errors.map(text).join("; ")}
            </p>
          )}
          <input
            id={fields.files.id}
            type="file"
            name={fields.files.name}
            multiple
            accept={acceptAttribute(ANSWER_FILE_RULES)}
            aria-describedby={`${fields.files.id}-rules`}
            className="block text-sm"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900">
          {t("answer.send")}
        </button>
      </Form>
    </section>
  );
}
