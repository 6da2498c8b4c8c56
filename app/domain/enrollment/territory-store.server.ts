import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { cachedByRevision } from "~/db/cached-by-revision.server";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { recordAudit } from "~/domain/audit/audit.server";
import {
  formatHouseSet,
  houseInSet,
  normalizeHouseNumber,
  normalizeSettlementName,
  normalizeStreetName,
  parseHouseSet,
  type HouseSet,
} from "./territory";

/*
 * Assigned territories in the database: TerritoryRule rows (a school, a year, a street, the act's
 * houses in canonical text) and, written with each rule in the same transaction, one TerritoryHouse
 * row per house of the address list the rule covers — so "which schools is this house assigned to"
 * is one indexed read. Error strings are keys of the "validation" namespace.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export const TERRITORY_MIN_YEAR = 2000;
export const TERRITORY_MAX_YEAR = 2100;

export type TerritoryError = { ok: false; error: string; part?: string };

export type SaveTerritoryRuleInput = {
  schoolCode: string;
  year: number;
  streetId: number;
  houses: string;
  ruleId?: number;
  actorId?: string | null;
};

export type StoredTerritoryRule = {
  id: number;
  schoolCode: string;
  year: number;
  houses: string;
  covered: number;
  street: { id: number; oktmo: string; settlement: string; name: string };
};

export function isTerritoryYear(year: number): boolean {
  return Number.isInteger(year) && year >= TERRITORY_MIN_YEAR && year <= TERRITORY_MAX_YEAR;
}

/** The ids of the street's houses the set covers (house numbers compared normalised). */
export async function coveredHouseIds(db: Db, streetId: number, set: HouseSet): Promise<number[]> {
  const houses = await db.house.findMany({ where: { streetId }, select: { id: true, number: true } });
  return houses.filter((h) => houseInSet(set, normalizeHouseNumber(h.number) ?? h.number)).map((h) => h.id);
}

/** Rewrites the TerritoryHouse rows of one rule; the number of houses it covers. */
export async function writeCoveredHouses(
  db: Db,
  rule: { id: number; schoolCode: string; year: number; streetId: number },
  set: HouseSet,
  houseIds?: number[],
): Promise<number> {
  const ids = houseIds ?? (await coveredHouseIds(db, rule.streetId, set));
  await db.territoryHouse.deleteMany({ where: { ruleId: rule.id } });
  if (ids.length > 0) {
    await db.territoryHouse.createMany({
      data: ids.map((houseId) => ({ houseId, ruleId: rule.id, schoolCode: rule.schoolCode, year: rule.year })),
    });
  }
  return ids.length;
}

/**
 * Adds a rule (or changes `ruleId`) after checking the school, the street and the houses, and writes
 * the houses it covers in the same transaction. An identical rule already stored is refused, so a
 * form sent twice does not list a street twice.
 */
export async function saveTerritoryRule(
  db: PrismaClient,
  input: SaveTerritoryRuleInput,
): Promise<{ ok: true; ruleId: number; covered: number } | TerritoryError> {
  if (!isTerritoryYear(input.year)) return { ok: false, error: "territory.badYear" };
  const parsed = parseHouseSet(input.houses);
  if (!parsed.ok) return parsed;
  const houses = formatHouseSet(parsed.set);
  const [school, street, previous] = await Promise.all([
    db.school.findUnique({ where: { code: input.schoolCode }, select: { code: true } }),
    Number.isInteger(input.streetId) ? db.street.findUnique({ where: { id: input.streetId } }) : null,
    input.ruleId === undefined ? null : db.territoryRule.findUnique({ where: { id: input.ruleId } }),
  ]);
  if (!school) return { ok: false, error: "territory.unknownSchool" };
  if (!street) return { ok: false, error: "territory.unknownStreet" };
  if (input.ruleId !== undefined && (!previous || previous.schoolCode !== input.schoolCode)) {
    return { ok: false, error: "territory.unknownRule" };
  }
  const duplicate = await db.territoryRule.findFirst({
    where: {
      schoolCode: input.schoolCode,
      year: input.year,
      streetId: street.id,
      houses,
      ...(input.ruleId === undefined ? {} : { id: { not: input.ruleId } }),
    },
    select: { id: true },
  });
  if (duplicate) return { ok: false, error: "territory.duplicateRule" };

  return db.$transaction(async (tx) => {
    const data = { schoolCode: input.schoolCode, year: input.year, streetId: street.id, houses };
    const rule = previous
      ? await tx.territoryRule.update({ where: { id: previous.id }, data })
      : await tx.territoryRule.create({ data });
    const covered = await writeCoveredHouses(tx, rule, parsed.set);
    if (input.actorId !== undefined) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: previous ? "territory.rule-changed" : "territory.rule-added",
        subjectType: "school",
        subjectId: input.schoolCode,
        details: { ruleId: rule.id, year: input.year, streetId: street.id, houses, covered },
      });
    }
    return { ok: true as const, ruleId: rule.id, covered };
  });
}

