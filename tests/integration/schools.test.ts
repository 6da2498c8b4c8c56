import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findAssignedHouse,
  getSchool,
  listSchools,
  listSettlements,
  schoolsForAddress,
  type SchoolFilter,
} from "~/domain/enrollment/schools.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_ACCOUNTS } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { seedSchools } from "../../seeds/schools";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
}, 120_000);
afterAll(async () => dispose());

const YEAR = 2027;
const all = async (filter: Partial<SchoolFilter> = {}) => {
  const codes: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await listSchools(db, { year: YEAR, take: 15, ...filter, after });
    codes.push(...result.schools.map((s) => s.code));
    if (!result.next) return codes;
    after = result.next;
  }
  throw new Error("paging did not end");
};

// The demo parent's address (seeds/accounts.ts): ул. Московская, house 10 + n.
const parent = DEMO_ACCOUNTS.find((a) => a.email === "parent@demo.gosuslugi58.ru")!;
const parentHouse = String(10 + parent.profile!.n);

describe("the demo schools", () => {
  it("has at least 40 schools, all numbered from 100 and marked as demo, with places for 2026 and 2027", async () => {
    const schools = await db.school.findMany({ include: { seats: true } });
    expect(schools.length).toBeGreaterThanOrEqual(40);
    for (const school of schools) {
      expect(Number(school.code), school.code).toBeGreaterThanOrEqual(100);
      expect(school.name, school.code).toMatch(/\(демо\)$/);
      expect(school.nameEn, school.code).toMatch(/\(demo\)$/);
      expect(school.seats.map((s) => s.year).sort()).toEqual([2026, 2027]);
    }
    // The schools the first-grade form and the demo officer use are kept.
    for (const code of ["112", "115", "121", "130"]) expect(schools.some((s) => s.code === code)).toBe(true);
    const districts = new Set(schools.filter((s) => s.oktmo === "56701000").map((s) => s.district));
    expect([...districts].sort()).toEqual(["Железнодорожный", "Ленинский", "Октябрьский", "Первомайский"]);
    expect(schools.filter((s) => s.boarding)).toHaveLength(1);
    const seats = (code: string) => schools.find((s) => s.code === code)!.seats.find((s) => s.year === YEAR)!;
    expect(seats("112").classes * seats("112").classSize).toBe(180);
    expect(seats("141").classes * seats("141").classSize).toBe(25);
  });

  it("has the 2026 and 2027 campaigns, opening at 00:00 Moscow on 1 April", async () => {
    const campaigns = await db.enrollmentCampaign.findMany({ orderBy: { year: "asc" } });
    expect(campaigns.map((c) => [c.year, c.stage1OpensAt.toISOString()])).toEqual([
      [2026, "2026-03-31T21:00:00.000Z"],
      [2027, "2027-03-31T21:00:00.000Z"],
    ]);
    expect(campaigns[0]!.stage1EndsAt.toISOString()).toBe("2026-06-30T20:59:59.999Z");
    expect(campaigns[0]!.stage2OpensAt.toISOString()).toBe("2026-07-05T21:00:00.000Z");
    expect(campaigns[0]!.stage2EndsAt.toISOString()).toBe("2026-09-05T20:59:59.999Z");
    expect(campaigns.every((c) => c.schoolsPerChildStage1 === 1 && c.schoolsPerChildStage2 === 1)).toBe(true);
  });

  it("assigns the demo parent's house to schools 112 and 115, for both years", async () => {
    for (const year of [2026, 2027]) {
      const answer = await schoolsForAddress(db, {
        oktmo: "56701000",
        street: "ул. Московская",
        house: parentHouse,
        year,
      });
      expect(answer.match).toBe("found");
      if (answer.match !== "found") return;
      expect(answer.schools.map((s) => s.code)).toEqual(["112", "115"]);
      expect(answer.house.number).toBe(parentHouse);
    }
  });

  it("finds the house however the street and the number are written", async () => {
    for (const street of ["Московская", "московская улица", "ул Московская"]) {
      const answer = await schoolsForAddress(db, { settlement: "г. Пенза", street, house: parentHouse, year: YEAR });
      expect(answer.match, street).toBe("found");
    }
    // Letters and blocks are houses of their own: 12А and 12 к2 are in 115's act by name, 12 is 112's only.
    const codes = async (house: string) => {
      const answer = await schoolsForAddress(db, { oktmo: "56701000", street: "Московская", house, year: YEAR });
      return answer.match === "found" ? answer.schools.map((s) => s.code) : answer.match;
    };
    expect(await codes("12")).toEqual(["112"]);
    expect(await codes("12а")).toEqual(["112", "115"]);
    expect(await codes("12 корп. 2")).toEqual(["112", "115"]);
    expect(await codes("101")).toEqual(["100"]);
  });

  it("says what is wrong with an address it cannot find", async () => {
    const unknownHouse = await schoolsForAddress(db, {
      oktmo: "56701000",
      street: "Московская",
      house: "12Ж",
      year: YEAR,
    });
    expect(unknownHouse.match).toBe("house-unknown");
    if (unknownHouse.match === "house-unknown") expect(unknownHouse.suggestions).toContain("12А");

    const typo = await schoolsForAddress(db, { oktmo: "56701000", street: "Масковская", house: "11", year: YEAR });
    expect(typo.match).toBe("street-unknown");
    if (typo.match === "street-unknown") expect(typo.suggestions.map((s) => s.street)).toContain("ул. Московская");

    const nowhere = await schoolsForAddress(db, { street: "Несуществующая", house: "1", year: YEAR });
    expect(nowhere).toEqual({ match: "street-unknown", suggestions: [] });

    // ул. Ленина is in Kuznetsk and in Zarechny: the parent chooses.
    const twoTowns = await schoolsForAddress(db, { street: "Ленина", house: "5", year: YEAR });
    expect(twoTowns.match).toBe("street-ambiguous");
    if (twoTowns.match === "street-ambiguous") {
      expect(twoTowns.suggestions.map((s) => s.settlement).sort()).toEqual(["Заречный", "Кузнецк"]);
    }
    const kuznetsk = await schoolsForAddress(db, { settlement: "Кузнецк", street: "Ленина", house: "5", year: YEAR });
    expect(kuznetsk.match).toBe("found");
  });

  it("finds a street added to the address list at once, though the list is kept in memory", async () => {
    const lookup = { settlement: "Кузнецк", street: "Новостроек", house: "1", year: YEAR };
    expect((await schoolsForAddress(db, lookup)).match).toBe("street-unknown");
    const street = await db.street.create({
      data: { oktmo: "56705000", settlement: "Кузнецк", name: "ул. Новостроек" },
    });
    const house = await db.house.create({ data: { streetId: street.id, number: "1" } });
    expect(await findAssignedHouse(db, lookup)).toMatchObject({ match: "found", number: "1", schoolCodes: [] });
    expect(await findAssignedHouse(db, { ...lookup, house: "2" })).toMatchObject({ match: "house-unknown" });
    const rule = await db.territoryRule.create({
      data: { schoolCode: "100", year: YEAR, streetId: street.id, houses: "1" },
    });
    await db.territoryHouse.create({ data: { houseId: house.id, ruleId: rule.id, schoolCode: "100", year: YEAR } });
    expect(await findAssignedHouse(db, lookup)).toMatchObject({ match: "found", number: "1", schoolCodes: ["100"] });
    expect(await listSettlements(db)).toContain("Кузнецк");
  });

  it("every house of the address list is assigned to at least one school", async () => {
    const unassigned = await db.house.count({ where: { territory: { none: { year: YEAR } } } });
    expect(unassigned).toBe(0);
  });
});

