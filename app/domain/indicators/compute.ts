import { INDICATORS, targetFor, type IndicatorDefinition } from "./definitions";

/*
 * The indicators' formulas over aggregated counts (the statistics roll-up of a period and a slice).
 * Pure, so each formula is pinned by unit tests on small hand-made data. A quotient with nothing
 * under it is "no data" (null), never a division by zero.
 */
export const FIRST_GRADE_SERVICE = "58-EDU-001";
export const SOCIAL_SUPPORT_CATEGORY = "social-support";
export const TRANSPORT_CATEGORY = "transport";

export type CatalogueFacts = {
  code: string;
  categorySlug: string;
  departmentCode: string;
  mszu: boolean;
  proactive: boolean;
  online: boolean;
  published: boolean;
};

/**
 * The counters of the daily roll-up (StatDay, docs/indicators.md "What is recorded"), in its column order.
 * Named here only: the counts' types below and the seeded history's columns (seeds/history/) follow this list.
 */
export const COUNT_FIELDS = [
  "submitted",
  "decided",
  "decidedOnTime",
  "completed",
  "completedNoVisit",
  "regulatoryDays",
  "ratings",
  "ratingSum",
  "ratingsHigh",
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** The counts of one service and channel over a period. */
export type ServiceCounts = { serviceCode: string; channel: string } & Record<CountField, number>;

/** One row of the daily roll-up (StatDay): a service's counts on a day, in a municipality and channel. */
export type StatDayCounts = ServiceCounts & { day: string; municipality: string };

export type Aggregate = {
  counts: ServiceCounts[];
  /** Utility bills of the months (by their period) and those of them paid through the portal (docs/payments.md). */
  bills?: { issued: number; paidOnline: number };
  /** Decisions by working days taken: serviceCode → days → count. */
  processing: { serviceCode: string; workingDays: number; count: number }[];
};

export const EMPTY_AGGREGATE: Aggregate = { counts: [], processing: [] };

export type IndicatorValue = {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  /** Extra figures some indicators have (growth, p90, reduction factor, share of 4–5, ratings). */
  extra: Record<string, number | null>;
};

/** Adds aggregates together (months into a quarter or a year). */
export function sumAggregates(parts: readonly Aggregate[]): Aggregate {
  const counts = new Map<string, ServiceCounts>();
  const processing = new Map<string, { serviceCode: string; workingDays: number; count: number }>();
  for (const part of parts) {
    for (const row of part.counts) {
      const key = `${row.serviceCode}|${row.channel}`;
      const into = counts.get(key) ?? { ...row, ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) };
      for (const f of COUNT_FIELDS) into[f] += row[f];
      counts.set(key, into);
    }
    for (const row of part.processing) {
      const key = `${row.serviceCode}|${row.workingDays}`;
      const into = processing.get(key) ?? { ...row, count: 0 };
      into.count += row.count;
      processing.set(key, into);
    }
  }
  const withBills = parts.filter((part) => part.bills);
  const bills = withBills.length
    ? {
        issued: withBills.reduce((sum, part) => sum + part.bills!.issued, 0),
        paidOnline: withBills.reduce((sum, part) => sum + part.bills!.paidOnline, 0),
      }
    : undefined;
  return { counts: [...counts.values()], processing: [...processing.values()], ...(bills ? { bills } : {}) };
}

const total = (rows: readonly ServiceCounts[], field: CountField) => rows.reduce((sum, r) => sum + r[field], 0);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (numerator: number, denominator: number) =>
  denominator > 0 ? round((numerator / denominator) * 100) : null;

/** The lowest value with at least `share` of the decisions at or below it. */
export function percentile(histogram: readonly { workingDays: number; count: number }[], share: number): number | null {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.workingDays - b.workingDays);
  const n = sorted.reduce((sum, h) => sum + h.count, 0);
  if (n === 0) return null;
  let seen = 0;
  for (const h of sorted) {
    seen += h.count;
    if (seen >= share * n) return h.workingDays;
  }
  return sorted.at(-1)!.workingDays;
}

function value(
  definition: IndicatorDefinition,
  year: number,
  numerator: number | null,
  denominator: number | null,
  v: number | null,
  extra: IndicatorValue["extra"] = {},
): IndicatorValue {
  return { code: definition.code, value: v, numerator, denominator, target: targetFor(definition, year), extra };
}

