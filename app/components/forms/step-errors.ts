import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { PARTS } from "~/components/application-field";
import type { StepDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";

type Entry = { id: string; name: string; errors?: string[] };

/**
 * What the error summary of a step lists: every error on the page, the parts of a passport or an
 * address included, with the labels to name them by.
 */
export function useStepErrors(step: StepDefinition, fields: Record<string, Entry | undefined>, language: Language) {
  const { t } = useTranslation("applications");
  const labels: Record<string, string> = Object.fromEntries(step.fields.map((f) => [f.name, pick(f.label, language)]));
  const entries = step.fields.flatMap((f): Entry[] => {
    const field = fields[f.name];
    if (!field) return [];
    if (f.kind !== "passport" && f.kind !== "address") return [field];
    const parts = (
      field as unknown as FieldMetadata<Record<string, unknown>, Record<string, unknown>, string[]>
    ).getFieldset() as unknown as Record<string, Entry>;
    for (const part of PARTS[f.kind])
      labels[`${f.name}.${part}`] = `${labels[f.name]} — ${t(`parts.${f.kind}.${part}`)}`;
    return [field, ...PARTS[f.kind].map((part) => parts[part]!)];
  });
  const errors = entries
    .filter((e) => e.errors && e.errors.length > 0)
    .map((e) => ({ id: e.id, name: e.name, messages: e.errors! }));
  return { labels, errors };
}
