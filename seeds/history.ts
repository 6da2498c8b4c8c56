/*
 * Several years of the statistics roll-up (StatDay, StatDayProcessing) for the indicators, written
 * straight into the tables: the anonymised daily counts that outlive the applications behind them
 * (docs/indicators.md), not applications. `seedDemoData` calls it so a fresh portal shows meaningful
 * indicators from 2016 on; the indicators benchmark reuses the generator with a larger volume.
 *
 * Deterministic: one seeded PRNG per year (per segment), so a year's rows do not depend on `until`
 * once its decisions are all in. Idempotent: nothing is written when the history is already there
 * (a "statistics-history" Counter row, or roll-up rows dated before the current year). Live rows of
 * earlier days this year, if any, are added to, never overwritten. Today and later are left to the
 * live roll-up (`until` is exclusive and defaults to today in the region).
 *
 * How the numbers are made (each application is simulated, then only its counts are kept):
 * - Yearly submissions follow the Penza series: 2016 2,989; 2017 4,558; 2018 12,062; 2019 13,390
 *   (exact); 2020 25,000, of which Jan–Jul exactly 14,799 (the reported figure); then +22, +19, +18,
 *   +17, +17, +16 % a year (2026: 67,900 for the whole year) and +15 % after that. The current year
 *   holds the part of its total that falls before `until` by the seasonal weights. Proactive
 *   assignments count as submissions (they are e-services delivered).
 * - First-grade enrollment (58-EDU-001) is its own series: 12, 31, 54, 86 (2016–2019, the reported
 *   86 in 2019), 2,837 in Jan–Jul 2020 (the reported 19 % of the 14,799), then 5,200 → 9,800 a year
 *   (Penza has ~12,000 first-graders). Stage 1 opens on 1 April (a spike: ~30 % of stage 1 on the
 *   opening day), stage 2 on 1 July up to 2020 and on 6 July since (order № 458), nothing after
 *   5 September. So Jan–Jul 2020 is 19.2 % first grade; the whole of 2020 only ~12 %, since the
 *   remaining five months add ~10,000 other applications and only the stage-2 tail of first grade.
 * - Other services share the rest by catalogue popularity, shaped by month: kindergarten in spring,
 *   clubs and school meals in August–September, the school diary in the school year, summer camps in
 *   March–May, social support steady with a January bump (the yearly school payment in August),
 *   doctors in autumn–winter, marriage ahead of the summer, unemployment ×4 in April–June 2020,
 *   meter readings on the 15th–25th of each month. Within a year volume grows by ~18 % from January
 *   to December. Weekdays are heavier than weekends (Mon 1.18 … Fri 0.97, Sat 0.52, Sun 0.45);
 *   holidays of the production calendar (art. 112, the decreed transfers for 2025–2026) count as
 *   Sundays, the New Year holidays lower still.
 * - Municipalities: Penza city 47 %, Kuznetsk 7 %, Zarechny 6 %, the listed districts 0.8–1.8 %
 *   each, the rest "" (districts not yet in MUNICIPALITIES, as a live application without a known
 *   municipality is recorded). The city of Penza's own services (its departments penza-admin,
 *   penza-education) come from the city only.
 * - Channel "proactive" exists from 2021, for the catalogue's proactive services (utility
 *   compensation, pregnancy nutrition allowance, school payment, school meals, school transport):
 *   30 % of their cases in 2021, rising to 68 % from 2025; the rest are applications ("portal").
 * - Outcome: 7 % of applications withdrawn in 2016 falling to 3 % (1 % of proactive cases); the rest
 *   are decided on a working day, `workingDays` after the registration day (an application sent on
 *   a day off or after 18:00 counts from the next working day), so decisions come a few days after
 *   the submissions and those due on or after `until` are still pending: decided ≈ 90–97 % of
 *   submitted. Immediate services (deadline 0) are decided the same day in 0 working days.
 * - Processing: on time with a probability calibrated per year so that the share of all decisions
 *   made on time is 60 % (2016), 65 % (2019), 77 % (2022), 83 % (2024), 86 % (2026); an on-time
 *   decision takes ~60 % (2016) down to ~35 % (2026) of the deadline on average (triangular, capped
 *   at the deadline), a late one deadline + 1 + a tail of up to half the deadline + 3. Proactive
 *   cases take ~25 % of the deadline and are 98 % on time. decidedOnTime ⇔ workingDays ≤ deadline,
 *   as the live code counts it; regulatoryDays = decided × the service's deadlineDays.
 * - 92 % of decisions complete the service, 8 % are refusals (3 % of proactive cases). A completed
 *   application needed no visit for services with online delivery in 70 % (2016) to 94 % (2026) of
 *   cases, always for proactive ones, never for services with delivery "visit".
 * - Ratings on ~30 % of decisions (32.5 % of completions; 10 % of proactive ones), on the decision
 *   day; a mixture of a lower and a higher score distribution gives means of 3.85 (2016), 4.1 (2019),
 *   4.33 (2022), 4.46 (2024), 4.53 (2026); ratingsHigh counts the 4s and 5s drawn.
 *
 * Speed: the rows go in through a second (better-sqlite3) connection to the same file, in one
 * transaction, 100 rows per prepared INSERT — about half a million rows a second.
 */