/**
 * Deletes a rule with its covered houses; the deleted rule's school and year, or null when there was
 * none (or it belongs to another school than `options.schoolCode`).
 */
export async function deleteTerritoryRule(
  db: PrismaClient,
  ruleId: number,
  actorId: string | null,
  options: { schoolCode?: string } = {},
): Promise<{ schoolCode: string; year: number } | null> {
  if (!Number.isInteger(ruleId)) return null;
  return db.$transaction(async (tx) => {
    const rule = await tx.territoryRule.findUnique({ where: { id: ruleId } });
    if (!rule || (options.schoolCode !== undefined && rule.schoolCode !== options.schoolCode)) return null;
    // TerritoryHouse rows go with it (onDelete: Cascade).
    await tx.territoryRule.delete({ where: { id: ruleId } });
    await recordAudit(tx, {
      actorId,
      action: "territory.rule-deleted",
      subjectType: "school",
      subjectId: rule.schoolCode,
      details: { ruleId, year: rule.year, streetId: rule.streetId, houses: rule.houses },
    });
    return { schoolCode: rule.schoolCode, year: rule.year };
  });
}

/** A school's rules for a year, with their streets and how many houses of the address list each covers. */
export async function listTerritoryRules(
  db: PrismaClient,
  schoolCode: string,
  year: number,
): Promise<StoredTerritoryRule[]> {
  const rules = await db.territoryRule.findMany({
    where: { schoolCode, year },
    include: {
      street: { select: { id: true, oktmo: true, settlement: true, name: true } },
      _count: { select: { covered: true } },
    },
  });
  return rules
    .map((r) => ({
      id: r.id,
      schoolCode: r.schoolCode,
      year: r.year,
      houses: r.houses,
      covered: r._count.covered,
      street: r.street,
    }))
    .sort(
      (a, b) =>
        a.street.settlement.localeCompare(b.street.settlement, "ru") ||
        a.street.name.localeCompare(b.street.name, "ru") ||
        a.id - b.id,
    );
}

export type StreetQuery = { oktmo: string; settlement?: string | null; name: string };
export type AddressStreet = { id: number; oktmo: string; settlement: string; name: string };

/** Every street of the address list the query may mean: names compared loosely (normalizeStreetName). */
export async function matchStreets(db: Db, query: StreetQuery): Promise<AddressStreet[]> {
  const streets = await db.street.findMany({ where: { oktmo: query.oktmo } });
  return filterStreets(streets, query);
}

/**
 * The address list's streets in memory, for the lookups every submission and schools page makes
 * (findAssignedHouse, listSettlements): by municipality and loose name, and the municipalities of a
 * settlement. Streets are only ever added (the address list's seed), so the revision is their count
 * and largest id, read in SQL on every lookup; the index is read again through Prisma when it
 * moves (docs/decisions/0037).
 */
export type StreetIndex = {
  /** The streets of a municipality whose name means this one (normalizeStreetName), in id order. */
  named: (oktmo: string, name: string) => AddressStreet[];
  /** The municipalities with a settlement of this name (normalizeSettlementName), in id order of their first street. */
  municipalitiesOf: (settlement: string) => string[];
  /** The settlements' names as written, each once. */
  settlements: string[];
};

const streetIndexes = cachedByRevision<StreetIndex>({
  checkMs: 0,
  async readRevision(db) {
    const connection = await sqliteConnectionOf(db);
    const row = await connection.read(
      () =>
        connection.statement(`SELECT COUNT(*) AS "n", MAX("id") AS "last" FROM "Street"`).get() as {
          n: number;
          last: number | null;
        },
    );
    return `${row.n}:${row.last ?? "-"}`;
  },
  async load(db) {
    const streets = await db.street.findMany({
      select: { id: true, oktmo: true, settlement: true, name: true },
      orderBy: { id: "asc" },
    });
    const byName = new Map<string, AddressStreet[]>();
    const bySettlement = new Map<string, string[]>();
    const settlements = new Set<string>();
    for (const street of streets) {
      const key = `${street.oktmo}\n${normalizeStreetName(street.name)}`;
      byName.set(key, [...(byName.get(key) ?? []), street]);
      const settlement = normalizeSettlementName(street.settlement);
      const oktmos = bySettlement.get(settlement) ?? [];
      if (!oktmos.includes(street.oktmo)) bySettlement.set(settlement, [...oktmos, street.oktmo]);
      settlements.add(street.settlement);
    }
    return {
      named: (oktmo, name) => {
        const normalized = normalizeStreetName(name);
        return normalized === "" ? [] : (byName.get(`${oktmo}\n${normalized}`) ?? []);
      },
      municipalitiesOf: (settlement) => bySettlement.get(normalizeSettlementName(settlement)) ?? [],
      settlements: [...settlements],
    };
  },
});

