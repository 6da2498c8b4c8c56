import { validationMessage as m } from "~/domain/forms/validation-message";
import { regionDate } from "~/domain/region/clock";
import type { PriorityClass } from "./eligibility";

/*
 * A first-grade enrollment campaign (приёмная кампания в 1 класс, docs/enrollment.md): the instants its
 * two stages open and end, and how many schools one child may be applied to per stage. The
 * configuration is data (an administrator edits it per year; regions have opened on 18 or 29 March);
 * `defaultCampaign` is only the starting point of a new year.
 *
 * Every window is inclusive at both ends: `…OpensAt` is the first instant an application is accepted
 * and `…EndsAt` the last one (30 June 23:59:59.999 Moscow), so the end's region date is the stage's
 * last day, which is what the stage-1 order deadline counts from.
 */

export type Stage = 1 | 2;

export type EnrollmentCampaign = {
  year: number;
  stage1OpensAt: Date;
  stage1EndsAt: Date;
  stage2OpensAt: Date;
  stage2EndsAt: Date;
  /** How many schools one child may be applied to in each stage. */
  schoolsPerChild: { 1: number; 2: number };
};

/** The bounds an administrator may set `schoolsPerChild` to: a guard against typos, not a policy. */
export const SCHOOLS_PER_CHILD_MIN = 1;
export const SCHOOLS_PER_CHILD_MAX = 10;

const HOUR_MS = 3_600_000;
/*
 * Europe/Moscow (REGION_TIME_ZONE) has been UTC+3 all year since 2014; the tests check these
 * instants against the time zone itself, so a change of the zone fails them rather than the campaign.
 */
const REGION_UTC_OFFSET_HOURS = 3;

/** 00:00 of a date in the region's time. */
function regionMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - REGION_UTC_OFFSET_HOURS * HOUR_MS);
}

/** The last millisecond of a date in the region's time. */
function regionEndOfDay(year: number, month: number, day: number): Date {
  return new Date(regionMidnight(year, month, day + 1).getTime() - 1);
}

/** The federal dates (docs/enrollment.md): stage 1 from 1 April to 30 June, stage 2 from 6 July to 5 September. */
export function defaultCampaign(year: number): EnrollmentCampaign {
  return {
    year,
    stage1OpensAt: regionMidnight(year, 4, 1),
    stage1EndsAt: regionEndOfDay(year, 6, 30),
    stage2OpensAt: regionMidnight(year, 7, 6),
    stage2EndsAt: regionEndOfDay(year, 9, 5),
    schoolsPerChild: { 1: 1, 2: 1 },
  };
}

type CampaignField =
  | "year"
  | "stage1OpensAt"
  | "stage1EndsAt"
  | "stage2OpensAt"
  | "stage2EndsAt"
  | "schoolsPerChild.1"
  | "schoolsPerChild.2";

/** A problem with a campaign: the field it belongs to and a key of the "validation" namespace. */
export type CampaignIssue = { field: CampaignField; message: string };

const INSTANTS = ["stage1OpensAt", "stage1EndsAt", "stage2OpensAt", "stage2EndsAt"] as const;

/** What is wrong with a campaign an administrator entered; empty when nothing is. */
export function validateCampaign(campaign: EnrollmentCampaign): CampaignIssue[] {
  const issues: CampaignIssue[] = [];
  if (!Number.isInteger(campaign.year) || campaign.year < 2000 || campaign.year > 2100) {
    issues.push({ field: "year", message: "enrollment.campaign.yearInvalid" });
  }
  const valid = (instant: Date) => Number.isFinite(instant.getTime());
  for (const field of INSTANTS) {
    const instant = campaign[field];
    if (!valid(instant)) issues.push({ field, message: "enrollment.campaign.instantInvalid" });
    // The same year in the region's time: a campaign for 2027 runs within 2027.
    else if (regionDate(instant).slice(0, 4) !== String(campaign.year)) {
      issues.push({ field, message: m("enrollment.campaign.otherYear", { year: campaign.year }) });
    }
  }
  // Each instant after the one before it; stage 2 opens after stage 1 has ended.
  const order: [earlier: (typeof INSTANTS)[number], later: (typeof INSTANTS)[number], key: string][] = [
    ["stage1OpensAt", "stage1EndsAt", "enrollment.campaign.stage1EndsBeforeItOpens"],
    ["stage1EndsAt", "stage2OpensAt", "enrollment.campaign.stage2OpensBeforeStage1Ends"],
    ["stage2OpensAt", "stage2EndsAt", "enrollment.campaign.stage2EndsBeforeItOpens"],
  ];
  for (const [earlier, later, key] of order) {
    const a = campaign[earlier];
    const b = campaign[later];
    if (valid(a) && valid(b) && a.getTime() >= b.getTime()) issues.push({ field: later, message: key });
  }
  for (const stage of [1, 2] as const) {
    const limit = campaign.schoolsPerChild[stage];
    if (!Number.isInteger(limit) || limit < SCHOOLS_PER_CHILD_MIN || limit > SCHOOLS_PER_CHILD_MAX) {
      issues.push({
        field: `schoolsPerChild.${stage}`,
        message: m("enrollment.campaign.schoolsPerChildOutOfRange", {
          min: SCHOOLS_PER_CHILD_MIN,
          max: SCHOOLS_PER_CHILD_MAX,
        }),
      });
    }
  }
  return issues;
}

