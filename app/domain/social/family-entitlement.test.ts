import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { largeFamilyMeasures } from "../../../seeds/catalogue/large-family-measures";
import {
  asksFamilyForm,
  familyAnswer,
  familyChildren,
  familyFormDefaults,
  familyFormSchema,
  FAMILY_FORM_ROWS,
  monthRuns,
} from "./family-entitlement";
import { MeasureTermsSchema } from "./measures";

const TODAY = "2026-12-02";
const measures = largeFamilyMeasures.map((m) => ({ ...m, terms: MeasureTermsSchema.parse(m.terms) }));
const parse = (query: string) => parseWithZod(new URLSearchParams(query), { schema: familyFormSchema(TODAY) });

describe("the family form", () => {
  it("reads the dates typed, ignores empty rows and keeps the student tick with its row", () => {
    const submission = parse("child1=2018-05-01&child2=&student2=on&child3=2004-06-01&student3=on&child4=20.01.2022");
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && familyChildren(submission.value)).toEqual([
      { birthDate: "2018-05-01", fullTimeStudent: false },
      { birthDate: "2004-06-01", fullTimeStudent: true },
      { birthDate: "2022-01-20", fullTimeStudent: false },
    ]);
  });

  it("refuses a date that does not exist and a date in the future, naming the field", () => {
    const submission = parse("child1=2018-02-30&child2=2026-12-03&child3=2020-01-01");
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(Object.keys(reply.error ?? {})).toEqual(["child1", "child2"]);
    expect(reply.error?.child1?.[0]).toMatch(/^date\.invalid/);
    expect(reply.error?.child2?.[0]).toMatch(/^date\.tooLate/);
    // What was typed comes back to the form.
    expect(reply.initialValue).toMatchObject({ child1: "2018-02-30", child2: "2026-12-03" });
  });

  it("a crafted value is refused with a message of the form, never a 500", () => {
    const reply = parse("child1=2018-05-01&child1=2019-01-01&student2=yes").reply();
    expect(reply.error?.child1?.[0]).toMatch(/^date\.invalid/);
    expect(reply.error?.student2?.[0]).toMatch(/^choice\.invalid/);
  });

  it("today is a date of birth like any other", () => {
    expect(parse(`child1=${TODAY}`).status).toBe("success");
  });

  it("an empty form is a family of no children", () => {
    const submission = parse("child1=&child2=");
    expect(submission.status === "success" && familyChildren(submission.value)).toEqual([]);
  });

  it("knows whether the query carries the form at all", () => {
    expect(asksFamilyForm(new URLSearchParams("child1="))).toBe(true);
    expect(asksFamilyForm(new URLSearchParams("lng=en"))).toBe(false);
  });

  it("prefills from the profile, at most the rows there are, the youngest kept", () => {
    const children = Array.from({ length: 12 }, (_, i) => ({ birthDate: `${2010 + i}-01-01` }));
    const defaults = familyFormDefaults(children);
    expect(Object.keys(defaults)).toHaveLength(FAMILY_FORM_ROWS);
    expect(defaults.child1).toBe("2012-01-01");
    expect(defaults.child10).toBe("2021-01-01");
  });
});

describe("the family's answer", () => {
  it("three children (8, 4 and 15): every measure, with the amounts for this family", () => {
    const answer = familyAnswer(
      measures,
      [{ birthDate: "2018-05-01" }, { birthDate: "2022-06-15" }, { birthDate: "2011-09-30" }],
      TODAY,
    );
    expect(answer).toMatchObject({ counted: 3, needed: 3, large: true, largeUntil: "2029-09-29" });
    expect(answer.measures.map((m) => [m.code, m.amount])).toEqual([
      ["large-family-status", { kind: "none" }],
      ["utility-compensation", { kind: "share", percent: 30 }],
      ["school-clothing", { kind: "yearly", perChildKopecks: 500_000, totalKopecks: 1_000_000 }],
      [
        "school-transport",
        { kind: "monthly", perChildKopecks: 59_400, totalKopecks: 118_800, months: [9, 10, 11, 12, 1, 2, 3, 4, 5] },
      ],
      ["school-meals", { kind: "none" }],
      ["preschool-payment", { kind: "yearly", perChildKopecks: 61_000, totalKopecks: 61_000 }],
    ]);
    expect(answer.measures[0]?.certificateUntil).toBe("2029-09-29");
    expect(answer.measures[1]?.certificateUntil).toBeNull();
  });

  it("two children: not a large family, nothing is due", () => {
    const answer = familyAnswer(measures, [{ birthDate: "2018-05-01" }, { birthDate: "2022-06-15" }], TODAY);
    expect(answer).toMatchObject({ counted: 2, large: false, largeUntil: null });
    expect(answer.measures.every((m) => !m.entitlement.entitled && m.amount === null)).toBe(true);
  });
});

describe("months in runs", () => {
  it("September–May is one run across the new year", () => {
    expect(monthRuns([9, 10, 11, 12, 1, 2, 3, 4, 5])).toEqual([[9, 5]]);
  });
  it("separate months and the whole year", () => {
    expect(monthRuns([1, 3, 4])).toEqual([
      [1, 1],
      [3, 4],
    ]);
    expect(monthRuns([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([[1, 12]]);
  });
});
