import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTerritoryAnnex } from "~/domain/enrollment/territory-import.server";
import {
  deleteTerritoryRule,
  findStreet,
  listSchoolTerritories,
  listTerritoryRules,
  refreshTerritoryHouses,
  saveTerritoryRule,
  schoolsOfHouse,
} from "~/domain/enrollment/territory-store.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;
const OKTMO = "56701000";
const YEAR = 2027;
const ACTOR = "admin-territories-test";
let moskovskaya: number;
let lenina: number;

async function houseId(streetId: number, number: string): Promise<number> {
  return (await db.house.findUniqueOrThrow({ where: { streetId_number: { streetId, number } } })).id;
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  for (const code of ["901", "902"]) {
    await db.school.create({
      data: { code, name: `Школа № ${code}`, nameEn: `School No. ${code}`, oktmo: OKTMO, address: "Пенза" },
    });
  }
  const houses = ["1", "2", "3", "12", "12А", "12 к2", "13", "13А", "30", "31", "32"];
  moskovskaya = (
    await db.street.create({
      data: {
        oktmo: OKTMO,
        settlement: "Пенза",
        name: "ул. Московская",
        houses: { create: houses.map((number) => ({ number })) },
      },
    })
  ).id;
  lenina = (
    await db.street.create({
      data: {
        oktmo: OKTMO,
        settlement: "Пенза",
        name: "пр. Ленина",
        houses: { create: [{ number: "1" }, { number: "2" }] },
      },
    })
  ).id;
  // The same name in another settlement of the municipality.
  await db.street.create({ data: { oktmo: OKTMO, settlement: "Засечное", name: "улица Ленина" } });
});
afterAll(async () => dispose());

describe("territory rules", () => {
  it("stores a rule canonically and writes the houses it covers", async () => {
    const saved = await saveTerritoryRule(db, {
      schoolCode: "901",
      year: YEAR,
      streetId: moskovskaya,
      houses: "2–30 четные; 13А",
      actorId: ACTOR,
    });
    // 2, 12, 12А, 12 к2, 30 by the range (the integer part decides), 13А by name.
    expect(saved).toMatchObject({ ok: true, covered: 6 });
    const rules = await listTerritoryRules(db, "901", YEAR);
    expect(rules).toMatchObject([{ houses: "2-30 чёт, 13А", covered: 6, street: { name: "ул. Московская" } }]);
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "12 к2"), YEAR)).toEqual(["901"]);
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "13"), YEAR)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "territory.rule-added", actorId: ACTOR } })).toBe(1);
  });

  it("puts a house in two schools' territories", async () => {
    const saved = await saveTerritoryRule(db, {
      schoolCode: "902",
      year: YEAR,
      streetId: moskovskaya,
      houses: "10-13",
    });
    expect(saved).toMatchObject({ ok: true, covered: 5 });
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "12А"), YEAR)).toEqual(["901", "902"]);
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "13"), YEAR)).toEqual(["902"]);
    // Another year is another territory.
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "12А"), YEAR + 1)).toEqual([]);
  });

  it("refuses unknown schools, streets, bad houses, and a rule already stored", async () => {
    const base = { schoolCode: "901", year: YEAR, streetId: lenina, houses: "все" };
    expect(await saveTerritoryRule(db, { ...base, schoolCode: "999" })).toEqual({
      ok: false,
      error: "territory.unknownSchool",
    });
    expect(await saveTerritoryRule(db, { ...base, streetId: 999_999 })).toEqual({
      ok: false,
      error: "territory.unknownStreet",
    });
    expect(await saveTerritoryRule(db, { ...base, houses: "30-2" })).toEqual({
      ok: false,
      error: "territory.reversedRange",
      part: "30-2",
    });
    expect(await saveTerritoryRule(db, { ...base, streetId: moskovskaya, houses: "13А, 2-30 чёт" })).toEqual({
      ok: false,
      error: "territory.duplicateRule",
    });
  });

  it("changes a rule and rewrites its houses; deletes it with them", async () => {
    const [rule] = await listTerritoryRules(db, "902", YEAR);
    const changed = await saveTerritoryRule(db, {
      schoolCode: "902",
      year: YEAR,
      streetId: moskovskaya,
      houses: "31",
      ruleId: rule!.id,
      actorId: ACTOR,
    });
    expect(changed).toEqual({ ok: true, ruleId: rule!.id, covered: 1 });
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "12А"), YEAR)).toEqual(["901"]);
    // Another school's page cannot change or delete it.
    expect(
      await saveTerritoryRule(db, { schoolCode: "901", year: YEAR, streetId: lenina, houses: "1", ruleId: rule!.id }),
    ).toEqual({ ok: false, error: "territory.unknownRule" });
    expect(await deleteTerritoryRule(db, rule!.id, ACTOR, { schoolCode: "901" })).toBeNull();
    expect(await deleteTerritoryRule(db, rule!.id, ACTOR, { schoolCode: "902" })).toEqual({
      schoolCode: "902",
      year: YEAR,
    });
    expect(await deleteTerritoryRule(db, rule!.id, ACTOR)).toBeNull();
    expect(await db.territoryHouse.count({ where: { ruleId: rule!.id } })).toBe(0);
  });

  it("covers houses added to the address list later once refreshed", async () => {
    await db.house.create({ data: { streetId: moskovskaya, number: "14Б" } });
    expect((await listTerritoryRules(db, "901", YEAR))[0]!.covered).toBe(6);
    await refreshTerritoryHouses(db, moskovskaya);
    expect((await listTerritoryRules(db, "901", YEAR))[0]!.covered).toBe(7);
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "14Б"), YEAR)).toEqual(["901"]);
  });

  it("finds streets by loose names, and not when the name is ambiguous", async () => {
    expect(await findStreet(db, { oktmo: OKTMO, name: "Московская улица" })).toMatchObject({ id: moskovskaya });
    expect(await findStreet(db, { oktmo: OKTMO, name: "МОСКОВСКАЯ" })).toMatchObject({ id: moskovskaya });
    expect(await findStreet(db, { oktmo: OKTMO, settlement: "г. Пенза", name: "Ленина" })).toMatchObject({
      id: lenina,
    });
    expect(await findStreet(db, { oktmo: OKTMO, name: "Ленина" })).toBeNull();
    expect(await findStreet(db, { oktmo: "00000000", name: "Московская" })).toBeNull();
  });
});

