import { z } from "zod";
import { FieldSchema, type FieldDefinition } from "~/domain/forms/form-definition";
import {
  addressPartSchema,
  EARLIEST_DATE,
  fieldSchema,
  passportIssueProblem,
  passportPartSchemas,
  PERSON_NAME_PART_MAX_LENGTH,
  personNameSchema,
  presence,
  type FormContext,
} from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
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

/** Фамилия, имя, отчество: the name rule of every form, each part at most 60 characters. */
const requiredName = () => presence(true, personNameSchema(PERSON_NAME_PART_MAX_LENGTH)) as z.ZodType<string, unknown>;
const optionalName = () => personNameSchema(PERSON_NAME_PART_MAX_LENGTH).optional();
const required = <T>(schema: z.ZodType<T>) => presence(true, schema) as z.ZodType<T, unknown>;

export function profileSchema(context: FormContext) {
  const passport = passportPartSchemas(context);
  return z
    .object({
      lastName: requiredName(),
      firstName: requiredName(),
      middleName: optionalName(),
      birthDate: stringField({ kind: "date", name: "birthDate", max: "today", min: EARLIEST_DATE }, context),
      snils: stringField({ kind: "snils", name: "snils" }, context),
      inn: optionalStringField({ kind: "inn", name: "inn" }, context),
      phone: stringField({ kind: "phone", name: "phone" }, context),
      passportNumber: required(passport.number),
      passportIssuedOn: required(passport.issuedOn),
      passportIssuerCode: required(passport.issuerCode),
      addressOktmo: z
        .string({ message: m("required") })
        .refine((code) => MUNICIPALITY_CODES.includes(code), { message: m("choice.invalid") }),
      addressLocality: required(addressPartSchema("locality")),
      addressStreet: required(addressPartSchema("street")),
      addressHouse: required(addressPartSchema("house")),
      addressApartment: addressPartSchema("apartment").optional(),
    })
    .superRefine((profile, ctx) => {
      // The two dates are checked against each other: a passport from before its holder's 14th birthday is a typo.
      const problem = passportIssueProblem(profile.passportIssuedOn, profile.birthDate);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["passportIssuedOn"] });
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
