import type { FormDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";
import type { Answers } from "./answers";

/*
 * What tells one draft from another in the resident's list: whom it is for (the children its child
 * fields name) and how far it has come (the step it resumes at, or "check your answers"). Two
 * drafts of the same service otherwise read as the same row.
 */
export type DraftSummary = {
  /** Names of the children the draft is for, in the form's order. */
  children: string[];
  /** Where it resumes: a step of the form ("Шаг 2 из 4: Документы"), or the review page. */
  resumesAt: { kind: "step"; number: number; total: number; title: string } | { kind: "review" };
};

export function summarizeDraft(
  form: FormDefinition,
  answers: Answers,
  currentStep: string | null,
  children: readonly { id: string; name: string }[],
  language: Language,
): DraftSummary {
  const names = new Map(children.map((c) => [c.id, c.name]));
  const chosen = form.steps
    .flatMap((s) => s.fields)
    .filter((f) => f.kind === "child")
    .map((f) => answers[f.name])
    .flatMap((id) => (typeof id === "string" && names.has(id) ? [names.get(id)!] : []));
  const index = form.steps.findIndex((s) => s.id === currentStep);
  return {
    children: [...new Set(chosen)],
    resumesAt:
      currentStep === "review"
        ? { kind: "review" }
        : {
            kind: "step",
            number: Math.max(index, 0) + 1,
            total: form.steps.length,
            title: pick(form.steps[Math.max(index, 0)]!.title, language),
          },
  };
}
