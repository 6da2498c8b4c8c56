import { z } from "zod";
import { checkBirthCertificate, checkEls, checkIssuerCode, checkPassportNumber } from "~/domain/identity/documents";
import { checkInn } from "~/domain/identity/inn";
import type { IdentifierCheck } from "~/domain/identity/normalize";
import { checkPhone } from "~/domain/identity/phone";
import { checkSnils } from "~/domain/identity/snils";
import { isConditional, isRequired, withoutHidden, type AnswerLookup } from "./conditions";
import type { FieldDefinition, FormDefinition, StepDefinition } from "./form-definition";
import { validationMessage as m } from "./validation-message";
import { acceptsDeclaredType, exceedsMaxSize, MAX_FILES_PER_FIELD } from "~/domain/uploads/upload-rules";

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
  /** The applicant's birth date, when known: a passport cannot be issued before they turned 14. */
  applicantBirthDate?: string;
  /**
   * The saved answers a step's conditions look at when the field they name is on another step
   * (conditions.ts); a step's own fields are judged by what is posted with it.
   */
  answers?: Readonly<Record<string, unknown>>;
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

/**
 * Required fields answer "required" for any kind of empty input; optional ones yield undefined.
 * The pipe alone keeps an empty value from the inner checks; the "required" issue must not abort
 * (`abort: true` in zod 4 also stops every refinement of the enclosing objects), or a step's
 * cross-field errors — a consent its answer requires, a passport issued before birth — would come
 * up only after the empty field was filled.
 */
export function presence<T extends z.ZodType>(required: boolean, inner: T) {
  if (required) {
    return z
      .unknown()
      .refine((v) => !isBlank(v), { message: m("required") })
      .pipe(inner);
  }
  return z.preprocess((v) => (isBlank(v) ? undefined : v), inner.optional());
}

/*
 * What every typed value goes through, whatever its kind. NFKC folds full-width and other
 * compatibility forms into plain ones ("１２３" → "123", a no-break space → a space); Windows line
 * ends become "\n" and tabs spaces. What is left of the C0 and C1 controls (NUL included) and the
 * bidirectional marks, embeddings, overrides and isolates is refused, not silently dropped: such
 * characters are never typed, only pasted or crafted, and U+202E turns "exe.pdf" into "fdp.exe"
 * on the screen of the officer who reads it. A line break is allowed only in multi-line text.
 */
export const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function normalizeTyped(input: string): string {
  return input.normalize("NFKC").replace(/\r\n?/g, "\n").replace(/\t/g, " ");
}

/**
 * Whether a typed value may be kept at all (in a draft too): within the field's length once
 * normalised and trimmed, and free of control and bidirectional characters. Returns the message
 * key of what is wrong, or null.
 */
export function typedValueProblem(input: string, maxLength: number, multiline = false): string | null {
  // Cheap guard first: a megabyte of text is refused without normalising it.
  if (input.length > maxLength * 4 + 64) return m("text.tooLong", { max: maxLength });
  const value = normalizeTyped(input).trim();
  if (value.length > maxLength) return m("text.tooLong", { max: maxLength });
  if (FORBIDDEN_CHARACTERS.test(value) || (!multiline && value.includes("\n"))) return m("text.control");
  return null;
}

/**
 * A typed string, normalised, within its length and without control characters. Line breaks
 * pass here; single-line kinds refuse them with their own message ("text.singleLine").
 */
