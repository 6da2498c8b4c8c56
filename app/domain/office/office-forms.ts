import { z } from "zod";
import { DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/upload-rules";
import { FieldSchema } from "~/domain/forms/form-definition";
import { fieldSchema, type FormContext } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";

/*
 * The officer's forms on an application: one small form per action, each validated by the same
 * schema in the browser and in the action. The `version` the officer saw travels with every form,
 * so acting on a changed application is a conflict, not an overwrite.
 */
const field = (definition: Record<string, unknown>, context: FormContext = { today: "2000-01-01" }) =>
  fieldSchema(FieldSchema.parse({ label: { ru: "-", en: "-" }, ...definition }), context);

const version = z.coerce
  .number({ message: m("required") })
  .int()
  .nonnegative();
const reason = (required: boolean) =>
  field({ kind: "text", name: "reason", multiline: true, maxLength: 2000, required });

export const RESULT_FILE_RULES = DOCUMENT_UPLOAD_RULES;

export function officeSchemas(today: string) {
  return {
    simple: z.object({ intent: z.enum(["acknowledge", "startReview", "take"]), version }),
    request: z.object({ intent: z.enum(["requestInfo", "requestCorrection"]), version, reason: reason(true) }),
    invite: z.object({
      intent: z.literal("inviteToVisit"),
      version,
      visitDate: field({ kind: "date", name: "visitDate", min: "today" }, { today }),
      visitTime: z
        .string()
        .trim()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: m("time.invalid") }),
      place: field({ kind: "text", name: "place", maxLength: 300 }),
      reason: reason(false),
    }),
    complete: z.object({
      intent: z.literal("complete"),
      version,
      reason: reason(false),
      result: field({ kind: "file", name: "result", required: false, ...RESULT_FILE_RULES }),
    }),
    refuse: z.object({
      intent: z.literal("refuse"),
      version,
      ground: z.string({ message: m("required") }).min(1, { message: m("required") }),
      reason: reason(true),
    }),
    assign: z.object({
      intent: z.literal("assign"),
      version,
      assignee: z.string({ message: m("required") }).min(1, { message: m("required") }),
    }),
    note: z.object({
      intent: z.literal("note"),
      text: field({ kind: "text", name: "text", multiline: true, maxLength: 2000 }),
    }),
  };
}
export type OfficeFormName = keyof ReturnType<typeof officeSchemas>;

/** Which form an intent belongs to. */
export function formOfIntent(intent: string): OfficeFormName | null {
  switch (intent) {
    case "acknowledge":
    case "startReview":
    case "take":
      return "simple";
    case "requestInfo":
    case "requestCorrection":
      return "request";
    case "inviteToVisit":
      return "invite";
    case "complete":
    case "refuse":
    case "assign":
    case "note":
      return intent;
    default:
      return null;
  }
}