export function streetIndex(db: PrismaClient): Promise<StreetIndex> {
  return streetIndexes.get(db, Date.now());
}

/** matchStreets over streets already read (the import reads a municipality's streets once). */
export function filterStreets(streets: AddressStreet[], query: StreetQuery): AddressStreet[] {
  const name = normalizeStreetName(query.name);
  if (name === "") return [];
  const settlement = query.settlement ? normalizeSettlementName(query.settlement) : "";
  return streets.filter(
    (s) =>
      s.oktmo === query.oktmo &&
      normalizeStreetName(s.name) === name &&
      (settlement === "" || normalizeSettlementName(s.settlement) === settlement),
  );
}

/**
 * The street of the address list a name means ("ул. Московская", "московская улица"), in the
 * municipality and, when given, the settlement; null when none or several match.
 */
export async function findStreet(db: Db, query: StreetQuery): Promise<AddressStreet | null> {
  const matches = await matchStreets(db, query);
  return matches.length === 1 ? matches[0]! : null;
}

/** The streets of a municipality, for the rule form's select. */
export function listStreets(db: PrismaClient, oktmo: string): Promise<AddressStreet[]> {
  return db.street.findMany({
    where: { oktmo },
    select: { id: true, oktmo: true, settlement: true, name: true },
    orderBy: [{ settlement: "asc" }, { name: "asc" }],
  });
}

/**
 * Recomputes the covered houses of every rule of a street (all years), after houses were added to
 * or removed from the address list; the number of TerritoryHouse rows written.
 */
export async function refreshTerritoryHouses(db: PrismaClient, streetId: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const rules = await tx.territoryRule.findMany({ where: { streetId } });
    const houses = await tx.house.findMany({ where: { streetId }, select: { id: true, number: true } });
    let written = 0;
    for (const rule of rules) {
      const parsed = parseHouseSet(rule.houses);
      // A stored rule always parses (it was written canonical); one that does not covers nothing.
      const ids = parsed.ok
        ? houses.filter((h) => houseInSet(parsed.set, normalizeHouseNumber(h.number) ?? h.number)).map((h) => h.id)
        : [];
      written += await writeCoveredHouses(
        tx,
        rule,
        parsed.ok ? parsed.set : { whole: false, ranges: [], houses: [] },
        ids,
      );
    }
    return written;
  });
}

/** Which schools a house is assigned to in a year (one indexed read of TerritoryHouse). */
export async function schoolsOfHouse(db: Db, houseId: number, year: number): Promise<string[]> {
  const rows = await db.territoryHouse.findMany({ where: { houseId, year }, select: { schoolCode: true } });
  return [...new Set(rows.map((r) => r.schoolCode))].sort();
}

export type SchoolTerritorySummary = {
  code: string;
  name: string;
  nameEn: string;
  oktmo: string;
  address: string;
  rules: number;
  houses: number;
};

/** Every school with how many rules and covered houses its territory has in a year, in number order. */
export async function listSchoolTerritories(db: PrismaClient, year: number): Promise<SchoolTerritorySummary[]> {
  const [schools, rules, houses] = await Promise.all([
    db.school.findMany({ select: { code: true, name: true, nameEn: true, oktmo: true, address: true } }),
    db.territoryRule.groupBy({ by: ["schoolCode"], where: { year }, _count: { _all: true } }),
    db.territoryHouse.groupBy({ by: ["schoolCode"], where: { year }, _count: { _all: true } }),
  ]);
  const ruleCount = new Map(rules.map((r) => [r.schoolCode, r._count._all]));
  const houseCount = new Map(houses.map((h) => [h.schoolCode, h._count._all]));
  return schools
    .map((s) => ({ ...s, rules: ruleCount.get(s.code) ?? 0, houses: houseCount.get(s.code) ?? 0 }))
    .sort((a, b) => a.code.localeCompare(b.code, "ru", { numeric: true }));
}

/** One school, for the territory page; null when there is none with this code. */
export function getSchool(db: PrismaClient, code: string) {
  return db.school.findUnique({
    where: { code },
    select: { code: true, name: true, nameEn: true, oktmo: true, district: true, address: true },
  });
}
