import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { computeIndicators, FIRST_GRADE_SERVICE } from "~/domain/indicators/compute";
import {
  aggregateOf,
  indicatorsForPeriod,
  loadCatalogueFacts,
  loadMonthlyAggregates,
  type Slice,
} from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";
import { seedDemoData } from "../../seeds/demo";
import { seedStatisticsHistory } from "../../seeds/history";
import { createTestDatabase } from "./test-database";

/*
 * The statistics history seeded with the demo data (seeds/history.ts): the Penza series, counts that
 * agree with each other the way the live roll-up's do, indicators with data, and seeding only once.
 */
type Database = Awaited<ReturnType<typeof createTestDatabase>>;
let first: Database;
let second: Database;
let db: PrismaClient;
const today = regionDate();

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([seedDemoData(first.db), seedDemoData(second.db)]);
  db = first.db;
  // Two whole demo seeds at once: on a busy 2-core machine more than the default minute.
}, 180_000);
afterAll(async () => {
  await first?.dispose();
  await second?.dispose();
});

const num = (value: unknown) => Number(value ?? 0);
async function rows(client: PrismaClient, sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  const result = await client.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
  return result.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? num(v) : v])),
  );
}
const count = async (sql: string, ...params: unknown[]) => num((await rows(db, sql, ...params))[0]?.n);

/** Everything the roll-up holds, summed by year, service, municipality and channel. */
async function fingerprint(client: PrismaClient, before: string) {
  return {
    days: await rows(
      client,
      `SELECT substr(day, 1, 4) AS year, serviceCode, municipality, channel, count(*) AS n, sum(submitted) AS s,
         sum(decided) AS d, sum(decidedOnTime) AS t, sum(completed) AS c, sum(completedNoVisit) AS v,
         sum(regulatoryDays) AS r, sum(ratings) AS k, sum(ratingSum) AS ks, sum(ratingsHigh) AS kh
       FROM StatDay WHERE day < ? GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      before,
    ),
    processing: await rows(
      client,
      `SELECT substr(day, 1, 4) AS year, serviceCode, workingDays, count(*) AS n, sum(count) AS c
       FROM StatDayProcessing WHERE day < ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      before,
    ),
  };
}

