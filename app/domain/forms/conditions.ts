import type { Condition, FieldDefinition } from "./form-definition";

/*
 * Conditional fields (form-definition.ts: requiredWhen, shownWhen): whether a field is asked and
 * whether it must be answered, given the answer of the field its condition names. Pure, so the
 * schema (server and browser), the step page and the summary of answers decide alike.
 */

/** The answer of a field by its name: as typed in the browser, posted, or stored with the draft. */
export type AnswerLookup = (name: string) => unknown;

const ticked = (answer: unknown) => answer === true || answer === "on";

/** Whether a condition holds for this answer of the field it names. */
export function conditionHolds(condition: Condition, answer: unknown): boolean {
  const given = Array.isArray(answer) ? answer : [answer];
  return condition.in.some((value) =>
    typeof value === "boolean" ? given.some(ticked) === value : given.includes(value),
  );
}

export function isConditional(field: FieldDefinition): boolean {
  return field.shownWhen !== undefined || field.requiredWhen !== undefined;
}

/** Whether the field is asked: always, or while its shownWhen holds. */
export function isShown(field: FieldDefinition, lookup: AnswerLookup): boolean {
  return !field.shownWhen || conditionHolds(field.shownWhen, lookup(field.shownWhen.field));
}

/** Whether the field must be answered: asked, and required — by its requiredWhen when it has one. */
export function isRequired(field: FieldDefinition, lookup: AnswerLookup): boolean {
  if (!isShown(field, lookup)) return false;
  return field.requiredWhen ? conditionHolds(field.requiredWhen, lookup(field.requiredWhen.field)) : field.required;
}

/** The names of the fields the conditions of these fields look at. */
export function controllingFields(fields: readonly FieldDefinition[]): string[] {
  const names = fields.flatMap((f) => [f.shownWhen?.field, f.requiredWhen?.field]);
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/** The answers without those of fields not asked: a hidden field's answer is never kept. */
export function withoutHidden<T extends Record<string, unknown>>(
  fields: readonly FieldDefinition[],
  answers: T,
  lookup: AnswerLookup,
): T {
  const hidden = fields.filter((f) => Object.hasOwn(answers, f.name) && !isShown(f, lookup));
  if (hidden.length === 0) return answers;
  const kept: Record<string, unknown> = { ...answers };
  for (const field of hidden) delete kept[field.name];
  return kept as T;
}
