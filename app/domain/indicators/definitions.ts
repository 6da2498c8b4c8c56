import type { Localized } from "~/domain/i18n/localized";

/*
 * The e-service indicators of the Digital Transformation Strategy of Penza oblast 2022–2024
 * (docs/indicators.md), each defined once: what it measures, its formula, unit, which direction is better
 * and the strategy's targets. Years after 2024 are configuration (INDICATOR_TARGETS_LATER), not code.
 */
export type IndicatorUnit = "percent" | "count" | "score" | "workingDays" | "times";
export type IndicatorSource = "statistics" | "catalogue" | "payments";

export type IndicatorDefinition = {
  code: string;
  title: Localized;
  /** In plain words, for the definitions page. */
  description: Localized;
  formula: Localized;
  unit: IndicatorUnit;
  direction: "up" | "down";
  source: IndicatorSource;
  targets: Partial<Record<number, number>>;
  /** Shown on the public summary page. */
  headline: boolean;
};

const t = (ru: string, en: string): Localized => ({ ru, en });

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "e-applications",
    title: t("Заявления, поданные в электронном виде", "Applications submitted online"),
    description: t(
      "Сколько заявлений жители подали через портал за период, и как это число изменилось по сравнению с предыдущим периодом такой же длины.",
      "How many applications residents submitted through the portal in the period, and how that changed against the previous period of the same length.",
    ),
    formula: t("число поданных заявлений за период", "number of applications submitted in the period"),
    unit: "count",
    direction: "up",
    source: "statistics",
    targets: {},
    headline: true,
  },
  {
    code: "mszu-online",
    title: t("Доля МСЗУ, доступных в электронном виде", "Share of mass socially significant services online"),
    description: t(
      "Какая часть массовых социально значимых услуг (МСЗУ) из каталога портала подаётся онлайн.",
      "Which part of the mass socially significant services (МСЗУ) in the portal's catalogue can be applied for online.",
    ),
    formula: t("МСЗУ, доступные онлайн ÷ все МСЗУ каталога × 100%", "online МСЗУ ÷ all МСЗУ in the catalogue × 100%"),
    unit: "percent",
    direction: "up",
    source: "catalogue",
    targets: { 2022: 55, 2023: 75, 2024: 95 },
    headline: true,
  },
  {
    code: "decided-on-time",
    title: t("Доля заявлений, решённых в срок", "Share of applications decided on time"),
    description: t(
      "Из всех решений за период (услуга оказана или отказ) — какая часть принята не позже срока по регламенту, считая рабочие дни по производственному календарю.",
      "Of all decisions in the period (service provided or refused), the part made no later than the regulatory deadline, counted in working days by the production calendar.",
    ),
    formula: t("решено в срок ÷ всего решено за период × 100%", "decided on time ÷ all decided in the period × 100%"),
    unit: "percent",
    direction: "up",
    source: "statistics",
    targets: { 2022: 70, 2023: 75, 2024: 80 },
    headline: true,
  },
  {
    code: "processing-time",
    title: t("Время рассмотрения (медиана)", "Processing time (median)"),
    description: t(
      "Сколько рабочих дней проходит от регистрации заявления до решения: медиана и 90-й процентиль, а также во сколько раз фактическое время меньше регламентного.",
      "Working days from registration to decision: the median and the 90th percentile, and how many times shorter than the regulatory term the actual time is.",
    ),
    formula: t(
      "медиана рабочих дней от регистрации до решения; сокращение = средний регламентный срок ÷ медиана",
      "median working days from registration to decision; reduction = mean regulatory term ÷ median",
    ),
    unit: "workingDays",
    direction: "down",
    source: "statistics",
    targets: {},
    headline: false,
  },
  {
    code: "satisfaction",
    title: t("Удовлетворённость качеством услуг (1–5)", "Satisfaction with e-services (1–5)"),
    description: t(
      "Средняя оценка, которую жители ставят после получения результата, доля оценок 4 и 5 и число оценок.",
      "The mean score residents give after the result, the share of 4s and 5s and the number of ratings.",
    ),
    formula: t("Σ(k·Nₖ) ÷ N, где Nₖ — число оценок k", "Σ(k·Nₖ) ÷ N, where Nₖ is the number of ratings k"),
    unit: "score",
    direction: "up",
    source: "statistics",
    targets: { 2022: 3.9, 2024: 4.4 },
    headline: true,
  },
  {
    code: "no-visit",
    title: t("Доля МСЗУ без личного посещения", "Share of МСЗУ applications with no personal visit"),
    description: t(
      "Из заявлений на МСЗУ, по которым услуга оказана, — какая часть обошлась без приглашения на приём.",
      "Of the МСЗУ applications that ended with the service provided, the part that needed no invitation to an appointment.",
    ),
    formula: t(
      "оказано без приёма ÷ всего оказано (МСЗУ) × 100%",
      "provided with no visit ÷ all provided (МСЗУ) × 100%",
    ),
    unit: "percent",
    direction: "up",
    source: "statistics",
    targets: { 2022: 30, 2023: 40, 2024: 50 },
    headline: true,
  },
  {
    code: "proactive-services",
    title: t("Услуги, оказанные проактивно", "Services delivered proactively"),
    description: t(
      "Сколько разных услуг в проактивном (беззаявительном) режиме дали результат за период.",
      "How many different services in proactive (no-application) mode produced a result in the period.",
    ),
    formula: t("число проактивных услуг, по которым оказана услуга", "number of proactive services with a result"),
    unit: "count",
    direction: "up",
    source: "statistics",
    targets: { 2022: 20, 2023: 40, 2024: 50 },
    headline: false,
  },
  {
    code: "school-enrollment-share",
    title: t(
      "Доля записи в 1 класс среди электронных заявлений",
      "Share of first-grade enrollment among e-applications",
    ),
    description: t(
      "Какая часть всех поданных онлайн заявлений — запись в первый класс (в 2020 году — 19%).",
      "Which part of all online applications is first-grade enrollment (19% in 2020).",
    ),
    formula: t(
      "заявления на запись в 1 класс ÷ все заявления × 100%",
      "first-grade applications ÷ all applications × 100%",
    ),
    unit: "percent",
    direction: "up",
    source: "statistics",
    targets: {},
    headline: false,
  },
  {
    code: "social-measures-online",
    title: t(
      "Доля региональных мер соцподдержки на портале",
      "Share of regional social-support measures on the portal",
    ),
    description: t(
      "Какая часть мер социальной поддержки из каталога подаётся онлайн.",
      "Which part of the social-support measures in the catalogue can be applied for online.",
    ),
    formula: t("меры соцподдержки онлайн ÷ все меры × 100%", "online social-support measures ÷ all measures × 100%"),
    unit: "percent",
    direction: "up",
    source: "catalogue",
    targets: { 2022: 20, 2023: 60, 2024: 100 },
    headline: false,
  },
  {
    code: "social-measures-on-time",
    title: t("Доля мер соцподдержки, назначенных в срок", "Share of social-support measures assigned on time"),
    description: t(
      "Из решений по мерам социальной поддержки — какая часть принята в регламентный срок.",
      "Of the decisions on social-support measures, the part made within the regulatory term.",
    ),
    formula: t(
      "решено в срок ÷ всего решено (соцподдержка) × 100%",
      "decided on time ÷ all decided (social support) × 100%",
    ),
    unit: "percent",
    direction: "up",
    source: "statistics",
    targets: { 2023: 20, 2024: 95 },
    headline: false,
  },
  {
    code: "social-measures-proactive",
    title: t("Доля мер соцподдержки, назначенных проактивно", "Share of social-support measures assigned proactively"),
    description: t(
      "Из назначенных мер социальной поддержки — какая часть назначена без заявления, по данным реестров.",
      "Of the social-support measures granted, the part granted without an application, from registry data.",
    ),
    formula: t("назначено проактивно ÷ всего назначено × 100%", "granted proactively ÷ all granted × 100%"),
    unit: "percent",
    direction: "up",
    source: "statistics",
    targets: { 2023: 16, 2024: 25 },
    headline: false,
  },
  {
    code: "utility-bills-online",
    title: t("Доля счетов ЖКУ, оплаченных онлайн", "Share of utility bills paid online"),
    description: t(
      "Какая часть счетов за ЖКУ, выставленных поставщиками за месяцы периода, оплачена через портал по ЕЛС.",
      "Which part of the utility bills the providers issued for the period's months were paid through the portal by ELS.",
    ),
    formula: t("оплачено онлайн ÷ выставлено счетов × 100%", "paid online ÷ bills issued × 100%"),
    unit: "percent",
    direction: "up",
    source: "payments",
    targets: { 2023: 15, 2024: 39 },
    headline: false,
  },
];

/** Targets for years after the strategy, set by the region (configuration, not formulas). */
export const INDICATOR_TARGETS_LATER: Record<string, Partial<Record<number, number>>> = {};

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.code === code);
}

/** The target for a year: the strategy's, a later configured one, or the latest known before it. */
export function targetFor(definition: IndicatorDefinition, year: number): number | null {
  const targets = { ...definition.targets, ...INDICATOR_TARGETS_LATER[definition.code] };
  const exact = targets[year];
  if (exact !== undefined) return exact;
  const earlier = Object.keys(targets)
    .map(Number)
    .filter((y) => y < year)
    .sort((a, b) => b - a);
  return earlier.length > 0 ? targets[earlier[0]!]! : null;
}
