import { z } from "zod";
import { checkBirthCertificate, checkEls, checkIssuerCode, checkPassportNumber } from "~/domain/identity/documents";
import { checkInn } from "~/domain/identity/inn";
import type { IdentifierCheck } from "~/domain/identity/normalize";
import { checkPhone } from "~/domain/identity/phone";
import { checkSnils } from "~/domain/identity/snils";
import type { FieldDefinition, FormDefinition, StepDefinition } from "./form-definition";
import { validationMessage as m } from "./validation-message";

/*
 * Derives the Zod schema of an application from its form definition. The browser (through Conform)
 * and the server validate with the very same schema; values arrive as FormData strings, so every
 * field accepts what a person types — spaces, dashes, 8 instead of +7, "12,5" — and yields the
 * normalised value that is stored.
 */

export type ChildInProfile = { id: string; birthDate: string };

export type FormContext = {
  /** Today's date in the region (Europe/Moscow) as YYYY-MM-DD: "today" in definitions means this. */
  today: string;
  /** The applicant's children; when given, a child field must name one of them, of the right age. */
  children?: readonly ChildInProfile[];
};

export type AddressValue = { locality: string; street: string; house: string; apartment?: string };
export type PassportValue = { number: string; issuedOn: string; issuerCode: string };

/** An uploaded file not yet stored, or the reference of one already stored with the draft. */
export type FileValue = File | string;

export const UPLOAD_REFERENCE = /^upload:[A-Za-z0-9_-]{8,64}$/;

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof File !== "undefined" && value instanceof File) return value.size === 0 && value.name === "";
  if (typeof value === "object") return Object.values(value).every(isBlank);
  return false;
}

/** Several inputs of one name arrive as an array, a single one as a value. */
function listOf(value: unknown): unknown[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.filter((item) => !isBlank(item));
}

/** Required fields answer "required" for any kind of empty input; optional ones yield undefined. */
function presence<T extends z.ZodType>(required: boolean, inner: T) {
  if (required) {
    return z
      .unknown()
      .refine((v) => !isBlank(v), { message: m("required"), abort: true })
      .pipe(inner);
  }
  return z.preprocess((v) => (isBlank(v) ? undefined : v), inner.optional());
}

const text = (maxLength = 500) =>
  z
    .string({ message: m("text.invalid") })
    .trim()
    .max(maxLength, { message: m("text.tooLong", { max: maxLength }) });

