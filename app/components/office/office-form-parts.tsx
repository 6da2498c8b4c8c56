import { getTextareaProps } from "@conform-to/react";
import { useValidationText } from "~/components/form-field";

/** The pieces every officer's form on an application is built of. */
export const submitClass = "rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900";

export type TextAreaField = Parameters<typeof getTextareaProps>[0];

/** One action of the officer, boxed under its own heading. */
export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-300 bg-white p-4">
      <h3 className="font-bold">{title}</h3>
      <div className="mt-2">{children}</div>
    </div>
  );
}

export function TextArea({ field, label }: { field: TextAreaField; label: string }) {
  const text = useValidationText();
  const errors = field.errors as string[] | undefined;
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: field.errors ? field.errorId : undefined });
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      {errors && (
        <p id={field.errorId} className="text-sm font-semibold text-red-700">
          {label}: {errors.map(text).join("; ")}
        </p>
      )}
      <textarea key={key} {...props} rows={3} className="block w-full rounded-md border border-slate-500 px-3 py-2" />
    </div>
  );
}
