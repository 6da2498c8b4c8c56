import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";
import { SMALL_COUNT } from "~/domain/indicators/format";
import { stage2OpensAtFor, stageOpenAt, type EnrollmentCampaign, type Stage } from "./campaign";
import { NO_PRIORITY_RANK_CLASS } from "./ranking";

/*
 * The ministry's campaign dashboard (docs/enrollment.md, "The ministry's dashboard and the
 * campaign's settings"), the pure part: what the grouped counts the database returns become —
 * the campaign's phase now, the opening's load minute by minute, totals by stage and priority
 * class, each school's demand against its places, the schools with free places — and how the page
 * is asked (year, municipality, sort). No row of an application ever reaches this module: only
 * counts per bucket, per class, per school.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** The opening's load minute by minute for its first hour, then hour by hour for its first day. */
export const OPENING_MINUTES = 60;
export const OPENING_HOURS = 24;

/** Where the campaign is at an instant: which stage is open, or what comes next. */
export type CampaignPhase =
  | { kind: "beforeStage1"; next: Date }
  | { kind: "stage1"; until: Date }
  | { kind: "between"; next: Date }
  | { kind: "stage2"; until: Date }
  | { kind: "over" };

export function campaignPhase(campaign: EnrollmentCampaign, now: Date): CampaignPhase {
  const open = stageOpenAt(campaign, now);
  if (open === 1) return { kind: "stage1", until: campaign.stage1EndsAt };
  if (open === 2) return { kind: "stage2", until: campaign.stage2EndsAt };
  if (now.getTime() < campaign.stage1OpensAt.getTime()) return { kind: "beforeStage1", next: campaign.stage1OpensAt };
  // A school that filled its territory may open stage 2 earlier; the campaign's own date is shown here.
  const stage2 = stage2OpensAtFor(campaign);
  if (now.getTime() < stage2.getTime()) return { kind: "between", next: stage2 };
  return { kind: "over" };
}

/** A grouped count: bucket number (minutes or hours since the opening) and how many fell in it. */
export type BucketCount = { bucket: number; count: number };

/**
 * Buckets 0…size−1 with their counts, zero where nothing was received; only those that have begun by
 * `now` (a bucket still to come is not a quiet one).
 */
export function fillBuckets(
  rows: readonly BucketCount[],
  input: { size: number; bucketMs: number; opensAt: Date; now: Date },
): { bucket: number; from: Date; count: number }[] {
  const elapsed = input.now.getTime() - input.opensAt.getTime();
  if (elapsed < 0) return [];
  const begun = Math.min(input.size, Math.floor(elapsed / input.bucketMs) + 1);
  const counts = new Map(rows.map((r) => [r.bucket, r.count]));
  return Array.from({ length: begun }, (_, bucket) => ({
    bucket,
    from: new Date(input.opensAt.getTime() + bucket * input.bucketMs),
    count: counts.get(bucket) ?? 0,
  }));
}

/** Priority classes as the ranking numbers them: 0 внеочередное … 3 territory / none. */
export const RANK_CLASSES = [0, 1, 2, 3] as const;
export type RankClassCounts = [number, number, number, number];

export type StageClassRow = { stage: number; rankClass: number; live: number; received: number };

export type StageTotals = {
  stage: Stage;
  /** On the schools' lists now (not withdrawn, not refused). */
  live: number;
  /** Every application received in this stage, including those withdrawn or refused since. */
  received: number;
  /** Live applications by priority class (index = rank class). */
  byClass: RankClassCounts;
};

/** Totals of each stage by priority class, from the rows grouped by (stage, rankClass). */
export function stageTotals(rows: readonly StageClassRow[]): StageTotals[] {
  return ([1, 2] as const).map((stage) => {
    const mine = rows.filter((r) => r.stage === stage);
    const byClass = RANK_CLASSES.map((c) =>
      mine.filter((r) => r.rankClass === c).reduce((sum, r) => sum + r.live, 0),
    ) as RankClassCounts;
    return {
      stage,
      live: mine.reduce((sum, r) => sum + r.live, 0),
      received: mine.reduce((sum, r) => sum + r.received, 0),
      byClass,
    };
  });
}

export type SchoolCounts = {
  code: string;
  name: string;
  nameEn: string;
  oktmo: string;
  district: string | null;
  /** First-grade places published for the year (classes × class size); null when none are. */
  places: number | null;
  /** Applications on the school's list now. */
  live: number;
  /** Of them, children of the school's assigned territory. */
  inTerritory: number;
  /** Of them, with a priority right (внеочередное, первоочередное, преимущественное). */
  withPriority: number;
  /** Children the school's enrollment orders have enrolled. */
  enrolled: number;
};