import type { StatDayCounts } from "~/domain/indicators/compute";
import { createRandom } from "./random";
import Database from "better-sqlite3";
import type { PrismaClient } from "~/generated/prisma/client";
import { russianCalendar } from "~/domain/calendar/production-calendar";
import { isWorkingDay } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";

export const HISTORY_START = "2016-01-01";
const HISTORY_MARKER = "statistics-history";
const STATISTICS_COUNTER = "statistics";
const FIRST_GRADE = "58-EDU-001";
/** submitted, decided, decidedOnTime, completed, completedNoVisit, regulatoryDays, ratings, ratingSum, ratingsHigh */
const FIELDS = 9;
const PENZA_CITY = "56701000";

// ---------------------------------------------------------------------------------------------
// The series

const SUBMITTED: Record<number, number> = {
  2016: 2_989,
  2017: 4_558,
  2018: 12_062,
  2019: 13_390,
  2020: 25_000,
  2021: 30_400,
  2022: 36_200,
  2023: 42_700,
  2024: 50_000,
  2025: 58_500,
  2026: 67_900,
};
const FIRST_GRADE_SUBMITTED: Record<number, number> = {
  2016: 12,
  2017: 31,
  2018: 54,
  2019: 86,
  2021: 5_200,
  2022: 6_600,
  2023: 7_700,
  2024: 8_600,
  2025: 9_300,
  2026: 9_800,
};
/** 2020 as reported: January–July 14,799 e-services, 2,837 of them first-grade enrollment. */
const JAN_JUL_2020 = { total: 14_799, firstGrade: 2_837 };
const LAST_SERIES_YEAR = 2026;

function yearTotal(year: number): number {
  if (SUBMITTED[year] !== undefined) return SUBMITTED[year];
  if (year < 2016) return 0;
  return Math.round(SUBMITTED[LAST_SERIES_YEAR]! * 1.15 ** (year - LAST_SERIES_YEAR));
}
function firstGradeTotal(year: number): number {
  return FIRST_GRADE_SUBMITTED[year] ?? (year < 2016 ? 0 : 10_000);
}

/** Values by year, interpolated between the given years and held flat outside them. */
function byYear(points: Record<number, number>): (year: number) => number {
  const years = Object.keys(points)
    .map(Number)
    .sort((a, b) => a - b);
  return (year) => {
    if (year <= years[0]!) return points[years[0]!]!;
    if (year >= years.at(-1)!) return points[years.at(-1)!]!;
    const upper = years.findIndex((y) => y >= year);
    const a = years[upper - 1]!;
    const b = years[upper]!;
    return points[a]! + ((points[b]! - points[a]!) * (year - a)) / (b - a);
  };
}

const onTimeTarget = byYear({ 2016: 0.6, 2019: 0.65, 2020: 0.7, 2021: 0.74, 2022: 0.77, 2024: 0.83, 2026: 0.86 });
/** Mean on-time processing as a share of the deadline. */
const processingShare = byYear({ 2016: 0.6, 2020: 0.5, 2026: 0.35 });
const withdrawnShare = byYear({ 2016: 0.07, 2026: 0.03 });
const noVisitShare = byYear({ 2016: 0.7, 2026: 0.94 });
const ratingMean = byYear({ 2016: 3.85, 2018: 4.0, 2019: 4.1, 2020: 4.2, 2022: 4.33, 2024: 4.46, 2026: 4.53 });
const proactiveShare = (year: number) =>
  year < 2021 ? 0 : byYear({ 2021: 0.3, 2022: 0.45, 2023: 0.55, 2025: 0.68 })(year);

