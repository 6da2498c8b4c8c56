import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import {
  computeIndicators,
  COUNT_FIELDS,
  sumAggregates,
  type Aggregate,
  type CatalogueFacts,
  type CountField,
  type IndicatorValue,
  type ServiceCounts,
} from "./compute";
import { parsePeriod, type Period } from "./periods";
import { SLICE_KEYS_PURE, type SliceInput } from "./slice";
import { STATISTICS_REVISION } from "./revision.server";

/*
 * Reading the statistics roll-up for the indicators. Everything is built from monthly aggregates
 * (GROUP BYs over StatDay, a few thousand rows a year), so a year, a quarter, a month, a trend and
 * the CSV export all add up the same numbers: the files match the dashboard exactly. The roll-up is
 * read once and kept until the statistics revision (bumped with every roll-up write) moves.
 */
export type Slice = SliceInput;

/*
 * What the formulas need of every service (published or not: statistics outlive a service's
 * publication). Read at most once per FACTS_CHECK_MS and shared, as the catalogue itself is
 * (catalogue.server.ts): a detail page asks for it once per breakdown row, ~50 times.
 */
const FACTS_CHECK_MS = 5_000;
const facts = new WeakMap<PrismaClient, { read: Promise<CatalogueFacts[]>; at: number }>();

export function loadCatalogueFacts(db: PrismaClient, now = Date.now()): Promise<CatalogueFacts[]> {
  const held = facts.get(db);
  if (held && now - held.at < FACTS_CHECK_MS) return held.read;
  const read = readCatalogueFacts(db);
  facts.set(db, { read, at: now });
  read.catch(() => {
    if (facts.get(db)?.read === read) facts.delete(db);
  });
  return read;
}

