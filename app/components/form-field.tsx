import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "~/domain/accounts/password-policy";
import { parseValidationMessage } from "~/domain/forms/validation-message";
import { DEFAULT_LANGUAGE, isLanguage } from "~/domain/i18n/localized";
import { formatShortDate } from "~/domain/region/dates";

/** Turns a schema's message (a key of the "validation" namespace with parameters) into words. */
export function useValidationText(): (message: string) => string {
  const { t, i18n } = useTranslation("validation");
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (message) => {
    const { key, params } = parseValidationMessage(message);
    // Date bounds travel as ISO dates; people read them as on documents (23.11.2026).
    const shown = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatShortDate(value, language) : value,
      ]),
    );
    return t(key, shown);
  };
}

type InputType = "text" | "email" | "password" | "tel" | "date" | "time" | "number";

/** Any field of any Conform form: the components only read its id, name, value and errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<unknown, any, string[]>;

/*
 * A labelled input with its hint and error, wired for screen readers (aria-describedby,
 * aria-invalid) and keeping what was typed after a failed submission (Conform's initial value).
 */
export function TextField({
  field,
  label,
  type = "text",
  hint,
  sharedHintId,
  autoComplete,
  width = "w-full max-w-md",
}: {
  field: AnyField;
  label: string;
  type?: InputType;
  hint?: string;
  /** A hint shown once above several fields (the time zone of a form's instants), by its id. */
  sharedHintId?: string;
  autoComplete?: string;
  width?: string;
}) {
  const text = useValidationText();
  const hintId = `${field.id}-hint`;
  // The hints only: Conform puts the error's id first itself when the field is invalid.
  const hints = [sharedHintId, hint ? hintId : null].filter(Boolean).join(" ");
  const { key, ...inputProps } = getInputProps(field, { type, ariaDescribedBy: hints || undefined });
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {field.errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {label}: {field.errors.map(text).join("; ")}
        </p>
      )}
      <input
        key={key}
        {...inputProps}
        autoComplete={autoComplete}
        className={`block ${width} rounded-md border px-3 py-2 ${field.errors ? "border-2 border-red-700" : "border-slate-500"}`}
      />
    </div>
  );
}

export function CheckboxField({ field, label }: { field: AnyField; label: React.ReactNode }) {
  const text = useValidationText();
  const { key, ...inputProps } = getInputProps(field, { type: "checkbox" });
  return (
    <div className="space-y-1">
      {field.errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {field.errors.map(text).join("; ")}
        </p>
      )}
      <label className="flex items-start gap-3">
        <input key={key} {...inputProps} className="mt-1 size-5 shrink-0" />
        <span>{label}</span>
      </label>
    </div>
  );
}

/*
 * The list of what to fix, at the top of the form (GOV.UK pattern): focused after a failed
 * submission so keyboard and screen-reader users land on it, each item a link to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  formErrors,
}: {
  errors: { id: string; name: string; messages: string[] }[];
  labels: Record<string, string>;
  formErrors?: string[];
}) {
  const { t } = useTranslation("validation");
  const text = useValidationText();
  const count = errors.length + (formErrors?.length ?? 0);
  if (count === 0) return null;
  return (
    <div
      ref={(node) => node?.focus()}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-4 border-red-700 bg-white p-4"
    >
      <h2 id="error-summary-title" className="text-lg font-bold">
        {t("summaryTitle")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {formErrors?.map((message) => (
          <li key={message}>{text(message)}</li>
        ))}
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} className="font-semibold text-red-800 underline">
              {labels[e.name] ?? e.name}: {e.messages.map(text).join("; ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
}: {
  field: AnyField;
  label: string;
  options: { value: string; label: string }[];
  placeholder: string;
}) {
  const text = useValidationText();
  const { key, ...selectProps } = getSelectProps(field);
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {field.errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {label}: {field.errors.map(text).join("; ")}
        </p>
      )}
      <select
        key={key}
        {...selectProps}
        className={`block w-full max-w-md rounded-md border bg-white px-3 py-2 ${field.errors ? "border-2 border-red-700" : "border-slate-500"}`}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A new password and its repetition, with the rules in plain words (registration, reset). */
export function NewPasswordFields({
  password,
  passwordConfirm,
  labels,
}: {
  password: AnyField;
  passwordConfirm: AnyField;
  labels: { password: string; passwordConfirm: string };
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <TextField
        field={password}
        label={labels.password}
        type="password"
        autoComplete="new-password"
        hint={t("register.passwordHint", { min: PASSWORD_MIN_LENGTH })}
      />
      <TextField field={passwordConfirm} label={labels.passwordConfirm} type="password" autoComplete="new-password" />
    </>
  );
}