function identifier(kind: string, check: (input: string) => IdentifierCheck) {
  return z.string({ message: m(`${kind}.format`) }).transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: m(`${kind}.${result.error}`) });
    return z.NEVER;
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Accepts the ISO value of a date input and the Russian "ДД.ММ.ГГГГ" typed where there is none. */
export function parseDate(input: string): string | null {
  const trimmed = input.trim();
  let y: number, mo: number, d: number;
  const iso = ISO_DATE.exec(trimmed);
  const ru = RU_DATE.exec(trimmed);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [d, mo, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function dateSchema(bounds: { min?: string; max?: string }, context: FormContext) {
  const resolve = (bound?: string) => (bound === "today" ? context.today : bound);
  const min = resolve(bounds.min);
  const max = resolve(bounds.max);
  return z.string({ message: m("date.invalid") }).transform((input, ctx) => {
    const date = parseDate(input);
    if (!date) {
      ctx.addIssue({ code: "custom", message: m("date.invalid") });
      return z.NEVER;
    }
    if (min && date < min) ctx.addIssue({ code: "custom", message: m("date.tooEarly", { min }) });
    if (max && date > max) ctx.addIssue({ code: "custom", message: m("date.tooLate", { max }) });
    return date;
  });
}

/** Whole years between two ISO dates, as a person counts their age. */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, mo, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (mo < bm || (mo === bm && d < bd) ? 1 : 0);
}

function choice(values: readonly string[]) {
  return z.string({ message: m("choice.invalid") }).refine((v) => values.includes(v), { message: m("choice.invalid") });
}

function fileSchema(field: Extract<FieldDefinition, { kind: "file" }>) {
  const one = z.union([z.string(), z.instanceof(File)], { message: m("file.invalid") }).superRefine((value, ctx) => {
    if (typeof value === "string") {
      if (!UPLOAD_REFERENCE.test(value)) ctx.addIssue({ code: "custom", message: m("file.invalid") });
      return;
    }
    if (!(field.accept as string[]).includes(value.type)) {
      ctx.addIssue({ code: "custom", message: m("file.type") });
    }
    if (value.size > field.maxSizeMb * 1024 * 1024) {
      ctx.addIssue({ code: "custom", message: m("file.tooLarge", { max: field.maxSizeMb }) });
    }
  });
  if (!field.multiple) return one;
  return z.preprocess(listOf, z.array(one).max(20, { message: m("file.tooMany", { max: 20 }) }));
}

function valueSchema(field: FieldDefinition, context: FormContext): z.ZodType {
  switch (field.kind) {
    case "text": {
      let schema = text(field.maxLength);
      if (field.minLength)
        schema = schema.min(field.minLength, { message: m("text.tooShort", { min: field.minLength }) });
      return field.multiline ? schema : schema.refine((v) => !/[\r\n]/.test(v), { message: m("text.singleLine") });
    }
    case "date":
      return dateSchema(field, context);
    case "select":
    case "radio":
      return choice(field.options.map((o) => o.value));
    case "checkboxes": {
      const values = field.options.map((o) => o.value);
      let schema = z.array(choice(values)).transform((list) => [...new Set(list)]);
      if (field.maxChoices) {
        const max = field.maxChoices;
        schema = schema.refine((list) => list.length <= max, { message: m("choice.tooMany", { max }) });
      }
      return z.preprocess(listOf, schema);
    }
    case "checkbox":
      return z.literal(true, { message: m("checkbox.required") });
    case "number":
      return z.union([z.string(), z.number()], { message: m("number.invalid") }).transform((input, ctx) => {
        const value = typeof input === "number" ? input : Number(input.replace(/[\s\u00a0]/g, "").replace(",", "."));
        if (!Number.isFinite(value)) {
          ctx.addIssue({ code: "custom", message: m("number.invalid") });
          return z.NEVER;
        }
        if (field.integer && !Number.isInteger(value)) ctx.addIssue({ code: "custom", message: m("number.integer") });
        if (field.min !== undefined && value < field.min) {
          ctx.addIssue({ code: "custom", message: m("number.tooSmall", { min: field.min }) });
        }
        if (field.max !== undefined && value > field.max) {
          ctx.addIssue({ code: "custom", message: m("number.tooLarge", { max: field.max }) });
        }
        return value;
      });
    case "snils":
      return identifier("snils", checkSnils);
    case "inn":
      return identifier("inn", (v) => checkInn(v));
    case "phone":
      return identifier("phone", checkPhone);
    case "email":
      return z
        .string({ message: m("email.invalid") })
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: m("email.invalid") }).max(254, { message: m("email.invalid") }));
    case "birthCertificate":
      return identifier("birthCertificate", checkBirthCertificate);
    case "els":
      return identifier("els", checkEls);
    case "passport":
      return z.object(
        {
          number: presence(true, identifier("passport", checkPassportNumber)),
          issuedOn: presence(true, dateSchema({ max: "today" }, context)),
          issuerCode: presence(true, identifier("issuerCode", checkIssuerCode)),
        },
        { message: m("required") },
      );
    case "address":
      return z.object(
        {
          locality: presence(true, text(200)),
          street: presence(true, text(200)),
          house: presence(true, text(20)),
          apartment: presence(false, text(20)),
        },
        { message: m("required") },
      );
    case "child":
      return z.string({ message: m("child.unknown") }).superRefine((id, ctx) => {
        if (!context.children) return;
        const child = context.children.find((c) => c.id === id);
        if (!child) {
          ctx.addIssue({ code: "custom", message: m("child.unknown") });
          return;
        }
        const age = ageInYears(child.birthDate, context.today);
        if (field.minAgeYears !== undefined && age < field.minAgeYears) {
          ctx.addIssue({ code: "custom", message: m("child.tooYoung", { min: field.minAgeYears }) });
        }
        if (field.maxAgeYears !== undefined && age > field.maxAgeYears) {
          ctx.addIssue({ code: "custom", message: m("child.tooOld", { max: field.maxAgeYears }) });
        }
      });
    case "file":
      return fileSchema(field);
  }
}

export function fieldSchema(field: FieldDefinition, context: FormContext): z.ZodType {
  if (field.kind === "checkbox") {
    const ticked = (v: unknown) => v === "on" || v === true;
    return field.required
      ? z.preprocess(ticked, z.literal(true, { message: m("checkbox.required") }))
      : z.preprocess(ticked, z.boolean());
  }
  return presence(field.required, valueSchema(field, context));
}

function objectOf(fields: readonly FieldDefinition[], context: FormContext) {
  return z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, context)])));
}

/** The schema of one step, for validating as the resident goes. */
export function stepSchema(step: StepDefinition, context: FormContext) {
  return objectOf(step.fields, context);
}

/** The schema of a whole application, checked once more on submission. */
export function applicationSchema(form: FormDefinition, context: FormContext) {
  return objectOf(
    form.steps.flatMap((s) => s.fields),
    context,
  );
}

/** Every message key a derived schema can produce; the locale test holds both languages to it. */
export const VALIDATION_KEYS = [
  "required",
  "text.invalid",
  "text.tooLong",
  "text.tooShort",
  "text.singleLine",
  "date.invalid",
  "date.tooEarly",
  "date.tooLate",
  "choice.invalid",
  "choice.tooMany",
  "checkbox.required",
  "number.invalid",
  "number.integer",
  "number.tooSmall",
  "number.tooLarge",
  "snils.format",
  "snils.checksum",
  "inn.format",
  "inn.checksum",
  "phone.format",
  "email.invalid",
  "passport.format",
  "issuerCode.format",
  "birthCertificate.format",
  "els.format",
  "child.unknown",
  "child.tooYoung",
  "child.tooOld",
  "file.invalid",
  "file.type",
  "file.tooLarge",
  "file.tooMany",
  "file.empty",
  "file.executable",
  "file.name",
] as const;
