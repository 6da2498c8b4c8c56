import { z } from "zod";
import { regionDateTime } from "~/domain/calendar/working-days";
import { parseDate } from "~/domain/forms/form-schema";
import { parseValidationMessage, validationMessage as m } from "~/domain/forms/validation-message";
import {
  defaultCampaign,
  SCHOOLS_PER_CHILD_MAX,
  SCHOOLS_PER_CHILD_MIN,
  validateCampaign,
  type EnrollmentCampaign,
} from "./campaign";

/*
 * The administrators' form of a campaign (/admin/campaigns, /admin/campaigns/<year>): the four
 * instants as a date and a time in the region's time (Moscow), and the schools per child per stage.
 * One schema, used by Conform in the browser and by the action on the server; the rules are
 * campaign.ts's `validateCampaign` (each instant within the campaign's year, each after the one
 * before it, stage 2 opening after stage 1 has ended, 1–10 schools per child) and the federal
 * bound that stage 2 ends no later than 5 September (docs/enrollment.md).
 *
 * An end is inclusive to the end of its minute: "30.06, 23:59" is 23:59:59.999, so the default
 * campaign round-trips through the form unchanged and nothing is lost between 23:59 and midnight.
 *
 * Messages are keys of the "validation" namespace; the campaign's own ones live in the enrollment
 * namespace ("enrollment:campaignAdmin.errors.…").
 */

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The longest a date or time anyone types can be ("01.04.2027", "2027-04-01", "00:00"). */
const FIELD_MAX_LENGTH = 20;

export const INSTANT_FIELDS = ["stage1Opens", "stage1Ends", "stage2Opens", "stage2Ends"] as const;
export type InstantField = (typeof INSTANT_FIELDS)[number];

/**
 * The instant a date and an "HH:MM" name in the region's time zone (the zone's offset read from
 * Intl, not assumed), or null when the wall-clock time does not exist there.
 */
export function regionInstant(date: string, time: string): Date | null {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (!Number.isFinite(asUtc)) return null;
  // The zone's offset at that moment: what the region's clock shows at the UTC instant, less it.
  const shown = regionDateTime(new Date(asUtc));
  const offset = Date.parse(`${shown.date}T${shown.time}:00Z`) - asUtc;
  const instant = new Date(asUtc - offset);
  const back = regionDateTime(instant);
  return back.date === date && back.time === time ? instant : null;
}

/** What the form shows for an instant: its date and minute in the region's time. */
export function instantFields(instant: Date): { date: string; time: string } {
  return regionDateTime(instant);
}

const text = z
  .string({ message: m("required") })
  .trim()
  .min(1, { message: m("required") })
  .max(FIELD_MAX_LENGTH, { message: m("text.tooLong", { max: FIELD_MAX_LENGTH }) });

/** A date input's value (YYYY-MM-DD) or one typed as on documents (ДД.ММ.ГГГГ). */
const dateField = text.transform((input, ctx) => {
  const date = parseDate(input);
  if (!date) {
    ctx.addIssue({ code: "custom", message: m("date.invalid") });
    return z.NEVER;
  }
  return date;
});

const timeField = text.refine((input) => TIME.test(input), { message: m("time.invalid") });

const year = z
  .number({ message: m("number.integer") })
  .int({ message: m("number.integer") })
  .min(MIN_YEAR, { message: m("number.tooSmall", { min: MIN_YEAR }) })
  .max(MAX_YEAR, { message: m("number.tooLarge", { max: MAX_YEAR }) });

const schoolsPerChild = z
  .number({ message: m("number.integer") })
  .int({ message: m("number.integer") })
  .min(SCHOOLS_PER_CHILD_MIN, { message: m("number.tooSmall", { min: SCHOOLS_PER_CHILD_MIN }) })
  .max(SCHOOLS_PER_CHILD_MAX, { message: m("number.tooLarge", { max: SCHOOLS_PER_CHILD_MAX }) });

/** campaign.ts's field of an issue → the form's field it is shown at. */
const FIELD_OF_ISSUE: Record<string, string> = {
  year: "year",
  stage1OpensAt: "stage1OpensDate",
  stage1EndsAt: "stage1EndsDate",
  stage2OpensAt: "stage2OpensDate",
  stage2EndsAt: "stage2EndsDate",
  "schoolsPerChild.1": "schoolsPerChildStage1",
  "schoolsPerChild.2": "schoolsPerChildStage2",
};