describe("the statistics history", () => {
  it("is deterministic: two databases seeded the same way hold the same roll-up", async () => {
    // Across midnight the second database ends a day later: compare the years before then.
    const before = regionDate() === today ? today : `${today.slice(0, 4)}-01-01`;
    const a = await fingerprint(first.db, before);
    expect(a.days.length).toBeGreaterThan(1000);
    expect(await fingerprint(second.db, before)).toEqual(a);
  });

  it("follows the Penza series: exact yearly totals for 2016–2019 and the reported 2020 figures", async () => {
    const yearly = Object.fromEntries(
      (await rows(db, "SELECT substr(day, 1, 4) AS y, sum(submitted) AS n FROM StatDay GROUP BY 1")).map((r) => [
        String(r.y),
        num(r.n),
      ]),
    );
    expect([2016, 2017, 2018, 2019].map((y) => yearly[y])).toEqual([2_989, 4_558, 12_062, 13_390]);
    expect(yearly[2020]).toBe(25_000);
    expect(
      await count("SELECT sum(submitted) AS n FROM StatDay WHERE day >= '2020-01-01' AND day < '2020-08-01'"),
    ).toBe(14_799);
    const firstGrade = (from: string, to: string) =>
      count(
        "SELECT sum(submitted) AS n FROM StatDay WHERE serviceCode = ? AND day >= ? AND day < ?",
        FIRST_GRADE_SERVICE,
        from,
        to,
      );
    expect(await firstGrade("2019-01-01", "2020-01-01")).toBe(86);
    expect(await firstGrade("2020-01-01", "2020-08-01")).toBe(2_837);
    // Growth every year after, up to the last full one.
    const thisYear = Number(today.slice(0, 4));
    for (let y = 2017; y < thisYear; y++) expect(yearly[y]!).toBeGreaterThan(yearly[y - 1]!);
    // The current year only up to yesterday: today belongs to the live roll-up.
    expect(await count("SELECT count(*) AS n FROM StatDay WHERE day >= ? OR day < '2016-01-01'", today)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM StatDayProcessing WHERE day >= ? OR day < '2016-01-01'", today)).toBe(
      0,
    );
  });

  it("first-grade enrollment is ~19% of the e-services of January–July 2020 and peaks in April and July", async () => {
    const [months, catalogue] = await Promise.all([loadMonthlyAggregates(db, {}), loadCatalogueFacts(db)]);
    const janJul = {
      ...parsePeriod("2020")!,
      months: ["01", "02", "03", "04", "05", "06", "07"].map((m) => `2020-${m}`),
    };
    const share = computeIndicators({ aggregate: aggregateOf(months, janJul), catalogue, year: 2020 }).find(
      (v) => v.code === "school-enrollment-share",
    )!;
    expect(share.value).toBeGreaterThanOrEqual(15);
    expect(share.value).toBeLessThanOrEqual(23);
    // The whole year is lower: August–December add other services but only stage 2's tail.
    const year = (await indicatorsForPeriod(db, parsePeriod("2020")!)).find(
      (v) => v.code === "school-enrollment-share",
    )!;
    expect(year.value).toBeLessThan(share.value!);

    const byMonth = await rows(
      db,
      `SELECT substr(day, 6, 2) AS m, sum(submitted) AS n FROM StatDay WHERE serviceCode = ? AND day LIKE '2024-%'
       GROUP BY 1 ORDER BY n DESC`,
      FIRST_GRADE_SERVICE,
    );
    expect(byMonth.slice(0, 2).map((r) => r.m)).toEqual(["04", "07"]);
    expect(byMonth.every((r) => ["04", "05", "06", "07", "08", "09"].includes(String(r.m)))).toBe(true);
  });

  it("keeps every count consistent the way the live roll-up does", async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM StatDay WHERE submitted < 0 OR decided < 0 OR decidedOnTime < 0 OR decidedOnTime > decided
           OR completed > decided OR completedNoVisit < 0 OR completedNoVisit > completed OR ratingsHigh < 0
           OR ratingsHigh > ratings OR ratingSum < ratings OR ratingSum > 5 * ratings
           OR (submitted = 0 AND decided = 0 AND ratings = 0)`,
      ),
    ).toBe(0);
    // regulatoryDays = decisions × the service's term.
    expect(
      await count(
        `SELECT count(*) AS n FROM StatDay d LEFT JOIN Service s ON s.code = d.serviceCode
         WHERE s.code IS NULL OR d.regulatoryDays <> d.decided * s.deadlineDays`,
      ),
    ).toBe(0);
    // The processing histogram holds every decision of its day and service, and the on-time ones
    // are exactly those within the term.
    const mismatches = await count(
      `SELECT count(*) AS n FROM (
         SELECT day, serviceCode FROM (
           SELECT day, serviceCode, decided AS d, decidedOnTime AS t, 0 AS pd, 0 AS pt FROM StatDay
           UNION ALL
           SELECT p.day, p.serviceCode, 0, 0, p.count, CASE WHEN p.workingDays <= s.deadlineDays THEN p.count ELSE 0 END
           FROM StatDayProcessing p JOIN Service s ON s.code = p.serviceCode)
         GROUP BY day, serviceCode HAVING sum(d) <> sum(pd) OR sum(t) <> sum(pt))`,
    );
    expect(mismatches).toBe(0);
    expect(await count("SELECT count(*) AS n FROM StatDayProcessing WHERE count <= 0 OR workingDays < 0")).toBe(0);
    // Services delivered by visit never count a completion without one.
    expect(
      await count(
        `SELECT sum(d.completedNoVisit) AS n FROM StatDay d JOIN Service s ON s.code = d.serviceCode WHERE s.delivery = 'visit'`,
      ),
    ).toBe(0);
    // Channels and municipalities as the live roll-up writes them; proactive only for proactive services, since 2021.
    expect(await count("SELECT count(*) AS n FROM StatDay WHERE channel NOT IN ('portal', 'proactive')")).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM StatDay d JOIN Service s ON s.code = d.serviceCode
         WHERE d.channel = 'proactive' AND (s.proactive = 0 OR d.day < '2021-01-01')`,
      ),
    ).toBe(0);
    const municipalities = await rows(db, "SELECT DISTINCT municipality AS m FROM StatDay");
    expect(municipalities.every((r) => r.m === "" || MUNICIPALITY_CODES.includes(String(r.m)))).toBe(true);
    // Decisions come after submissions: 90–97% of them decided.
    const totals = (
      await rows(db, "SELECT sum(submitted) AS s, sum(decided) AS d, sum(completed) AS c FROM StatDay")
    )[0]!;
    expect(num(totals.d) / num(totals.s)).toBeGreaterThan(0.9);
    expect(num(totals.d) / num(totals.s)).toBeLessThan(0.97);
    expect(num(totals.c) / num(totals.d)).toBeCloseTo(0.92, 1);
    // The indicators' caches see the new statistics.
    expect((await db.counter.findUnique({ where: { name: "statistics" } }))?.value).toBeGreaterThan(0);
  });

  it("gives every indicator of 2024 a value, except utility bills paid online", async () => {
    const values = await indicatorsForPeriod(db, parsePeriod("2024")!);
    const missing = values.filter((v) => v.value === null).map((v) => v.code);
    expect(missing).toEqual(["utility-bills-online"]);
    const by = Object.fromEntries(values.map((v) => [v.code, v]));
    expect(by["e-applications"]!.value).toBe(50_000);
    expect(by["e-applications"]!.extra.growth).toBeGreaterThan(10);
    expect(by["decided-on-time"]!.value).toBeGreaterThan(78);
    expect(by["decided-on-time"]!.value).toBeLessThan(90);
    expect(by.satisfaction!.value).toBeGreaterThan(4.3);
    expect(by.satisfaction!.value).toBeLessThan(4.7);
    expect(by["proactive-services"]!.value).toBeGreaterThanOrEqual(3);
    expect(by["social-measures-proactive"]!.value).toBeGreaterThan(10);
    expect(by["processing-time"]!.extra.reduction).toBeGreaterThan(1);
    // 2019 was slower and less satisfied.
    const earlier = Object.fromEntries((await indicatorsForPeriod(db, parsePeriod("2019")!)).map((v) => [v.code, v]));
    expect(earlier["decided-on-time"]!.value).toBeLessThan(by["decided-on-time"]!.value!);
    expect(earlier.satisfaction!.value).toBeLessThan(by.satisfaction!.value!);
    // Slices have data too.
    const slices: Slice[] = [{ channel: "proactive" }, { municipality: "56701000" }, { department: "mintrud" }];
    for (const slice of slices) {
      const sliced = await indicatorsForPeriod(db, parsePeriod("2024-Q1")!, slice);
      expect(sliced.find((v) => v.code === "e-applications")!.value, JSON.stringify(slice)).toBeGreaterThan(0);
    }
  });

  it("seeding again writes nothing", async () => {
    const snapshot = async () => ({
      roll: await fingerprint(db, "9999"),
      counters: await rows(db, "SELECT name, value FROM Counter ORDER BY name"),
    });
    const before = await snapshot();
    await seedDemoData(db);
    expect(await seedStatisticsHistory(db, { seed: 7 })).toMatchObject({ written: false });
    expect(await snapshot()).toEqual(before);
  });
});
