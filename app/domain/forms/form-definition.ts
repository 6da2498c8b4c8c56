import { z } from "zod";
import { LocalizedSchema } from "~/domain/i18n/localized";
import { ALLOWED_CONTENT_TYPES, DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/upload-rules";

/*
 * The declarative form of a service (описание формы заявления). Stored as JSON with each service
 * definition version; the Zod schema that validates an application and the form UI are both
 * derived from it, so a service is data, not code.
 */

const FieldNameSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "field names are camelCase identifiers");

/**
 * A condition on another field of the same form: it holds when that field's answer is one of the
 * values (an option's value; true or false for a single tick box; any of the ticked ones for a
 * list of tick boxes). The field it names is a choice — radio, select, tick box(es) — and comes
 * before the field that depends on it, on the same step or an earlier one.
 */
export const ConditionSchema = z.object({
  field: FieldNameSchema,
  in: z.array(z.union([z.string().min(1), z.boolean()])).min(1),
});
export type Condition = z.infer<typeof ConditionSchema>;

const FieldBase = {
  name: FieldNameSchema,
  label: LocalizedSchema,
  hint: LocalizedSchema.optional(),
  required: z.boolean().default(true),
  /** Required only while this holds (otherwise as `required` says). */
  requiredWhen: ConditionSchema.optional(),
  /** Asked only while this holds; otherwise its answer is dropped, never stored. */
  shownWhen: ConditionSchema.optional(),
};

const OptionSchema = z.object({ value: z.string().min(1), label: LocalizedSchema });

export const FieldSchema = z.discriminatedUnion("kind", [
  z.object({
    ...FieldBase,
    kind: z.literal("text"),
    multiline: z.boolean().optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().max(10_000).default(500),
    /** A format the whole answer must match (a regular expression, case-insensitive), with an example to show. */
    pattern: z
      .object({ regex: z.string().min(1).max(200), example: z.string().min(1).max(50) })
      .refine((p) => compiles(p.regex), { message: "pattern: not a regular expression" })
      .optional(),
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
  const seen = new Map<string, FieldDefinition>();
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (seen.has(field.name)) {
        ctx.addIssue({ code: "custom", message: `duplicate field name: ${field.name}` });
      }
      for (const condition of [field.requiredWhen, field.shownWhen]) {
        const problem = condition && conditionProblem(condition, seen.get(condition.field));
        if (problem) ctx.addIssue({ code: "custom", message: `${field.name}: ${problem}` });
      }
      seen.set(field.name, field);
    }
  }
});

function compiles(source: string): boolean {
  try {
    new RegExp(source, "iu");
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a condition, given the field it names (undefined when no earlier field has
 * that name). The field must be a choice that is itself always asked, and the values its own.
 */
function conditionProblem(condition: Condition, controller: FieldDefinition | undefined): string | null {
  if (!controller) return `condition on ${condition.field}, which is not an earlier field of the form`;
  if (controller.shownWhen) return `condition on ${condition.field}, which is itself conditional`;
  switch (controller.kind) {
    case "checkbox":
      return condition.in.every((v) => typeof v === "boolean")
        ? null
        : `${condition.field} is a tick box: true or false`;
    case "radio":
    case "select":
    case "checkboxes": {
      const values = new Set(controller.options.map((o) => o.value));
      const unknown = condition.in.filter((v) => typeof v !== "string" || !values.has(v));
      return unknown.length === 0 ? null : `${condition.field} has no option ${unknown.join(", ")}`;
    }
    default:
      return `condition on ${condition.field}, which is not a choice`;
  }
}
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
/** What an author writes: defaults (required, maxLength…) may be left out. */
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
