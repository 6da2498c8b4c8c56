import { describe, expect, it } from "vitest";
import {
  computeIndicators,
  percentile,
  sumAggregates,
  type Aggregate,
  type CatalogueFacts,
  type ServiceCounts,
} from "./compute";
import { INDICATORS, targetFor, indicatorByCode } from "./definitions";
import { parsePeriod, periodsBetween } from "./periods";

/* Every formula pinned on small hand-made data, including empty periods ("no data", never NaN). */
const service = (code: string, over: Partial<CatalogueFacts> = {}): CatalogueFacts => ({
  code,
  categorySlug: "education",
  departmentCode: "minobr",
  mszu: true,
  proactive: false,
  online: true,
  published: true,
  ...over,
});
const CATALOGUE: CatalogueFacts[] = [
  service("58-EDU-001"),
  service("58-EDU-004"),
  service("58-SOC-001", { categorySlug: "social-support", departmentCode: "mintrud" }),
  service("58-SOC-003", { categorySlug: "social-support", departmentCode: "mintrud", proactive: true }),
  service("58-SOC-009", { categorySlug: "social-support", departmentCode: "mintrud", online: false, mszu: false }),
  service("58-HLT-001", { categorySlug: "health", online: false }),
];
const counts = (serviceCode: string, over: Partial<ServiceCounts>, channel = "portal"): ServiceCounts => ({
  serviceCode,
  channel,
  submitted: 0,
  decided: 0,
  decidedOnTime: 0,
  completed: 0,
  completedNoVisit: 0,
  regulatoryDays: 0,
  ratings: 0,
  ratingSum: 0,
  ratingsHigh: 0,
  ...over,
});
const DATA: Aggregate = {
  counts: [
    counts("58-EDU-001", {
      submitted: 19,
      decided: 10,
      decidedOnTime: 9,
      completed: 9,
      completedNoVisit: 9,
      regulatoryDays: 50,
    }),
    counts("58-EDU-004", {
      submitted: 61,
      decided: 40,
      decidedOnTime: 30,
      completed: 40,
      completedNoVisit: 30,
      regulatoryDays: 0,
    }),
    counts("58-SOC-001", {
      submitted: 20,
      decided: 50,
      decidedOnTime: 45,
      completed: 45,
      completedNoVisit: 45,
      regulatoryDays: 500,
      ratings: 4,
      ratingSum: 18,
      ratingsHigh: 3,
    }),
    counts(
      "58-SOC-003",
      { decided: 5, decidedOnTime: 5, completed: 5, completedNoVisit: 5, regulatoryDays: 50 },
      "proactive",
    ),
  ],
  processing: [
    { serviceCode: "58-EDU-001", workingDays: 2, count: 10 },
    { serviceCode: "58-EDU-004", workingDays: 0, count: 40 },
    { serviceCode: "58-SOC-001", workingDays: 4, count: 30 },
    { serviceCode: "58-SOC-001", workingDays: 12, count: 20 },
    { serviceCode: "58-SOC-003", workingDays: 1, count: 5 },
  ],
};
const byCode = (values: ReturnType<typeof computeIndicators>) => Object.fromEntries(values.map((v) => [v.code, v]));

