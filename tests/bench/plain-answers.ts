import type { FieldDefinition } from "~/domain/forms/form-definition";

/*
 * A valid answer for a field a bench's own answers and the profile do not give, by the field's kind
 * and bounds, so the benches follow the forms as they change: the first option, the least number, a
 * date the field allows. What differs between benches (the free text, the past date, whether a
 * person's name is typed or left to the profile) is given.
 */
export type PlainValues = {
  /** Free text, cut to the field's length (a field with a pattern gets its example). */
  text: string;
  /** A date for a field that allows one in the past. */
  pastDate: string;
  /** A person's name; without it the field keeps what the profile prefilled. */
  personName?: string;
};

export function plainAnswer(field: FieldDefinition, today: string, values: PlainValues): unknown {
  switch (field.kind) {
    case "text":
      return field.pattern?.example ?? values.text.slice(0, field.maxLength);
    case "personName":
      return values.personName;
    case "date": {
      if (field.min === "today" || (field.min && field.min > today)) {
        const from = new Date(`${field.min === "today" ? today : field.min}T12:00:00Z`);
        return new Date(from.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
      }
      return values.pastDate;
    }
    case "select":
    case "radio":
      return field.options[0]!.value;
    case "checkboxes":
      return [field.options[0]!.value];
    case "checkbox":
      return true;
    case "number":
      return field.min ?? 1;
    default:
      return undefined; // prefilled from the profile (СНИЛС, phone, e-mail, passport, address…)
  }
}
