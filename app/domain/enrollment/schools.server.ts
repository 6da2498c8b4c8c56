import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import {
  houseInteger,
  normalizeHouseNumber,
  normalizeSettlementName,
  normalizeStreetName,
} from "~/domain/enrollment/territory";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import {
  listTerritoryRules,
  streetIndex,
  type AddressStreet,
  type StreetIndex,
} from "~/domain/enrollment/territory-store.server";
import type { Localized } from "~/domain/i18n/localized";
import { MUNICIPALITIES } from "~/domain/region/municipalities";
import { addressOfQuery, asksForAddress, type SchoolsQuery } from "~/domain/enrollment/schools-query";

/*
 * Schools that take first-graders, as residents and other systems see them: the list with its
 * filters and first-grade places for a campaign year, one school with its assigned territory, and
 * "which schools is this address assigned to" (закреплённая территория) over the TerritoryHouse index.
 */

export type SchoolFilter = {
  oktmo?: string;
  district?: string;
  language?: string;
  adapted?: boolean;
  boarding?: boolean;
  withFreeSeats?: boolean;
  q?: string;
  year: number;
  /** The code of the last school of the previous page (keyset paging by code). */
  after?: string;
  take: number;
};

export type SchoolSeatsView = { classes: number; classSize: number; total: number };

export type SchoolCard = {
  code: string;
  name: Localized;
  oktmo: string;
  municipality: Localized;
  district: string | null;
  address: string;
  languages: string[];
  adaptedProgrammes: string[];
  boarding: boolean;
  /** First-grade places published for the year; null when the school has published none. */
  seats: SchoolSeatsView | null;
  /** Places minus the children the school's orders have enrolled (see `enrolledChildren`). */
  freeSeats: number | null;
};

export const MAX_PAGE_SIZE = 100;
/** Schools read per round when the free-places filter has to look at places after the query. */
const SCAN_BATCH = 100;
/** Bound on those rounds: a page never reads more than this many batches. */
const MAX_SCAN_ROUNDS = 20;

type SchoolRow = Prisma.SchoolGetPayload<{ include: { seats: true } }>;

function municipalityName(oktmo: string): Localized {
  return MUNICIPALITIES.find((m) => m.oktmo === oktmo)?.name ?? { ru: oktmo, en: oktmo };
}

function parseCodes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Children already enrolled in the first grade of each school for the year by its enrollment
 * orders (распорядительные акты о приёме): the school's applications an order enrolled. The one
 * place they are counted — free places here, the order's capacity check and a refusal's offer
 * (enrollment-orders.server.ts) — so every order changes them at once. Works inside a transaction.
 */
export async function enrolledChildren(
  db: PrismaClient | Prisma.TransactionClient,
  codes: readonly string[],
  year: number,
): Promise<Map<string, number>> {
  const counted = new Map(codes.map((code) => [code, 0]));
  if (codes.length === 0) return counted;
  const rows = await db.enrollmentRequest.groupBy({
    by: ["schoolCode"],
    where: { campaignYear: year, schoolCode: { in: [...codes] }, orderId: { not: null } },
    _count: { _all: true },
  });
  for (const row of rows) counted.set(row.schoolCode, row._count._all);
  return counted;
}

async function toCards(db: PrismaClient, rows: SchoolRow[], year: number): Promise<SchoolCard[]> {
  const enrolled = await enrolledChildren(
    db,
    rows.map((r) => r.code),
    year,
  );
  return rows.map((row) => {
    const published = row.seats.find((s) => s.year === year);
    const seats = published
      ? { classes: published.classes, classSize: published.classSize, total: published.classes * published.classSize }
      : null;
    return {
      code: row.code,
      name: { ru: row.name, en: row.nameEn },
      oktmo: row.oktmo,
      municipality: municipalityName(row.oktmo),
      district: row.district,
      address: row.address,
      languages: parseCodes(row.languages),
      adaptedProgrammes: parseCodes(row.adaptedProgrammes),
      boarding: row.boarding,
      seats,
      freeSeats: seats ? Math.max(0, seats.total - (enrolled.get(row.code) ?? 0)) : null,
    };
  });
}

