import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { Form } from "react-router";
import { ErrorSummary } from "~/components/form-field";
import { useSchemaForm } from "~/components/schema-form";
import { officeSchemas } from "~/domain/office/office-forms";
import { regionDate } from "~/domain/region/clock";
import { submitClass } from "./office-form-parts";

/** A one-button act with nothing to type: take the application, acknowledge it, start its review. */
export function SimpleForm({
  intent,
  version,
  label,
  lastResult,
  children,
}: {
  intent: "acknowledge" | "startReview" | "take";
  version: number;
  label: string;
  lastResult: SubmissionResult<string[]> | null;
  children?: React.ReactNode;
}) {
  const schema = useMemo(() => officeSchemas(regionDate()).simple, []);
  const [form] = useSchemaForm(schema, lastResult, undefined, `office-${intent}`);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary errors={[]} labels={{}} formErrors={form.errors} />
      {children}
      <input type="hidden" name="version" value={version} />
      <button type="submit" name="intent" value={intent} className={submitClass}>
        {label}
      </button>
    </Form>
  );
}
