import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { officeSchemas } from "~/domain/office/office-forms";
import { regionDate } from "~/domain/region/clock";
import { submitClass, TextArea, type TextAreaField } from "./office-form-parts";

export type StaffNoteView = { id: number | string; text: string; at: string; author: string };

/** The staff's own notes on the application, never shown to the resident, and the form to add one. */
export function StaffNotes({
  notes,
  lastResult,
}: {
  notes: StaffNoteView[];
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  return (
    <section aria-labelledby="notes-title" className="mt-8">
      <h2 id="notes-title" className="text-xl font-bold">
        {t("application.notes")}
      </h2>
      <p className="text-sm text-muted">{t("application.notesHint")}</p>
      {notes.length > 0 && (
        <ul className="mt-2 space-y-2 [overflow-wrap:anywhere]" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id} className="rounded-md border border-slate-300 bg-amber-50 p-3">
              <p className="text-sm font-semibold">
                {n.author} · {n.at}
              </p>
              <p className="mt-1 whitespace-pre-line">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <NoteForm lastResult={lastResult} />
    </section>
  );
}

function NoteForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("office");
  const schema = useMemo(() => officeSchemas(regionDate()).note, []);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, "office-note");
  const labels = { text: t("labels.note") };
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
      <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
      <input type="hidden" name="intent" value="note" />
      <TextArea field={fields.text as TextAreaField} label={labels.text} />
      <button type="submit" className={submitClass}>
        {t("actions.addNote")}
      </button>
    </Form>
  );
}
