import { describe, expect, it } from "vitest";
import { defaultCampaign } from "./campaign";
import {
  campaignPhase,
  dashboardSearch,
  fillBuckets,
  MINUTE_MS,
  parseDashboardQuery,
  schoolDemand,
  schoolsWithFreePlaces,
  schoolTotals,
  sortSchools,
  stageTotals,
  withheldForOpenData,
  type SchoolCounts,
} from "./campaign-dashboard";

const moscow = (local: string) => new Date(`${local}+03:00`);
const campaign = defaultCampaign(2027);

describe("the campaign's phase", () => {
  it.each([
    ["2027-03-31T23:59:59.999", { kind: "beforeStage1", next: moscow("2027-04-01T00:00:00.000") }],
    ["2027-04-01T00:00:00.000", { kind: "stage1", until: moscow("2027-06-30T23:59:59.999") }],
    ["2027-06-30T23:59:59.999", { kind: "stage1", until: moscow("2027-06-30T23:59:59.999") }],
    ["2027-07-01T00:00:00.000", { kind: "between", next: moscow("2027-07-06T00:00:00.000") }],
    ["2027-07-06T00:00:00.000", { kind: "stage2", until: moscow("2027-09-05T23:59:59.999") }],
    ["2027-09-06T00:00:00.000", { kind: "over" }],
  ])("at %s Moscow time", (local, phase) => {
    expect(campaignPhase(campaign, moscow(local))).toEqual(phase);
  });
});

describe("the opening's load by minute", () => {
  const opensAt = campaign.stage1OpensAt;
  const at = (minutes: number) => new Date(opensAt.getTime() + minutes * MINUTE_MS);

  it("fills the minutes without receipts with zero, in order", () => {
    const minutes = fillBuckets(
      [
        { bucket: 3, count: 7 },
        { bucket: 0, count: 120 },
      ],
      { size: 60, bucketMs: MINUTE_MS, opensAt, now: at(90) },
    );
    expect(minutes).toHaveLength(60);
    expect(minutes.slice(0, 5).map((m) => m.count)).toEqual([120, 0, 0, 7, 0]);
    expect(minutes[3]!.from).toEqual(moscow("2027-04-01T00:03:00.000"));
    expect(minutes.reduce((sum, m) => sum + m.count, 0)).toBe(127);
  });

  it("shows only the minutes that have begun, and none before the opening", () => {
    const options = { size: 60, bucketMs: MINUTE_MS, opensAt };
    expect(fillBuckets([{ bucket: 0, count: 4 }], { ...options, now: at(2.5) }).map((m) => m.count)).toEqual([4, 0, 0]);
    expect(fillBuckets([], { ...options, now: opensAt })).toHaveLength(1);
    expect(fillBuckets([], { ...options, now: new Date(opensAt.getTime() - 1) })).toEqual([]);
  });
});

describe("totals by stage and priority class", () => {
  it("adds the grouped rows into each stage's classes, live and received apart", () => {
    const totals = stageTotals([
      { stage: 1, rankClass: 0, live: 2, received: 2 },
      { stage: 1, rankClass: 1, live: 5, received: 6 },
      { stage: 1, rankClass: 3, live: 90, received: 95 },
      { stage: 2, rankClass: 3, live: 11, received: 11 },
    ]);
    expect(totals).toEqual([
      { stage: 1, live: 97, received: 103, byClass: [2, 5, 0, 90] },
      { stage: 2, live: 11, received: 11, byClass: [0, 0, 0, 11] },
    ]);
  });

  it("is zero for a campaign without applications", () => {
    expect(stageTotals([]).map((s) => [s.live, s.received, s.byClass])).toEqual([
      [0, 0, [0, 0, 0, 0]],
      [0, 0, [0, 0, 0, 0]],
    ]);
  });
});

const school = (code: string, counts: Partial<SchoolCounts>): SchoolCounts => ({
  code,
  name: `Школа № ${code}`,
  nameEn: `School No. ${code}`,
  oktmo: "56701000",
  district: null,
  places: 100,
  live: 0,
  inTerritory: 0,
  withPriority: 0,
  enrolled: 0,
  ...counts,
});

