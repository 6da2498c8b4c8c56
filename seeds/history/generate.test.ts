import { describe, expect, it } from "vitest";
import { COUNT_FIELDS, FIRST_GRADE_SERVICE } from "~/domain/indicators/compute";
import { generateStatistics, type GeneratedStatistics, type HistoryService } from "./generate";
import { PENZA_CITY } from "./parameters";

/*
 * The generator without a database, on a small hand-made catalogue: the series of parameters.ts
 * exactly, the same rows for the same seed, and counts that agree with each other the way the live
 * roll-up's do (docs/indicators.md). The seeded demo database is checked by
 * tests/integration/history.test.ts.
 */
const service = (code: string, facts: Partial<HistoryService>): HistoryService => ({
  code,
  deadlineDays: 10,
  delivery: "online",
  proactive: false,
  popularity: 5,
  categorySlug: "education",
  departmentCode: "mineduc",
  ...facts,
});
const SERVICES: HistoryService[] = [
  service(FIRST_GRADE_SERVICE, { deadlineDays: 7 }),
  service("58-EDU-002", { deadlineDays: 30, popularity: 8 }),
  service("58-SOC-001", { proactive: true, categorySlug: "social-support", departmentCode: "mintrud" }),
  // Immediate: decided on the day, in 0 working days.
  service("58-HOU-002", { deadlineDays: 0, popularity: 6, categorySlug: "housing", departmentCode: "minstroy" }),
  service("58-CITY-001", { delivery: "visit", popularity: 3, departmentCode: "penza-admin" }),
  service("58-OFF-001", { popularity: 0 }),
];
const deadlines = new Map(SERVICES.map((s) => [s.code, s.deadlineDays]));

const generate = (options: { seed?: number; since?: string; until?: string; applications?: number } = {}) =>
  generateStatistics({ services: SERVICES, until: "2021-01-01", ...options });
const history = generate();

const submittedBy = (data: GeneratedStatistics, test: (row: GeneratedStatistics["days"][number]) => boolean) =>
  data.days.filter(test).reduce((sum, row) => sum + row.submitted, 0);
const inYear = (data: GeneratedStatistics, year: number) => submittedBy(data, (row) => row.day.startsWith(`${year}-`));

