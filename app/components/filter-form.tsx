import { createContext, useContext, type ReactNode } from "react";
import { Form } from "react-router";

/*
 * The filters above a list: a GET form of labelled fields and a submit button, so a filtered list is an
 * address (bookmarked, shared, paged by keysetHref) and works without JavaScript (docs/architecture.md,
 * "The browser"). `inline` is one row of wide fields; `panel` a bordered grid of compact ones for the
 * staff pages, its columns given by the page.
 */
type Layout = "inline" | "panel";

const LayoutContext = createContext<Layout>("inline");

const FORM_CLASS: Record<Layout, string> = {
  inline: "flex flex-wrap items-end gap-3",
  panel: "grid gap-3 rounded-md border border-slate-300 bg-white p-3",
};

export function FilterForm({
  submitLabel,
  layout = "inline",
  className = "mt-4",
  hidden,
  actions,
  actionsClassName = "flex items-end",
  children,
  ...name
}: {
  submitLabel: string;
  layout?: Layout;
  /** The form's margin, and a panel's grid columns. */
  className?: string;
  /** Parameters the list keeps whatever the filters say (the queue being looked at). */
  hidden?: Readonly<Record<string, string>>;
  /** Shown after the button (a link back to no filters). */
  actions?: ReactNode;
  /** The box of the button in a panel. */
  actionsClassName?: string;
  children: ReactNode;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  const button = (
    <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
      {submitLabel}
    </button>
  );
  return (
    <Form method="get" className={`${className} ${FORM_CLASS[layout]}`} {...name}>
      {Object.entries(hidden ?? {}).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <LayoutContext value={layout}>{children}</LayoutContext>
      {layout === "panel" || actions ? (
        <div className={actionsClassName}>
          {button}
          {actions}
        </div>
      ) : (
        button
      )}
    </Form>
  );
}

export type FilterOption = { value: string; label: string };
export type FilterOptionGroup = { group: string; options: readonly FilterOption[] };

const FIELD_CLASS: Record<Layout, { box: string | undefined; control: string }> = {
  inline: { box: undefined, control: "rounded-md border border-slate-500 px-3 py-2" },
  panel: { box: "min-w-0", control: "w-full max-w-full rounded-md border border-slate-500 px-2 py-1.5" },
};

function Labelled({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const layout = useContext(LayoutContext);
  const box = [FIELD_CLASS[layout].box, className].filter(Boolean).join(" ");
  return (
    <div className={box || undefined}>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled select of a FilterForm; `anyLabel` is the first choice, which filters nothing. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
  id = `filter-${name}`,
  className,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (FilterOption | FilterOptionGroup)[];
  anyLabel?: string;
  id?: string;
  /** More classes of the field's box (its grid span). */
  className?: string;
}) {
  const layout = useContext(LayoutContext);
  const option = (o: FilterOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <Labelled id={id} label={label} className={className}>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${FIELD_CLASS[layout].control} bg-white`}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) =>
          "group" in o ? (
            <optgroup key={o.group} label={o.group}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </Labelled>
  );
}

/** A labelled text, search or date field of a FilterForm. */
export function FilterInput({
  name,
  label,
  value,
  type = "text",
  id = `filter-${name}`,
  className,
}: {
  name: string;
  label: string;
  value: string | undefined;
  type?: "text" | "search" | "date";
  id?: string;
  /** More classes of the field's box (its grid span). */
  className?: string;
}) {
  const layout = useContext(LayoutContext);
  return (
    <Labelled id={id} label={label} className={className}>
      <input id={id} type={type} name={name} defaultValue={value ?? ""} className={FIELD_CLASS[layout].control} />
    </Labelled>
  );
}