/** "школа" → ["школа", "Школа", "ШКОЛА"]: SQLite compares Cyrillic case-sensitively. */
function caseVariants(text: string): string[] {
  const lower = text.toLowerCase();
  return [...new Set([text, lower, lower.charAt(0).toUpperCase() + lower.slice(1), text.toUpperCase()])];
}

function schoolWhere(filter: SchoolFilter): Prisma.SchoolWhereInput {
  const and: Prisma.SchoolWhereInput[] = [];
  if (filter.oktmo) and.push({ oktmo: filter.oktmo });
  if (filter.district) and.push({ district: filter.district });
  // Languages are a JSON array of codes: '["ru","tt"]' contains '"tt"'.
  if (filter.language) and.push({ languages: { contains: JSON.stringify(filter.language) } });
  if (filter.adapted) and.push({ NOT: { adaptedProgrammes: "[]" } });
  if (filter.boarding) and.push({ boarding: true });
  if (filter.withFreeSeats) {
    and.push({ seats: { some: { year: filter.year, classes: { gt: 0 }, classSize: { gt: 0 } } } });
  }
  const q = filter.q?.trim();
  if (q) {
    const number = q.replace(/^№\s*/, "");
    and.push({
      OR: [
        ...(/^\d+$/.test(number) ? [{ code: number }] : []),
        ...caseVariants(q).flatMap((v) => [
          { name: { contains: v } },
          { nameEn: { contains: v } },
          { address: { contains: v } },
        ]),
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

/**
 * One page of the schools the filter selects, by code, with their first-grade places and free
 * places for `filter.year`; `next` is the `after` of the following page, or null on the last one.
 */
export async function listSchools(
  db: PrismaClient,
  filter: SchoolFilter,
): Promise<{ schools: SchoolCard[]; next: string | null }> {
  const take = Math.min(Math.max(1, Math.floor(filter.take)), MAX_PAGE_SIZE);
  const where = schoolWhere(filter);
  const found: SchoolCard[] = [];
  let after = filter.after;
  for (let round = 0; round < MAX_SCAN_ROUNDS; round++) {
    // Without the free-places filter every row read is shown: read one more than a page to know
    // whether there is a next one.
    const batch = filter.withFreeSeats ? SCAN_BATCH : take + 1;
    const rows = await db.school.findMany({
      where: after === undefined ? where : { AND: [where, { code: { gt: after } }] },
      include: { seats: { where: { year: filter.year } } },
      orderBy: { code: "asc" },
      take: batch,
    });
    const cards = await toCards(db, rows, filter.year);
    found.push(...(filter.withFreeSeats ? cards.filter((c) => (c.freeSeats ?? 0) > 0) : cards));
    if (found.length > take) {
      const page = found.slice(0, take);
      return { schools: page, next: page[page.length - 1]!.code };
    }
    if (rows.length < batch) return { schools: found, next: null };
    after = rows[rows.length - 1]!.code;
  }
  // Bounded: what was found so far, and the rest from where the scan stopped.
  return { schools: found, next: after ?? null };
}

/** The districts of a municipality's schools, for the filter (Penza's four city districts). */
export async function listSchoolDistricts(db: PrismaClient, oktmo?: string): Promise<string[]> {
  const rows = await db.school.findMany({
    where: { district: { not: null }, ...(oktmo ? { oktmo } : {}) },
    select: { district: true },
    distinct: ["district"],
    orderBy: { district: "asc" },
  });
  return rows.flatMap((r) => (r.district ? [r.district] : []));
}

/** The years for which schools have published first-grade places, newest first. */
export async function listSeatYears(db: PrismaClient): Promise<number[]> {
  const rows = await db.schoolSeats.findMany({ select: { year: true }, distinct: ["year"], orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

export type TerritoryLineView = { settlement: string; street: string; houses: string };

export type SchoolView = SchoolCard & { year: number; territory: TerritoryLineView[] };

/** One school with its places and its assigned territory for the year; null for an unknown code. */
export async function getSchool(db: PrismaClient, code: string, year: number): Promise<SchoolView | null> {
  if (code.length === 0 || code.length > 20) return null;
  const row = await db.school.findUnique({ where: { code }, include: { seats: { where: { year } } } });
  if (!row) return null;
  const [card] = await toCards(db, [row], year);
  const rules = await listTerritoryRules(db, code, year);
  return {
    ...card!,
    year,
    territory: rules.map((r) => ({ settlement: r.street.settlement, street: r.street.name, houses: r.houses })),
  };
}

export type AddressLookup = { oktmo?: string; settlement?: string; street: string; house: string; year: number };

export type StreetSuggestion = { oktmo: string; municipality: Localized; settlement: string; street: string };

export type AddressAnswer =
  | { match: "found"; house: { street: StreetSuggestion; number: string }; schools: SchoolCard[] }
  /** The street is in the address list but not this house: `suggestions` are its houses with the same number. */
  | { match: "house-unknown"; street: StreetSuggestion; suggestions: string[] }
  /** No street of that name: `suggestions` are streets with similar names. */
  | { match: "street-unknown"; suggestions: StreetSuggestion[] }
  /** Streets of that name in several settlements: the parent picks one. */
  | { match: "street-ambiguous"; suggestions: StreetSuggestion[] };

const MAX_SUGGESTIONS = 8;

function suggestion(street: AddressStreet): StreetSuggestion {
  return {
    oktmo: street.oktmo,
    municipality: municipalityName(street.oktmo),
    settlement: street.settlement,
    street: street.name,
  };
}

/** The municipalities an address may be in: the one chosen, or those with a settlement of that name. */
function candidateMunicipalities(index: StreetIndex, oktmo?: string, settlement?: string): string[] {
  if (oktmo) return [oktmo];
  if (!settlement) return MUNICIPALITIES.map((m) => m.oktmo);
  return index.municipalitiesOf(settlement);
}

/** The settlements of the address list ("Пенза", "Кузнецк"), to read a one-line address. */
export async function listSettlements(db: PrismaClient): Promise<string[]> {
  return [...(await streetIndex(db)).settlements].sort((a, b) => b.length - a.length);
}

/** An address found in the list, with the codes of the schools its house is assigned to. */
export type AssignedHouse = { match: "found"; street: StreetSuggestion; number: string; schoolCodes: string[] };

/**
 * The house of an address and the schools it is assigned to for the year, by code. The street is
 * matched loosely (normalizeStreetName: "Московская", "ул. Московская", "московская улица"), the house
 * exactly after normalizeHouseNumber ("12а" is "12А"); then one indexed read of TerritoryHouse for the
 * house. The submission needs no more than this (readEnrollmentClaim); a page wants schoolsForAddress.
 */
export async function findAssignedHouse(
  db: PrismaClient,
  lookup: AddressLookup,
): Promise<AssignedHouse | Exclude<AddressAnswer, { match: "found" }>> {
  const index = await streetIndex(db);
  const municipalities = candidateMunicipalities(index, lookup.oktmo, lookup.settlement);
  const settlement = lookup.settlement?.trim() ? normalizeSettlementName(lookup.settlement) : "";
  const streets = municipalities.flatMap((oktmo) =>
    index
      .named(oktmo, lookup.street)
      .filter((s) => settlement === "" || normalizeSettlementName(s.settlement) === settlement),
  );
  if (streets.length === 0) {
    return { match: "street-unknown", suggestions: await similarStreets(db, municipalities, lookup) };
  }
  if (streets.length > 1) return { match: "street-ambiguous", suggestions: streets.map(suggestion) };
  const street = streets[0]!;

  const number = normalizeHouseNumber(lookup.house);
  const house =
    number === null ? null : await assignedSchoolsOfHouse(db, { streetId: street.id, number, year: lookup.year });
  if (!house) {
    return {
      match: "house-unknown",
      street: suggestion(street),
      suggestions: await sameNumberHouses(db, street.id, number),
    };
  }
  return { match: "found", street: suggestion(street), number: house.number, schoolCodes: house.schoolCodes };
}

/** A house of the address list and the codes of the schools it is assigned to for the year (in SQL, see streetIndex). */
async function assignedSchoolsOfHouse(
  db: PrismaClient,
  input: { streetId: number; number: string; year: number },
): Promise<{ number: string; schoolCodes: string[] } | null> {
  const connection = await sqliteConnectionOf(db);
  const rows = await connection.read(
    () =>
      connection
        .statement(
          `SELECT h."number", t."schoolCode" FROM "House" h
             LEFT JOIN "TerritoryHouse" t ON t."houseId" = h."id" AND t."year" = ?
            WHERE h."streetId" = ? AND h."number" = ?`,
        )
        .all(input.year, input.streetId, input.number) as { number: string; schoolCode: string | null }[],
  );
  if (rows.length === 0) return null;
  const codes = new Set(rows.flatMap((row) => (row.schoolCode === null ? [] : [row.schoolCode])));
  return { number: rows[0]!.number, schoolCodes: [...codes].sort((a, b) => a.localeCompare(b)) };
}

/** The schools an address is assigned to for the year, with their places (findAssignedHouse). */
export async function schoolsForAddress(db: PrismaClient, lookup: AddressLookup): Promise<AddressAnswer> {
  const found = await findAssignedHouse(db, lookup);
  if (found.match !== "found") return found;
  const rows = await db.school.findMany({
    where: { code: { in: found.schoolCodes } },
    include: { seats: { where: { year: lookup.year } } },
    orderBy: { code: "asc" },
  });
  const schools = await toCards(db, rows, lookup.year);
  return { match: "found", house: { street: found.street, number: found.number }, schools };
}

/** Houses of the street whose number starts with the same integer ("12" → "12А", "12 к2"). */
async function sameNumberHouses(db: PrismaClient, streetId: number, number: string | null): Promise<string[]> {
  if (number === null) return [];
  const integer = houseInteger(number);
  if (Number.isNaN(integer)) return [];
  const rows = await db.house.findMany({
    where: { streetId, number: { startsWith: String(integer) } },
    select: { number: true },
    take: 50,
  });
  return rows
    .map((r) => r.number)
    .filter((n) => houseInteger(n) === integer)
    .slice(0, MAX_SUGGESTIONS);
}

/** Streets whose names differ by a typo or two, or begin with what was typed. */
async function similarStreets(
  db: PrismaClient,
  municipalities: string[],
  lookup: AddressLookup,
): Promise<StreetSuggestion[]> {
  const wanted = normalizeStreetName(lookup.street);
  if (wanted.length < 2 || municipalities.length === 0) return [];
  const streets = await db.street.findMany({
    where: { oktmo: { in: municipalities } },
    select: { id: true, oktmo: true, settlement: true, name: true },
  });
  const tolerance = wanted.length <= 4 ? 1 : 2;
  return streets
    .map((street) => {
      const name = normalizeStreetName(street.name);
      const distance = name.startsWith(wanted) && wanted.length >= 3 ? 0 : editDistance(name, wanted, tolerance);
      return { street, distance };
    })
    .filter((s) => s.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance || a.street.name.localeCompare(b.street.name, "ru"))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => suggestion(s.street));
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export type SchoolsAnswer = {
  /** The address as read from the query, or null when none was asked. */
  address: ReturnType<typeof addressOfQuery>;
  lookup: AddressAnswer | { match: "unreadable" } | null;
  list: Awaited<ReturnType<typeof listSchools>>;
};

/** What /schools and /api/schools answer to one query: the address lookup and a page of the list. */
export async function answerSchoolsQuery(db: PrismaClient, query: SchoolsQuery, take: number): Promise<SchoolsAnswer> {
  const address = addressOfQuery(query, await listSettlements(db));
  const lookup = address
    ? await schoolsForAddress(db, { ...address, year: query.year })
    : asksForAddress(query)
      ? ({ match: "unreadable" } as const)
      : null;
  const list = await listSchools(db, {
    year: query.year,
    oktmo: query.oktmo,
    district: query.district,
    language: query.language,
    adapted: query.adapted,
    boarding: query.boarding,
    withFreeSeats: query.free,
    q: query.q,
    after: query.after,
    take,
  });
  return { address, lookup, list };
}
