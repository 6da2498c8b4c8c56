import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useValidationText } from "~/components/form-field";
import { UploadRulesHint } from "~/components/upload-rules-hint";
import type { FieldDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";
import { formatFileSize } from "~/domain/region/numbers";
import { acceptAttribute } from "~/domain/uploads/upload-rules";

/*
 * One field of a service's form definition, drawn from the definition: the kind decides the
 * control, the definition gives label, hint and choices. Every control has a visible label, its
 * hint and error tied with aria-describedby, and keeps what was typed after a failed submission.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;

export type ChildChoice = { id: string; name: string; birthDate: string; age: number };
export type StoredFile = { id: string; fileName: string; size: number };

const HINT_KEYS: Partial<Record<FieldDefinition["kind"], string>> = {
  snils: "hints.snils",
  inn: "hints.inn",
  phone: "hints.phone",
  birthCertificate: "hints.birthCertificate",
  els: "hints.els",
  date: "hints.date",
};

const inputClass = (invalid: boolean) =>
  `block w-full max-w-md rounded-md border px-3 py-2 ${invalid ? "border-2 border-red-700" : "border-slate-500"}`;

function ErrorText({ field, label }: { field: AnyField; label: string }) {
  const text = useValidationText();
  if (!field.errors) return null;
  return (
    <p id={field.errorId} className="text-sm font-semibold text-red-700">
      {label}: {field.errors.map(text).join("; ")}
    </p>
  );
}

/** For an element drawn here (a fieldset, a file input): its hint and, when invalid, its error. */
function describedBy(field: AnyField, hintId: string | null) {
  return [hintId, field.errors ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function ApplicationField({
  definition,
  field,
  language,
  childChoices,
  files,
  addChildHref,
  when,
}: {
  definition: FieldDefinition;
  field: AnyField;
  language: Language;
  childChoices: ChildChoice[];
  files: StoredFile[];
  addChildHref: string;
  /** When a conditional field is to be answered, in words ("Заполните, если выбрано: …"). */
  when?: string;
}) {
  const { t } = useTranslation("applications");
  const label = pick(definition.label, language) + (definition.required ? "" : ` (${t("optional")})`);
  const ownHint =
    (definition.hint && pick(definition.hint, language)) ||
    (HINT_KEYS[definition.kind] ? t(HINT_KEYS[definition.kind]!) : "");
  const hintText = [when, ownHint].filter(Boolean).join(". ");
  const hintId = hintText ? `${field.id}-hint` : null;
  const hint = hintText ? (
    <p id={hintId!} className="text-sm text-muted">
      {hintText}
    </p>
  ) : null;
  const aria = describedBy(field, hintId);
  // For Conform's props: the hint only, as Conform puts the error's id first itself when the field is
  // invalid (given both, a screen reader would read the error twice).
  const hintAria = hintId ?? undefined;
  // An optional field is never marked required, whatever Conform reads from its schema.
  const optional = definition.required ? {} : { required: false };
  // A labelled single control: label, hint and error above it, in that order.
  const labelled = (control: React.ReactNode) => (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint}
      <ErrorText field={field} label={pick(definition.label, language)} />
      {control}
    </div>
  );

  if (definition.kind === "text" && definition.multiline) {
    const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hintAria });
    return labelled(<textarea key={key} {...props} {...optional} rows={5} className={inputClass(!!field.errors)} />);
  }

  switch (definition.kind) {
    case "checkbox": {
      const { key, ...props } = getInputProps(field, { type: "checkbox", ariaDescribedBy: hintAria });
      return (
        <div className="space-y-1">
          <ErrorText field={field} label={pick(definition.label, language)} />
          <label className="flex items-start gap-3">
            <input key={key} {...props} {...optional} className="mt-1 size-5 shrink-0" />
            <span>{pick(definition.label, language)}</span>
          </label>
          {hint}
        </div>
      );
    }
    case "radio":
    case "checkboxes":
    case "child": {
      const type = definition.kind === "checkboxes" ? "checkbox" : "radio";
      const options =
        definition.kind === "child"
          ? childChoices.map((c) => ({
              value: c.id,
              label: `${c.name}, ${c.birthDate} (${t("age", { count: c.age })})`,
            }))
          : definition.options.map((o) => ({ value: o.value, label: pick(o.label, language) }));
      const collection = getCollectionProps(field, {
        type,
        options: options.map((o) => o.value),
        ariaDescribedBy: hintAria,
      });
      return (
        <fieldset id={field.id} tabIndex={-1} aria-describedby={aria} className="space-y-2">
          <legend className="font-semibold">{label}</legend>
          {hint}
          <ErrorText field={field} label={pick(definition.label, language)} />
          {options.length === 0 && <p>{t("child.none")}</p>}
          {collection.map(({ key, ...props }, index) => (
            <label key={key} className="flex items-start gap-3">
              <input {...props} {...optional} className="mt-1 size-5 shrink-0" />
              <span>{options[index]!.label}</span>
            </label>
          ))}
          {definition.kind === "child" && (
            <p className="text-sm">
              <Link to={addChildHref} className="text-brand-700 underline">
                {t("child.add")}
              </Link>
            </p>
          )}
        </fieldset>
      );
    }
    case "select": {
      const { key, ...props } = getSelectProps(field, { ariaDescribedBy: hintAria });
      return labelled(
        <select key={key} {...props} {...optional} className={`${inputClass(!!field.errors)} bg-white`}>
          <option value="">{t("choose")}</option>
          {definition.options.map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label, language)}
            </option>
          ))}
        </select>,
      );
    }
    case "passport":
    case "address":
      return <CompositeField definition={definition} field={field} label={label} language={language} hint={hint} />;
    case "file":
      return (
        <FileField
          definition={definition}
          field={field}
          label={label}
          hint={hint}
          aria={aria}
          files={files}
          language={language}
        />
      );
    default: {
      const type =
        definition.kind === "date"
          ? "date"
          : definition.kind === "phone"
            ? "tel"
            : definition.kind === "email"
              ? "email"
              : "text";
      const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: hintAria });
      const autoComplete =
        definition.kind === "phone"
          ? "tel"
          : definition.kind === "email"
            ? "email"
            : definition.name === "applicantName"
              ? "name"
              : undefined;
      return labelled(
        <input
          key={key}
          {...props}
          {...optional}
          inputMode={definition.kind === "number" ? "decimal" : undefined}
          autoComplete={autoComplete}
          className={inputClass(!!field.errors)}
        />,
      );
    }
  }
}

