import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { defaultCampaign } from "./campaign";
import { campaignFormValues, campaignOfForm, CampaignFormSchema, regionInstant } from "./campaign-forms";

const moscow = (local: string) => new Date(`${local}+03:00`);

/** The form as the browser sends it: FormData of strings. */
function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}
const defaults = campaignFormValues(defaultCampaign(2027));
const parse = (changes: Record<string, string> = {}) =>
  parseWithZod(form({ ...defaults, ...changes }), { schema: CampaignFormSchema });
const errorsOf = (changes: Record<string, string>) => {
  const result = parse(changes);
  expect(result.status).toBe("error");
  return (result.status === "error" ? result.error : null) ?? {};
};

describe("Moscow wall-clock time", () => {
  it("is UTC+3", () => {
    expect(regionInstant("2027-04-01", "00:00")).toEqual(new Date("2027-03-31T21:00:00.000Z"));
    expect(regionInstant("2027-03-18", "09:30")).toEqual(moscow("2027-03-18T09:30:00"));
  });
});

describe("the campaign form", () => {
  it("shows the default campaign as dates and minutes in Moscow time", () => {
    expect(defaults).toEqual({
      year: "2027",
      stage1OpensDate: "2027-04-01",
      stage1OpensTime: "00:00",
      stage1EndsDate: "2027-06-30",
      stage1EndsTime: "23:59",
      stage2OpensDate: "2027-07-06",
      stage2OpensTime: "00:00",
      stage2EndsDate: "2027-09-05",
      stage2EndsTime: "23:59",
      schoolsPerChildStage1: "1",
      schoolsPerChildStage2: "1",
    });
  });

  it("gives back the same campaign it showed: an end is the last millisecond of its minute", () => {
    const result = parse();
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(campaignOfForm(result.value)).toEqual({ ok: true, campaign: defaultCampaign(2027) });
  });

  it("takes an earlier opening, a date typed as on documents, and more schools per child", () => {
    const result = parse({
      stage1OpensDate: "18.03.2027",
      stage1OpensTime: "09:00",
      schoolsPerChildStage2: "3",
      version: "1700000000000",
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value.version).toBe(1_700_000_000_000);
    const built = campaignOfForm(result.value);
    expect(built.ok && built.campaign.stage1OpensAt).toEqual(moscow("2027-03-18T09:00:00.000"));
    expect(built.ok && built.campaign.schoolsPerChild).toEqual({ 1: 1, 2: 3 });
  });

  it.each([
    [{ stage1EndsDate: "2027-03-01" }, { stage1EndsDate: ["enrollment:campaignAdmin.errors.stage1EndsBeforeItOpens"] }],
    // Opening and end at the same minute: the end is at :59.999, still after it; one minute earlier is not.
    [{ stage1EndsDate: "2027-04-01", stage1EndsTime: "00:00" }, {}],
    [
      { stage2OpensDate: "2027-06-30", stage2OpensTime: "12:00" },
      { stage2OpensDate: ["enrollment:campaignAdmin.errors.stage2OpensBeforeStage1Ends"] },
    ],
    [{ stage2EndsDate: "2027-07-05" }, { stage2EndsDate: ["enrollment:campaignAdmin.errors.stage2EndsBeforeItOpens"] }],
    [
      { stage2EndsDate: "2027-09-06", stage2EndsTime: "00:00" },
      { stage2EndsDate: ['enrollment:campaignAdmin.errors.stage2EndsAfterSeptember5|{"year":2027}'] },
    ],
    [
      { stage1OpensDate: "2026-12-31" },
      { stage1OpensDate: ['enrollment:campaignAdmin.errors.otherYear|{"year":2027}'] },
    ],
    [{ stage1OpensDate: "31.02.2027" }, { stage1OpensDate: ["date.invalid"] }],
    [{ stage1OpensDate: "" }, { stage1OpensDate: ["required"] }],
    [{ stage2OpensTime: "24:00" }, { stage2OpensTime: ["time.invalid"] }],
    [{ stage2OpensTime: "9:00" }, { stage2OpensTime: ["time.invalid"] }],
    [{ schoolsPerChildStage1: "0" }, { schoolsPerChildStage1: ['number.tooSmall|{"min":1}'] }],
    [{ schoolsPerChildStage2: "11" }, { schoolsPerChildStage2: ['number.tooLarge|{"max":10}'] }],
    [{ schoolsPerChildStage2: "1.5" }, { schoolsPerChildStage2: ["number.integer"] }],
    [{ year: "1999" }, { year: ['number.tooSmall|{"min":2000}'] }],
  ] as const)("refuses %o", (changes, errors) => {
    if (Object.keys(errors).length === 0) {
      expect(parse(changes).status).toBe("success");
      return;
    }
    expect(errorsOf(changes)).toEqual(errors);
  });

  it("refuses a date or time of absurd length without parsing it", () => {
    expect(errorsOf({ stage1OpensDate: "1".repeat(10_000) })).toEqual({
      stage1OpensDate: ['text.tooLong|{"max":20}'],
    });
  });

  it("judges the whole campaign against its own year", () => {
    // The 2027 dates under the year 2028: every instant is in another year.
    expect(Object.keys(errorsOf({ year: "2028" })).sort()).toEqual([
      "stage1EndsDate",
      "stage1OpensDate",
      "stage2EndsDate",
      "stage2OpensDate",
    ]);
  });
});
