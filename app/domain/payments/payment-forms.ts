import { z } from "zod";
import { fieldSchema, presence } from "~/domain/forms/form-schema";
import { FieldSchema } from "~/domain/forms/form-definition";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { readingThousandths } from "./readings";

/*
 * The cabinet's payment forms (docs/payments.md). The ЕЛС is checked and normalised like the ЕЛС field of any
 * service form, so "58 аб 123456" and Latin look-alike letters are taken; the browser and the server use these
 * very schemas.
 */
const elsField = (today: string) =>
  fieldSchema(FieldSchema.parse({ kind: "els", name: "els", label: { ru: "ЕЛС", en: "ELS" } }), { today }) as z.ZodType<
    string,
    unknown
  >;

export function linkAccountSchema(today: string) {
  return z.object({
    els: elsField(today),
    accessCode: presence(
      true,
      z
        .string()
        .trim()
        .regex(/^\d{6,12}$/, { message: m("accessCode.format") }),
    ) as z.ZodType<string, unknown>,
    label: z
      .string()
      .trim()
      .max(60, { message: m("text.tooLong", { max: 60 }) })
      .optional(),
  });
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export const paySchema = z.object({
  intent: z.literal("pay"),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
  bills: z
    .array(z.string().min(1).max(200), { message: m("bills.required") })
    .min(1, { message: m("bills.required") })
    .max(24),
});

export const readingSchema = z.object({
  intent: z.literal("reading"),
  meterId: z.string().min(1).max(200),
  value: presence(
    true,
    z.string().refine((value) => readingThousandths(value) !== null, { message: m("reading.format") }),
  ) as z.ZodType<string, unknown>,
});

export const unlinkSchema = z.object({ intent: z.literal("unlink") });