const REFUSED_SHARE = 0.08;
const PROACTIVE_REFUSED_SHARE = 0.03;
const PROACTIVE_LATE_SHARE = 0.02;
const PROACTIVE_WITHDRAWN_SHARE = 0.01;
const RATED_SHARE = 0.325;
const PROACTIVE_RATED_SHARE = 0.1;
const AFTER_HOURS_SHARE = 0.22;
/** Scores 1–5 of a less and a more satisfied year (means 3.82 and 4.56); a year mixes the two. */
const SCORES_LOW = [0.08, 0.07, 0.15, 0.35, 0.35];
const SCORES_HIGH = [0.02, 0.02, 0.05, 0.2, 0.71];
const MEAN_LOW = 3.82;
const MEAN_HIGH = 4.56;

// ---------------------------------------------------------------------------------------------
// Shapes: month of year (January first), weekday, opening days

const SOCIAL_MONTHS = [1.5, 1.0, 1.0, 1.0, 0.95, 0.9, 0.85, 0.95, 1.0, 1.0, 1.0, 1.1];
const MONTHS: Record<string, number[]> = {
  "58-EDU-002": [1.0, 1.2, 1.6, 1.7, 1.5, 1.0, 0.7, 0.8, 1.0, 0.9, 0.8, 0.7],
  "58-EDU-003": [1.2, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 1.8, 2.6, 1.2, 0.8, 0.7],
  "58-EDU-004": [1.1, 1.1, 1.0, 1.0, 0.8, 0.25, 0.15, 0.5, 1.8, 1.2, 1.1, 1.0],
  "58-EDU-005": [0.8, 0.8, 0.8, 0.8, 1.0, 1.7, 1.8, 2.0, 1.3, 0.7, 0.6, 0.6],
  "58-EDU-006": [0.6, 1.0, 1.9, 2.4, 2.0, 0.9, 0.4, 0.2, 0.2, 0.2, 0.2, 0.3],
  "58-EDU-007": [0.7, 0.6, 0.6, 0.5, 0.5, 0.3, 0.6, 2.2, 2.4, 0.9, 0.6, 0.5],
  "58-SOC-002": [1.1, 0.8, 0.8, 0.8, 0.8, 0.9, 1.3, 2.2, 1.6, 0.8, 0.7, 0.7],
  "58-HLT-001": [1.2, 1.3, 1.2, 1.0, 0.9, 0.7, 0.6, 0.7, 1.0, 1.2, 1.2, 1.1],
  "58-FAM-002": [0.5, 0.7, 0.8, 1.0, 1.1, 1.3, 1.4, 1.5, 1.4, 1.0, 0.7, 0.9],
  "58-TRN-001": [1.6, 1.0, 0.9, 0.9, 0.9, 0.8, 0.8, 1.0, 1.3, 1.0, 0.9, 0.9],
  "58-CUL-002": [1.3, 0.9, 1.0, 0.9, 1.1, 1.3, 1.4, 1.2, 0.7, 0.9, 1.1, 1.4],
  "58-SPT-002": [0.6, 0.8, 1.2, 1.4, 1.5, 0.9, 0.5, 0.6, 1.2, 1.3, 1.1, 0.7],
};
/** Sunday first, as getUTCDay counts. */
const WEEKDAY = [0.45, 1.18, 1.12, 1.08, 1.05, 0.97, 0.52];
const HOLIDAY = 0.45;
const NEW_YEAR_HOLIDAY = 0.35;
const GROWTH_WITHIN_YEAR = 0.18;

const MUNICIPALITY_SHARE: Record<string, number> = {
  [PENZA_CITY]: 0.47,
  "56705000": 0.07,
  "56734000": 0.06,
  "56603000": 0.018,
  "56644000": 0.008,
  "56647000": 0.008,
  "56654000": 0.01,
};
const OTHER_MUNICIPALITY_SHARE = 0.01;
const CITY_DEPARTMENTS = new Set(["penza-admin", "penza-education"]);

// ---------------------------------------------------------------------------------------------
// Types

/** What the generator needs of a service (read from the Service table). */
export type HistoryService = {
  code: string;
  deadlineDays: number;
  delivery: string;
  proactive: boolean;
  popularity: number;
  categorySlug: string;
  departmentCode: string;
};

