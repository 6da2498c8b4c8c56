import type { ReactNode } from "react";

/**
 * One label and its value in a `<dl>` of facts. `boxed` draws it as a card of its own, for a row of facts
 * side by side; `breakAnywhere` lets a value with no spaces (an e-mail address) wrap inside a narrow card.
 */
export function Fact({
  term,
  children,
  boxed = false,
  breakAnywhere = false,
}: {
  term: string;
  children: ReactNode;
  boxed?: boolean;
  breakAnywhere?: boolean;
}) {
  return (
    <div className={boxed ? "rounded-md border border-slate-300 bg-white p-3" : undefined}>
      <dt className="text-sm font-semibold text-muted">{term}</dt>
      <dd
        className={[boxed ? "mt-1" : "mt-0.5", breakAnywhere && "[overflow-wrap:anywhere]"].filter(Boolean).join(" ")}
      >
        {children}
      </dd>
    </div>
  );
}
