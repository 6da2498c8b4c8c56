import type { ReactNode } from "react";

/*
 * The frame of a first-grade application's result on its page: enrolled (green), refused with an
 * offer (amber), or a finished campaign's refusal kept as history (grey). One heading that names the
 * region, so a screen reader announces it as the result.
 */
const TONES = {
  enrolled: { box: "border-green-700 bg-green-50", heading: "text-green-900" },
  offer: { box: "border-amber-600 bg-amber-50", heading: "" },
  history: { box: "border-slate-400 bg-white", heading: "" },
} as const;

export function ResultFrame({
  tone,
  title,
  children,
}: {
  tone: keyof typeof TONES;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby="result-title"
      data-testid="enrollment-result"
      className={`mt-6 rounded-md border-4 ${TONES[tone].box} p-5`}
    >
      <h2 id="result-title" className={`text-xl font-bold ${TONES[tone].heading}`.trim()}>
        {title}
      </h2>
      {children}
    </section>
  );
}
