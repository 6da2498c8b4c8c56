import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { ErrorSummary, SelectField } from "~/components/form-field";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { officeSchemas } from "~/domain/office/office-forms";
import { regionDate } from "~/domain/region/clock";
import { Panel, submitClass } from "./office-form-parts";

/** The supervisor's form that gives the application to an officer of its department. */
export function AssignForm({
  officers,
  version,
  lastResult,
}: {
  officers: { id: string; email: string }[];
  version: number;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("office");
  const schema = useMemo(() => officeSchemas(regionDate()).assign, []);
  const [form, fields] = useSchemaForm(schema, lastResult, undefined, "office-assign");
  const labels = { assignee: t("actions.assignee") };
  return (
    <Panel title={t("actions.assign")}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="version" value={version} />
        <SelectField
          field={fields.assignee}
          label={labels.assignee}
          options={officers.map((o) => ({ value: o.id, label: o.email }))}
          placeholder={t("actions.chooseOfficer")}
        />
        <button type="submit" className={submitClass}>
          {t("actions.assign")}
        </button>
      </Form>
    </Panel>
  );
}
