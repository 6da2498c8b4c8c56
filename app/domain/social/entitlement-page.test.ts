import { describe, expect, it } from "vitest";
import { largeFamilyMeasures } from "../../../seeds/catalogue/large-family-measures";
import { entitlementAnswer } from "./entitlement-page.server";
import { MeasureTermsSchema } from "./measures";

const TODAY = "2026-12-02";
const measures = largeFamilyMeasures.map((m) => ({ ...m, terms: MeasureTermsSchema.parse(m.terms) }));
const family = [
  { birthDate: "2012-03-10", fullTimeStudent: false },
  { birthDate: "2015-07-01", fullTimeStudent: false },
  { birthDate: "2023-01-20", fullTimeStudent: false },
];

describe("the entitlement page's answer", () => {
  it("puts the amounts, months and dates in the reader's words", () => {
    const ru = entitlementAnswer(measures, family, TODAY, "ru");
    expect(ru).toMatchObject({ date: "2 декабря 2026 г.", counted: 3, large: true });
    const transport = ru.measures.find((m) => m.amount?.kind === "monthly");
    expect(transport?.amount).toMatchObject({ months: "сентябрь–май" });
    expect(transport?.children).toBe(2);
    const en = entitlementAnswer(measures, family, TODAY, "en");
    expect(en.measures.find((m) => m.amount?.kind === "monthly")?.amount).toMatchObject({ months: "September–May" });
  });

  it("says why a measure is not open to a family that is not large", () => {
    const answer = entitlementAnswer(measures, family.slice(0, 2), TODAY, "ru");
    expect(answer.large).toBe(false);
    expect(answer.measures.every((m) => !m.entitled && m.reason === "not-large-family" && m.amount === null)).toBe(
      true,
    );
  });
});
