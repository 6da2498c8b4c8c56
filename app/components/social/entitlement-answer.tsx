import { useTranslation } from "react-i18next";
import type { EntitlementAnswer } from "~/domain/social/entitlement-page.server";

/** The family's answer: large or not, and each measure of the package with entitled or not, why, and how much. */
export function EntitlementAnswerPanel({ answer }: { answer: EntitlementAnswer }) {
  const { t } = useTranslation("catalogue");
  const agesText = (ages: { minYears: number; maxYears: number }) =>
    ages.minYears === 0
      ? t("entitlement.answer.agesUnder", { max: ages.maxYears })
      : t("entitlement.answer.agesRange", { min: ages.minYears, max: ages.maxYears - 1 });
  return (
    <section
      id="answer"
      aria-labelledby="answer-title"
      className={`mt-8 max-w-3xl rounded-md border-l-4 p-5 ${answer.large ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
      data-testid="answer"
    >
      <h2 id="answer-title" className="text-xl font-bold">
        {t("entitlement.answer.title", { date: answer.date })}
      </h2>
      <p className="mt-2 text-lg font-semibold" data-testid="family-status">
        {answer.large
          ? t("entitlement.answer.large", { count: answer.counted })
          : t("entitlement.answer.notLarge", { count: answer.counted, needed: answer.needed })}
      </p>
      {answer.largeUntil && <p className="mt-1">{t("entitlement.answer.until", { date: answer.largeUntil })}</p>}
      <ul className="mt-4 space-y-3">
        {answer.measures.map((m) => (
          <li
            key={m.code}
            className="rounded-md border border-slate-300 bg-white p-4"
            data-testid={`measure-${m.code}`}
          >
            <h3 className="font-bold">{m.title}</h3>
            <p className="mt-1">
              <strong className={m.entitled ? "text-green-800" : "text-red-800"}>
                {m.entitled ? t("entitlement.answer.entitled") : t("entitlement.answer.notEntitled")}
              </strong>
              {" — "}
              {m.entitled
                ? m.ages
                  ? t("entitlement.answer.forChildren", { ages: agesText(m.ages), count: m.children })
                  : t("entitlement.answer.forFamily")
                : m.reason === "not-large-family"
                  ? t("entitlement.answer.notLargeFamily")
                  : t("entitlement.answer.noChildrenOfAge", { ages: m.ages ? agesText(m.ages) : "" })}
            </p>
            {m.amount && (
              <p className="mt-1 font-semibold" data-testid="amount">
                {m.amount.kind === "share"
                  ? t("entitlement.answer.share", { percent: m.amount.percent })
                  : t(`entitlement.answer.${m.amount.kind}${m.ages ? "PerChild" : ""}`, {
                      total: m.amount.total,
                      each: m.amount.each,
                      months: m.amount.months,
                      children: t("entitlement.answer.children", { count: m.children }),
                    })}
              </p>
            )}
            {m.certificateUntil && (
              <p className="mt-1">{t("entitlement.answer.certificate", { date: m.certificateUntil })}</p>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm">{t("entitlement.answer.caveat")}</p>
    </section>
  );
}