describe("a school's demand", () => {
  it("is applications per place, and free places are places minus children enrolled by orders", () => {
    expect(schoolDemand(school("112", { places: 180, live: 333, enrolled: 175 }))).toMatchObject({
      free: 5,
      demand: 1.85,
    });
  });

  it("has no ratio or free places without places, and never fewer than zero free places", () => {
    expect(schoolDemand(school("1", { places: null, live: 4 }))).toMatchObject({ free: null, demand: null });
    expect(schoolDemand(school("2", { places: 0, live: 4 }))).toMatchObject({ free: 0, demand: null });
    expect(schoolDemand(school("3", { places: 25, enrolled: 26 }))).toMatchObject({ free: 0 });
  });

  const schools = [
    schoolDemand(school("115", { places: 100, live: 150, enrolled: 100 })),
    schoolDemand(school("112", { places: 180, live: 360, enrolled: 10 })),
    schoolDemand(school("99", { places: null, live: 3 })),
    schoolDemand(school("130", { places: 50, live: 10 })),
  ];

  it.each([
    ["demand", ["112", "115", "130", "99"]],
    ["applications", ["112", "115", "130", "99"]],
    ["free", ["112", "130", "115", "99"]],
    ["places", ["112", "115", "130", "99"]],
    ["code", ["99", "112", "115", "130"]],
  ] as const)("sorts by %s (schools without the figure last; numbers as numbers)", (sort, codes) => {
    expect(sortSchools(schools, sort).map((s) => s.code)).toEqual(codes);
  });

  it("lists the schools with free places, the most first", () => {
    expect(schoolsWithFreePlaces(schools).map((s) => [s.code, s.free])).toEqual([
      ["112", 170],
      ["130", 50],
    ]);
  });

  it("sums the table's columns", () => {
    expect(schoolTotals(schools)).toEqual({
      places: 330,
      live: 523,
      inTerritory: 0,
      withPriority: 0,
      enrolled: 110,
      free: 220,
    });
  });

  it("withholds a school's small priority counts from open data, and the territory count they follow from", () => {
    const few = schoolDemand(school("112", { live: 40, inTerritory: 37, withPriority: 3 }));
    expect(withheldForOpenData(few)).toEqual({ withPriority: null, inTerritory: null });
    const many = schoolDemand(school("112", { live: 40, inTerritory: 30, withPriority: 10 }));
    expect(withheldForOpenData(many)).toEqual({ withPriority: 10, inTerritory: 30 });
    const none = schoolDemand(school("112", { live: 40, inTerritory: 40, withPriority: 0 }));
    expect(withheldForOpenData(none)).toEqual({ withPriority: 0, inTerritory: 40 });
  });
});

describe("the dashboard's query", () => {
  const parse = (query: string) => parseDashboardQuery(new URLSearchParams(query), 2027);

  it("defaults to the current campaign, the whole region, by demand", () => {
    expect(parse("")).toEqual({ ok: true, query: { year: 2027, oktmo: null, sort: "demand" } });
    expect(parse("year=2026&municipality=56705000&sort=free")).toEqual({
      ok: true,
      query: { year: 2026, oktmo: "56705000", sort: "free" },
    });
  });

  it("refuses a year or a municipality that is not one; an unknown sort is the default", () => {
    for (const bad of ["year=20x7", "year=1e3", "year=1999", "year=2101", "year=%00", "year=2027.5"]) {
      expect(parse(bad), bad).toEqual({ ok: false, error: "year" });
    }
    expect(parse("municipality=00000000")).toEqual({ ok: false, error: "municipality" });
    expect(parse("sort=__proto__")).toMatchObject({ ok: true, query: { sort: "demand" } });
  });

  it("writes the query back, leaving the defaults out", () => {
    const query = { year: 2027, oktmo: null, sort: "demand" } as const;
    expect(dashboardSearch(query)).toBe("year=2027");
    expect(dashboardSearch(query, { sort: "free", oktmo: "56701000" })).toBe(
      "year=2027&municipality=56701000&sort=free",
    );
  });
});