/** The parts of the composite fields, in the order they are shown. */
export const PARTS = {
  passport: ["number", "issuedOn", "issuerCode"],
  address: ["locality", "street", "house", "apartment"],
} as const;

function CompositeField({
  definition,
  field,
  label,
  language,
  hint,
}: {
  definition: Extract<FieldDefinition, { kind: "passport" | "address" }>;
  field: AnyField;
  label: string;
  language: Language;
  hint: React.ReactNode;
}) {
  const { t } = useTranslation("applications");
  const text = useValidationText();
  const parts = (
    field as unknown as FieldMetadata<Record<string, unknown>, Record<string, unknown>, string[]>
  ).getFieldset() as unknown as Record<string, AnyField>;
  return (
    <fieldset
      id={field.id}
      tabIndex={-1}
      aria-describedby={hint ? `${field.id}-hint` : undefined}
      className="space-y-3 rounded-md border border-slate-300 p-4"
    >
      <legend className="px-1 font-semibold">{label}</legend>
      {hint}
      <ErrorText field={field} label={pick(definition.label, language)} />
      {PARTS[definition.kind].map((name) => {
        const part = parts[name]!;
        const partLabel = t(`parts.${definition.kind}.${name}`);
        const hintKey = `parts.${definition.kind}.${name}Hint`;
        const hasHint = definition.kind === "passport";
        const hintId = hasHint ? `${part.id}-hint` : null;
        const { key, ...props } = getInputProps(part, {
          type: name === "issuedOn" ? "date" : "text",
          ariaDescribedBy: hintId ?? undefined,
        });
        return (
          <div key={name} className="space-y-1">
            <label htmlFor={part.id} className="block font-semibold">
              {partLabel}
              {name === "apartment" ? ` (${t("optional")})` : ""}
            </label>
            {hasHint && (
              <p id={hintId!} className="text-sm text-muted">
                {t(hintKey)}
              </p>
            )}
            {part.errors && (
              <p id={part.errorId} className="text-sm font-semibold text-red-700">
                {partLabel}: {part.errors.map(text).join("; ")}
              </p>
            )}
            <input key={key} {...props} className={inputClass(!!part.errors)} />
          </div>
        );
      })}
    </fieldset>
  );
}

function FileField({
  definition,
  field,
  label,
  hint,
  aria,
  files,
  language,
}: {
  definition: Extract<FieldDefinition, { kind: "file" }>;
  field: AnyField;
  label: string;
  hint: React.ReactNode;
  aria: string | undefined;
  files: StoredFile[];
  language: Language;
}) {
  const { t } = useTranslation("applications");
  // A single-file field that already has its file shows it with "remove" instead of a new input,
  // so one value is posted either way.
  const showInput = definition.multiple || files.length === 0;
  return (
    <div className="space-y-2">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint}
      <UploadRulesHint id={`${field.id}-rules`} rules={definition} />
      <ErrorText field={field} label={pick(definition.label, language)} />
      {files.length > 0 && (
        <ul className="space-y-1" aria-label={t("file.uploaded")}>
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name={field.name} value={`upload:${file.id}`} />
              <a href={`/documents/${file.id}`} className="text-brand-700 underline">
                {file.fileName}
              </a>
              <span className="text-sm text-muted">{formatFileSize(file.size, language)}</span>
              <button
                type="submit"
                name="intent"
                value={`remove-file:${file.id}`}
                formNoValidate
                className="text-red-800 underline"
              >
                {t("file.remove", { name: file.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {showInput && (
        <input
          id={field.id}
          type="file"
          name={field.name}
          multiple={definition.multiple}
          accept={acceptAttribute(definition)}
          aria-describedby={[aria, `${field.id}-rules`].filter(Boolean).join(" ")}
          aria-invalid={field.errors ? true : undefined}
          className="block w-full max-w-md text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-700 file:px-4 file:py-2 file:font-semibold file:text-white"
        />
      )}
    </div>
  );
}