export type SchoolStageOptions = {
  /**
   * A school that has enrolled all its territory's children may open stage 2 before the campaign's
   * date (docs/enrollment.md): the instant it does, if it has. An instant before stage 1 ends counts as the
   * instant after it — stage 1 belongs to the territory's children until its end — and one after the
   * campaign's own opening changes nothing.
   */
  schoolStage2OpensAt?: Date | null;
};

/** The instant stage 2 opens at a school: the campaign's, or the school's earlier one. */
export function stage2OpensAtFor(campaign: EnrollmentCampaign, options: SchoolStageOptions = {}): Date {
  const early = options.schoolStage2OpensAt;
  if (!early) return campaign.stage2OpensAt;
  const afterStage1 = Math.max(early.getTime(), campaign.stage1EndsAt.getTime() + 1);
  return new Date(Math.min(afterStage1, campaign.stage2OpensAt.getTime()));
}

const within = (now: Date, from: Date, to: Date) => now.getTime() >= from.getTime() && now.getTime() <= to.getTime();

/** The stage open at a school at this instant, if any. */
export function stageOpenAt(campaign: EnrollmentCampaign, now: Date, options: SchoolStageOptions = {}): Stage | null {
  if (within(now, campaign.stage1OpensAt, campaign.stage1EndsAt)) return 1;
  if (within(now, stage2OpensAtFor(campaign, options), campaign.stage2EndsAt)) return 2;
  return null;
}

/** What the application rests on: stage 1 is only for the school's territory and the priority rights. */
export type StageClaim = {
  inTerritory: boolean;
  /** The priority class the application ranks in at this school (see `rankingPriorityClass`), or null. */
  priorityClass: PriorityClass | null;
};

export type SubmissionWindow =
  | { open: true; stage: Stage }
  | {
      open: false;
      reason: "notYetOpen" | "between" | "closed" | "stage1NotQualified";
      /** When it opens for this application; null when the campaign is over. */
      opensAt: Date | null;
    };

/**
 * Whether a parent may submit this application now, and if not, why and from when. Before stage 1
 * the reason is "notYetOpen" for everyone, with the opening that applies to the claim (stage 2's for
 * a child outside the territory without a priority right); during stage 1 such a child is told
 * "stage1NotQualified" and when stage 2 opens.
 */
export function submissionWindow(
  campaign: EnrollmentCampaign,
  now: Date,
  claim: StageClaim,
  options: SchoolStageOptions = {},
): SubmissionWindow {
  const stage2OpensAt = stage2OpensAtFor(campaign, options);
  const qualifiesForStage1 = claim.inTerritory || claim.priorityClass !== null;
  const stage = stageOpenAt(campaign, now, options);
  if (stage === 2) return { open: true, stage: 2 };
  if (stage === 1) {
    return qualifiesForStage1
      ? { open: true, stage: 1 }
      : { open: false, reason: "stage1NotQualified", opensAt: stage2OpensAt };
  }
  if (now.getTime() < campaign.stage1OpensAt.getTime()) {
    return { open: false, reason: "notYetOpen", opensAt: qualifiesForStage1 ? campaign.stage1OpensAt : stage2OpensAt };
  }
  if (now.getTime() < stage2OpensAt.getTime()) return { open: false, reason: "between", opensAt: stage2OpensAt };
  return { open: false, reason: "closed", opensAt: null };
}

/**
 * The campaign a draft prepared at this instant is for: the one whose 1 September is next, in the
 * region's time. 1 September itself still belongs to that year's campaign; from 2 September drafts
 * are for the next year's (a draft prepared in December 2026 is for 2027). An application submitted
 * in the last days of a stage 2 that runs past 1 September names its campaign explicitly.
 */
export function campaignYearFor(now: Date): number {
  const today = regionDate(now);
  const year = Number(today.slice(0, 4));
  return today.slice(5) <= "09-01" ? year : year + 1;
}