async function readCatalogueFacts(db: PrismaClient): Promise<CatalogueFacts[]> {
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

/*
 * The whole roll-up, read once per statistics revision: two GROUP BYs, the counts by month, service,
 * channel and municipality, and the processing days by month and service. Every slice — a
 * department, a category, a service, a channel, a municipality, and the breakdowns of the detail
 * page, which ask for dozens of them — is then a filter over these rows in memory instead of a query
 * of its own (the detail page read ~50 of those per revision: 2 s on the demo data).
 */
type Roll = {
  /** municipality ("" = unknown) → month → counts by service and channel. */
  byMunicipality: Map<string, Map<string, ServiceCounts[]>>;
  /** month → counts by service and channel over every municipality. */
  all: Map<string, ServiceCounts[]>;
  /** month → decisions by working days, per service (not split by municipality or channel). */
  processing: Map<string, Aggregate["processing"]>;
  /** month (a bill's period) → utility bills issued and paid through the portal. */
  bills: Map<string, NonNullable<Aggregate["bills"]>>;
  /** What slices and periods came to, for the catalogue facts they were computed with. */
  computed: WeakMap<
    readonly CatalogueFacts[],
    { months: Map<string, Map<string, Aggregate>>; values: Map<string, IndicatorValue[]> }
  >;
};
/** The service utility bills are paid under (seeds/catalogue/housing-and-property.ts). */
const UTILITY_PAYMENT_SERVICE = "58-HOU-001";
const rolls = new WeakMap<PrismaClient, { revision: number; roll: Promise<Roll> }>();

async function statisticsRevision(db: PrismaClient): Promise<number> {
  const row = await db.counter.findUnique({ where: { name: STATISTICS_REVISION } });
  return row?.value ?? 0;
}

const n = (value: unknown) => Number(value ?? 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The sum of every counter of the roll-up, named as COUNT_FIELDS names them (constants, not input). */
const COUNT_SUMS = Prisma.raw(COUNT_FIELDS.map((field) => `SUM(${field}) AS ${field}`).join(", "));

async function readRoll(db: PrismaClient): Promise<Roll> {
  const counts = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT substr(day, 1, 7) AS month, serviceCode, channel, municipality,
      ${COUNT_SUMS}
    FROM StatDay
    GROUP BY month, serviceCode, channel, municipality`;
  const processing = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT substr(day, 1, 7) AS month, serviceCode, workingDays, SUM(count) AS count
    FROM StatDayProcessing
    GROUP BY month, serviceCode, workingDays`;
  const bills = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT period AS month, COUNT(*) AS issued, SUM(CASE WHEN paidVia = 'portal' THEN 1 ELSE 0 END) AS paidOnline
    FROM Bill
    GROUP BY period`;
  const roll: Roll = {
    byMunicipality: new Map(),
    all: new Map(),
    processing: new Map(),
    bills: new Map(bills.map((r) => [String(r.month), { issued: n(r.issued), paidOnline: n(r.paidOnline) }])),
    computed: new WeakMap(),
  };
  const totals = new Map<string, ServiceCounts>();
  for (const r of counts) {
    const month = String(r.month);
    const row: ServiceCounts = {
      serviceCode: String(r.serviceCode),
      channel: String(r.channel),
      ...(Object.fromEntries(COUNT_FIELDS.map((field) => [field, n(r[field])])) as Record<CountField, number>),
    };
    const municipality = String(r.municipality);
    let months = roll.byMunicipality.get(municipality);
    if (!months) roll.byMunicipality.set(municipality, (months = new Map<string, ServiceCounts[]>()));
    push(months, month, row);
    const key = `${month}|${row.serviceCode}|${row.channel}`;
    const total = totals.get(key);
    if (total) {
      for (const field of COUNT_FIELDS) total[field] += row[field];
    } else {
      const copy = { ...row };
      totals.set(key, copy);
      push(roll.all, month, copy);
    }
  }
  for (const r of processing) {
    push(roll.processing, String(r.month), {
      serviceCode: String(r.serviceCode),
      workingDays: n(r.workingDays),
      count: n(r.count),
    });
  }
  return roll;
}

/** The roll-up as of the current statistics revision; requests at the same revision share one read. */
async function currentRoll(db: PrismaClient): Promise<Roll> {
  const revision = await statisticsRevision(db);
  const held = rolls.get(db);
  if (held && held.revision === revision) return held.roll;
  const roll = readRoll(db);
  rolls.set(db, { revision, roll });
  // A failed read is not kept: the next request tries again.
  roll.catch(() => {
    if (rolls.get(db)?.roll === roll) rolls.delete(db);
  });
  return roll;
}

/** Monthly aggregates of a slice: "YYYY-MM" → counts by service and channel, and processing days. */
function monthsOf(roll: Roll, catalogue: readonly CatalogueFacts[], slice: Slice): Map<string, Aggregate> {
  const codes =
    slice.department || slice.category || slice.service
      ? new Set(sliceCatalogue(catalogue, slice).map((c) => c.code))
      : null;
  const counts = slice.municipality
    ? (roll.byMunicipality.get(slice.municipality) ?? new Map<string, ServiceCounts[]>())
    : roll.all;
  const months = new Map<string, Aggregate>();
  // Processing days are not split by municipality or channel: those slices use the services' days.
  // Bills belong to the payment service; they have no municipality or channel of their own.
  const withBills =
    (!codes || codes.has(UTILITY_PAYMENT_SERVICE)) &&
    !slice.municipality &&
    (!slice.channel || slice.channel === "portal");
  for (const month of new Set([...counts.keys(), ...roll.processing.keys(), ...(withBills ? roll.bills.keys() : [])])) {
    const bills = withBills ? roll.bills.get(month) : undefined;
    const aggregate: Aggregate = {
      ...(bills ? { bills } : {}),
      counts: (counts.get(month) ?? []).filter(
        (r) => (!codes || codes.has(r.serviceCode)) && (!slice.channel || r.channel === slice.channel),
      ),
      processing: (roll.processing.get(month) ?? []).filter((r) => !codes || codes.has(r.serviceCode)),
    };
    if (aggregate.counts.length > 0 || aggregate.processing.length > 0 || aggregate.bills) months.set(month, aggregate);
  }
  return months;
}

export function aggregateOf(months: ReadonlyMap<string, Aggregate>, period: Period): Aggregate {
  return sumAggregates(period.months.map((m) => months.get(m)).filter((a): a is Aggregate => !!a));
}

/** The statistics as they stand: as many questions as a page asks, for one revision check. */
export type Statistics = {
  months: (slice?: Slice) => Map<string, Aggregate>;
  /** Every indicator for one period and slice. */
  period: (period: Period, slice?: Slice) => IndicatorValue[];
  /** One indicator over many periods (trends, sparklines, the CSV export), from the same aggregates. */
  series: (code: string, periods: readonly string[], slice?: Slice) => { period: string; value: IndicatorValue }[];
};

export async function openStatistics(db: PrismaClient): Promise<Statistics> {
  const [roll, catalogue] = await Promise.all([currentRoll(db), loadCatalogueFacts(db)]);
  // What a slice and a period come to is kept with the roll-up for this catalogue: a dashboard's
  // twelve trends and a detail page's breakdowns ask for the same periods again and again.
  let memo = roll.computed.get(catalogue);
  if (!memo) roll.computed.set(catalogue, (memo = { months: new Map(), values: new Map() }));
  const { months: monthsMemo, values: valuesMemo } = memo;
  const months = (slice: Slice = {}) => {
    const key = JSON.stringify(SLICE_KEYS_PURE.map((k) => slice[k] ?? ""));
    let found = monthsMemo.get(key);
    if (!found) monthsMemo.set(key, (found = monthsOf(roll, catalogue, slice)));
    return found;
  };
  const period = (p: Period, slice: Slice = {}) => {
    const key = `${p.key} ${JSON.stringify(SLICE_KEYS_PURE.map((k) => slice[k] ?? ""))}`;
    let found = valuesMemo.get(key);
    if (!found) {
      const byMonth = months(slice);
      const previous = parsePeriod(p.previous);
      found = computeIndicators({
        aggregate: aggregateOf(byMonth, p),
        previous: previous ? aggregateOf(byMonth, previous) : undefined,
        catalogue: sliceCatalogue(catalogue, slice),
        year: p.year,
      });
      valuesMemo.set(key, found);
    }
    return found;
  };
  const series = (code: string, periods: readonly string[], slice: Slice = {}) =>
    periods.flatMap((key) => {
      const parsed = parsePeriod(key);
      const value = parsed ? period(parsed, slice).find((v) => v.code === code) : undefined;
      return value ? [{ period: key, value }] : [];
    });
  return { months, period, series };
}

/** Monthly aggregates of a slice: "YYYY-MM" → counts by service and channel, and processing days. */
export async function loadMonthlyAggregates(db: PrismaClient, slice: Slice): Promise<Map<string, Aggregate>> {
  return (await openStatistics(db)).months(slice);
}

/** Every indicator for one period and slice. */
export async function indicatorsForPeriod(
  db: PrismaClient,
  period: Period,
  slice: Slice = {},
): Promise<IndicatorValue[]> {
  return (await openStatistics(db)).period(period, slice);
}

/** One indicator over many periods (trends, sparklines, the CSV export), from the same aggregates. */
export async function indicatorSeries(
  db: PrismaClient,
  code: string,
  periods: readonly string[],
  slice: Slice = {},
): Promise<{ period: string; value: IndicatorValue }[]> {
  return (await openStatistics(db)).series(code, periods, slice);
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
