import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { computeIndicators, sumAggregates, type Aggregate, type CatalogueFacts, type IndicatorValue } from "./compute";
import { parsePeriod, type Period } from "./periods";
import { SLICE_KEYS_PURE, type SliceInput } from "./slice";

/*
 * Reading the statistics roll-up for the indicators. Everything is built from monthly aggregates
 * (one GROUP BY over StatDay, a few thousand rows a year), so a year, a quarter, a month, a trend and
 * the CSV export all add up the same numbers: the files match the dashboard exactly. The monthly
 * aggregates are cached per slice until the statistics revision (bumped with every roll-up write)
 * moves.
 */
export type Slice = SliceInput;

export async function loadCatalogueFacts(db: PrismaClient): Promise<CatalogueFacts[]> {
  const services = await db.service.findMany({
    select: {
      code: true,
      mszu: true,
      proactive: true,
      delivery: true,
      published: true,
      category: { select: { slug: true } },
      department: { select: { code: true } },
    },
  });
  return services.map((s) => ({
    code: s.code,
    categorySlug: s.category.slug,
    departmentCode: s.department.code,
    mszu: s.mszu,
    proactive: s.proactive,
    online: s.delivery === "online",
    published: s.published,
  }));
}

/** The catalogue as the slice sees it (department, category or one service). */
export function sliceCatalogue(catalogue: readonly CatalogueFacts[], slice: Slice): CatalogueFacts[] {
  return catalogue.filter(
    (c) =>
      (!slice.department || c.departmentCode === slice.department) &&
      (!slice.category || c.categorySlug === slice.category) &&
      (!slice.service || c.code === slice.service),
  );
}

type MonthlyCache = { revision: number; months: Map<string, Aggregate> };
const caches = new WeakMap<PrismaClient, Map<string, MonthlyCache>>();

async function statisticsRevision(db: PrismaClient): Promise<number> {
  const row = await db.counter.findUnique({ where: { name: "statistics" } });
  return row?.value ?? 0;
}

const n = (value: unknown) => Number(value ?? 0);

