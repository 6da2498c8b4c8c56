import { describe, expect, it } from "vitest";
import { largeFamilyMeasures } from "../../../seeds/catalogue/large-family-measures";
import {
  addMonths,
  countedChildren,
  entitlement,
  entitlements,
  isLargeFamily,
  largeFamilyUntil,
  MeasureTermsSchema,
  paymentSchedule,
  type FamilyChild,
  type MeasureTerms,
} from "./measures";

/*
 * The large-family rules at their edges (docs/social-support.md): the third child, the 18th birthday
 * (the day before and the day itself), a student under 23, 29 February, each measure's ages, the
 * certificate's validity and the payments of a grant.
 */
const TODAY = "2026-12-02";
const terms = (code: string): MeasureTerms => {
  const measure = largeFamilyMeasures.find((m) => m.code === code);
  if (!measure) throw new Error(`no measure ${code}`);
  return MeasureTermsSchema.parse(measure.terms);
};
const born = (birthDate: string, fullTimeStudent?: boolean): FamilyChild => ({ birthDate, fullTimeStudent });

describe("who is a large family", () => {
  it("two children are not a large family; three are", () => {
    const two = [born("2018-05-01"), born("2021-03-10")];
    expect(isLargeFamily(two, TODAY)).toBe(false);
    expect(isLargeFamily([...two, born("2012-01-15")], TODAY)).toBe(true);
  });

  it("the third child counts until the day before the 18th birthday, not on the birthday", () => {
    const family = [born("2018-05-01"), born("2021-03-10"), born("2008-12-03")];
    expect(isLargeFamily(family, "2026-12-02")).toBe(true);
    expect(countedChildren(family, "2026-12-02")).toHaveLength(3);
    expect(isLargeFamily(family, "2026-12-03")).toBe(false);
    expect(countedChildren(family, "2026-12-03").map((c) => c.birthDate)).toEqual(["2018-05-01", "2021-03-10"]);
  });

  it("a full-time student counts at 22, not at 23; a non-student of 18 does not count", () => {
    const younger = [born("2018-05-01"), born("2021-03-10")];
    expect(isLargeFamily([...younger, born("2004-06-01", true)], TODAY)).toBe(true); // 22
    expect(isLargeFamily([...younger, born("2003-06-01", true)], TODAY)).toBe(false); // 23
    expect(isLargeFamily([...younger, born("2008-06-01")], TODAY)).toBe(false); // 18, not a student
    expect(isLargeFamily([...younger, born("2008-06-01", true)], TODAY)).toBe(true); // 18, a student
    // The student's 23rd birthday is the first day they no longer count.
    const student = [...younger, born("2004-12-03", true)];
    expect(isLargeFamily(student, "2027-12-02")).toBe(true);
    expect(isLargeFamily(student, "2027-12-03")).toBe(false);
  });

  it("a child born on 29 February turns 18 on 1 March in a common year", () => {
    const family = [born("2018-05-01"), born("2021-03-10"), born("2008-02-29")];
    expect(isLargeFamily(family, "2026-02-28")).toBe(true);
    expect(isLargeFamily(family, "2026-03-01")).toBe(false);
    expect(largeFamilyUntil(family, "2025-12-01")).toBe("2026-02-28");
    // A student born on 29 February 2004 stops counting on 1 March 2027 (23 in a common year).
    const student = [born("2018-05-01"), born("2021-03-10"), born("2004-02-29", true)];
    expect(isLargeFamily(student, "2027-02-28")).toBe(true);
    expect(isLargeFamily(student, "2027-03-01")).toBe(false);
  });

  it("a child not yet born on the day does not count", () => {
    const family = [born("2018-05-01"), born("2021-03-10"), born("2026-12-03")];
    expect(countedChildren(family, TODAY)).toHaveLength(2);
    expect(isLargeFamily(family, TODAY)).toBe(false);
    expect(isLargeFamily(family, "2026-12-03")).toBe(true);
  });
});