export type StatDayRow = StatDayCounts;
export type StatDayProcessingRow = { day: string; serviceCode: string; workingDays: number; count: number };

export type GeneratedStatistics = {
  days: StatDayRow[];
  processing: StatDayProcessingRow[];
  /** Submissions simulated (= the sum of `submitted`). */
  submitted: number;
  decided: number;
};

export type GenerateStatisticsOptions = {
  services: readonly HistoryService[];
  seed?: number;
  /** First day, YYYY-MM-DD (default 2016-01-01). */
  since?: string;
  /** The day after the last, YYYY-MM-DD (exclusive). */
  until: string;
  /** Scale the series so that [since, until) holds about this many submissions (benchmarks). */
  applications?: number;
};

// ---------------------------------------------------------------------------------------------
// The generator

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

type Day = { iso: string; year: number; month: number; date: number; doy: number; factor: number; working: boolean };

/** Every day of [since, until) with its weekday/holiday factor and whether it is a working day. */
function calendarDays(since: string, until: string): Day[] {
  const firstYear = Number(since.slice(0, 4));
  const lastYear = Number(until.slice(0, 4));
  const calendar = russianCalendar(Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i));
  const days: Day[] = [];
  for (let ms = dayMs(since), end = dayMs(until); ms < end; ms += DAY_MS) {
    const iso = isoDay(ms);
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    const weekday = date.getUTCDay();
    const working = isWorkingDay(calendar, iso);
    const month = date.getUTCMonth() + 1;
    const holiday = !working && weekday !== 0 && weekday !== 6;
    const factor = working
      ? weekday === 0 || weekday === 6
        ? 1 // a weekend worked by transfer
        : WEEKDAY[weekday]!
      : holiday
        ? month === 1 && date.getUTCDate() <= 8
          ? NEW_YEAR_HOLIDAY
          : HOLIDAY
        : WEEKDAY[weekday]!;
    const doy = Math.floor((ms - Date.UTC(year, 0, 1)) / DAY_MS);
    days.push({ iso, year, month, date: date.getUTCDate(), doy, factor, working });
  }
  return days;
}

/** First-grade enrollment by day: the two opening days and the stages' tails, nothing out of season. */
function firstGradeWeight(day: Day): number {
  const { year, month, date } = day;
  const stage2 = year <= 2020 ? 1 : 6;
  if (month === 4 && date <= 3) return [45, 9, 5][date - 1]!;
  if (month >= 4 && month <= 6) {
    const into = (month - 4) * 30.5 + date;
    return (1.2 - (0.7 * into) / 91) * day.factor;
  }
  if (month === 7 && date >= stage2 && date <= stage2 + 2) return [14, 4, 2.5][date - stage2]!;
  if ((month === 7 && date > stage2) || month === 8 || (month === 9 && date <= 5)) {
    const into = (month - 7) * 31 + date - stage2;
    return (0.9 - (0.65 * into) / 62) * day.factor;
  }
  return 0;
}

function serviceWeight(service: HistoryService, day: Day): number {
  const months = MONTHS[service.code] ?? (service.categorySlug === "social-support" ? SOCIAL_MONTHS : null);
  let w = service.popularity * day.factor * (months ? months[day.month - 1]! : 1);
  w *= 1 + GROWTH_WITHIN_YEAR * (day.doy / 365 - 0.5);
  if (service.code === "58-EMP-001" && day.year === 2020 && day.month >= 4 && day.month <= 6) w *= 4;
  if (service.code === "58-HOU-002") w *= day.date >= 15 && day.date <= 25 ? 1.6 : 0.75;
  return w;
}

/** A part of a year with fixed totals: the whole year, or 2020's January–July and August–December. */
type Segment = { year: number; part: number; from: string; to: string; total: number; firstGrade: number };

