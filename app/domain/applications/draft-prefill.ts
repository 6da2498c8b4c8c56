import type { StepDefinition } from "~/domain/forms/form-definition";

/*
 * What the profile fills in once the parent picks a child (docs/enrollment.md, "The application
 * form"): the birth certificate of the child chosen on the same step. Pure, so the step's action
 * (without JavaScript) and the browser (as the choice changes) fill alike.
 */

/** A child of the profile, with the document the form can take from it. */
export type ProfileChild = { id: string; birthCertificate: string };

/**
 * The values to fill: each birth-certificate field of a step with a child field, when it is empty
 * or still holds another profile child's certificate (filled in for that child before the choice
 * changed). Anything else is what the parent typed, and stays.
 */
export function childCertificateFills(
  step: StepDefinition,
  answer: (name: string) => unknown,
  children: readonly ProfileChild[],
): Record<string, string> {
  const childField = step.fields.find((f) => f.kind === "child");
  const chosen = childField && children.find((c) => c.id === answer(childField.name));
  if (!chosen?.birthCertificate) return {};
  const others = new Set(children.filter((c) => c.id !== chosen.id).map((c) => c.birthCertificate));
  const fills: Record<string, string> = {};
  for (const field of step.fields) {
    if (field.kind !== "birthCertificate") continue;
    const value = answer(field.name);
    if (value !== undefined && value !== null && typeof value !== "string") continue;
    const typed = value?.trim() ?? "";
    if (typed === "" || others.has(typed)) fills[field.name] = chosen.birthCertificate;
  }
  return fills;
}