function typed(maxLength: number, options: { message?: string } = {}) {
  return z
    .string({ message: options.message ?? m("text.invalid") })
    .superRefine((input, ctx) => {
      const problem = typedValueProblem(input, maxLength, true);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((input) => normalizeTyped(input).trim());
}

const text = (maxLength = 500) => typed(maxLength);

/*
 * Фамилия, имя, отчество — one rule for the profile, the children and every application form:
 * letters of any alphabet, with spaces, hyphens and apostrophes between them, as in a passport.
 */
const PERSON_NAME = /^\p{L}\p{M}*(?:[ '’-]*\p{L}\p{M}*)*$/u;
export const PERSON_NAME_PART_MAX_LENGTH = 60;

export function personNameSchema(maxLength: number) {
  return typed(maxLength)
    .transform((value) => value.replace(/ {2,}/g, " "))
    .refine((value) => PERSON_NAME.test(value), { message: m("name.invalid") });
}

/** The longest value each kind of field takes, part by part for a passport or an address. */
const IDENTIFIER_MAX_LENGTH = 32;
const DATE_MAX_LENGTH = 20;
const CHOICE_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const ADDRESS_MAX_LENGTHS = { locality: 200, street: 200, house: 20, apartment: 20 } as const;
const PASSPORT_MAX_LENGTHS = { number: IDENTIFIER_MAX_LENGTH, issuedOn: DATE_MAX_LENGTH, issuerCode: 16 } as const;

export type InputLimit = { maxLength: number; multiline?: boolean } | { parts: Readonly<Record<string, number>> };

export function inputLimit(field: FieldDefinition): InputLimit {
  switch (field.kind) {
    case "text":
      return { maxLength: field.maxLength, multiline: field.multiline };
    case "personName":
      return { maxLength: field.maxLength };
    case "email":
      return { maxLength: EMAIL_MAX_LENGTH };
    case "date":
      return { maxLength: DATE_MAX_LENGTH };
    case "address":
      return { parts: ADDRESS_MAX_LENGTHS };
    case "passport":
      return { parts: PASSPORT_MAX_LENGTHS };
    case "select":
    case "radio":
    case "checkboxes":
    case "child":
    case "file":
    case "checkbox":
      return { maxLength: CHOICE_MAX_LENGTH };
    case "number":
    case "snils":
    case "inn":
    case "phone":
    case "birthCertificate":
    case "els":
      return { maxLength: IDENTIFIER_MAX_LENGTH };
  }
}

function identifier(kind: string, check: (input: string) => IdentifierCheck, maxLength = IDENTIFIER_MAX_LENGTH) {
  return typed(maxLength, { message: m(`${kind}.format`) }).transform((input, ctx) => {
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

/** No date a form asks for lies outside these, whatever its definition says. */
export const EARLIEST_DATE = "1900-01-01";
const LATEST_DATE = "2100-12-31";

export function dateSchema(bounds: { min?: string; max?: string }, context: FormContext) {
  const resolve = (bound?: string) => (bound === "today" ? context.today : bound);
  const min = [resolve(bounds.min), EARLIEST_DATE]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  const max = [resolve(bounds.max), LATEST_DATE].filter((d): d is string => !!d).sort()[0];
  return typed(DATE_MAX_LENGTH, { message: m("date.invalid") }).transform((input, ctx) => {
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

/** The ISO date `years` after `date`; 29 February moves to 1 March in a common year. */
export function addYears(date: string, years: number): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, mo - 1, d)).toISOString().slice(0, 10);
}

/** A Russian passport is issued at 14 at the earliest (Положение о паспорте, п. 1). */
export const PASSPORT_AGE = 14;

/** What is wrong with a passport's issue date given the holder's birth date, or null. */
export function passportIssueProblem(issuedOn: string | undefined, birthDate: string | undefined): string | null {
  if (!issuedOn || !birthDate || !parseDate(issuedOn) || !parseDate(birthDate)) return null;
  if (issuedOn < birthDate) return m("passport.issuedBeforeBirth");
  const fourteenth = addYears(birthDate, PASSPORT_AGE);
  if (issuedOn < fourteenth) return m("passport.issuedBeforeFourteen", { min: fourteenth });
  return null;
}

/** The parts of a passport, for the passport kind and the profile alike. */
export function passportPartSchemas(context: FormContext) {
  return {
    number: identifier("passport", checkPassportNumber),
    issuedOn: dateSchema({ min: EARLIEST_DATE, max: "today" }, context),
    issuerCode: identifier("issuerCode", checkIssuerCode, PASSPORT_MAX_LENGTHS.issuerCode),
  };
}

/** Whole years between two ISO dates, as a person counts their age. */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, mo, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (mo < bm || (mo === bm && d < bd) ? 1 : 0);
}

function choice(values: readonly string[]) {
  return z
    .string({ message: m("choice.invalid") })
    .max(CHOICE_MAX_LENGTH, { message: m("choice.invalid") })
    .refine((v) => values.includes(v), { message: m("choice.invalid") });
}

function fileSchema(field: Extract<FieldDefinition, { kind: "file" }>) {
  const one = z.union([z.string(), z.instanceof(File)], { message: m("file.invalid") }).superRefine((value, ctx) => {
    if (typeof value === "string") {
      if (!UPLOAD_REFERENCE.test(value)) ctx.addIssue({ code: "custom", message: m("file.invalid") });
      return;
    }
    // The same rules as the server's check of the bytes (upload-rules.ts), which has the last word.
    if (!acceptsDeclaredType(value.type, field)) {
      ctx.addIssue({ code: "custom", message: m("file.type") });
    }
    if (exceedsMaxSize(value.size, field)) {
      ctx.addIssue({ code: "custom", message: m("file.tooLarge", { max: field.maxSizeMb }) });
    }
  });
  if (!field.multiple) return one;
  return z.preprocess(
    listOf,
    z.array(one).max(MAX_FILES_PER_FIELD, { message: m("file.tooMany", { max: MAX_FILES_PER_FIELD }) }),
  );
}

/** The parts of an address, each a single line of text of its own length. */
function addressSchema() {
  const line = addressPartSchema;
  return z.object(
    {
      locality: presence(true, line("locality")),
      street: presence(true, line("street")),
      house: presence(true, line("house")),
      apartment: presence(false, line("apartment")),
    },
    { message: m("required") },
  );
}

/** An address part on its own (the profile keeps them in columns of their own). */
export function addressPartSchema(part: keyof typeof ADDRESS_MAX_LENGTHS) {
  return text(ADDRESS_MAX_LENGTHS[part]).refine((v) => !v.includes("\n"), { message: m("text.singleLine") });
}

function valueSchema(field: FieldDefinition, context: FormContext): z.ZodType {
  switch (field.kind) {
    case "text": {
      const min = field.minLength;
      let schema = min
        ? text(field.maxLength).refine((v) => v.length >= min, { message: m("text.tooShort", { min }) })
        : text(field.maxLength);
      if (field.pattern) {
        // The whole answer, in either case ("3б" is "3Б"); the message shows the example.
        const whole = new RegExp(`^(?:${field.pattern.regex})$`, "iu");
        const example = field.pattern.example;
        schema = schema.refine((v) => whole.test(v), { message: m("conditional.pattern", { example }) });
      }
      return field.multiline ? schema : schema.refine((v) => !v.includes("\n"), { message: m("text.singleLine") });
    }
    case "personName":
      return personNameSchema(field.maxLength);
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
      return z
        .union([typed(IDENTIFIER_MAX_LENGTH, { message: m("number.invalid") }), z.number()], {
          message: m("number.invalid"),
        })
        .transform((input, ctx) => {
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
      return typed(EMAIL_MAX_LENGTH, { message: m("email.invalid") })
        .transform((v) => v.toLowerCase())
        .pipe(z.email({ message: m("email.invalid") }).max(EMAIL_MAX_LENGTH, { message: m("email.invalid") }));
    case "birthCertificate":
      return identifier("birthCertificate", checkBirthCertificate);
    case "els":
      return identifier("els", checkEls);
    case "passport": {
      const parts = passportPartSchemas(context);
      return z
        .object(
          {
            number: presence(true, parts.number),
            issuedOn: presence(true, parts.issuedOn),
            issuerCode: presence(true, parts.issuerCode),
          },
          { message: m("required") },
        )
        .superRefine((passport, ctx) => {
          const problem =
            context.applicantBirthDate && passportIssueProblem(passport.issuedOn, context.applicantBirthDate);
          if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["issuedOn"] });
        });
    }
    case "address":
      return addressSchema();
    case "child":
      return z
        .string({ message: m("child.unknown") })
        .max(CHOICE_MAX_LENGTH, { message: m("child.unknown") })
        .superRefine((id, ctx) => {
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

/** What a form's schema takes (FormData as Conform reads it, or stored answers) and yields. */
export type FormSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A conditional field on its own is optional; whether it is asked and required is decided beside it. */
function conditionalFieldSchema(field: FieldDefinition, context: FormContext): z.ZodType {
  // An unticked box is no answer (not `false`), so a hidden one leaves nothing behind.
  if (field.kind === "checkbox")
    return z.preprocess((v) => (v === true || v === "on" ? true : undefined), z.literal(true).optional());
  return fieldSchema({ ...field, required: false }, context);
}

function answered(field: FieldDefinition, value: unknown): boolean {
  return field.kind === "checkbox" ? value === true : !isBlank(value);
}

/*
 * The fields of a step or of a whole form. Conditional fields (conditions.ts): the answer of a field
 * not asked is dropped before anything is checked, so it is neither validated nor kept; one that is
 * asked and required must be answered. The condition looks at the posted answer of a field of the
 * same object, else at the saved answers (a field on an earlier step). The check of required runs
 * even when other fields have errors, so every error of the page is said at once.
 */
function objectOf(fields: readonly FieldDefinition[], context: FormContext): FormSchema {
  const conditional = fields.filter(isConditional);
  const object = z.object(
    Object.fromEntries(
      fields.map((f) => [f.name, isConditional(f) ? conditionalFieldSchema(f, context) : fieldSchema(f, context)]),
    ),
  );
  if (conditional.length === 0) return object;
  const names = new Set(fields.map((f) => f.name));
  const lookupIn =
    (values: Record<string, unknown>): AnswerLookup =>
    (name) =>
      names.has(name) ? values[name] : context.answers?.[name];
  const checked = object.superRefine(
    (value, ctx) => {
      if (!isRecord(value)) return;
      const lookup = lookupIn(value);
      for (const field of conditional) {
        if (!isRequired(field, lookup) || answered(field, value[field.name])) continue;
        const message = m(field.kind === "checkbox" ? "checkbox.required" : "required");
        ctx.addIssue({ code: "custom", path: [field.name], message });
      }
    },
    { when: () => true },
  );
  return z.preprocess(
    (input) => (isRecord(input) ? withoutHidden(conditional, input, lookupIn(input)) : input),
    checked,
  ) as unknown as FormSchema;
}

/** The schema of one step, for validating as the resident goes. */
export function stepSchema(step: StepDefinition, context: FormContext): FormSchema {
  return objectOf(step.fields, context);
}

/** The schema of a whole application, checked once more on submission. */
export function applicationSchema(form: FormDefinition, context: FormContext): FormSchema {
  return objectOf(
    form.steps.flatMap((s) => s.fields),
    context,
  );
}

/*
 * The submission's check of a whole application, with the schema built once per form and day. At the
 * opening of enrollment every press checks the whole form; building its schema took ~2 ms and the
 * check itself ~0.04 ms (docs/decisions/0037). Only `today` shapes the schema; the applicant's own
 * facts (children, birth date, saved answers) are read by its refinements while a check runs, so the
 * shared schema reads them from the check under way. Checks are synchronous: one runs at a time.
 */
let checking: FormContext | null = null;
const lateContext = (today: string): FormContext => ({
  today,
  get children() {
    return checking?.children;
  },
  get applicantBirthDate() {
    return checking?.applicantBirthDate;
  },
  get answers() {
    return checking?.answers;
  },
});
const sharedSchemas = new WeakMap<FormDefinition, { today: string; schema: FormSchema }>();

/** applicationSchema(form, context).safeParse(answers), without building the schema each time. */
export function checkApplication(form: FormDefinition, context: FormContext, answers: unknown) {
  let shared = sharedSchemas.get(form);
  if (shared?.today !== context.today) {
    shared = { today: context.today, schema: applicationSchema(form, lateContext(context.today)) };
    sharedSchemas.set(form, shared);
  }
  checking = context;
  try {
    return shared.schema.safeParse(answers);
  } finally {
    checking = null;
  }
}

/** Every message key a derived schema can produce; the locale test holds both languages to it. */
export const VALIDATION_KEYS = [
  "required",
  "text.invalid",
  "text.tooLong",
  "text.tooShort",
  "text.singleLine",
  "text.control",
  "name.invalid",
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
  "snils.zero",
  "inn.format",
  "inn.checksum",
  "inn.zero",
  "phone.format",
  "email.invalid",
  "passport.format",
  "passport.issuedBeforeBirth",
  "passport.issuedBeforeFourteen",
  "issuerCode.format",
  "birthCertificate.format",
  "els.format",
  "child.unknown",
  "child.tooYoung",
  "child.tooOld",
  "conditional.pattern",
  "file.invalid",
  "file.type",
  "file.tooLarge",
  "file.tooMany",
  "file.empty",
  "file.executable",
  "file.name",
  "file.onlyOne",
  "file.activeContent",
  "file.damaged",
  "file.dimensions",
] as const;
