import { calendarDays, DAY_MS, dayMs, firstGradeWeight, serviceWeight, type Day } from "./days";
import { sum } from "./draw";
import { JAN_JUL_2020, segments, type Segment } from "./parameters";

/*
 * How many applications each segment of the series (parameters.ts) has within [since, until): its
 * total shared out by the seasonal weights of its days, so a clipped year holds the part of its
 * total that falls inside the range, with first-grade enrollment apart from the other services.
 */
export type SegmentPlan = {
  segment: Segment;
  /** Indices into `days`, [from, to). */
  from: number;
  to: number;
  /** Expected submissions in the range, before rounding and scaling. */
  firstGrade: number;
  others: number;
};

export function planSegments(input: {
  since: string;
  until: string;
  /** The days of [since, until). */
  days: Day[];
  services: readonly { code: string; popularity: number; categorySlug: string }[];
  /** The first-grade service's index in `services`, -1 when it is not there. */
  firstGrade: number;
}): SegmentPlan[] {
  const { since, until, days, services, firstGrade: fgIndex } = input;
  const D = days.length;
  const indexOf = (iso: string) => Math.round((dayMs(iso) - dayMs(since)) / DAY_MS);
  const firstSegmentStart = `${since.slice(0, 4)}-01-01`;
  // Full-segment weights need days beyond `until` too (the current year's rest).
  const lastYearEnd = `${Number(until.slice(0, 4)) + 1}-01-01`;
  const fullDays = calendarDays(firstSegmentStart, lastYearEnd);
  const fullIndexOf = (iso: string) => Math.round((dayMs(iso) - dayMs(firstSegmentStart)) / DAY_MS);

  return segments(since, until).map((segment) => {
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
}