function segments(since: string, until: string): Segment[] {
  const list: Segment[] = [];
  for (let year = Number(since.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    if (year === 2020) {
      list.push({ year, part: 1, from: "2020-01-01", to: "2020-08-01", ...JAN_JUL_2020 });
      // The first-grade tail of August–September is set from the stage-2 weights below.
      list.push({
        year,
        part: 2,
        from: "2020-08-01",
        to: "2021-01-01",
        total: SUBMITTED[2020]! - JAN_JUL_2020.total,
        firstGrade: -1,
      });
    } else {
      const from = `${year}-01-01`;
      const to = `${year + 1}-01-01`;
      list.push({ year, part: 1, from, to, total: yearTotal(year), firstGrade: firstGradeTotal(year) });
    }
  }
  return list;
}

const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

/** Simulates the applications of [since, until) and returns their daily roll-up. */
export function generateStatistics(options: GenerateStatisticsOptions): GeneratedStatistics {
  const seed = options.seed ?? 58;
  const since = options.since ?? HISTORY_START;
  const until = options.until;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !/^\d{4}-\d{2}-\d{2}$/.test(until)) {
    throw new RangeError("since and until must be YYYY-MM-DD");
  }
  const services = [...options.services].filter((s) => s.popularity > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  const fgIndex = services.findIndex((s) => s.code === FIRST_GRADE);
  const S = services.length;
  if (S === 0 || since >= until) return { days: [], processing: [], submitted: 0, decided: 0 };

  // Days from the start of the first segment, so segments clipped by `since` keep their weights.
  const firstSegmentStart = `${since.slice(0, 4)}-01-01`;
  const all = calendarDays(firstSegmentStart, until);
  const offset = Math.round((dayMs(since) - dayMs(firstSegmentStart)) / DAY_MS);
  const days = all.slice(offset);
  const D = days.length;
  const indexOf = (iso: string) => Math.round((dayMs(iso) - dayMs(since)) / DAY_MS);
  // Full-segment weights need days beyond `until` too (the current year's rest).
  const lastYearEnd = `${Number(until.slice(0, 4)) + 1}-01-01`;
  const fullDays = calendarDays(firstSegmentStart, lastYearEnd);
  const fullIndexOf = (iso: string) => Math.round((dayMs(iso) - dayMs(firstSegmentStart)) / DAY_MS);

  // Working days of [since, until): registration and decision days are counted on them.
  const workingList: number[] = [];
  const nextWorking = new Int32Array(D + 1).fill(-1);
  const workingOrdinal = new Int32Array(D).fill(-1);
  for (let i = 0; i < D; i++) {
    if (days[i]!.working) {
      workingOrdinal[i] = workingList.length;
      workingList.push(i);
    }
  }
  for (let i = D - 1, next = -1; i >= 0; i--) {
    nextWorking[i] = next; // the first working day after i
    if (days[i]!.working) next = i;
  }

  // Municipalities in the roll-up's key order ("" first), with their shares.
  const municipalities = ["", ...[...MUNICIPALITY_CODES].sort()];
  const muniShares = municipalities.map((m) => (m === "" ? 0 : (MUNICIPALITY_SHARE[m] ?? OTHER_MUNICIPALITY_SHARE)));
  muniShares[0] = Math.max(0.05, 1 - sum(muniShares));
  const muniCumulative = cumulative(muniShares);
  const cityIndex = municipalities.indexOf(PENZA_CITY);
  const M = municipalities.length;

  // Base totals over [since, until), before scaling.
  const plan = segments(since, until).map((segment) => {
    const range = (from: number, to: number, list: Day[]) => list.slice(Math.max(0, from), Math.max(0, to));
    const full = range(fullIndexOf(segment.from), fullIndexOf(segment.to), fullDays);
    const clippedFrom = Math.max(indexOf(segment.from), 0);
    const clippedTo = Math.min(indexOf(segment.to), D);
    const clipped = range(clippedFrom, clippedTo, days);
    const fgFull = sum(full.map(firstGradeWeight));
    const fgClipped = sum(clipped.map(firstGradeWeight));
    const otherWeight = (list: Day[]) =>
      sum(list.map((day) => sum(services.map((s, k) => (k === fgIndex ? 0 : serviceWeight(s, day))))));
    let firstGrade = segment.firstGrade;
    if (firstGrade < 0) {
      // 2020's August–December: the stage-2 tail after the reported January–July.
      const janJul = calendarDays("2020-01-01", "2020-08-01");
      firstGrade = (JAN_JUL_2020.firstGrade * fgFull) / sum(janJul.map(firstGradeWeight));
    }
    const others = segment.total - Math.round(firstGrade);
    const otherFull = otherWeight(full);
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
    return {
      segment,
      from: clippedFrom,
      to: clippedTo,
      firstGrade: fgIndex < 0 ? 0 : Math.round(firstGrade) * share(fgClipped, fgFull),
      others: (fgIndex < 0 ? segment.total : others) * share(otherWeight(clipped), otherFull),
    };
  });
  const planned = sum(plan.map((p) => p.firstGrade + p.others));
  const scale = options.applications !== undefined && planned > 0 ? options.applications / planned : 1;

  // The roll-up rows: key (day, service, municipality, channel) → offset of its FIELDS counters in `counters`.
  const rows = new Map<number, number>();
  let counters = new Int32Array(9 * 65_536);
  const processing = new Map<number, number>();
  let submittedTotal = 0;
  let decidedTotal = 0;
  const rowOf = (dayIndex: number, k: number, muni: number, channel: number): number => {
    const key = ((dayIndex * S + k) * M + muni) * 2 + channel;
    let at = rows.get(key);
    if (at === undefined) {
      at = rows.size * FIELDS;
      if (at + FIELDS > counters.length) {
        const grown = new Int32Array(counters.length * 2);
        grown.set(counters);
        counters = grown;
      }
      rows.set(key, at);
    }
    return at;
  };

  for (const { segment, from, to, firstGrade, others } of plan) {
    if (to <= from) continue;
    const random = createRandom(seed, segment.year, segment.part);
    const nFirstGrade = Math.round(firstGrade * scale);
    const nOthers = Math.round(others * scale);
    const n = nFirstGrade + nOthers;

    // Pass 1: the day, service and channel of every submission (exact totals: a multinomial draw).
    const appDay = new Int32Array(n);
    const appService = new Int16Array(n);
    const appChannel = new Uint8Array(n);
    const fgCumulative = cumulative(days.slice(from, to).map(firstGradeWeight));
    const cells: number[] = [];
    for (let i = from; i < to; i++) {
      for (let k = 0; k < S; k++) cells.push(k === fgIndex ? 0 : serviceWeight(services[k]!, days[i]!));
    }
    const cellCumulative = cumulative(cells);
    const year = segment.year;
    const proactive = proactiveShare(year);
    for (let a = 0; a < n; a++) {
      if (a < nFirstGrade) {
        appDay[a] = from + pick(fgCumulative, random());
        appService[a] = fgIndex;
      } else {
        const cell = pick(cellCumulative, random());
        appDay[a] = from + Math.floor(cell / S);
        appService[a] = cell % S;
      }
      appChannel[a] = services[appService[a]!]!.proactive && random() < proactive ? 1 : 0;
    }

    // The probability of a late decision for an application with a deadline, so that the share of
    // all decisions made on time meets the year's figure (immediate services are always on time).
    let withDeadline = 0;
    let proactiveCases = 0;
    for (let a = 0; a < n; a++) {
      if (appChannel[a] === 1) proactiveCases++;
      else if (services[appService[a]!]!.deadlineDays > 0) withDeadline++;
    }
    const lateShare =
      withDeadline > 0
        ? Math.min(
            0.6,
            Math.max(0, ((1 - onTimeTarget(year)) * n - PROACTIVE_LATE_SHARE * proactiveCases) / withDeadline),
          )
        : 0;
    const meanShare = processingShare(year);
    const withdrawn = withdrawnShare(year);
    const noVisit = noVisitShare(year);
    const highMix = Math.min(1, Math.max(0, (ratingMean(year) - MEAN_LOW) / (MEAN_HIGH - MEAN_LOW)));
    const scoresLow = cumulative(SCORES_LOW);
    const scoresHigh = cumulative(SCORES_HIGH);

    // Pass 2: what became of each.
    for (let a = 0; a < n; a++) {
      const i = appDay[a]!;
      const k = appService[a]!;
      const service = services[k]!;
      const isProactive = appChannel[a] === 1;
      const muni =
        cityIndex >= 0 && CITY_DEPARTMENTS.has(service.departmentCode) ? cityIndex : pick(muniCumulative, random());
      const at = rowOf(i, k, muni, appChannel[a]!);
      counters[at]! += 1;
      submittedTotal++;

      if (random() < (isProactive ? PROACTIVE_WITHDRAWN_SHARE : withdrawn)) continue;
      const deadline = service.deadlineDays;
      let workingDays = 0;
      let decisionDay: number;
      if (deadline <= 0) {
        decisionDay = i;
      } else {
        const late = random() < (isProactive ? PROACTIVE_LATE_SHARE : lateShare);
        const triangular = (random() + random()) / 2;
        workingDays = late
          ? deadline + 1 + Math.floor(random() ** 2 * (deadline / 2 + 3))
          : Math.min(deadline, Math.round(deadline * (isProactive ? 0.25 : meanShare) * 2 * triangular));
        let registration = days[i]!.working ? i : nextWorking[i]!;
        if (registration === i && !isProactive && random() < AFTER_HOURS_SHARE) registration = nextWorking[i]!;
        const ordinal = registration < 0 ? -1 : workingOrdinal[registration]! + workingDays;
        decisionDay = ordinal >= 0 && ordinal < workingList.length ? workingList[ordinal]! : -1;
      }
      if (decisionDay < 0) continue; // still pending at `until`

      const refused = random() < (isProactive ? PROACTIVE_REFUSED_SHARE : REFUSED_SHARE);
      const row = decisionDay === i ? at : rowOf(decisionDay, k, muni, appChannel[a]!);
      counters[row + 1]! += 1;
      if (workingDays <= deadline) counters[row + 2]! += 1;
      counters[row + 5]! += Math.max(0, deadline);
      decidedTotal++;
      const pKey = (decisionDay * S + k) * 1024 + workingDays;
      processing.set(pKey, (processing.get(pKey) ?? 0) + 1);
      if (refused) continue;
      counters[row + 3]! += 1;
      if (service.delivery !== "visit" && (isProactive || random() < noVisit)) counters[row + 4]! += 1;
      if (random() < (isProactive ? PROACTIVE_RATED_SHARE : RATED_SHARE)) {
        const score = 1 + pick(random() < highMix ? scoresHigh : scoresLow, random());
        counters[row + 6]! += 1;
        counters[row + 7]! += score;
        if (score >= 4) counters[row + 8]! += 1;
      }
    }
  }

  const channels = ["portal", "proactive"];
  const dayRows: StatDayRow[] = [];
  for (const key of Float64Array.from(rows.keys()).sort()) {
    const at = rows.get(key)!;
    const channel = key % 2;
    const muni = Math.floor(key / 2) % M;
    const k = Math.floor(key / 2 / M) % S;
    const dayIndex = Math.floor(key / 2 / M / S);
    dayRows.push({
      day: days[dayIndex]!.iso,
      serviceCode: services[k]!.code,
      municipality: municipalities[muni]!,
      channel: channels[channel]!,
      submitted: counters[at]!,
      decided: counters[at + 1]!,
      decidedOnTime: counters[at + 2]!,
      completed: counters[at + 3]!,
      completedNoVisit: counters[at + 4]!,
      regulatoryDays: counters[at + 5]!,
      ratings: counters[at + 6]!,
      ratingSum: counters[at + 7]!,
      ratingsHigh: counters[at + 8]!,
    });
  }
  const processingRows: StatDayProcessingRow[] = [];
  for (const key of Float64Array.from(processing.keys()).sort()) {
    const workingDays = key % 1024;
    const k = Math.floor(key / 1024) % S;
    const dayIndex = Math.floor(key / 1024 / S);
    processingRows.push({
      day: days[dayIndex]!.iso,
      serviceCode: services[k]!.code,
      workingDays,
      count: processing.get(key)!,
    });
  }
  return { days: dayRows, processing: processingRows, submitted: submittedTotal, decided: decidedTotal };
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i]!;
  return out;
}