describe("importing an act's annex", () => {
  const csv = [
    "школа;населённый пункт;улица;дома",
    "901;Пенза;Ленина;все",
    "999;Пенза;Ленина;все",
    "902;Пенза;Несуществующая;1-5",
    "902;Пенза;Московская;5-1",
    "901;Пенза;пр-т Ленина;Все дома",
    "902;;Ленина;1",
    '902;Пенза;"ул. Московская";"1-3 нечет, 12А"',
  ].join("\n");

  it("reports every row and adds the accepted ones", async () => {
    const report = await importTerritoryAnnex(db, { year: YEAR, csv, actorId: ACTOR, replace: false });
    expect(report).toMatchObject({ ok: true, accepted: 2, refused: 5, covered: 2 + 3 });
    if (!report.ok) return;
    expect(report.rows.map((r) => [r.line, r.status, r.reason])).toEqual([
      [2, "accepted", undefined],
      [3, "refused", "territory.unknownSchool"],
      [4, "refused", "territory.unknownStreet"],
      [5, "refused", "territory.reversedRange"],
      [6, "refused", "territory.duplicateRow"],
      [7, "refused", "territory.ambiguousStreet"],
      [8, "accepted", undefined],
    ]);
    expect(report.rows[7 - 1]).toMatchObject({ houses: "1-3 нечёт, 12А", covered: 3 });
    expect(await schoolsOfHouse(db, await houseId(lenina, "2"), YEAR)).toEqual(["901"]);
    expect(await schoolsOfHouse(db, await houseId(moskovskaya, "12А"), YEAR)).toEqual(["901", "902"]);
    // The rule saved by hand is kept: the import added.
    expect(await listTerritoryRules(db, "901", YEAR)).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: "territory.imported" } })).toBe(1);
  });

  it("refuses on a second run what is already stored", async () => {
    const report = await importTerritoryAnnex(db, { year: YEAR, csv, actorId: ACTOR, replace: false });
    expect(report).toMatchObject({ ok: true, accepted: 0 });
  });

  it("replaces the year's rules of the schools it names", async () => {
    const report = await importTerritoryAnnex(db, {
      year: YEAR,
      csv: "school,street,houses\n901,Московская,1-3\n",
      actorId: ACTOR,
      replace: true,
    });
    expect(report).toMatchObject({ ok: true, accepted: 1, refused: 0, replaced: 2 });
    expect((await listTerritoryRules(db, "901", YEAR)).map((r) => r.houses)).toEqual(["1-3"]);
    // School 902 is not in the file: its rule stays.
    expect(await listTerritoryRules(db, "902", YEAR)).toHaveLength(1);
    expect(await schoolsOfHouse(db, await houseId(lenina, "2"), YEAR)).toEqual([]);
    const summary = await listSchoolTerritories(db, YEAR);
    expect(summary.map((s) => [s.code, s.rules, s.houses])).toEqual([
      ["901", 1, 3],
      ["902", 1, 3],
    ]);
  });

  it("refuses a file without the needed columns as a whole, writing nothing", async () => {
    const before = await db.territoryRule.count();
    expect(
      await importTerritoryAnnex(db, { year: YEAR, csv: "школа;улица\n901;Ленина", actorId: ACTOR, replace: true }),
    ).toMatchObject({ ok: false, error: "territoryImport.missingColumns" });
    expect(await db.territoryRule.count()).toBe(before);
  });
});
