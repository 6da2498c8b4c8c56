import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useEffect, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { ApplicationField, type ChildChoice, type StoredFile } from "~/components/application-field";
import { childCertificateFills, type ProfileChild } from "~/domain/applications/draft-prefill";
import { conditionHolds, isShown, type AnswerLookup } from "~/domain/forms/conditions";
import type { FieldDefinition, FormDefinition, StepDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";

/*
 * The fields of one step of an application, conditional ones included (form-definition.ts). A field
 * whose condition names a field of an earlier step is decided by the saved answer: drawn as an
 * ordinary field when asked, left out when not. One whose condition names a field of this step is
 * always on the page, with a plain hint of when it is to be answered, so the page works without
 * JavaScript; with it, the field hides and shows as the other field changes (the server drops a
 * hidden field's answer either way).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

const noSubscription = () => () => {};

export function StepFields({
  form,
  fields,
  definition,
  step,
  saved,
  language,
  childChoices,
  files,
  addChildHref,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  fields: Record<string, AnyField>;
  definition: FormDefinition;
  step: StepDefinition;
  /** The saved answers of other steps that this step's conditions name. */
  saved: Readonly<Record<string, unknown>> | undefined;
  language: Language;
  childChoices: (ChildChoice & ProfileChild)[];
  files: Record<string, StoredFile[]>;
  addChildHref: string;
}) {
  const { t } = useTranslation("applications");
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const own = new Set(step.fields.map((f) => f.name));
  const current = (form.value ?? {}) as Record<string, unknown>;
  const lookup: AnswerLookup = (name) => (own.has(name) ? current[name] : saved?.[name]);
  useChildCertificateFill(form, step, current, childChoices);

  return step.fields.map((field) => {
    const here = [field.shownWhen, field.requiredWhen].some((c) => c !== undefined && own.has(c.field));
    const shown = isShown(field, lookup);
    // Decided by an earlier step's answer: not asked, so not on the page at all.
    if (!here && !shown) return null;
    const required = field.requiredWhen
      ? own.has(field.requiredWhen.field) || conditionHolds(field.requiredWhen, lookup(field.requiredWhen.field))
      : field.required;
    return (
      <div key={field.name} hidden={here && hydrated && !shown} data-conditional={here ? field.name : undefined}>
        <ApplicationField
          definition={{ ...field, required }}
          field={fields[field.name]!}
          language={language}
          childChoices={childChoices}
          files={files[field.name] ?? []}
          addChildHref={addChildHref}
          when={here ? conditionHint(field, definition, language, t) : undefined}
        />
      </div>
    );
  });
}

/** "Заполните, если выбрано: «…»" — when a field depending on another of its step is to be answered. */
function conditionHint(
  field: FieldDefinition,
  form: FormDefinition,
  language: Language,
  t: (key: string, options?: Record<string, string>) => string,
): string | undefined {
  const condition = field.requiredWhen ?? field.shownWhen;
  const controller = condition && form.steps.flatMap((s) => s.fields).find((f) => f.name === condition.field);
  if (!condition || !controller) return undefined;
  const kind = field.requiredWhen ? "required" : "shown";
  if (controller.kind === "checkbox") {
    const key = condition.in.includes(true) ? "ticked" : "notTicked";
    return t(`conditional.${kind}.${key}`, { field: pick(controller.label, language) });
  }
  const options = "options" in controller ? controller.options : [];
  const values = condition.in
    .map((value) => options.find((o) => o.value === value))
    .filter((o) => o !== undefined)
    .map((o) => `«${pick(o.label, language)}»`)
    .join(t("conditional.or"));
  return t(`conditional.${kind}.choice`, { values });
}

/**
 * With JavaScript, choosing a child fills its birth certificate from the profile at once, where the
 * field is empty or still holds another child's (the step's action does the same without it).
 */
function useChildCertificateFill(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>,
  step: StepDefinition,
  current: Record<string, unknown>,
  children: readonly ProfileChild[],
) {
  const childField = step.fields.find((f) => f.kind === "child");
  const chosen = childField ? current[childField.name] : undefined;
  useEffect(() => {
    const fills = childCertificateFills(step, (name) => current[name], children);
    for (const [name, value] of Object.entries(fills)) form.update({ name, value });
    // Only a new choice of child fills; what is typed meanwhile is the parent's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);
}