describe("listSchools", () => {
  it("pages through every school by code, without repeats", async () => {
    const codes = await all();
    expect(codes.length).toBe(await db.school.count());
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it("filters by municipality, district, language, programme, boarding and free places", async () => {
    const kuznetsk = await all({ oktmo: "56705000" });
    expect(kuznetsk).toContain("130");
    expect(kuznetsk.every((c) => Number(c) >= 130 && Number(c) <= 135)).toBe(true);

    const leninsky = await listSchools(db, { year: YEAR, take: 100, district: "Ленинский" });
    expect(leninsky.schools.map((s) => s.code)).toEqual(expect.arrayContaining(["112", "115"]));
    expect(leninsky.schools.every((s) => s.district === "Ленинский")).toBe(true);

    const tatar = await listSchools(db, { year: YEAR, take: 100, language: "tt" });
    expect(tatar.schools.length).toBeGreaterThan(0);
    expect(tatar.schools.every((s) => s.languages.includes("tt"))).toBe(true);
    const moksha = await listSchools(db, { year: YEAR, take: 100, language: "mdf" });
    expect(moksha.schools.every((s) => s.languages.includes("mdf") && s.oktmo.startsWith("566"))).toBe(true);

    const adapted = await listSchools(db, { year: YEAR, take: 100, adapted: true });
    expect(adapted.schools.map((s) => s.code)).toContain("115");
    expect(adapted.schools.every((s) => s.adaptedProgrammes.length > 0)).toBe(true);

    const boarding = await listSchools(db, { year: YEAR, take: 100, boarding: true });
    expect(boarding.schools.map((s) => s.code)).toEqual(["125"]);

    // No enrollment orders exist yet: every school with places has them all free.
    const free = await all({ withFreeSeats: true });
    expect(free.length).toBe(await db.school.count());
    const page = await listSchools(db, { year: YEAR, take: 100 });
    expect(page.schools.every((s) => s.seats !== null && s.freeSeats === s.seats.total)).toBe(true);

    const byNumber = await listSchools(db, { year: YEAR, take: 100, q: "112" });
    expect(byNumber.schools.map((s) => s.code)).toEqual(["112"]);
    const byName = await listSchools(db, { year: YEAR, take: 100, q: "кузнецка" });
    expect(byName.schools.length).toBe(kuznetsk.length);
  });

  it("gives a school's places, classes and territory for the year", async () => {
    const school = await getSchool(db, "112", YEAR);
    expect(school?.seats).toEqual({ classes: 6, classSize: 30, total: 180 });
    expect(school?.territory).toContainEqual({
      settlement: "Пенза",
      street: "ул. Московская",
      houses: "1-39 нечёт, 2-40 чёт",
    });
    const changed = await getSchool(db, "121", YEAR);
    expect(changed?.seats?.total).toBe(150);
    expect((await getSchool(db, "121", 2026))?.seats?.total).toBe(180);
    expect(await getSchool(db, "99999", YEAR)).toBeNull();
    expect((await getSchool(db, "112", 2030))?.seats).toBeNull();
  });
});

describe("the schools seed", () => {
  it("changes nothing when run again", async () => {
    const snapshot = async () => ({
      schools: await db.school.findMany({ orderBy: { code: "asc" } }),
      seats: await db.schoolSeats.findMany({ orderBy: [{ schoolCode: "asc" }, { year: "asc" }] }),
      streets: await db.street.findMany({ orderBy: { id: "asc" } }),
      houses: await db.house.count(),
      rules: await db.territoryRule.findMany({ orderBy: { id: "asc" } }),
      covered: await db.territoryHouse.count(),
      campaigns: await db.enrollmentCampaign.findMany({ orderBy: { year: "asc" } }),
    });
    const before = await snapshot();
    const again = await seedSchools(db);
    expect(again.rules).toBe(0);
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
