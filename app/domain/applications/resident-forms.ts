import { z } from "zod";
import { DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/upload-rules";
import { FieldSchema } from "~/domain/forms/form-definition";
import { fieldSchema, type FormContext } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";

/*
 * The resident's forms on an application page: answering a request for information, and rating the
 * service. The same schemas run in the browser (Conform) and in the action; several forms share the
 * page, told apart by their `intent`.
 */
const context: FormContext = { today: "2000-01-01" };
const field = (definition: Record<string, unknown>) =>
  fieldSchema(FieldSchema.parse({ label: { ru: "-", en: "-" }, ...definition }), context);

export const ANSWER_FILE_RULES = DOCUMENT_UPLOAD_RULES;

export const InfoAnswerSchema = z.object({
  intent: z.literal("answer"),
  text: field({ kind: "text", name: "text", multiline: true, maxLength: 4000 }),
  files: field({ kind: "file", name: "files", required: false, multiple: true, ...ANSWER_FILE_RULES }),
});

export const RatingSchema = z.object({
  intent: z.literal("rate"),
  score: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z
      .number({ message: m("rating.required") })
      .int()
      .min(1, { message: m("rating.required") })
      .max(5, {
        message: m("rating.required"),
      }),
  ),
  comment: field({ kind: "text", name: "comment", multiline: true, maxLength: 2000, required: false }),
});

/** The intent each form of the page posts: its schema's literal, so one intent is one schema. */
export type ResidentIntent = z.output<typeof InfoAnswerSchema>["intent"] | z.output<typeof RatingSchema>["intent"];

/** The posted `intent`, or null for what no form of the page sends. */
export function parseResidentIntent(value: unknown): ResidentIntent | null {
  return value === "answer" || value === "rate" ? value : null;
}
