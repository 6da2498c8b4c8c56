import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary, SelectField, TextField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { UploadRulesHint } from "~/components/upload-rules-hint";
import type { Command } from "~/domain/applications/lifecycle";
import { formOfIntent, officeSchemas, RESULT_FILE_RULES } from "~/domain/office/office-forms";
import { acceptAttribute } from "~/domain/uploads/upload-rules";
import { Panel, submitClass, TextArea, type TextAreaField } from "./office-form-parts";
import { SimpleForm } from "./simple-form";

/**
 * One lifecycle command the officer may give now, with what it needs: the words to the resident for a
 * request, the time and place of a visit, the ground of a refusal, the result document of a decision.
 */
export function CommandForm({
  command,
  version,
  grounds,
  today,
  lastResult,
}: {
  command: Command;
  version: number;
  grounds: { code: string; title: string }[];
  today: string;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  const formName = formOfIntent(command)!;
  const schema = useMemo(() => officeSchemas(today)[formName], [today, formName]);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, `office-${command}`);
  if (formName === "simple") {
    return (
      <SimpleForm
        intent={command as "acknowledge" | "startReview"}
        version={version}
        label={t(`actions.${command}`)}
        lastResult={lastResult}
      />
    );
  }
  const f = fields as Record<string, TextAreaField>;
  const labels: Record<string, string> = {
    reason: t(`labels.${command}Reason`),
    ground: t("labels.ground"),
    visitDate: t("labels.visitDate"),
    visitTime: t("labels.visitTime"),
    place: t("labels.place"),
    result: t("labels.result"),
  };
  return (
    <Panel title={t(`actions.${command}`)}>
      <Form
        method="post"
        encType={command === "complete" ? "multipart/form-data" : undefined}
        {...getFormProps(form)}
        className="space-y-3"
      >
        <ErrorSummary errors={fieldErrors(f, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value={command} />
        <input type="hidden" name="version" value={version} />
        {command === "refuse" && (
          <SelectField
            field={f.ground!}
            label={labels.ground!}
            options={grounds.map((g) => ({ value: g.code, label: g.title }))}
            placeholder={t("labels.chooseGround")}
          />
        )}
        {command === "inviteToVisit" && (
          <>
            <TextField field={f.visitDate!} label={labels.visitDate!} type="date" />
            <TextField field={f.visitTime!} label={labels.visitTime!} hint={t("labels.visitTimeHint")} />
            <TextField field={f.place!} label={labels.place!} />
          </>
        )}
        <TextArea field={f.reason!} label={labels.reason!} />
        {command === "complete" && (
          <div className="space-y-1">
            <label htmlFor={f.result!.id} className="block font-semibold">
              {labels.result}
            </label>
            <UploadRulesHint id={`${f.result!.id}-rules`} rules={RESULT_FILE_RULES} />
            <input
              id={f.result!.id}
              type="file"
              name="result"
              accept={acceptAttribute(RESULT_FILE_RULES)}
              aria-describedby={`${f.result!.id}-rules`}
              className="block text-sm"
            />
          </div>
        )}
        <button
          type="submit"
          className={command === "refuse" ? submitClass.replace("brand-700", "red-800") : submitClass}
        >
          {t(`actions.${command}`)}
        </button>
      </Form>
    </Panel>
  );
}