export type SchoolDemand = SchoolCounts & {
  /** Places minus children enrolled by orders (as /schools counts them); null without places. */
  free: number | null;
  /** Applications on the list per place; null without places. */
  demand: number | null;
};

export function schoolDemand(counts: SchoolCounts): SchoolDemand {
  const hasPlaces = counts.places !== null && counts.places > 0;
  return {
    ...counts,
    free: counts.places === null ? null : Math.max(0, counts.places - counts.enrolled),
    demand: hasPlaces ? counts.live / counts.places! : null,
  };
}

export const DASHBOARD_SORTS = ["demand", "applications", "free", "places", "code"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

const byCode = (a: SchoolDemand, b: SchoolDemand) =>
  a.code.localeCompare(b.code, "ru", { numeric: true }) || a.code.localeCompare(b.code);
/** Highest first; schools without the figure (no places) last. */
const descending = (value: (s: SchoolDemand) => number | null) => (a: SchoolDemand, b: SchoolDemand) => {
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
  return y - x || byCode(a, b);
};

const ORDER: Record<DashboardSort, (a: SchoolDemand, b: SchoolDemand) => number> = {
  demand: descending((s) => s.demand),
  applications: descending((s) => s.live),
  free: descending((s) => s.free),
  places: descending((s) => s.places),
  code: byCode,
};

/** The schools in the order asked: the highest demand (or applications, free places, places) first, or by number. */
export function sortSchools(schools: readonly SchoolDemand[], sort: DashboardSort): SchoolDemand[] {
  return [...schools].sort(ORDER[sort]);
}

/** Schools that still have places not taken by enrollment orders, the most free places first. */
export function schoolsWithFreePlaces(schools: readonly SchoolDemand[]): SchoolDemand[] {
  return sortSchools(
    schools.filter((s) => (s.free ?? 0) > 0),
    "free",
  );
}

export type SchoolTotals = {
  places: number;
  live: number;
  inTerritory: number;
  withPriority: number;
  enrolled: number;
  free: number;
};

/** The sums of the table's columns over the schools shown. */
export function schoolTotals(schools: readonly SchoolDemand[]): SchoolTotals {
  const sum = (value: (s: SchoolDemand) => number | null) => schools.reduce((total, s) => total + (value(s) ?? 0), 0);
  return {
    places: sum((s) => s.places),
    live: sum((s) => s.live),
    inTerritory: sum((s) => s.inTerritory),
    withPriority: sum((s) => s.withPriority),
    enrolled: sum((s) => s.enrolled),
    free: sum((s) => s.free),
  };
}

/** Whether a rank class is a priority right (ranked ahead of the territory). */
export const isPriorityClass = (rankClass: number) => rankClass < NO_PRIORITY_RANK_CLASS;

export type DashboardQuery = { year: number; oktmo: string | null; sort: DashboardSort };

export type DashboardQueryResult = { ok: true; query: DashboardQuery } | { ok: false; error: "year" | "municipality" };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * What the page and the open data are asked: `year` (default: the campaign drafts are for now),
 * `municipality` (ОКТМО, empty for the whole region) and `sort`. A year or a municipality that is
 * not one is refused (a 400 says so); a sort the page does not offer falls back to demand.
 */
export function parseDashboardQuery(params: URLSearchParams, defaultYear: number): DashboardQueryResult {
  const yearText = params.get("year")?.trim() ?? "";
  const year = yearText === "" ? defaultYear : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return { ok: false, error: "year" };
  const municipality = params.get("municipality")?.trim() ?? "";
  if (municipality !== "" && !MUNICIPALITY_CODES.includes(municipality)) return { ok: false, error: "municipality" };
  const sortText = params.get("sort") ?? "";
  const sort = (DASHBOARD_SORTS as readonly string[]).includes(sortText) ? (sortText as DashboardSort) : "demand";
  return { ok: true, query: { year, oktmo: municipality || null, sort } };
}

/** The query string of the dashboard for a query (the defaults left out). */
export function dashboardSearch(query: DashboardQuery, change: Partial<DashboardQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams({ year: String(q.year) });
  if (q.oktmo) params.set("municipality", q.oktmo);
  if (q.sort !== "demand") params.set("sort", q.sort);
  return params.toString();
}

/**
 * Open data may not point at particular families: per school, a count of applications with a
 * priority right below SMALL_COUNT (as the indicators withhold small counts, format.ts) is published
 * as null, and so is the school's territory count, from which it could be worked out (in stage 1
 * everyone outside the territory has a priority right). Region-wide totals are published in full.
 */
export function withheldForOpenData(school: SchoolDemand): { withPriority: number | null; inTerritory: number | null } {
  const small = school.withPriority > 0 && school.withPriority < SMALL_COUNT;
  return small
    ? { withPriority: null, inTerritory: null }
    : { withPriority: school.withPriority, inTerritory: school.inTerritory };
}
