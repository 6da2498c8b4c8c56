import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/service-measures";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { CheckboxField, ErrorSummary, TextField } from "~/components/form-field";
import { PageTitle } from "~/components/page-title";
import { fieldErrors, useSchemaForm } from "~/components/schema-form";
import { prisma } from "~/db/prisma.server";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { getProfile } from "~/domain/accounts/profile.server";
import type { Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDate } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import {
  asksFamilyForm,
  childField,
  familyAnswer,
  familyChildren,
  familyFormDefaults,
  familyFormSchema,
  FAMILY_FORM_ROWS,
  monthRuns,
  studentField,
  type FamilyAnswer,
} from "~/domain/social/family-entitlement";
import { measuresOfPackage } from "~/domain/social/measure-store.server";
import type { FamilyChild } from "~/domain/social/measures";
import { requestLanguage } from "~/i18n/i18n.server";
import { getOptionalUser } from "~/server/auth.server";

/*
 * Which measures of a package service a family is entitled to, before applying
 * (docs/social-support.md#entitlement): a GET form of the children's dates of birth, for anyone;
 * signed in, prefilled from the profile on the server, so no date of the profile is put in the URL.
 * Only services that are packages (have SupportMeasure rows) have this page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const catalogue = await getCatalogue(prisma);
  const service = catalogue.serviceBySlug.get(params.slug);
  const measures = service ? await measuresOfPackage(prisma, service.code) : null;
  if (!service || !measures) throw data(null, { status: 404 });
  const today = regionDate();
  const category = catalogue.categories.find((c) => c.slug === service.categorySlug);
  const page = {
    today,
    slug: service.slug,
    serviceTitle: service.title[language],
    category: category ? { slug: category.slug, title: category.title[language] } : null,
  };
  const answerFor = (children: FamilyChild[]) => describe(familyAnswer(measures, children, today), today, language);

  const query = new URL(request.url).searchParams;
  if (asksFamilyForm(query)) {
    const submission = parseWithZod(query, { schema: familyFormSchema(today) });
    if (submission.status !== "success") {
      return data(
        { ...page, lastResult: submission.reply(), defaults: null, prefill: null, answer: null },
        { status: 400 },
      );
    }
    const answer = answerFor(familyChildren(submission.value));
    return { ...page, lastResult: submission.reply(), defaults: null, prefill: null, answer };
  }

  const user = await getOptionalUser(request);
  if (!user) return { ...page, lastResult: null, defaults: null, prefill: null, answer: null };
  const { children } = await getProfile(prisma, user.id);
  if (children.length === 0) {
    return { ...page, lastResult: null, defaults: null, prefill: "profile-empty" as const, answer: null };
  }
  const defaults = familyFormDefaults(children);
  const answer = answerFor(familyChildren(defaults));
  return { ...page, lastResult: null, defaults, prefill: "profile" as const, answer };
}

/** The answer with amounts and dates already in the reader's words (formatted once, on the server). */
function describe(answer: FamilyAnswer, today: string, language: Language) {
  const rubles = (kopecks: number) => formatRubles(kopecks, language);
  return {
    date: formatDate(today, language),
    counted: answer.counted,
    needed: answer.needed,
    large: answer.large,
    largeUntil: answer.largeUntil ? formatDate(answer.largeUntil, language) : null,
    measures: answer.measures.map((m) => ({
      code: m.code,
      title: m.title[language],
      entitled: m.entitlement.entitled,
      reason: m.entitlement.entitled ? null : m.entitlement.reason,
      children: m.entitlement.entitled ? m.entitlement.children : 0,
      ages: m.ages,
      amount:
        !m.amount || m.amount.kind === "none"
          ? null
          : m.amount.kind === "share"
            ? { kind: "share" as const, percent: m.amount.percent }
            : {
                kind: m.amount.kind,
                total: rubles(m.amount.totalKopecks),
                each: rubles(m.amount.perChildKopecks),
                months: m.amount.kind === "monthly" ? monthsInWords(m.amount.months, language) : null,
              },
      certificateUntil: m.certificateUntil ? formatDate(m.certificateUntil, language) : null,
    })),
  };
}

