/*
 * The shape of the demo statistics history (docs/indicators.md): the yearly series, the rates that
 * change from year to year, and the seasonal, weekly and regional weights. Kept apart from the
 * simulation (generate.ts) so the demo's figures are read and changed in one place.
 *
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
 * - Withdrawn: 7 % of applications in 2016 falling to 3 % (1 % of proactive cases).
 * - On time: the share of all decisions made on time is 60 % (2016), 65 % (2019), 77 % (2022), 83 %
 *   (2024), 86 % (2026); an on-time decision takes ~60 % (2016) down to ~35 % (2026) of the deadline
 *   on average. Proactive cases take ~25 % of the deadline and are 98 % on time.
 * - 92 % of decisions complete the service, 8 % are refusals (3 % of proactive cases). A completed
 *   application needed no visit for services with online delivery in 70 % (2016) to 94 % (2026) of
 *   cases, always for proactive ones, never for services with delivery "visit".
 * - Ratings on ~30 % of decisions (32.5 % of completions; 10 % of proactive ones); a mixture of a
 *   lower and a higher score distribution gives means of 3.85 (2016), 4.1 (2019), 4.33 (2022),
 *   4.46 (2024), 4.53 (2026).
 */
export const HISTORY_START = "2016-01-01";
export const PENZA_CITY = "56701000";

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
export const JAN_JUL_2020 = { total: 14_799, firstGrade: 2_837 };
const LAST_SERIES_YEAR = 2026;

function yearTotal(year: number): number {
  if (SUBMITTED[year] !== undefined) return SUBMITTED[year];
  if (year < 2016) return 0;
  return Math.round(SUBMITTED[LAST_SERIES_YEAR]! * 1.15 ** (year - LAST_SERIES_YEAR));
}
function firstGradeTotal(year: number): number {
  return FIRST_GRADE_SUBMITTED[year] ?? (year < 2016 ? 0 : 10_000);
}

/** A part of a year with fixed totals: the whole year, or 2020's January–July and August–December. */
export type Segment = { year: number; part: number; from: string; to: string; total: number; firstGrade: number };

export function segments(since: string, until: string): Segment[] {
  const list: Segment[] = [];
  for (let year = Number(since.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    if (year === 2020) {
      list.push({ year, part: 1, from: "2020-01-01", to: "2020-08-01", ...JAN_JUL_2020 });
      // The first-grade tail of August–September is set by the generator from the stage-2 weights.
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

// ---------------------------------------------------------------------------------------------
// The rates by year

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

export const onTimeTarget = byYear({
  2016: 0.6,
  2019: 0.65,
  2020: 0.7,
  2021: 0.74,
  2022: 0.77,
  2024: 0.83,
  2026: 0.86,
});
/** Mean on-time processing as a share of the deadline. */
export const processingShare = byYear({ 2016: 0.6, 2020: 0.5, 2026: 0.35 });
export const withdrawnShare = byYear({ 2016: 0.07, 2026: 0.03 });
export const noVisitShare = byYear({ 2016: 0.7, 2026: 0.94 });
export const ratingMean = byYear({ 2016: 3.85, 2018: 4.0, 2019: 4.1, 2020: 4.2, 2022: 4.33, 2024: 4.46, 2026: 4.53 });
export const proactiveShare = (year: number) =>
  year < 2021 ? 0 : byYear({ 2021: 0.3, 2022: 0.45, 2023: 0.55, 2025: 0.68 })(year);

export const REFUSED_SHARE = 0.08;
export const PROACTIVE_REFUSED_SHARE = 0.03;
export const PROACTIVE_LATE_SHARE = 0.02;
export const PROACTIVE_WITHDRAWN_SHARE = 0.01;
export const RATED_SHARE = 0.325;
export const PROACTIVE_RATED_SHARE = 0.1;
export const AFTER_HOURS_SHARE = 0.22;
/** Scores 1–5 of a less and a more satisfied year (means 3.82 and 4.56); a year mixes the two. */
export const SCORES_LOW = [0.08, 0.07, 0.15, 0.35, 0.35];
export const SCORES_HIGH = [0.02, 0.02, 0.05, 0.2, 0.71];
export const MEAN_LOW = 3.82;
export const MEAN_HIGH = 4.56;

// ---------------------------------------------------------------------------------------------
// Shapes: month of year (January first), weekday, opening days, municipalities

export const SOCIAL_MONTHS = [1.5, 1.0, 1.0, 1.0, 0.95, 0.9, 0.85, 0.95, 1.0, 1.0, 1.0, 1.1];
export const MONTHS: Record<string, number[]> = {
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
export const WEEKDAY = [0.45, 1.18, 1.12, 1.08, 1.05, 0.97, 0.52];
export const HOLIDAY = 0.45;
export const NEW_YEAR_HOLIDAY = 0.35;
export const GROWTH_WITHIN_YEAR = 0.18;

export const MUNICIPALITY_SHARE: Record<string, number> = {
  [PENZA_CITY]: 0.47,
  "56705000": 0.07,
  "56734000": 0.06,
  "56603000": 0.018,
  "56644000": 0.008,
  "56647000": 0.008,
  "56654000": 0.01,
};
export const OTHER_MUNICIPALITY_SHARE = 0.01;
export const CITY_DEPARTMENTS = new Set(["penza-admin", "penza-education"]);
