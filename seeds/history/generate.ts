import { FIRST_GRADE_SERVICE } from "~/domain/indicators/compute";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";
import { createRandom } from "../random";
import { calendarDays, DAY_MS, dayMs, firstGradeWeight, serviceWeight, workingDayIndex } from "./days";
import { cumulative, pick, sum } from "./draw";
import {
  AFTER_HOURS_SHARE,
  CITY_DEPARTMENTS,
  HISTORY_START,
  MEAN_HIGH,
  MEAN_LOW,
  MUNICIPALITY_SHARE,
  OTHER_MUNICIPALITY_SHARE,
  PENZA_CITY,
  PROACTIVE_LATE_SHARE,
  PROACTIVE_RATED_SHARE,
  PROACTIVE_REFUSED_SHARE,
  PROACTIVE_WITHDRAWN_SHARE,
  RATED_SHARE,
  REFUSED_SHARE,
  SCORES_HIGH,
  SCORES_LOW,
  noVisitShare,
  onTimeTarget,
  proactiveShare,
  processingShare,
  ratingMean,
  withdrawnShare,
} from "./parameters";
import { planSegments } from "./plan";
import { COUNTER, createRollUp, type StatDayProcessingRow, type StatDayRow } from "./roll-up";

/*
 * The statistics history from its parameters (parameters.ts): each application is simulated, then
 * only its counts are kept, the way the live roll-up counts them (docs/indicators.md). Pure and
 * deterministic: one seeded PRNG per year (per segment), so a year's rows do not depend on `until`
 * once its decisions are all in.
 *
 * - An application that is not withdrawn is decided on a working day, `workingDays` after the
 *   registration day (one sent on a day off or after 18:00 counts from the next working day,
 *   docs/deadlines.md), so decisions come a few days after the submissions and those due on or after
 *   `until` are still pending: decided ≈ 90–97 % of submitted. Immediate services (deadline 0) are
 *   decided the same day in 0 working days.
 * - Late decisions have a probability calibrated per year to meet the year's on-time share; an
 *   on-time decision takes a triangular share of the deadline (capped at it), a late one deadline + 1
 *   + a tail of up to half the deadline + 3. decidedOnTime ⇔ workingDays ≤ deadline, as the live code
 *   counts it; regulatoryDays = decided × the service's deadlineDays.
 * - Ratings come on the decision day; ratingsHigh counts the 4s and 5s drawn.
 */
export type { StatDayProcessingRow, StatDayRow } from "./roll-up";

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

/** Simulates the applications of [since, until) and returns their daily roll-up. */
export function generateStatistics(options: GenerateStatisticsOptions): GeneratedStatistics {
  const seed = options.seed ?? 58;
  const since = options.since ?? HISTORY_START;
  const until = options.until;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !/^\d{4}-\d{2}-\d{2}$/.test(until)) {
    throw new RangeError("since and until must be YYYY-MM-DD");
  }
  const services = [...options.services].filter((s) => s.popularity > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  const fgIndex = services.findIndex((s) => s.code === FIRST_GRADE_SERVICE);
  const S = services.length;
  if (S === 0 || since >= until) return { days: [], processing: [], submitted: 0, decided: 0 };

  // Days from the start of the first segment, so segments clipped by `since` keep their weights.
  const firstSegmentStart = `${since.slice(0, 4)}-01-01`;
  const all = calendarDays(firstSegmentStart, until);
  const offset = Math.round((dayMs(since) - dayMs(firstSegmentStart)) / DAY_MS);
  const days = all.slice(offset);

  // Working days of [since, until): registration and decision days are counted on them.
  const { list: workingList, ordinal: workingOrdinal, next: nextWorking } = workingDayIndex(days);

  // Municipalities in the roll-up's key order ("" first), with their shares.
  const municipalities = ["", ...[...MUNICIPALITY_CODES].sort()];
  const muniShares = municipalities.map((m) => (m === "" ? 0 : (MUNICIPALITY_SHARE[m] ?? OTHER_MUNICIPALITY_SHARE)));
  muniShares[0] = Math.max(0.05, 1 - sum(muniShares));
  const muniCumulative = cumulative(muniShares);
  const cityIndex = municipalities.indexOf(PENZA_CITY);
  const M = municipalities.length;

  // Base totals over [since, until), before scaling.
  const plan = planSegments({ since, until, days, services, firstGrade: fgIndex });
  const planned = sum(plan.map((p) => p.firstGrade + p.others));
  const scale = options.applications !== undefined && planned > 0 ? options.applications / planned : 1;

  const rollUp = createRollUp(S, M);
  let submittedTotal = 0;
  let decidedTotal = 0;

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
      const at = rollUp.row(i, k, muni, appChannel[a]!);
      rollUp.add(at + COUNTER.submitted);
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
      const row = decisionDay === i ? at : rollUp.row(decisionDay, k, muni, appChannel[a]!);
      rollUp.add(row + COUNTER.decided);
      if (workingDays <= deadline) rollUp.add(row + COUNTER.decidedOnTime);
      rollUp.add(row + COUNTER.regulatoryDays, Math.max(0, deadline));
      decidedTotal++;
      rollUp.decision(decisionDay, k, workingDays);
      if (refused) continue;
      rollUp.add(row + COUNTER.completed);
      if (service.delivery !== "visit" && (isProactive || random() < noVisit))
        rollUp.add(row + COUNTER.completedNoVisit);
      if (random() < (isProactive ? PROACTIVE_RATED_SHARE : RATED_SHARE)) {
        const score = 1 + pick(random() < highMix ? scoresHigh : scoresLow, random());
        rollUp.add(row + COUNTER.ratings);
        rollUp.add(row + COUNTER.ratingSum, score);
        if (score >= 4) rollUp.add(row + COUNTER.ratingsHigh);
      }
    }
  }

  return { ...rollUp.rows(days, services, municipalities), submitted: submittedTotal, decided: decidedTotal };
}