export function computeIndicators(input: {
  aggregate: Aggregate;
  /** The previous period of the same length, for growth. */
  previous?: Aggregate;
  catalogue: readonly CatalogueFacts[];
  year: number;
}): IndicatorValue[] {
  const { aggregate, catalogue, year } = input;
  const facts = new Map(catalogue.map((c) => [c.code, c]));
  const rows = aggregate.counts;
  const where = (test: (f: CatalogueFacts | undefined, r: ServiceCounts) => boolean) =>
    rows.filter((r) => test(facts.get(r.serviceCode), r));
  const published = catalogue.filter((c) => c.published);

  return INDICATORS.map((definition): IndicatorValue => {
    switch (definition.code) {
      case "e-applications": {
        const submitted = total(rows, "submitted");
        const before = input.previous ? total(input.previous.counts, "submitted") : null;
        return value(definition, year, submitted, null, submitted, {
          previous: before,
          growth: before ? round(((submitted - before) / before) * 100) : null,
        });
      }
      case "mszu-online": {
        const mszu = published.filter((c) => c.mszu);
        const online = mszu.filter((c) => c.online).length;
        return value(definition, year, online, mszu.length, percent(online, mszu.length));
      }
      case "decided-on-time": {
        const decided = total(rows, "decided");
        const onTime = total(rows, "decidedOnTime");
        return value(definition, year, onTime, decided, percent(onTime, decided));
      }
      case "processing-time": {
        const median = percentile(aggregate.processing, 0.5);
        const decided = total(rows, "decided");
        const regulatory = decided > 0 ? total(rows, "regulatoryDays") / decided : null;
        return value(definition, year, null, decided, median, {
          p90: percentile(aggregate.processing, 0.9),
          regulatoryMean: regulatory === null ? null : round(regulatory),
          // A decision on the day of registration counts as one working day.
          reduction: regulatory === null || median === null ? null : round(regulatory / Math.max(median, 1)),
        });
      }
      case "satisfaction": {
        const ratings = total(rows, "ratings");
        const sum = total(rows, "ratingSum");
        return value(definition, year, sum, ratings, ratings > 0 ? round(sum / ratings, 2) : null, {
          ratings,
          highShare: percent(total(rows, "ratingsHigh"), ratings),
        });
      }
      case "no-visit": {
        const mszu = where((f) => !!f?.mszu);
        const completed = total(mszu, "completed");
        const noVisit = total(mszu, "completedNoVisit");
        return value(definition, year, noVisit, completed, percent(noVisit, completed));
      }
      case "proactive-services": {
        // Only results that came without an application count, not every result of a service that
        // also has a proactive mode.
        const services = new Set(
          rows.filter((r) => r.channel === "proactive" && r.completed > 0).map((r) => r.serviceCode),
        );
        return value(definition, year, services.size, null, services.size);
      }
      case "school-enrollment-share": {
        const all = total(rows, "submitted");
        const school = total(
          rows.filter((r) => r.serviceCode === FIRST_GRADE_SERVICE),
          "submitted",
        );
        return value(definition, year, school, all, percent(school, all));
      }
      case "social-measures-online": {
        const social = published.filter((c) => c.categorySlug === SOCIAL_SUPPORT_CATEGORY);
        const online = social.filter((c) => c.online).length;
        return value(definition, year, online, social.length, percent(online, social.length));
      }
      case "social-measures-on-time": {
        const social = where((f) => f?.categorySlug === SOCIAL_SUPPORT_CATEGORY);
        const decided = total(social, "decided");
        const onTime = total(social, "decidedOnTime");
        return value(definition, year, onTime, decided, percent(onTime, decided));
      }
      case "social-measures-proactive": {
        const social = where((f) => f?.categorySlug === SOCIAL_SUPPORT_CATEGORY);
        const granted = total(social, "completed");
        const proactive = total(
          social.filter((r) => r.channel === "proactive"),
          "completed",
        );
        return value(definition, year, proactive, granted, percent(proactive, granted));
      }
      case "utility-bills-online": {
        // Bills issued for the period's months, and how many of them were paid through the portal.
        const bills = aggregate.bills;
        if (!bills || bills.issued === 0) return value(definition, year, null, null, null);
        return value(definition, year, bills.paidOnline, bills.issued, percent(bills.paidOnline, bills.issued));
      }
      default:
        return value(definition, year, null, null, null);
    }
  });
}
