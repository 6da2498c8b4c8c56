import { describe, expect, it } from "vitest";
import { regionDateTime } from "~/domain/calendar/working-days";
import {
  campaignYearFor,
  defaultCampaign,
  stage2OpensAtFor,
  stageOpenAt,
  submissionWindow,
  validateCampaign,
  type EnrollmentCampaign,
} from "./campaign";

/** A Moscow wall-clock time as an instant (Moscow is UTC+3 all year). */
const moscow = (local: string) => new Date(`${local}+03:00`);
const shift = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

const campaign = defaultCampaign(2027);

describe("the default campaign", () => {
  it("opens and ends at the federal dates, in the region's time", () => {
    expect(campaign).toEqual({
      year: 2027,
      stage1OpensAt: moscow("2027-04-01T00:00:00.000"),
      stage1EndsAt: moscow("2027-06-30T23:59:59.999"),
      stage2OpensAt: moscow("2027-07-06T00:00:00.000"),
      stage2EndsAt: moscow("2027-09-05T23:59:59.999"),
      schoolsPerChild: { 1: 1, 2: 1 },
    });
  });

  it("is at midnight by the region's time zone itself", () => {
    expect(regionDateTime(campaign.stage1OpensAt)).toEqual({ date: "2027-04-01", time: "00:00" });
    expect(regionDateTime(campaign.stage1EndsAt)).toEqual({ date: "2027-06-30", time: "23:59" });
    expect(regionDateTime(campaign.stage2OpensAt)).toEqual({ date: "2027-07-06", time: "00:00" });
    expect(regionDateTime(campaign.stage2EndsAt)).toEqual({ date: "2027-09-05", time: "23:59" });
  });

  it("is valid", () => {
    expect(validateCampaign(campaign)).toEqual([]);
    expect(validateCampaign(defaultCampaign(2026))).toEqual([]);
  });
});

describe("validating a campaign", () => {
  const withChanges = (changes: Partial<EnrollmentCampaign>): EnrollmentCampaign => ({ ...campaign, ...changes });

  it.each<[string, Partial<EnrollmentCampaign>, { field: string; message: string }[]]>([
    [
      "stage 1 ending before it opens",
      { stage1EndsAt: moscow("2027-03-31T23:59:59.999") },
      [{ field: "stage1EndsAt", message: "enrollment.campaign.stage1EndsBeforeItOpens" }],
    ],
    [
      "stage 1 ending at the instant it opens",
      { stage1EndsAt: campaign.stage1OpensAt },
      [{ field: "stage1EndsAt", message: "enrollment.campaign.stage1EndsBeforeItOpens" }],
    ],
    [
      "stage 2 opening while stage 1 runs",
      { stage2OpensAt: moscow("2027-06-30T12:00:00") },
      [{ field: "stage2OpensAt", message: "enrollment.campaign.stage2OpensBeforeStage1Ends" }],
    ],
    [
      "stage 2 ending before it opens",
      { stage2EndsAt: moscow("2027-07-05T00:00:00") },
      [{ field: "stage2EndsAt", message: "enrollment.campaign.stage2EndsBeforeItOpens" }],
    ],
    [
      "an instant in another year of the region's time",
      // 31 December 2026 22:00 UTC is already 1 January 2027 in Moscow: that one is in the year.
      { stage1OpensAt: moscow("2026-12-31T23:59:59.999") },
      [{ field: "stage1OpensAt", message: 'enrollment.campaign.otherYear|{"year":2027}' }],
    ],
    [
      "an invalid instant",
      { stage2OpensAt: new Date(Number.NaN) },
      [{ field: "stage2OpensAt", message: "enrollment.campaign.instantInvalid" }],
    ],
    [
      "no school per child",
      { schoolsPerChild: { 1: 0, 2: 1 } },
      [{ field: "schoolsPerChild.1", message: 'enrollment.campaign.schoolsPerChildOutOfRange|{"min":1,"max":10}' }],
    ],
    [
      "too many schools per child, or a fraction",
      { schoolsPerChild: { 1: 10, 2: 11 } },
      [{ field: "schoolsPerChild.2", message: 'enrollment.campaign.schoolsPerChildOutOfRange|{"min":1,"max":10}' }],
    ],
    [
      "a fractional limit",
      { schoolsPerChild: { 1: 1.5, 2: 3 } },
      [{ field: "schoolsPerChild.1", message: 'enrollment.campaign.schoolsPerChildOutOfRange|{"min":1,"max":10}' }],
    ],
    [
      "a nonsense year",
      { year: 20277 },
      expect.arrayContaining([{ field: "year", message: "enrollment.campaign.yearInvalid" }]),
    ],
  ])("reports %s", (_, changes, issues) => {
    expect(validateCampaign(withChanges(changes))).toEqual(issues);
  });

  it("accepts a region opening on 18 March with other limits", () => {
    expect(
      validateCampaign(withChanges({ stage1OpensAt: moscow("2027-03-18T00:00:00"), schoolsPerChild: { 1: 1, 2: 3 } })),
    ).toEqual([]);
  });
});

