import type { FieldDefinition, FormDefinition, StepDefinition } from "~/domain/forms/form-definition";
import { isShown } from "~/domain/forms/conditions";
import { inputLimit, typedValueProblem, UPLOAD_REFERENCE } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { MAX_FILES_PER_FIELD } from "~/domain/uploads/upload-rules";
import { pick, type Language } from "~/domain/i18n/localized";
import { formatShortDate } from "~/domain/region/dates";

/*
 * The answers of an application: a JSON object by field name. A step that passed validation holds
 * the normalised values; a step saved with mistakes holds what the resident typed, so nothing typed
 * is ever lost. These helpers are pure: the browser uses them too.
 */
export type Answers = Record<string, unknown>;

/** What the profile knows about the applicant, to prefill forms. */
export type ApplicantFacts = {
  fullName?: string;
  snils?: string;
  inn?: string | null;
  phone?: string;
  email?: string;
  passport?: { number: string; issuedOn: string; issuerCode: string };
  address?: { locality: string; street: string; house: string; apartment?: string | null };
};

/** Which profile fact answers which field of the standard forms (seeds/catalogue/parts.ts). */
const PREFILL: Record<string, (facts: ApplicantFacts) => unknown> = {
  applicantName: (f) => f.fullName,
  applicantSnils: (f) => f.snils,
  applicantPhone: (f) => f.phone,
  applicantEmail: (f) => f.email,
  inn: (f) => f.inn ?? undefined,
  passport: (f) => f.passport,
  address: (f) => addressFact(f),
  // The first-grade form's child lives with the parent as a rule; the parent corrects it if not.
  childAddress: (f) => addressFact(f),
};

function addressFact(f: ApplicantFacts) {
  return (
    f.address && {
      locality: f.address.locality,
      street: f.address.street,
      house: f.address.house,
      apartment: f.address.apartment ?? undefined,
    }
  );
}

export function prefillAnswers(form: FormDefinition, facts: ApplicantFacts): Answers {
  const answers: Answers = {};
  for (const field of allFields(form)) {
    const value = PREFILL[field.name]?.(facts);
    if (value !== undefined && value !== null && value !== "") answers[field.name] = value;
  }
  return answers;
}

export function allFields(form: FormDefinition): FieldDefinition[] {
  return form.steps.flatMap((s) => s.fields);
}

export function findStep(form: FormDefinition, stepId: string): StepDefinition | undefined {
  return form.steps.find((s) => s.id === stepId);
}

/** The step after this one, or null after the last (then comes "check your answers"). */
export function nextStepId(form: FormDefinition, stepId: string): string | null {
  const index = form.steps.findIndex((s) => s.id === stepId);
  return form.steps[index + 1]?.id ?? null;
}

export function previousStepId(form: FormDefinition, stepId: string): string | null {
  const index = form.steps.findIndex((s) => s.id === stepId);
  return index > 0 ? form.steps[index - 1]!.id : null;
}

/** Upload ids referenced by the answers ("upload:<id>"). */
export function referencedUploads(answers: Answers, fields?: readonly FieldDefinition[]): string[] {
  const names = fields ? fields.filter((f) => f.kind === "file").map((f) => f.name) : Object.keys(answers);
  const ids: string[] = [];
  for (const name of names) {
    const value = answers[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string" && UPLOAD_REFERENCE.test(item)) ids.push(item.slice("upload:".length));
    }
  }
  return ids;
}

export type StorableAnswers = {
  /** What may be kept: every value within its field's length and free of control characters. */
  answers: Answers;
  /** Values refused, by field name ("passport.number" for a part), as validation message keys. */
  refused: Record<string, string[]>;
};

/*
 * A draft keeps what was typed even when it is wrong, so nothing is lost — but never a value no
 * field could take: longer than the field's maximum, with control or bidirectional characters, a
 * structure where text belongs, or an answer to no field of the form. Such a value is left out
 * (the field stays as it was empty) and reported; the other answers are kept.
 */
