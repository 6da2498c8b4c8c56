import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { formatHouseSet, houseInSet, normalizeHouseNumber, parseHouseSet, type HouseSet } from "./territory";
import { parseTerritoryAnnex } from "./territory-import";
import { filterStreets, isTerritoryYear, writeCoveredHouses, type AddressStreet } from "./territory-store.server";

/*
 * Importing a municipal act's annex (territory-import.ts reads the CSV): every row is judged on its
 * own — unknown school, street not in the address list (or several streets of that name), houses the
 * act cannot mean, a repeat of an earlier row or of a stored rule — and the accepted ones are written
 * in one transaction with their covered houses. Nothing is half-imported: the report says, row by row,
 * what was taken and what was refused and why.
 *
 * `replace`: the year's rules of the schools the file gives at least one accepted row for are deleted
 * first (in the same transaction). A school whose every row was refused keeps its territory: a file
 * with a broken column must not wipe it.
 */

export type TerritoryImportRow = {
  line: number;
  status: "accepted" | "refused";
  /** A key of the "validation" namespace, for refused rows. */
  reason?: string;
  /** The part of the house list a `territory.*` reason is about. */
  part?: string;
  schoolCode: string;
  street: string;
  /** Canonical text when accepted; as written when refused. */
  houses: string;
  covered?: number;
};

export type TerritoryImportReport =
  | {
      ok: true;
      year: number;
      replace: boolean;
      rows: TerritoryImportRow[];
      accepted: number;
      refused: number;
      covered: number;
      /** Rules deleted by `replace`. */
      replaced: number;
    }
  | { ok: false; error: string; params?: Record<string, string | number> };

type Accepted = { row: TerritoryImportRow; schoolCode: string; street: AddressStreet; houses: string; set: HouseSet };

export async function importTerritoryAnnex(
  db: PrismaClient,
  input: { year: number; csv: string; actorId: string | null; replace: boolean },
): Promise<TerritoryImportReport> {
  if (!isTerritoryYear(input.year)) return { ok: false, error: "territory.badYear" };
  const parsed = parseTerritoryAnnex(input.csv);
  if (!parsed.ok) return parsed;

  const codes = [...new Set(parsed.rows.map((r) => r.school))];
  const schools = new Map(
    (await db.school.findMany({ where: { code: { in: codes } }, select: { code: true, oktmo: true } })).map((s) => [
      s.code,
      s,
    ]),
  );
  const oktmos = new Set([...schools.values()].map((s) => s.oktmo));
  for (const row of parsed.rows) if (row.oktmo) oktmos.add(row.oktmo);
  const streets = await db.street.findMany({ where: { oktmo: { in: [...oktmos] } } });
  const existing = input.replace
    ? []
    : await db.territoryRule.findMany({
        where: { year: input.year, schoolCode: { in: [...schools.keys()] } },
        select: { schoolCode: true, streetId: true, houses: true },
      });
  const seen = new Set(existing.map((r) => `${r.schoolCode}|${r.streetId}|${r.houses}`));

  const rows: TerritoryImportRow[] = [];
  const accepted: Accepted[] = [];
  for (const source of parsed.rows) {
    const row: TerritoryImportRow = {
      line: source.line,
      status: "refused",
      schoolCode: source.school,
      street: [source.settlement, source.street].filter(Boolean).join(", "),
      houses: source.houses,
    };
    rows.push(row);
    const school = schools.get(source.school);
    if (!school) {
      row.reason = "territory.unknownSchool";
      continue;
    }
    const matches = filterStreets(streets, {
      oktmo: source.oktmo || school.oktmo,
      settlement: source.settlement,
      name: source.street,
    });
    if (matches.length !== 1) {
      row.reason = matches.length === 0 ? "territory.unknownStreet" : "territory.ambiguousStreet";
      continue;
    }
    const street = matches[0]!;
    const set = parseHouseSet(source.houses);
    if (!set.ok) {
      row.reason = set.error;
      row.part = set.part;
      continue;
    }
    const houses = formatHouseSet(set.set);
    const key = `${school.code}|${street.id}|${houses}`;
    if (seen.has(key)) {
      row.reason = "territory.duplicateRow";
      continue;
    }
    seen.add(key);
    row.status = "accepted";
    row.houses = houses;
    accepted.push({ row, schoolCode: school.code, street, houses, set: set.set });
  }

  const result = await db.$transaction(
    async (tx) => {
      const replacedSchools = [...new Set(accepted.map((a) => a.schoolCode))];
      const { count: replaced } = input.replace
        ? await tx.territoryRule.deleteMany({ where: { year: input.year, schoolCode: { in: replacedSchools } } })
        : { count: 0 };
      const housesByStreet = new Map<number, { id: number; number: string }[]>();
      let covered = 0;
      for (const item of accepted) {
        let houses = housesByStreet.get(item.street.id);
        if (!houses) {
          houses = await tx.house.findMany({ where: { streetId: item.street.id }, select: { id: true, number: true } });
          housesByStreet.set(item.street.id, houses);
        }
        const rule = await tx.territoryRule.create({
          data: { schoolCode: item.schoolCode, year: input.year, streetId: item.street.id, houses: item.houses },
        });
        const ids = houses
          .filter((h) => houseInSet(item.set, normalizeHouseNumber(h.number) ?? h.number))
          .map((h) => h.id);
        item.row.covered = await writeCoveredHouses(tx, rule, item.set, ids);
        covered += item.row.covered;
      }
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "territory.imported",
        subjectType: "territory",
        subjectId: String(input.year),
        details: {
          year: input.year,
          replace: input.replace,
          rows: rows.length,
          accepted: accepted.length,
          refused: rows.length - accepted.length,
          replaced,
          schools: replacedSchools.join(","),
        },
      });
      return { replaced, covered };
    },
    // Up to 5,000 rules with their houses in one go.
    { timeout: 60_000, maxWait: 10_000 },
  );

  return {
    ok: true,
    year: input.year,
    replace: input.replace,
    rows,
    accepted: accepted.length,
    refused: rows.length - accepted.length,
    covered: result.covered,
    replaced: result.replaced,
  };
}