/** The index whose cumulative band holds u·total (binary search). */
function pick(cumulativeWeights: Float64Array, u: number): number {
  const target = u * cumulativeWeights[cumulativeWeights.length - 1]!;
  let lo = 0;
  let hi = cumulativeWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulativeWeights[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The SQLite file behind a Prisma client (its main database). */
export async function databaseFileOf(db: PrismaClient): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ name: string; file: string }[]>("PRAGMA database_list");
  const file = rows.find((r) => r.name === "main")?.file ?? "";
  if (!file) throw new Error("the statistics history needs a file database (this one is in memory)");
  return file;
}

export function readHistoryServices(sqlite: Database.Database): HistoryService[] {
  const rows = sqlite
    .prepare(
      `SELECT s.code, s.deadlineDays, s.delivery, s.proactive, s.popularity, c.slug AS categorySlug,
         d.code AS departmentCode
       FROM Service s JOIN Category c ON c.id = s.categoryId JOIN Department d ON d.id = s.departmentId
       ORDER BY s.code`,
    )
    .all() as (Omit<HistoryService, "proactive"> & { proactive: number })[];
  return rows.map((r) => ({ ...r, proactive: r.proactive === 1 }));
}

/** Whether the history is there already: the marker, or roll-up rows from before `until`'s year. */
function historyPresent(sqlite: Database.Database, until: string): boolean {
  const marker = sqlite.prepare("SELECT 1 FROM Counter WHERE name = ?").get(HISTORY_MARKER);
  const old = sqlite.prepare("SELECT 1 FROM StatDay WHERE day < ? LIMIT 1").get(`${until.slice(0, 4)}-01-01`);
  return !!marker || !!old;
}

