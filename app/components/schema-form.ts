import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

/*
 * A Conform form validated in the browser by the same Zod schema the action uses on the server.
 * First on submit (GOV.UK advice: no errors while a person is still typing), then, once an error is
 * shown, re-checked as it is corrected. (Validating on blur also lost the error of an unticked
 * required checkbox on the first submit.)
 */
export function useSchemaForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, string | null | undefined>,
  /** Needed when a page has several forms. */
  id?: string,
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>> | undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // A button marked formNoValidate ("save and continue later", "remove the file") sends what is
    // typed as it is, as it does without JavaScript: Conform would otherwise check it and stop it.
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter?.formNoValidate ? (UNCHECKED as unknown as Schema) : schema }),
  });
}

/** What a formNoValidate button sends: any fields, unchecked here (the action still checks them). */
const UNCHECKED = z.record(z.string(), z.unknown());

type FieldLike = { id: string; name: string; errors?: string[] };

/**
 * The fields with errors, in the order of `labels`, for the error summary. (Conform's field set is
 * a lazy proxy that cannot be enumerated, so the names come from the labels the page shows.)
 */
export function fieldErrors(fields: Record<string, FieldLike | undefined>, labels: Record<string, string>) {
  return Object.keys(labels)
    .map((name) => fields[name])
    .filter((f): f is FieldLike => !!f?.errors && f.errors.length > 0)
    .map((f) => ({ id: f.id, name: f.name, messages: f.errors! }));
}
