import { STREETS, type StreetSeed } from "./addresses-data";
import { SCHOOLS } from "./schools-data";

/*
 * The demo assigned territories (закреплённые территории): which houses of which street each school
 * takes, written as a municipal act writes them ("1-39 нечёт, 2-40 чёт, 12А, 12 к2", "все"). The
 * same plan is seeded for 2026 and 2027. Written out here for the streets that matter to the demo;
 * the rest is shared out by a fixed rule, so the plan is the same on every run.
 */

export type TerritoryLine = { schoolCode: string; oktmo: string; settlement: string; street: string; houses: string };

const PENZA = { oktmo: "56701000", settlement: "Пенза" };

/**
 * ул. Московская: the demo parent's house 11 (and 11А) is assigned to both 112 and 115, so the lookup
 * shows two schools; 12 is 112's only, 12А and 12 к2 are listed in 115's line by name.
 */
export const WRITTEN_LINES: TerritoryLine[] = [
  { ...PENZA, schoolCode: "112", street: "ул. Московская", houses: "1-39 нечёт, 2-40 чёт" },
  { ...PENZA, schoolCode: "115", street: "ул. Московская", houses: "1-15 нечёт, 12А, 12 к2" },
  { ...PENZA, schoolCode: "100", street: "ул. Московская", houses: "41-119 нечёт" },
  { ...PENZA, schoolCode: "104", street: "ул. Московская", houses: "42-120 чёт" },
];

const oddSide = (street: StreetSeed) =>
  `1-${street.lastHouse % 2 === 1 ? street.lastHouse : street.lastHouse - 1} нечёт`;
const evenSide = (street: StreetSeed) =>
  `2-${street.lastHouse % 2 === 0 ? street.lastHouse : street.lastHouse - 1} чёт`;

/**
 * A town's (or a Penza district's) streets not written out above are cut into their odd and even
 * sides, dealt to its schools in turn by code; the first side also goes to the second school, so
 * every town has houses assigned to two schools. A village's school takes all of its streets.
 */
function sharedOut(): TerritoryLine[] {
  const written = new Set(WRITTEN_LINES.map((l) => `${l.oktmo}|${l.settlement}|${l.street}`));
  const groups = new Map<string, StreetSeed[]>();
  for (const street of STREETS) {
    if (written.has(`${street.oktmo}|${street.settlement}|${street.name}`)) continue;
    const key = street.district ? `${street.oktmo}|${street.district}` : `${street.oktmo}|${street.settlement}`;
    groups.set(key, [...(groups.get(key) ?? []), street]);
  }
  const lines: TerritoryLine[] = [];
  for (const [key, streets] of groups) {
    const [oktmo, area] = key.split("|") as [string, string];
    const schools = SCHOOLS.filter((s) => s.oktmo === oktmo && (s.district ?? s.settlement) === area)
      .map((s) => s.code)
      .sort();
    if (schools.length === 0) throw new Error(`No demo school for the streets of ${area}`);
    const line = (schoolCode: string, street: StreetSeed, houses: string): TerritoryLine => ({
      schoolCode,
      oktmo,
      settlement: street.settlement,
      street: street.name,
      houses,
    });
    if (schools.length === 1) {
      for (const street of streets) lines.push(line(schools[0]!, street, "все"));
      continue;
    }
    const sides = streets.flatMap((street) => [
      { street, houses: oddSide(street) },
      { street, houses: evenSide(street) },
    ]);
    sides.forEach((side, i) => lines.push(line(schools[i % schools.length]!, side.street, side.houses)));
    const first = sides[0]!;
    lines.push(line(schools[1]!, first.street, first.houses));
  }
  return lines;
}

export const TERRITORY_YEARS = [2026, 2027] as const;

export const TERRITORY_LINES: TerritoryLine[] = [...WRITTEN_LINES, ...sharedOut()];