export function storableAnswers(fields: readonly FieldDefinition[], values: Answers): StorableAnswers {
  const answers: Answers = {};
  const refused: Record<string, string[]> = {};
  const refuse = (name: string, message: string) => (refused[name] ??= []).push(message);
  for (const field of fields) {
    if (!Object.hasOwn(values, field.name)) continue;
    const value = values[field.name];
    if (value === undefined || value === null) {
      answers[field.name] = value;
      continue;
    }
    const limit = inputLimit(field);
    if ("parts" in limit) {
      if (typeof value !== "object" || Array.isArray(value)) {
        refuse(field.name, m("text.invalid"));
        continue;
      }
      const kept: Record<string, string> = {};
      for (const [part, maxLength] of Object.entries(limit.parts)) {
        const partValue = (value as Record<string, unknown>)[part];
        if (partValue === undefined || partValue === null) continue;
        const problem = typeof partValue === "string" ? typedValueProblem(partValue, maxLength) : m("text.invalid");
        if (problem) refuse(`${field.name}.${part}`, problem);
        else kept[part] = partValue as string;
      }
      answers[field.name] = kept;
      continue;
    }
    const check = (item: unknown): string | null => {
      if (typeof item === "boolean" || (typeof item === "number" && Number.isFinite(item))) return null;
      if (typeof item !== "string") return m("text.invalid");
      return typedValueProblem(item, limit.maxLength, limit.multiline);
    };
    if (Array.isArray(value)) {
      const most = field.kind === "checkboxes" ? field.options.length : MAX_FILES_PER_FIELD;
      const problem =
        value.length > most ? m("choice.tooMany", { max: most }) : value.map(check).find((p) => p !== null);
      if (problem) refuse(field.name, problem);
      else answers[field.name] = value;
      continue;
    }
    const problem = check(value);
    if (problem) refuse(field.name, problem);
    else answers[field.name] = value;
  }
  return { answers, refused };
}

/** A stored scalar answer as text; a structured value where a scalar was expected shows nothing. */
function scalarText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

type FormValue = string | string[] | { [key: string]: FormValue } | undefined;

/** Stored answers as the string values an HTML form (and Conform) starts from. */
export function toFormDefaults(fields: readonly FieldDefinition[], answers: Answers): Record<string, FormValue> {
  const asForm = (value: unknown): FormValue => {
    if (value === undefined || value === null) return undefined;
    if (value === true) return "on";
    if (value === false) return undefined;
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.filter((v) => typeof v === "string");
    if (typeof value === "object")
      return Object.fromEntries<FormValue>(Object.entries(value).map(([k, v]) => [k, asForm(v)]));
    return undefined;
  };
  return Object.fromEntries(
    fields.filter((f) => f.kind !== "file").map((f) => [f.name, asForm(answers[f.name])] as const),
  );
}

export type AnswerRow = {
  name: string;
  label: string;
  /** Lines of text to show; empty when not answered. */
  lines: string[];
  files: { id: string; name: string }[];
  /** A ticked checkbox: the page says "yes" in its own language (answer-summary.tsx). */
  ticked: boolean;
};

export type AnswerSection = { stepId: string; title: string; rows: AnswerRow[] };

export type DescribeContext = {
  language: Language;
  children: readonly { id: string; name: string; birthDate: string }[];
  uploads: ReadonlyMap<string, { fileName: string }>;
  municipalityName?: (oktmo: string) => string | undefined;
};

const isTicked = (value: unknown) => value === true || value === "on";

function describeValue(field: FieldDefinition, value: unknown, ctx: DescribeContext): string[] {
  if (value === undefined || value === null || value === "") return [];
  const option = (v: unknown) => {
    if ("options" in field) {
      const found = field.options.find((o) => o.value === v);
      if (found) return pick(found.label, ctx.language);
    }
    return String(v);
  };
  switch (field.kind) {
    case "select":
    case "radio":
      return [option(value)];
    case "checkboxes":
      return (Array.isArray(value) ? value : [value]).map(option);
    case "checkbox":
      return []; // said by `ticked`
    case "child": {
      const child = ctx.children.find((c) => c.id === value);
      return [child ? `${child.name}, ${formatShortDate(child.birthDate, ctx.language)}` : scalarText(value)];
    }
    case "date":
      return [formatShortDate(scalarText(value), ctx.language)];
    case "passport": {
      const p = value as Record<string, string | undefined>;
      const issuedOn = typeof p.issuedOn === "string" ? formatShortDate(p.issuedOn, ctx.language) : undefined;
      return [[p.number, issuedOn, p.issuerCode].filter(Boolean).join(", ")];
    }
    case "address": {
      const a = value as Record<string, string | undefined>;
      return [[a.locality, a.street, a.house, a.apartment].filter(Boolean).join(", ")];
    }
    case "file":
      return [];
    default:
      return [scalarText(value)];
  }
}

/** The answers in the form's order, in words: "check your answers" and the application page. */
export function describeAnswers(form: FormDefinition, answers: Answers, ctx: DescribeContext): AnswerSection[] {
  return form.steps.map((step) => ({
    stepId: step.id,
    title: pick(step.title, ctx.language),
    // A field not asked (its condition does not hold) is not an answer to show.
    rows: step.fields
      .filter((field) => isShown(field, (name) => answers[name]))
      .map((field) => ({
        name: field.name,
        label: pick(field.label, ctx.language),
        lines: describeValue(field, answers[field.name], ctx),
        ticked: field.kind === "checkbox" && isTicked(answers[field.name]),
        files:
          field.kind === "file"
            ? referencedUploads({ [field.name]: answers[field.name] }).map((id) => ({
                id,
                name: ctx.uploads.get(id)?.fileName ?? id,
              }))
            : [],
      })),
  }));
}