const MONTH_NAMES: Record<Language, Intl.DateTimeFormat> = {
  ru: new Intl.DateTimeFormat("ru-RU", { month: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }),
};

/** "сентябрь–май" / "September–May". */
function monthsInWords(months: readonly number[], language: Language): string {
  const name = (month: number) => MONTH_NAMES[language].format(new Date(Date.UTC(2000, month - 1, 1)));
  return monthRuns(months)
    .map(([from, to]) => (from === to ? name(from) : `${name(from)}–${name(to)}`))
    .join(", ");
}

const rows = Array.from({ length: FAMILY_FORM_ROWS }, (_, i) => i + 1);

export default function ServiceMeasures({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("catalogue");
  const { slug, today, answer } = loaderData;
  const schema = useMemo(() => familyFormSchema(today), [today]);
  const [form, fields] = useSchemaForm(schema, loaderData.lastResult, loaderData.defaults ?? undefined);
  const labels: Record<string, string> = Object.fromEntries(
    rows.map((n) => [childField(n), t("entitlement.form.birthDate", { n })]),
  );
  const self = `/services/${slug}/measures`;

  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: t("catalogue") },
          ...(loaderData.category
            ? [{ to: `/categories/${loaderData.category.slug}`, label: loaderData.category.title }]
            : []),
          { to: `/services/${slug}`, label: loaderData.serviceTitle },
          { label: t("entitlement.title") },
        ]}
      />
      <PageTitle title={t("entitlement.title")} />
      <p className="mt-3 max-w-3xl text-lg">{t("entitlement.lead")}</p>

      {loaderData.prefill === "profile" && (
        <p className="mt-4 max-w-3xl rounded-md border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="prefilled">
          {t("entitlement.prefilled")}
        </p>
      )}
      {loaderData.prefill === "profile-empty" && (
        <p className="mt-4 max-w-3xl rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          {t("entitlement.profileEmpty")}{" "}
          <Link to="/cabinet/profile" className="text-brand-700 underline">
            {t("entitlement.profileLink")}
          </Link>
          .
        </p>
      )}

      <Form
        method="get"
        action={self}
        {...getFormProps(form)}
        className="mt-6 max-w-3xl space-y-4 rounded-lg border border-slate-300 bg-white p-5"
      >
        <ErrorSummary errors={fieldErrors(fields, labels)} labels={labels} formErrors={form.errors} />
        <fieldset>
          <legend className="text-xl font-bold">{t("entitlement.form.legend")}</legend>
          <p id="children-hint" className="mt-1 text-sm text-muted">
            {t("entitlement.form.hint", { rows: FAMILY_FORM_ROWS })}
          </p>
          <ol className="mt-4 space-y-4">
            {rows.map((n) => (
              <li key={n} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
                <TextField
                  field={fields[childField(n)]!}
                  label={labels[childField(n)]!}
                  type="date"
                  width="w-full max-w-xs"
                />
                <div className="sm:pb-2">
                  <CheckboxField
                    field={fields[studentField(n)]!}
                    label={
                      <>
                        <span className="sr-only">{t("entitlement.form.studentFor", { n })} </span>
                        {t("entitlement.form.student")}
                      </>
                    }
                  />
                </div>
              </li>
            ))}
          </ol>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {t("entitlement.form.submit")}
          </button>
          <Link to={self} className="text-brand-700 underline">
            {t("entitlement.form.reset")}
          </Link>
        </div>
      </Form>

      {answer && <Answer answer={answer} />}

      <section aria-labelledby="apply-title" className="mt-8 max-w-3xl rounded-md bg-brand-50 p-5">
        <h2 id="apply-title" className="text-xl font-bold">
          {t("entitlement.apply.title")}
        </h2>
        <p className="mt-1">{t("entitlement.apply.text")}</p>
        <p className="mt-3">
          <Link to={`/services/${slug}`} className="font-semibold text-brand-700 underline">
            {t("entitlement.apply.link", { title: loaderData.serviceTitle })}
          </Link>
        </p>
      </section>
    </>
  );
}

type AnswerData = NonNullable<Route.ComponentProps["loaderData"]["answer"]>;

function Answer({ answer }: { answer: AnswerData }) {
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