/** Monthly aggregates of a slice: "YYYY-MM" → counts by service and channel, and processing days. */
export async function loadMonthlyAggregates(db: PrismaClient, slice: Slice): Promise<Map<string, Aggregate>> {
  const key = JSON.stringify(SLICE_KEYS_PURE.map((k) => slice[k] ?? ""));
  const revision = await statisticsRevision(db);
  let perSlice = caches.get(db);
  if (!perSlice) caches.set(db, (perSlice = new Map<string, MonthlyCache>()));
  const cached = perSlice.get(key);
  if (cached && cached.revision === revision) return cached.months;

  const codes =
    slice.department || slice.category || slice.service
      ? sliceCatalogue(await loadCatalogueFacts(db), slice).map((c) => c.code)
      : null;
  const conditions: Prisma.Sql[] = [];
  if (codes) conditions.push(codes.length > 0 ? Prisma.sql`serviceCode IN (${Prisma.join(codes)})` : Prisma.sql`0`);
  const dayConditions = [...conditions];
  if (slice.municipality) dayConditions.push(Prisma.sql`municipality = ${slice.municipality}`);
  if (slice.channel) dayConditions.push(Prisma.sql`channel = ${slice.channel}`);
  const where = (list: Prisma.Sql[]) =>
    list.length > 0 ? Prisma.sql`WHERE ${Prisma.join(list, " AND ")}` : Prisma.empty;

  const counts = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT substr(day, 1, 7) AS month, serviceCode, channel,
      SUM(submitted) AS submitted, SUM(decided) AS decided, SUM(decidedOnTime) AS decidedOnTime,
      SUM(completed) AS completed, SUM(completedNoVisit) AS completedNoVisit,
      SUM(regulatoryDays) AS regulatoryDays, SUM(ratings) AS ratings, SUM(ratingSum) AS ratingSum,
      SUM(ratingsHigh) AS ratingsHigh
    FROM StatDay ${where(dayConditions)}
    GROUP BY month, serviceCode, channel`;
  // Processing days are not split by municipality or channel: those slices reuse the services'
  // histograms, read (and cached) once for the slice without them.
  const services =
    slice.municipality || slice.channel ? { ...slice, municipality: undefined, channel: undefined } : null;
  const shared = services ? await loadMonthlyAggregates(db, services) : null;
  const processing = shared
    ? []
    : await db.$queryRaw<Record<string, unknown>[]>`
    SELECT substr(day, 1, 7) AS month, serviceCode, workingDays, SUM(count) AS count
    FROM StatDayProcessing ${where(conditions)}
    GROUP BY month, serviceCode, workingDays`;

  const months = new Map<string, Aggregate>();
  const monthOf = (m: unknown) => {
    const k = String(m);
    let aggregate = months.get(k);
    if (!aggregate) months.set(k, (aggregate = { counts: [], processing: [] }));
    return aggregate;
  };
  for (const r of counts) {
    monthOf(r.month).counts.push({
      serviceCode: String(r.serviceCode),
      channel: String(r.channel),
      submitted: n(r.submitted),
      decided: n(r.decided),
      decidedOnTime: n(r.decidedOnTime),
      completed: n(r.completed),
      completedNoVisit: n(r.completedNoVisit),
      regulatoryDays: n(r.regulatoryDays),
      ratings: n(r.ratings),
      ratingSum: n(r.ratingSum),
      ratingsHigh: n(r.ratingsHigh),
    });
  }
  if (shared) {
    for (const [month, aggregate] of shared) monthOf(month).processing.push(...aggregate.processing);
  }
  for (const r of processing) {
    monthOf(r.month).processing.push({
      serviceCode: String(r.serviceCode),
      workingDays: n(r.workingDays),
      count: n(r.count),
    });
  }
  perSlice.set(key, { revision, months });
  return months;
}

export function aggregateOf(months: ReadonlyMap<string, Aggregate>, period: Period): Aggregate {
  return sumAggregates(period.months.map((m) => months.get(m)).filter((a): a is Aggregate => !!a));
}

/** Every indicator for one period and slice. */
export async function indicatorsForPeriod(
  db: PrismaClient,
  period: Period,
  slice: Slice = {},
): Promise<IndicatorValue[]> {
  const [months, catalogue] = await Promise.all([loadMonthlyAggregates(db, slice), loadCatalogueFacts(db)]);
  const previous = parsePeriod(period.previous);
  return computeIndicators({
    aggregate: aggregateOf(months, period),
    previous: previous ? aggregateOf(months, previous) : undefined,
    catalogue: sliceCatalogue(catalogue, slice),
    year: period.year,
  });
}

/** One indicator over many periods (trends, sparklines, the CSV export), from the same aggregates. */
export async function indicatorSeries(
  db: PrismaClient,
  code: string,
  periods: readonly string[],
  slice: Slice = {},
): Promise<{ period: string; value: IndicatorValue }[]> {
  const [months, catalogue] = await Promise.all([loadMonthlyAggregates(db, slice), loadCatalogueFacts(db)]);
  const sliced = sliceCatalogue(catalogue, slice);
  return periods.flatMap((key) => {
    const period = parsePeriod(key);
    if (!period) return [];
    const previous = parsePeriod(period.previous);
    const values = computeIndicators({
      aggregate: aggregateOf(months, period),
      previous: previous ? aggregateOf(months, previous) : undefined,
      catalogue: sliced,
      year: period.year,
    });
    const value = values.find((v) => v.code === code);
    return value ? [{ period: key, value }] : [];
  });
}

/** The first and last years with statistics, for the periods offered. */
export async function statisticsYears(db: PrismaClient): Promise<{ first: number; last: number } | null> {
  const [first, last] = await Promise.all([
    db.statDay.findFirst({ orderBy: { day: "asc" }, select: { day: true } }),
    db.statDay.findFirst({ orderBy: { day: "desc" }, select: { day: true } }),
  ]);
  if (!first || !last) return null;
  return { first: Number(first.day.slice(0, 4)), last: Number(last.day.slice(0, 4)) };
}