/**
 * Adds the rows to the roll-up (counts add up with any already there), bumps the "statistics"
 * revision and, with `marker`, records that the history is in. One transaction.
 */
export function writeStatistics(
  sqlite: Database.Database,
  data: Pick<GeneratedStatistics, "days" | "processing">,
  options: { marker?: boolean; unless?: () => boolean } = {},
): boolean {
  const dayColumns = `day, serviceCode, municipality, channel, ${COUNT_COLUMNS.join(", ")}`;
  const addCounts = COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
  const insertDays = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO StatDay (${dayColumns}) VALUES ${placeholders(rows, 4 + COUNT_COLUMNS.length)}
       ON CONFLICT (day, serviceCode, municipality, channel) DO UPDATE SET ${addCounts}`,
    );
  const insertProcessing = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO StatDayProcessing (day, serviceCode, workingDays, count) VALUES ${placeholders(rows, 4)}
       ON CONFLICT (day, serviceCode, workingDays) DO UPDATE SET count = count + excluded.count`,
    );
  const bump = sqlite.prepare(
    "INSERT INTO Counter (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
  );
  const write = sqlite.transaction(() => {
    if (options.unless?.()) return false;
    inBatches(data.days, insertDays, (r, args) => {
      args.push(r.day, r.serviceCode, r.municipality, r.channel);
      for (const c of COUNT_COLUMNS) args.push(r[c]);
    });
    inBatches(data.processing, insertProcessing, (r, args) => {
      args.push(r.day, r.serviceCode, r.workingDays, r.count);
    });
    // The indicators' caches notice new statistics by this revision.
    bump.run(STATISTICS_COUNTER);
    if (options.marker) bump.run(HISTORY_MARKER);
    return true;
  });
  return write.immediate();
}

