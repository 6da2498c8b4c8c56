import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/indicator-definitions";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { PageTitle } from "~/components/page-title";
import { pick } from "~/domain/i18n/localized";
import { INDICATORS } from "~/domain/indicators/definitions";
import { formatValue } from "~/domain/indicators/format";
import { regionDate } from "~/domain/region/clock";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/** The strategy's years, whose targets every indicator lists (later ones are configuration). */
const STRATEGY_YEARS = [2022, 2023, 2024] as const;

/** Every indicator in plain words: what it shows, its formula, unit, source and targets. */
export function loader({ context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  return {
    year: regionDate().slice(0, 4),
    indicators: INDICATORS.map((d) => ({
      code: d.code,
      title: pick(d.title, language),
      description: pick(d.description, language),
      formula: pick(d.formula, language),
      unit: d.unit,
      direction: d.direction,
      source: d.source,
      targets: STRATEGY_YEARS.map((year) => ({
        year,
        value: d.targets[year] === undefined ? null : formatValue(d.targets[year], d.unit, language),
      })),
    })),
  };
}

/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export default function IndicatorDefinitions({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("indicators");
  return (
    <section className="max-w-4xl">
      <Breadcrumbs items={[{ to: "/indicators", label: t("definitions.back") }, { label: t("definitions.title") }]} />
      <PageTitle title={t("definitions.title")} />
      <p className="mt-3 text-lg text-muted">{t("definitions.lead")}</p>

      <nav aria-labelledby="contents" className="mt-6">
        <h2 id="contents" className="text-xl font-bold">
          {t("definitions.contents")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {d.indicators.map((i) => (
            <li key={i.code}>
              <a href={`#${i.code}`} className="text-brand-700 underline">
                {i.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {d.indicators.map((i) => (
        <section
          key={i.code}
          id={i.code}
          aria-labelledby={`${i.code}-title`}
          className="mt-8 rounded-lg border border-slate-300 bg-white p-4"
          data-testid={`definition-${i.code}`}
        >
          <h2 id={`${i.code}-title`} className="text-xl font-bold">
            {i.title}
          </h2>
          <dl className="mt-3 space-y-3">
            <div>
              <dt className="font-semibold">{t("definitions.description")}</dt>
              <dd>{i.description}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.formula")}</dt>
              <dd className="break-words">{i.formula}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.unit")}</dt>
              <dd>{t(`units.${i.unit}`)}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.direction")}</dt>
              <dd>
                <span aria-hidden="true">{i.direction === "up" ? "↑ " : "↓ "}</span>
                {t(`direction.${i.direction}`)}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.source")}</dt>
              <dd>{t(`source.${i.source}`)}</dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.targets")}</dt>
              <dd>
                <ul className="flex flex-wrap gap-x-6 gap-y-1">
                  {i.targets.map((target) => (
                    <li key={target.year}>
                      {t("definitions.targetYear", { year: target.year })}:{" "}
                      <span className="font-semibold">{target.value ?? t("definitions.noTarget")}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("definitions.downloads")}</dt>
              <dd>
                <ul className="space-y-1">
                  <li>
                    <a href={`/api/indicators/${i.code}.csv`} className="break-words text-brand-700 underline" download>
                      {t("definitions.csv", { title: i.title })}
                    </a>
                  </li>
                  <li>
                    <a href={`/api/indicators?period=${d.year}`} className="text-brand-700 underline">
                      {t("definitions.json", { year: d.year })}
                    </a>
                  </li>
                </ul>
              </dd>
            </div>
          </dl>
        </section>
      ))}

      <p className="mt-8">
        <Link to="/indicators" className="font-semibold text-brand-700 underline">
          {t("definitions.back")}
        </Link>
      </p>
    </section>
  );
}