describe("generateStatistics", () => {
  it("holds the series exactly: the yearly totals and the reported figures of 2019 and January–July 2020", () => {
    expect([2016, 2017, 2018, 2019, 2020].map((year) => inYear(history, year))).toEqual([
      2_989, 4_558, 12_062, 13_390, 25_000,
    ]);
    expect(submittedBy(history, (row) => row.day < "2020-08-01" && row.day >= "2020-01-01")).toBe(14_799);
    const firstGrade = (from: string, to: string) =>
      submittedBy(history, (row) => row.serviceCode === FIRST_GRADE_SERVICE && row.day >= from && row.day < to);
    expect(firstGrade("2019-01-01", "2020-01-01")).toBe(86);
    expect(firstGrade("2020-01-01", "2020-08-01")).toBe(2_837);
  });

  it("is deterministic: the same seed gives the same rows, another seed other rows with the same totals", () => {
    expect(generate()).toEqual(history);
    const other = generate({ seed: 7 });
    expect(other.days).not.toEqual(history.days);
    expect([2016, 2017, 2018, 2019, 2020].map((year) => inYear(other, year))).toEqual(
      [2016, 2017, 2018, 2019, 2020].map((year) => inYear(history, year)),
    );
  });

  it("gives a year the same rows whatever the range, once its decisions are all in", () => {
    const before2019 = (data: GeneratedStatistics) => ({
      days: data.days.filter((row) => row.day < "2019-01-01"),
      processing: data.processing.filter((row) => row.day < "2019-01-01"),
    });
    const expected = before2019(history);
    expect(expected.days.length).toBeGreaterThan(1000);
    expect(before2019(generate({ until: "2020-01-01" }))).toEqual(expected);
    // Started later, a year keeps its submissions (its decisions gain none of the year before's).
    const submissions = (rows: GeneratedStatistics["days"]) =>
      rows
        .filter((row) => row.day >= "2018-01-01" && row.submitted > 0)
        .map(({ day, serviceCode, municipality, channel, submitted }) => [
          day,
          serviceCode,
          municipality,
          channel,
          submitted,
        ]);
    const from2018 = before2019(generate({ since: "2018-01-01", until: "2020-01-01" }));
    expect(submissions(from2018.days)).toEqual(submissions(expected.days));
  });

  it("writes every counter of the domain's list, consistent with each other and with the totals", () => {
    const columns = ["day", "serviceCode", "municipality", "channel", ...COUNT_FIELDS].join();
    const wrong = history.days.filter(
      (row) =>
        Object.keys(row).join() !== columns ||
        COUNT_FIELDS.some((field) => !Number.isInteger(row[field]) || row[field] < 0) ||
        row.decidedOnTime > row.decided ||
        row.completed > row.decided ||
        row.completedNoVisit > row.completed ||
        row.ratingsHigh > row.ratings ||
        row.ratings > row.ratingSum ||
        row.ratingSum > 5 * row.ratings ||
        row.regulatoryDays !== row.decided * deadlines.get(row.serviceCode)! ||
        row.submitted + row.decided + row.ratings === 0,
    );
    expect(history.days.length).toBeGreaterThan(10_000);
    expect(wrong.slice(0, 3)).toEqual([]);
    const total = (field: (typeof COUNT_FIELDS)[number]) => history.days.reduce((sum, row) => sum + row[field], 0);
    expect(total("submitted")).toBe(history.submitted);
    expect(total("decided")).toBe(history.decided);
    expect(history.processing.reduce((sum, row) => sum + row.count, 0)).toBe(history.decided);
    // Decisions come after submissions; those due on or after `until` are still pending.
    expect(history.decided / history.submitted).toBeGreaterThan(0.9);
    expect(history.decided).toBeLessThan(history.submitted);
    // Immediate services are decided the same day.
    const immediate = history.processing.filter((row) => row.serviceCode === "58-HOU-002");
    expect(immediate.length).toBeGreaterThan(0);
    expect(immediate.every((row) => row.workingDays === 0)).toBe(true);
  });

  it("keeps the catalogue's facts: no visitless visit service, the city's services from the city, proactive only since 2021", () => {
    const rows = generate({ since: "2020-06-01", until: "2022-01-01" }).days;
    const visit = rows.filter((row) => row.serviceCode === "58-CITY-001");
    expect(visit.length).toBeGreaterThan(0);
    expect(visit.every((row) => row.completedNoVisit === 0 && row.municipality === PENZA_CITY)).toBe(true);
    expect(rows.some((row) => row.serviceCode === "58-OFF-001")).toBe(false);
    const proactive = rows.filter((row) => row.channel === "proactive");
    expect(proactive.length).toBeGreaterThan(0);
    expect(proactive.every((row) => row.serviceCode === "58-SOC-001" && row.day >= "2021-01-01")).toBe(true);
    expect(rows.every((row) => row.channel === "portal" || row.channel === "proactive")).toBe(true);
  });

  it("scales to the volume asked for within [since, until)", () => {
    const scaled = generate({ since: "2019-03-10", until: "2020-06-01", applications: 10_000 });
    // Rounded per segment: 2019 and 2020's January–July.
    expect(Math.abs(scaled.submitted - 10_000)).toBeLessThanOrEqual(2);
    expect(scaled.days.every((row) => row.day >= "2019-03-10" && row.day < "2020-06-01")).toBe(true);
    expect(scaled.processing.every((row) => row.day >= "2019-03-10" && row.day < "2020-06-01")).toBe(true);
  });
});