const COUNT_COLUMNS = [
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
/** Rows per INSERT statement: far fewer calls into SQLite than one row at a time. */
const ROWS_PER_STATEMENT = 100;

const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => "?").join(",")})`).join(",");

function inBatches<T>(
  rows: readonly T[],
  statement: (rows: number) => Database.Statement,
  bind: (row: T, args: (string | number)[]) => void,
): void {
  const full = statement(ROWS_PER_STATEMENT);
  const args: (string | number)[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const n = Math.min(ROWS_PER_STATEMENT, rows.length - i);
    args.length = 0;
    for (let j = i; j < i + n; j++) bind(rows[j]!, args);
    (n === ROWS_PER_STATEMENT ? full : statement(n)).run(args);
  }
}

export type HistoryResult = {
  written: boolean;
  statDays: number;
  processingRows: number;
  submitted: number;
  decided: number;
  seconds: number;
};

/**
 * Seeds the roll-up with the region's e-service history from 2016-01-01 to `until` (exclusive,
 * default today in the region). Does nothing when the history is already there.
 */
export async function seedStatisticsHistory(
  db: PrismaClient,
  options: { seed?: number; until?: string | Date } = {},
): Promise<HistoryResult> {
  const started = performance.now();
  const until = typeof options.until === "string" ? options.until : regionDate(options.until ?? new Date());
  const file = await databaseFileOf(db);
  const sqlite = new Database(file, { timeout: 10_000 });
  const result: HistoryResult = {
    written: false,
    statDays: 0,
    processingRows: 0,
    submitted: 0,
    decided: 0,
    seconds: 0,
  };
  try {
    if (!historyPresent(sqlite, until)) {
      const data = generateStatistics({ services: readHistoryServices(sqlite), seed: options.seed ?? 58, until });
      // Checked again under the write lock: another process may have seeded meanwhile.
      result.written = writeStatistics(sqlite, data, { marker: true, unless: () => historyPresent(sqlite, until) });
      if (result.written) {
        result.statDays = data.days.length;
        result.processingRows = data.processing.length;
        result.submitted = data.submitted;
        result.decided = data.decided;
      }
    }
  } finally {
    sqlite.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