/** "enrollment.campaign.otherYear|{…}" → "enrollment:campaignAdmin.errors.otherYear|{…}". */
function campaignMessage(message: string): string {
  const { key, params } = parseValidationMessage(message);
  const name = key.replace(/^enrollment\.campaign\./, "");
  return m(`enrollment:campaignAdmin.errors.${name}`, Object.keys(params).length > 0 ? params : undefined);
}

const CampaignFields = z.object({
  year,
  /** The campaign's `updatedAt` (ms) the page was shown with; absent when a campaign is added. */
  version: z.number().int().nonnegative().optional(),
  stage1OpensDate: dateField,
  stage1OpensTime: timeField,
  stage1EndsDate: dateField,
  stage1EndsTime: timeField,
  stage2OpensDate: dateField,
  stage2OpensTime: timeField,
  stage2EndsDate: dateField,
  stage2EndsTime: timeField,
  schoolsPerChildStage1: schoolsPerChild,
  schoolsPerChildStage2: schoolsPerChild,
});

type CampaignFields = z.output<typeof CampaignFields>;

/**
 * The campaign a valid form describes, or the first instant field whose wall-clock time does not
 * exist in the region (never in Moscow, which keeps no summer time; checked all the same).
 */
export function campaignOfForm(
  form: CampaignFields,
): { ok: true; campaign: EnrollmentCampaign } | { ok: false; field: InstantField } {
  const instants = {} as Record<InstantField, Date>;
  for (const field of INSTANT_FIELDS) {
    const start = regionInstant(form[`${field}Date`], form[`${field}Time`]);
    if (!start) return { ok: false, field };
    // An end is the last millisecond of its minute (see above).
    instants[field] = field.endsWith("Ends") ? new Date(start.getTime() + 59_999) : start;
  }
  return {
    ok: true,
    campaign: {
      year: form.year,
      stage1OpensAt: instants.stage1Opens,
      stage1EndsAt: instants.stage1Ends,
      stage2OpensAt: instants.stage2Opens,
      stage2EndsAt: instants.stage2Ends,
      schoolsPerChild: { 1: form.schoolsPerChildStage1, 2: form.schoolsPerChildStage2 },
    },
  };
}

/*
 * A refinement, not a transform: Conform reads the fields' constraints from a plain object schema.
 * It judges the campaign only once every field is valid (Zod would otherwise run it on a form with
 * a wrong time or number, and the summary would list consequences of that mistake as mistakes).
 */
export const CampaignFormSchema = CampaignFields.superRefine(judgeCampaign, {
  when: (payload) => payload.issues.length === 0,
});

function judgeCampaign(form: CampaignFields, ctx: z.RefinementCtx<CampaignFields>) {
  const built = campaignOfForm(form);
  if (!built.ok) {
    ctx.addIssue({ code: "custom", path: [`${built.field}Time`], message: m("time.invalid") });
    return;
  }
  const { campaign } = built;
  const issues = validateCampaign(campaign);
  for (const issue of issues) {
    ctx.addIssue({ code: "custom", path: [FIELD_OF_ISSUE[issue.field]!], message: campaignMessage(issue.message) });
  }
  // Stage 2 goes on until the places are filled, but no later than 5 September (docs/enrollment.md).
  const latest = defaultCampaign(form.year).stage2EndsAt;
  if (!issues.some((i) => i.field === "stage2EndsAt") && campaign.stage2EndsAt.getTime() > latest.getTime()) {
    ctx.addIssue({
      code: "custom",
      path: ["stage2EndsDate"],
      message: m("enrollment:campaignAdmin.errors.stage2EndsAfterSeptember5", { year: form.year }),
    });
  }
}

export type CampaignFormOutput = z.output<typeof CampaignFormSchema>;

/** The form's values for a campaign: its dates and minutes in Moscow time, as the inputs take them. */
export function campaignFormValues(campaign: EnrollmentCampaign, version?: number): Record<string, string> {
  const values: Record<string, string> = {
    year: String(campaign.year),
    schoolsPerChildStage1: String(campaign.schoolsPerChild[1]),
    schoolsPerChildStage2: String(campaign.schoolsPerChild[2]),
  };
  if (version !== undefined) values.version = String(version);
  const at: Record<InstantField, Date> = {
    stage1Opens: campaign.stage1OpensAt,
    stage1Ends: campaign.stage1EndsAt,
    stage2Opens: campaign.stage2OpensAt,
    stage2Ends: campaign.stage2EndsAt,
  };
  for (const field of INSTANT_FIELDS) {
    const { date, time } = instantFields(at[field]);
    values[`${field}Date`] = date;
    values[`${field}Time`] = time;
  }
  return values;
}