describe("each measure's entitlement", () => {
  // 8, 4 and 15 years old on TODAY.
  const family = [born("2018-05-01"), born("2022-06-15"), born("2011-09-30")];

  it("a family that is not large is entitled to nothing, whatever the ages", () => {
    const two = family.slice(0, 2);
    for (const measure of largeFamilyMeasures) {
      expect(entitlement(terms(measure.code), two, TODAY)).toEqual({ entitled: false, reason: "not-large-family" });
    }
  });

  it("family-level measures need no child of any age", () => {
    expect(entitlement(terms("large-family-status"), family, TODAY)).toEqual({ entitled: true, children: 0 });
    expect(entitlement(terms("utility-compensation"), family, TODAY)).toEqual({ entitled: true, children: 0 });
  });

  it("schoolchildren's measures count the children of 7 to 17 full years", () => {
    for (const code of ["school-clothing", "school-transport", "school-meals"]) {
      expect(entitlement(terms(code), family, TODAY)).toEqual({ entitled: true, children: 2 });
    }
  });

  it("a child counts as a schoolchild from the 7th birthday to the day before the 18th", () => {
    const edges = [born("2019-12-03"), born("2019-12-02"), born("2008-12-03"), born("2008-12-02", true)];
    // 6 (turns 7 tomorrow), 7 (today), 17 (turns 18 tomorrow), 18 (a student: counts for the family, not as a schoolchild).
    expect(entitlement(terms("school-clothing"), edges, TODAY)).toEqual({ entitled: true, children: 2 });
  });

  it("the preschool payment counts the children under 6", () => {
    expect(entitlement(terms("preschool-payment"), family, TODAY)).toEqual({ entitled: true, children: 1 });
    const noneUnderSix = [born("2018-05-01"), born("2020-12-02"), born("2011-09-30")]; // 8, 6 today, 15
    expect(entitlement(terms("preschool-payment"), noneUnderSix, TODAY)).toEqual({
      entitled: false,
      reason: "no-children-of-age",
    });
    const sixTomorrow = [born("2018-05-01"), born("2020-12-03"), born("2011-09-30")];
    expect(entitlement(terms("preschool-payment"), sixTomorrow, TODAY)).toEqual({ entitled: true, children: 1 });
  });

  it("a large family of students and toddlers has no schoolchild measures", () => {
    const family = [born("2005-01-10", true), born("2006-02-11", true), born("2024-03-12")];
    expect(isLargeFamily(family, TODAY)).toBe(true);
    expect(entitlement(terms("school-meals"), family, TODAY)).toEqual({
      entitled: false,
      reason: "no-children-of-age",
    });
  });

  it("children not yet born are ignored by every measure", () => {
    const withUnborn = [...family, born("2027-01-05")];
    for (const measure of largeFamilyMeasures) {
      expect(entitlement(terms(measure.code), withUnborn, TODAY)).toEqual(
        entitlement(terms(measure.code), family, TODAY),
      );
    }
  });

  it("every measure of the package, in the package's order", () => {
    const shuffled = [...largeFamilyMeasures].reverse();
    const answer = entitlements(shuffled, family, TODAY);
    expect(answer.map((a) => a.measure.code)).toEqual(largeFamilyMeasures.map((m) => m.code));
    expect(answer.map((a) => (a.entitlement.entitled ? a.entitlement.children : a.entitlement.reason))).toEqual([
      0, 0, 2, 2, 2, 1,
    ]);
  });
});

describe("the certificate's validity", () => {
  it("is the day before the third-longest-counting child stops counting", () => {
    // The 15-year-old turns 18 on 2029-09-30; the others count longer.
    const family = [born("2018-05-01"), born("2022-06-15"), born("2011-09-30")];
    expect(largeFamilyUntil(family, TODAY)).toBe("2029-09-29");
  });

  it("with four children, the third of them decides; a student counts to 23", () => {
    const family = [born("2018-05-01"), born("2022-06-15"), born("2011-09-30"), born("2010-01-20", true)];
    // Ends: 2040-06-15, 2036-05-01, 2033-01-20 (the student), 2029-09-30.
    expect(largeFamilyUntil(family, TODAY)).toBe("2033-01-19");
  });

  it("is null when the family is not large", () => {
    expect(largeFamilyUntil([born("2018-05-01"), born("2022-06-15")], TODAY)).toBeNull();
  });
});

describe("a granted measure's payments", () => {
  it("a yearly amount per child is paid once, in the month after the decision", () => {
    expect(paymentSchedule(terms("school-clothing"), "2026-08-20", 2)).toEqual([
      { month: "2026-09", amountKopecks: 1_000_000, percent: null, children: 2 },
    ]);
    expect(paymentSchedule(terms("preschool-payment"), "2026-12-31", 1)).toEqual([
      { month: "2027-01", amountKopecks: 61_000, percent: null, children: 1 },
    ]);
  });

  it("a yearly amount over 24 months is paid in the first month of each year of the schedule", () => {
    const twoYears = { ...terms("school-clothing"), scheduleMonths: 24 };
    expect(paymentSchedule(twoYears, "2026-08-20", 1).map((p) => p.month)).toEqual(["2026-09", "2027-09"]);
  });

  it("transport decided in August: September to May of the school year, nine payments", () => {
    const schedule = paymentSchedule(terms("school-transport"), "2026-08-15", 2);
    expect(schedule.map((p) => p.month)).toEqual([
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
    ]);
    expect(new Set(schedule.map((p) => p.amountKopecks))).toEqual(new Set([118_800]));
  });

  it("transport decided in December: January to May, then September to December", () => {
    const schedule = paymentSchedule(terms("school-transport"), "2026-12-10", 1);
    expect(schedule.map((p) => p.month)).toEqual([
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-09",
      "2027-10",
      "2027-11",
      "2027-12",
    ]);
    expect(schedule[0]).toEqual({ month: "2027-01", amountKopecks: 59_400, percent: null, children: 1 });
  });

  it("a share is due every month for the family, with no amount", () => {
    const schedule = paymentSchedule(terms("utility-compensation"), "2026-12-10", 0);
    expect(schedule).toHaveLength(12);
    expect(schedule[0]).toEqual({ month: "2027-01", amountKopecks: null, percent: 30, children: null });
    expect(schedule.at(-1)?.month).toBe("2027-12");
  });

  it("a measure without money has no payments", () => {
    expect(paymentSchedule(terms("large-family-status"), "2026-12-10", 0)).toEqual([]);
    expect(paymentSchedule(terms("school-meals"), "2026-12-10", 2)).toEqual([]);
  });

  it("months roll over the year", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", 23)).toBe("2027-12");
  });
});
