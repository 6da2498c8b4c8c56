import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/indicators";
import { PageTitle } from "~/components/page-title";
import { prisma } from "~/db/prisma.server";
import { pick } from "~/domain/i18n/localized";
import { INDICATORS } from "~/domain/indicators/definitions";
import { formatGap, formatValue, gap, isSmallCount, type GapStatus } from "~/domain/indicators/format";
import { indicatorsForPeriod, statisticsYears } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { requestLanguage } from "~/i18n/i18n.server";
import { NO_CLIENT_CODE } from "~/components/client-code";

/**
 * The public summary: the headline indicators of a year against the strategy's targets. Values
 * resting on fewer than five cases are withheld here, in the loader, so they never reach the page.
 */
/** Plain links and GET forms: sent without scripts (client-code.ts). */
export const handle = NO_CLIENT_CODE;

export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const thisYear = Number(regionDate().slice(0, 4));
  const known = await statisticsYears(prisma);
  const years: number[] = [];
  for (let y = Math.max(known?.last ?? thisYear, thisYear); y >= (known?.first ?? thisYear); y--) years.push(y);
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = years.includes(asked) ? asked : thisYear;
  const values = await indicatorsForPeriod(prisma, parsePeriod(String(year))!);
  return {
    year,
    years,
    indicators: INDICATORS.filter((d) => d.headline).map((definition) => {
      const v = values.find((x) => x.code === definition.code)!;
      const suppressed = isSmallCount(v, definition.unit);
      const value = suppressed ? null : v.value;
      const g = gap(value, v.target, definition.direction);
      return {
        code: definition.code,
        title: pick(definition.title, language),
        value: formatValue(value, definition.unit, language),
        target: v.target === null ? null : formatValue(v.target, definition.unit, language),
        status: suppressed ? ("suppressed" as const) : g.status,
        gap:
          suppressed || g.status === "noData" || g.status === "noTarget"
            ? null
            : formatGap(g, definition.unit, language, { withStatus: false }),
      };
    }),
  };
}

const ICONS: Record<GapStatus | "suppressed", { icon: string; className: string }> = {
  met: { icon: "✓", className: "border-green-700 bg-green-50 text-green-900" },
  notMet: { icon: "✗", className: "border-red-700 bg-red-50 text-red-900" },
  noTarget: { icon: "–", className: "border-slate-500 bg-slate-50 text-ink" },
  noData: { icon: "–", className: "border-slate-500 bg-slate-50 text-ink" },
  suppressed: { icon: "…", className: "border-slate-500 bg-slate-50 text-ink" },
};

export default function Indicators({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation("indicators");
  return (
    <section className="max-w-5xl">
      <PageTitle title={t("public.title")} />
      <p className="mt-3 max-w-3xl text-lg text-muted">{t("public.lead")}</p>

      <Form method="get" aria-label={t("public.yearForm")} className="mt-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="year" className="block font-semibold">
            {t("public.year")}
          </label>
          <select
            id="year"
            name="year"
            defaultValue={d.year}
            className="rounded-md border border-slate-500 bg-white px-3 py-2"
          >
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("public.show")}
        </button>
      </Form>

      <section aria-labelledby="headline" className="mt-8">
        <h2 id="headline" className="text-xl font-bold">
          {t("public.heading", { year: d.year })}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-2" data-testid="headline-indicators">
          {d.indicators.map((i) => {
            const status = ICONS[i.status];
            return (
              <li
                key={i.code}
                className="flex flex-col rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
                data-testid={`indicator-${i.code}`}
              >
                <h3 className="text-lg font-bold">{i.title}</h3>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  <dt className="text-muted">{t("public.value")}</dt>
                  <dd className="text-2xl font-bold" data-testid="value">
                    {i.status === "suppressed" ? t("public.suppressedValue") : i.value}
                  </dd>
                  <dt className="text-muted">{t("public.target", { year: d.year })}</dt>
                  <dd>{i.target ?? t("public.noTarget")}</dd>
                </dl>
                <p
                  className={`mt-3 rounded-md border-l-4 px-3 py-2 font-semibold ${status.className}`}
                  data-testid="status"
                >
                  <span aria-hidden="true" className="mr-2">
                    {status.icon}
                  </span>
                  {t(`status.${i.status}`)}
                  {i.gap && <span className="block font-normal">{i.gap}</span>}
                </p>
                <p className="mt-3">
                  <Link to={`/indicators/definitions#${i.code}`} className="text-brand-700 underline">
                    {t("public.more")}
                    <span className="sr-only">: {i.title}</span>
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
        <p className="mt-4 text-sm text-muted">{t("public.suppressedNote")}</p>
        <p className="mt-1 text-sm text-muted">{t("public.noPersonalData")}</p>
      </section>

      <p className="mt-6">
        <Link to="/indicators/definitions" className="font-semibold text-brand-700 underline">
          {t("public.definitions")}
        </Link>
      </p>

      <section aria-labelledby="open-data" className="mt-8">
        <h2 id="open-data" className="text-xl font-bold">
          {t("public.openData")}
        </h2>
        <p className="mt-2">{t("public.openDataLead")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            <a href={`/api/indicators?period=${d.year}`} className="text-brand-700 underline">
              {t("public.json", { year: d.year })}
            </a>
          </li>
          {d.indicators.map((i) => (
            <li key={i.code}>
              <a href={`/api/indicators/${i.code}.csv`} className="break-words text-brand-700 underline" download>
                {t("public.csv", { title: i.title })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
