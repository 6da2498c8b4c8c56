import { z } from "zod";
import { LocalizedSchema } from "~/domain/i18n/localized";
import { ALLOWED_CONTENT_TYPES, DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/file-type";

/*
 * The declarative form of a service (описание формы заявления). Stored as JSON with each service
 * definition version; the Zod schema that validates an application and the form UI are both
 * derived from it, so a service is data, not code.
 */

const FieldNameSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "field names are camelCase identifiers");

const FieldBase = {
  name: FieldNameSchema,
  label: LocalizedSchema,
  hint: LocalizedSchema.optional(),
  required: z.boolean().default(true),
};

const OptionSchema = z.object({ value: z.string().min(1), label: LocalizedSchema });

export const FieldSchema = z.discriminatedUnion("kind", [
  z.object({
    ...FieldBase,
    kind: z.literal("text"),
    multiline: z.boolean().optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().max(10_000).default(500),
  }),
  /** A person's name (ФИО or a part of it): letters only, the rule of the profile. */
  z.object({
    ...FieldBase,
    kind: z.literal("personName"),
    maxLength: z.number().int().positive().max(200).default(200),
  }),
  z.object({
    ...FieldBase,
    kind: z.literal("date"),
    /** Earliest and latest allowed dates as ISO dates, or "today". */
    min: z.string().optional(),
    max: z.string().optional(),
  }),
  z.object({ ...FieldBase, kind: z.literal("select"), options: z.array(OptionSchema).min(1) }),
  z.object({ ...FieldBase, kind: z.literal("radio"), options: z.array(OptionSchema).min(2) }),
  /** Several choices from a list (e.g. several clubs in one application). */
  z.object({
    ...FieldBase,
    kind: z.literal("checkboxes"),
    options: z.array(OptionSchema).min(1),
    maxChoices: z.number().int().positive().optional(),
  }),
  /** A single tick box; with required it must be ticked (declarations, consents). */
  z.object({ ...FieldBase, kind: z.literal("checkbox") }),
  z.object({
    ...FieldBase,
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
  }),
  z.object({ ...FieldBase, kind: z.literal("snils") }),
  z.object({ ...FieldBase, kind: z.literal("inn") }),
  z.object({ ...FieldBase, kind: z.literal("phone") }),
  z.object({ ...FieldBase, kind: z.literal("email") }),
  z.object({ ...FieldBase, kind: z.literal("passport") }),
  z.object({ ...FieldBase, kind: z.literal("birthCertificate") }),
  /** Единый лицевой счёт for utility payments. */
  z.object({ ...FieldBase, kind: z.literal("els") }),
  /** A structured address: municipality (ОКТМО), locality, street, house, apartment. */
  z.object({ ...FieldBase, kind: z.literal("address") }),
  /** One of the children in the applicant's profile, optionally limited by age in years. */
  z.object({
    ...FieldBase,
    kind: z.literal("child"),
    minAgeYears: z.number().nonnegative().optional(),
    maxAgeYears: z.number().positive().optional(),
  }),
  z.object({
    ...FieldBase,
    kind: z.literal("file"),
    accept: z.array(z.enum(ALLOWED_CONTENT_TYPES)).default([...DOCUMENT_UPLOAD_RULES.accept]),
    maxSizeMb: z.number().positive().default(DOCUMENT_UPLOAD_RULES.maxSizeMb),
    multiple: z.boolean().default(false),
  }),
]);
export type FieldDefinition = z.infer<typeof FieldSchema>;
export type FieldKind = FieldDefinition["kind"];

export const StepSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: LocalizedSchema,
  fields: z.array(FieldSchema).min(1),
});
export type StepDefinition = z.infer<typeof StepSchema>;

export const FormDefinitionSchema = z.object({ steps: z.array(StepSchema).min(1) }).superRefine((form, ctx) => {
  const seen = new Set<string>();
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (seen.has(field.name)) {
        ctx.addIssue({ code: "custom", message: `duplicate field name: ${field.name}` });
      }
      seen.add(field.name);
    }
  }
});
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
/** What an author writes: defaults (required, maxLength…) may be left out. */
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