describe("indicator formulas", () => {
  const v = byCode(
    computeIndicators({
      aggregate: DATA,
      previous: { counts: [counts("58-EDU-004", { submitted: 80 })], processing: [] },
      catalogue: CATALOGUE,
      year: 2024,
    }),
  );

  it("counts e-applications with growth against the previous period", () => {
    expect(v["e-applications"]).toMatchObject({ value: 100, numerator: 100, extra: { previous: 80, growth: 25 } });
  });
  it("shares of МСЗУ and of social-support measures available online come from the catalogue", () => {
    // МСЗУ: EDU-001, EDU-004, SOC-001, SOC-003, HLT-001 (offline) → 4 of 5.
    expect(v["mszu-online"]).toMatchObject({ numerator: 4, denominator: 5, value: 80, target: 95 });
    expect(v["social-measures-online"]).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
  });
  it("decided on time over all decided", () => {
    expect(v["decided-on-time"]).toMatchObject({ numerator: 89, denominator: 105, value: 84.8, target: 80 });
  });
  it("processing time: median and p90 from the histogram, reduction against the regulatory mean", () => {
    // 105 decisions: 40 × 0, 5 × 1, 10 × 2, 30 × 4, 20 × 12 → the 53rd is 2 days, the 95th is 12.
    expect(v["processing-time"]).toMatchObject({ value: 2, denominator: 105 });
    expect(v["processing-time"]!.extra).toEqual({ p90: 12, regulatoryMean: 5.7, reduction: 2.9 });
  });
  it("satisfaction: Σ(k·Nk)/N with the share of 4–5", () => {
    expect(v.satisfaction).toMatchObject({ value: 4.5, numerator: 18, denominator: 4, target: 4.4 });
    expect(v.satisfaction!.extra).toEqual({ ratings: 4, highShare: 75 });
  });
  it("share of МСЗУ completed with no visit", () => {
    expect(v["no-visit"]).toMatchObject({ numerator: 89, denominator: 99, value: 89.9 });
  });
  it("proactive services with a result, and social-support measures assigned proactively", () => {
    expect(v["proactive-services"]).toMatchObject({ value: 1 });
    expect(v["social-measures-proactive"]).toMatchObject({ numerator: 5, denominator: 50, value: 10 });
    expect(v["social-measures-on-time"]).toMatchObject({ numerator: 50, denominator: 55, value: 90.9 });
  });
  it("share of first-grade enrollment among e-applications", () => {
    expect(v["school-enrollment-share"]).toMatchObject({ numerator: 19, denominator: 100, value: 19 });
  });
  it("utility bills paid online: no bills in the period, so no data", () => {
    expect(v["utility-bills-online"]).toMatchObject({ value: null, target: 39 });
  });
  it("utility bills paid online: bills of the months paid through the portal ÷ bills issued, summed over months", () => {
    const months = [
      { counts: [], processing: [], bills: { issued: 30, paidOnline: 12 } },
      { counts: [], processing: [], bills: { issued: 10, paidOnline: 3 } },
    ];
    const values = byCode(computeIndicators({ aggregate: sumAggregates(months), catalogue: CATALOGUE, year: 2024 }));
    expect(values["utility-bills-online"]).toMatchObject({ numerator: 15, denominator: 40, value: 37.5, target: 39 });
  });
});

describe("an empty period", () => {
  it("has no data instead of a division by zero", () => {
    const v = byCode(
      computeIndicators({ aggregate: { counts: [], processing: [] }, catalogue: CATALOGUE, year: 2026 }),
    );
    for (const code of ["decided-on-time", "satisfaction", "no-visit", "school-enrollment-share", "processing-time"]) {
      expect(v[code]!.value, code).toBeNull();
    }
    expect(v["e-applications"]).toMatchObject({ value: 0, extra: { previous: null, growth: null } });
    expect(v["mszu-online"]!.value).toBe(80);
    expect(computeIndicators({ aggregate: DATA, catalogue: [], year: 2026 }).every((x) => !Number.isNaN(x.value))).toBe(
      true,
    );
  });
});

describe("helpers", () => {
  it("adds months together", () => {
    const twice = sumAggregates([DATA, DATA]);
    expect(twice.counts.find((c) => c.serviceCode === "58-SOC-001")!.decided).toBe(100);
    expect(twice.processing.find((p) => p.serviceCode === "58-SOC-001" && p.workingDays === 12)!.count).toBe(40);
  });
  it("percentiles of a histogram", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([{ workingDays: 3, count: 1 }], 0.9)).toBe(3);
    expect(
      percentile(
        [
          { workingDays: 1, count: 1 },
          { workingDays: 9, count: 1 },
        ],
        0.5,
      ),
    ).toBe(1);
  });
  it("targets: the strategy's for 2022–2024, the latest known after it", () => {
    const onTime = indicatorByCode("decided-on-time")!;
    expect([2022, 2023, 2024, 2026].map((y) => targetFor(onTime, y))).toEqual([70, 75, 80, 80]);
    expect(targetFor(indicatorByCode("satisfaction")!, 2023)).toBe(3.9);
    expect(targetFor(indicatorByCode("e-applications")!, 2024)).toBeNull();
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
  });
  it("periods: years, quarters and months with the previous one", () => {
    expect(parsePeriod("2026")).toMatchObject({
      kind: "year",
      previous: "2025",
      months: expect.arrayContaining(["2026-01", "2026-12"]),
    });
    expect(parsePeriod("2026-Q1")).toMatchObject({ months: ["2026-01", "2026-02", "2026-03"], previous: "2025-Q4" });
    expect(parsePeriod("2026-01")).toMatchObject({ months: ["2026-01"], previous: "2025-12" });
    expect(parsePeriod("2026-13")).toBeNull();
    expect(parsePeriod("2026-Q5")).toBeNull();
    expect(periodsBetween(2025, 2026)).toHaveLength(2 * (1 + 4 + 12));
  });
});
