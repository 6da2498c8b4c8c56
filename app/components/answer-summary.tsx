import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnswerSection } from "~/domain/applications/answers";

/*
 * The answers of an application as a summary list (GOV.UK "check your answers"), one section a
 * step; with `changeHref`, each row links back to its step.
 */
export function AnswerSummary({
  sections,
  changeHref,
}: {
  sections: AnswerSection[];
  changeHref?: (stepId: string, fieldName: string) => string;
}) {
  const { t } = useTranslation("applications");
  return (
    <div className="space-y-8">
      {sections.map((section) => (
        <section key={section.stepId} aria-labelledby={`answers-${section.stepId}`}>
          <h2 id={`answers-${section.stepId}`} className="text-xl font-bold">
            {section.title}
          </h2>
          <dl className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {section.rows.map((row) => (
              <div key={row.name} className="grid gap-1 py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4">
                <dt className="font-semibold">{row.label}</dt>
                <dd className="break-words">
                  {row.lines.length === 0 && row.files.length === 0 && !row.ticked && (
                    <span className="text-muted">{t("review.notAnswered")}</span>
                  )}
                  {row.ticked && <span className="block">{t("review.yes")}</span>}
                  {row.lines.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))}
                  {row.files.map((file) => (
                    <a key={file.id} href={`/documents/${file.id}`} className="block text-brand-700 underline">
                      {file.name}
                    </a>
                  ))}
                </dd>
                {changeHref && (
                  <dd>
                    <Link to={changeHref(section.stepId, row.name)} className="text-brand-700 underline">
                      {t("review.change")}
                      <span className="sr-only"> {row.label}</span>
                    </Link>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