describe("the stage open at an instant", () => {
  it.each<[string, Date, 1 | 2 | null]>([
    ["a millisecond before stage 1", shift(campaign.stage1OpensAt, -1), null],
    ["the instant stage 1 opens", campaign.stage1OpensAt, 1],
    ["the last millisecond of stage 1", campaign.stage1EndsAt, 1],
    ["a millisecond after stage 1", shift(campaign.stage1EndsAt, 1), null],
    ["5 July, between the stages", moscow("2027-07-05T12:00:00"), null],
    ["a millisecond before stage 2", shift(campaign.stage2OpensAt, -1), null],
    ["the instant stage 2 opens", campaign.stage2OpensAt, 2],
    ["the last millisecond of stage 2", campaign.stage2EndsAt, 2],
    ["a millisecond after stage 2", shift(campaign.stage2EndsAt, 1), null],
  ])("%s", (_, now, stage) => {
    expect(stageOpenAt(campaign, now)).toBe(stage);
  });

  it("opens stage 2 early at a school that has filled its territory", () => {
    const options = { schoolStage2OpensAt: moscow("2027-07-02T00:00:00") };
    expect(stageOpenAt(campaign, moscow("2027-07-01T23:59:59.999"), options)).toBeNull();
    expect(stageOpenAt(campaign, moscow("2027-07-02T00:00:00"), options)).toBe(2);
    expect(stageOpenAt(campaign, moscow("2027-07-02T00:00:00"))).toBeNull();
  });

  it.each<[string, Date, Date]>([
    // Stage 1 is the territory's until its end: an early opening inside it starts right after it.
    ["an opening inside stage 1", moscow("2027-06-15T00:00:00"), shift(campaign.stage1EndsAt, 1)],
    ["an opening after the campaign's", moscow("2027-07-10T00:00:00"), campaign.stage2OpensAt],
    ["an opening between the stages", moscow("2027-07-01T09:00:00"), moscow("2027-07-01T09:00:00")],
  ])("clamps %s", (_, early, effective) => {
    expect(stage2OpensAtFor(campaign, { schoolStage2OpensAt: early })).toEqual(effective);
  });

  it("keeps stage 1 at a school opening stage 2 during it", () => {
    const options = { schoolStage2OpensAt: moscow("2027-06-15T00:00:00") };
    expect(stageOpenAt(campaign, moscow("2027-06-20T00:00:00"), options)).toBe(1);
    expect(stageOpenAt(campaign, shift(campaign.stage1EndsAt, 1), options)).toBe(2);
  });
});

describe("the submission window", () => {
  const territory = { inTerritory: true, priorityClass: null };
  const priority = { inTerritory: false, priorityClass: "first" as const };
  const elsewhere = { inTerritory: false, priorityClass: null };

  it.each([
    [
      "territory, before stage 1",
      shift(campaign.stage1OpensAt, -1),
      territory,
      { open: false, reason: "notYetOpen", opensAt: campaign.stage1OpensAt },
    ],
    [
      "priority, before stage 1",
      shift(campaign.stage1OpensAt, -1),
      priority,
      { open: false, reason: "notYetOpen", opensAt: campaign.stage1OpensAt },
    ],
    [
      "elsewhere, before stage 1",
      shift(campaign.stage1OpensAt, -1),
      elsewhere,
      { open: false, reason: "notYetOpen", opensAt: campaign.stage2OpensAt },
    ],
    ["territory, at the opening", campaign.stage1OpensAt, territory, { open: true, stage: 1 }],
    ["priority, at the opening", campaign.stage1OpensAt, priority, { open: true, stage: 1 }],
    [
      "elsewhere, at the opening",
      campaign.stage1OpensAt,
      elsewhere,
      { open: false, reason: "stage1NotQualified", opensAt: campaign.stage2OpensAt },
    ],
    ["territory, at the end of stage 1", campaign.stage1EndsAt, territory, { open: true, stage: 1 }],
    [
      "territory, after stage 1",
      shift(campaign.stage1EndsAt, 1),
      territory,
      { open: false, reason: "between", opensAt: campaign.stage2OpensAt },
    ],
    [
      "elsewhere, before stage 2",
      shift(campaign.stage2OpensAt, -1),
      elsewhere,
      { open: false, reason: "between", opensAt: campaign.stage2OpensAt },
    ],
    ["elsewhere, at stage 2", campaign.stage2OpensAt, elsewhere, { open: true, stage: 2 }],
    ["territory, at stage 2", campaign.stage2OpensAt, territory, { open: true, stage: 2 }],
    ["elsewhere, at the end of stage 2", campaign.stage2EndsAt, elsewhere, { open: true, stage: 2 }],
    [
      "elsewhere, after stage 2",
      shift(campaign.stage2EndsAt, 1),
      elsewhere,
      { open: false, reason: "closed", opensAt: null },
    ],
  ] as const)("%s", (_, now, claim, window) => {
    expect(submissionWindow(campaign, now, claim)).toEqual(window);
  });

  it("tells of a school's early stage 2", () => {
    const options = { schoolStage2OpensAt: moscow("2027-07-02T00:00:00") };
    expect(submissionWindow(campaign, moscow("2027-05-01T10:00:00"), elsewhere, options)).toEqual({
      open: false,
      reason: "stage1NotQualified",
      opensAt: moscow("2027-07-02T00:00:00"),
    });
    expect(submissionWindow(campaign, moscow("2027-07-02T00:00:00"), elsewhere, options)).toEqual({
      open: true,
      stage: 2,
    });
  });
});

describe("the campaign a draft is for", () => {
  it.each([
    ["December 2026", moscow("2026-12-15T12:00:00"), 2027],
    ["March 2027", moscow("2027-03-31T23:59:59"), 2027],
    ["1 September 2027, late evening", moscow("2027-09-01T23:59:59.999"), 2027],
    ["2 September 2027, just after midnight in Moscow", moscow("2027-09-02T00:00:00"), 2028],
    // Still 1 September in UTC, already 2 September in the region.
    ["2 September 2027 00:30 Moscow", new Date("2027-09-01T21:30:00Z"), 2028],
    ["New Year's night in Moscow", new Date("2026-12-31T21:00:00Z"), 2027],
  ])("%s → %i", (_, now, year) => {
    expect(campaignYearFor(now)).toBe(year);
  });
});
