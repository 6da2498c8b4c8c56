import { z } from "zod";
import { FieldSchema, type FieldDefinition } from "~/domain/forms/form-definition";
import { fieldSchema, type FormContext } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { checkIssuerCode, checkPassportNumber } from "~/domain/identity/documents";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";

/*
 * The profile and child forms. Identifiers reuse the field kinds of service forms, so a СНИЛС is
 * checked and normalised the same way in the profile and in every application.
 */
function kind(definition: Record<string, unknown>): FieldDefinition {
  return FieldSchema.parse({ label: { ru: "-", en: "-" }, ...definition });
}

/** These field kinds all yield a normalised string (or nothing, when optional and left empty). */
const stringField = (definition: Record<string, unknown>, context: FormContext) =>
  fieldSchema(kind(definition), context) as z.ZodType<string, unknown>;
const optionalStringField = (definition: Record<string, unknown>, context: FormContext) =>
  fieldSchema(kind({ ...definition, required: false }), context) as z.ZodType<string | undefined, unknown>;

/** Фамилия, имя, отчество: letters of either alphabet, with spaces, hyphens and apostrophes. */
const NAME = /^[\p{L}][\p{L}\s'’-]*$/u;
const nameText = () =>
  z
    .string({ message: m("required") })
    .trim()
    .max(60, { message: m("text.tooLong", { max: 60 }) })
    .regex(NAME, { message: m("name.invalid") });
const requiredName = () => nameText();
const optionalName = () => nameText().optional();

function identifier(check: typeof checkPassportNumber, message: string) {
  return z.string({ message: m("required") }).transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: m(message) });
    return z.NEVER;
  });
}

export function profileSchema(context: FormContext) {
  return z.object({
    lastName: requiredName(),
    firstName: requiredName(),
    middleName: optionalName(),
    birthDate: stringField({ kind: "date", name: "birthDate", max: "today", min: "1900-01-01" }, context),
    snils: stringField({ kind: "snils", name: "snils" }, context),
    inn: optionalStringField({ kind: "inn", name: "inn" }, context),
    phone: stringField({ kind: "phone", name: "phone" }, context),
    passportNumber: identifier(checkPassportNumber, "passport.format"),
    passportIssuedOn: stringField({ kind: "date", name: "passportIssuedOn", max: "today" }, context),
    passportIssuerCode: identifier(checkIssuerCode, "issuerCode.format"),
    addressOktmo: z
      .string({ message: m("required") })
      .refine((code) => MUNICIPALITY_CODES.includes(code), { message: m("choice.invalid") }),
    addressLocality: z
      .string({ message: m("required") })
      .trim()
      .min(1)
      .max(100),
    addressStreet: z
      .string({ message: m("required") })
      .trim()
      .min(1)
      .max(100),
    addressHouse: z
      .string({ message: m("required") })
      .trim()
      .min(1)
      .max(20),
    addressApartment: z.string().trim().max(20).optional(),
  });
}
export type ProfileValue = z.output<ReturnType<typeof profileSchema>>;

export function childSchema(context: FormContext) {
  return z.object({
    lastName: requiredName(),
    firstName: requiredName(),
    middleName: optionalName(),
    birthDate: stringField({ kind: "date", name: "birthDate", max: "today", min: "2000-01-01" }, context),
    birthCertificate: stringField({ kind: "birthCertificate", name: "birthCertificate" }, context),
    snils: optionalStringField({ kind: "snils", name: "snils" }, context),
  });
}
export type ChildValue = z.output<ReturnType<typeof childSchema>>;
