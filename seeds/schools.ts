import type { PrismaClient } from "~/generated/prisma/client";
import { defaultCampaign } from "~/domain/enrollment/campaign";
import { normalizeHouseNumber } from "~/domain/enrollment/territory";
import { refreshTerritoryHouses, saveTerritoryRule } from "~/domain/enrollment/territory-store.server";
import { STREETS, type StreetSeed } from "./addresses-data";
import { createRandom } from "./random";
import { SCHOOLS } from "./schools-data";
import { TERRITORY_LINES, TERRITORY_YEARS } from "./territories-data";

/*
 * Writes the demo schools, their first-grade places, the address list, the assigned territories
 * and the enrollment campaigns (the data is in schools-data.ts, addresses-data.ts and
 * territories-data.ts). Idempotent, matched by key: a school by its code (its description follows
 * the seed); places, rules and campaigns only when missing, so what a school or an administrator
 * changed later stays; a street by municipality, settlement and name; a house by its number.
 */

const SEAT_YEARS = [2026, 2027] as const;
const CAMPAIGN_YEARS = [2026, 2027] as const;
const LETTERS = ["А", "Б", "В", " к1", " к2", " к3"];

export async function seedSchools(db: PrismaClient): Promise<{ schools: number; houses: number; rules: number }> {
  for (const school of SCHOOLS) {
    const data = {
      name: school.name.ru,
      nameEn: school.name.en,
      oktmo: school.oktmo,
      district: school.district ?? null,
      address: school.address,
      languages: JSON.stringify(school.languages ?? ["ru"]),
      adaptedProgrammes: JSON.stringify(school.adapted ?? []),
      boarding: school.boarding ?? false,
    };
    await db.school.upsert({ where: { code: school.code }, create: { code: school.code, ...data }, update: data });
  }
  await seedSeats(db);
  const { streetIds, houses } = await seedAddressList(db);
  const rules = await seedTerritories(db, streetIds);
  await seedCampaigns(db);
  return { schools: SCHOOLS.length, houses, rules };
}

async function seedSeats(db: PrismaClient) {
  const existing = await db.schoolSeats.findMany({ select: { schoolCode: true, year: true } });
  const have = new Set(existing.map((s) => `${s.schoolCode}|${s.year}`));
  const missing = SCHOOLS.flatMap((school) =>
    SEAT_YEARS.filter((year) => !have.has(`${school.code}|${year}`)).map((year) => {
      const [classes, classSize] = year === 2027 && school.seats2027 ? school.seats2027 : school.seats;
      return { schoolCode: school.code, year, classes, classSize };
    }),
  );
  if (missing.length > 0) await db.schoolSeats.createMany({ data: missing });
}

const streetKey = (s: { oktmo: string; settlement: string; name: string }) => `${s.oktmo}|${s.settlement}|${s.name}`;

/** The houses of a street: 1…lastHouse, the listed extras and a few lettered or block buildings. */
export function streetHouses(street: StreetSeed): string[] {
  const random = createRandom(hash(streetKey(street)));
  const numbers = new Set<string>();
  for (let n = 1; n <= street.lastHouse; n++) numbers.add(String(n));
  for (const extra of street.extra ?? []) numbers.add(extra);
  for (let i = 0; i < Math.floor(street.lastHouse / 10); i++) {
    const n = 1 + Math.floor(random() * street.lastHouse);
    numbers.add(`${n}${LETTERS[Math.floor(random() * LETTERS.length)]!}`);
  }
  return [...numbers].map((raw) => {
    const number = normalizeHouseNumber(raw);
    if (!number) throw new Error(`Not a house number in the demo address list: ${raw}`);
    return number;
  });
}

async function seedAddressList(db: PrismaClient): Promise<{ streetIds: Map<string, number>; houses: number }> {
  const streetIds = new Map<string, number>();
  let houses = 0;
  for (const street of STREETS) {
    const where = { oktmo: street.oktmo, settlement: street.settlement, name: street.name };
    const row = await db.street.upsert({
      where: { oktmo_settlement_name: where },
      create: where,
      update: {},
      select: { id: true, houses: { select: { number: true } } },
    });
    streetIds.set(streetKey(street), row.id);
    const have = new Set(row.houses.map((h) => h.number));
    const numbers = streetHouses(street);
    houses += numbers.length;
    const missing = numbers.filter((n) => !have.has(n));
    if (missing.length === 0) continue;
    await db.house.createMany({ data: missing.map((number) => ({ streetId: row.id, number })) });
    // Rules already stored for this street now cover the new houses too.
    if (have.size > 0) await refreshTerritoryHouses(db, row.id);
  }
  return { streetIds, houses };
}

/** Every territory line for every year, through the territory store, so TerritoryHouse rows exist. */
async function seedTerritories(db: PrismaClient, streetIds: Map<string, number>): Promise<number> {
  const existing = await db.territoryRule.findMany({
    where: { year: { in: [...TERRITORY_YEARS] } },
    select: { schoolCode: true, year: true, streetId: true },
  });
  const have = new Set(existing.map((r) => `${r.schoolCode}|${r.year}|${r.streetId}`));
  let written = 0;
  for (const year of TERRITORY_YEARS) {
    for (const line of TERRITORY_LINES) {
      const streetId = streetIds.get(streetKey({ ...line, name: line.street }));
      if (streetId === undefined)
        throw new Error(`Territory line for a street not in the address list: ${line.street}`);
      // A school's line for a street is written once; one an administrator changed stays as it is.
      const key = `${line.schoolCode}|${year}|${streetId}`;
      if (have.has(key)) continue;
      const saved = await saveTerritoryRule(db, { schoolCode: line.schoolCode, year, streetId, houses: line.houses });
      if (!saved.ok) throw new Error(`Demo territory of school ${line.schoolCode} (${line.street}): ${saved.error}`);
      have.add(key);
      written++;
    }
  }
  return written;
}

/** 2026 (finished) and 2027 (stage 1 opens 1 April 2027 00:00 Moscow), with the federal dates. */
async function seedCampaigns(db: PrismaClient) {
  for (const year of CAMPAIGN_YEARS) {
    const campaign = defaultCampaign(year);
    // Written once: an administrator's dates stay.
    if (await db.enrollmentCampaign.findUnique({ where: { year }, select: { year: true } })) continue;
    await db.enrollmentCampaign.create({
      data: {
        year,
        stage1OpensAt: campaign.stage1OpensAt,
        stage1EndsAt: campaign.stage1EndsAt,
        stage2OpensAt: campaign.stage2OpensAt,
        stage2EndsAt: campaign.stage2EndsAt,
        schoolsPerChildStage1: campaign.schoolsPerChild[1],
        schoolsPerChildStage2: campaign.schoolsPerChild[2],
      },
    });
  }
}

/** FNV-1a: a street's own stream of "random" buildings, the same on every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
