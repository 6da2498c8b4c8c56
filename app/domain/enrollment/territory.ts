/*
 * Assigned territories of schools (закреплённая территория, Приказ № 458 п. 8): a municipal act lists
 * streets with the houses of each assigned to a school — "все", ranges "1-25", sides "2-30 чёт",
 * single houses "12А", "12 к2", "12/1". Pure: the browser's form check and the server share it.
 *
 * DECISION — letters, blocks and fractions under a range: a house "12А", "12 к2", "12 с1" or "12/1"
 * is covered by a range iff its integer part (12) is inside the range and of the range's parity. That
 * is how such acts are read: "2-30 чёт" means the even side of the street from 2 to 30, with every
 * building standing on those plots. An act cannot exclude "12А" while keeping "12"; when it lists
 * letters separately it simply lists them as single houses, which are covered exactly.
 * A single house in the act is matched exactly: "12" does not cover "12А", nor "12А" cover "12".
 */
import { toCyrillicLookalikes } from "~/domain/identity/normalize";

/** Longest house number accepted ("123/45А к12 с3" is 14). */
export const HOUSE_NUMBER_MAX_LENGTH = 20;
/** Parts of one street's list: an act's longest lines have a few dozen. */
export const HOUSE_SET_MAX_PARTS = 200;
/** Characters of one street's list (200 parts of a few characters each). */
export const HOUSE_SPEC_MAX_LENGTH = 4_000;
/** Highest house number of a range; no street in Russia reaches it. */
const MAX_HOUSE_INTEGER = 99_999;

export type HouseSide = "all" | "odd" | "even";
export type HouseRange = { readonly from: number; readonly to: number; readonly side: HouseSide };

/** The houses of one street a rule covers: the whole street, or ranges and single houses. */
export type HouseSet = {
  readonly whole: boolean;
  readonly ranges: readonly HouseRange[];
  /** Normalised house numbers (normalizeHouseNumber), in natural order, without repeats. */
  readonly houses: readonly string[];
};

/** Why a list was refused: `error` is a key of the "validation" namespace, `part` the offending part. */
export type HouseSetResult = { ok: true; set: HouseSet } | { ok: false; error: string; part?: string };

// C0/C1 controls and the bidirectional marks and overrides (docs/security.md §8).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;

/*
 * integer, optional fraction (/1), optional letter (а, "лит. А"), optional block (к2, корп. 2,
 * корпус 2), optional building (с1, стр. 1, строение 1). A letter is one letter not followed by
 * another letter, a dot or a digit, so "12к2" is block 2 and "12 корп" is not the letter К.
 */
const HOUSE_PATTERN = new RegExp(
  [
    "^(\\d{1,5})",
    "(?:\\s*/\\s*(\\d{1,5}))?",
    "(?:[\\s-]*(?:лит(?:ера?)?\\.?\\s*)?([а-яёa-z])(?![а-яёa-z.\\d]))?",
    "(?:[\\s,-]*(?:корпус|корп\\.?|к\\.?)\\s*(\\d{1,4}))?",
    "(?:[\\s,-]*(?:строение|стр\\.?|с\\.?)\\s*(\\d{1,4}))?$",
  ].join(""),
  "u",
);

function collapse(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/gu, " ");
}

/**
 * A house number as the address list stores it: "12а", "12 а", "12-а" → "12А"; "12 к2", "12к2",
 * "12 корп. 2", "12 корпус 2", "12 к.2" → "12 к2"; "12 стр1", "12 строение 1" → "12 с1"; "12/1"
 * stays. Null for anything that is not a house number: empty, no leading digits, over 20
 * characters, control characters.
 */
export function normalizeHouseNumber(raw: string): string | null {
  if (FORBIDDEN_CHARACTERS.test(raw.normalize("NFKC"))) return null;
  const text = collapse(raw);
  if (text.length === 0 || text.length > HOUSE_NUMBER_MAX_LENGTH) return null;
  const match = HOUSE_PATTERN.exec(text.toLowerCase());
  if (!match) return null;
  const [, integer = "", fraction, letter, block, building] = match;
  const value = Number(integer);
  if (value < 1) return null;
  let number = String(value);
  if (fraction !== undefined) {
    if (Number(fraction) < 1) return null;
    number += `/${Number(fraction)}`;
  }
  if (letter !== undefined) {
    const upper = letter.toUpperCase();
    // "12A" typed on an English layout is "12А".
    const cyrillic = toCyrillicLookalikes(upper);
    if (!/^[А-ЯЁ]$/u.test(cyrillic)) return null;
    number += cyrillic;
  }
  if (block !== undefined) {
    if (Number(block) < 1) return null;
    number += ` к${Number(block)}`;
  }
  if (building !== undefined) {
    if (Number(building) < 1) return null;
    number += ` с${Number(building)}`;
  }
  return number;
}

/** The leading integer of a normalised house number: "12А" → 12, "12/1" → 12, "12 к2" → 12. */
export function houseInteger(house: string): number {
  const digits = /^\d+/.exec(house);
  return digits ? Number(digits[0]) : Number.NaN;
}

/** Natural order of house numbers: by the integer, then by the rest ("12" < "12/1" < "12А" < "12 к2"). */
export function compareHouseNumbers(a: string, b: string): number {
  const byInteger = houseInteger(a) - houseInteger(b);
  if (byInteger !== 0 && !Number.isNaN(byInteger)) return byInteger;
  return a.localeCompare(b, "ru");
}

const WHOLE_STREET = new Set(["все", "все дома", "вся улица", "all", "all houses"]);
const SIDES: Record<string, HouseSide> = {
  нечёт: "odd",
  нечет: "odd",
  нечётные: "odd",
  нечетные: "odd",
  нечётная: "odd",
  нечетная: "odd",
  odd: "odd",
  чёт: "even",
  чет: "even",
  чётные: "even",
  четные: "even",
  чётная: "even",
  четная: "even",
  even: "even",
};
// Bounds are plain integers; "1-25", "1–25", "1 — 25", then optionally a side word.
const RANGE_PATTERN = /^(\d{1,5})\s*[-–—]\s*(\d{1,5})(?![\d/])\s*(.*)$/u;

/** "нечёт", "(нечётная сторона)", "чёт." → the side; undefined for words that are not one. */
function readSide(text: string): HouseSide | undefined {
  const word = text
    .replace(/^\((.*)\)$/u, "$1")
    .replace(/\s*сторона$/u, "")
    .replace(/\.$/u, "")
    .trim();
  return word === "" ? "all" : SIDES[word];
}

type ParsedPart = { kind: "whole" } | { kind: "range"; range: HouseRange } | { kind: "house"; number: string };

function parsePart(part: string): ParsedPart | { error: string } {
  const lower = part.toLowerCase();
  if (WHOLE_STREET.has(lower)) return { kind: "whole" };
  const range = RANGE_PATTERN.exec(lower);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    const side = readSide(range[3] ?? "");
    if (!side) return { error: "territory.badSide" };
    if (from < 1 || to > MAX_HOUSE_INTEGER) return { error: "territory.badHouses" };
    if (from > to) return { error: "territory.reversedRange" };
    return { kind: "range", range: { from, to, side } };
  }
  const number = normalizeHouseNumber(part);
  if (number === null) return { error: "territory.badHouses" };
  return { kind: "house", number };
}

/**
 * An act's list of the houses of one street: parts separated by commas or semicolons, each "все"
 * (the whole street), a range "1-25" / "1–25" with an optional side ("нечёт", "чёт", "odd", "even"),
 * or a single house ("12", "12А", "12 к2", "12/1"). Refused: an empty list or part, a reversed
 * range, an unknown side, more than 200 parts, control characters.
 */
export function parseHouseSet(spec: string): HouseSetResult {
  const normalized = spec.normalize("NFKC");
  if (FORBIDDEN_CHARACTERS.test(normalized.replace(/[\r\n\t]/gu, " "))) {
    return { ok: false, error: "territory.badCharacters" };
  }
  if (normalized.length > HOUSE_SPEC_MAX_LENGTH) return { ok: false, error: "territory.tooManyParts" };
  const text = collapse(normalized);
  if (text.length === 0) return { ok: false, error: "territory.emptyHouses" };
  const parts = text.split(/[,;]/u).map((p) => p.trim());
  if (parts.length > HOUSE_SET_MAX_PARTS) return { ok: false, error: "territory.tooManyParts" };
  let whole = false;
  const ranges: HouseRange[] = [];
  const houses = new Set<string>();
  for (const part of parts) {
    if (part.length === 0) return { ok: false, error: "territory.emptyPart" };
    const parsed = parsePart(part);
    if ("error" in parsed) return { ok: false, error: parsed.error, part };
    if (parsed.kind === "whole") whole = true;
    else if (parsed.kind === "range") ranges.push(parsed.range);
    else houses.add(parsed.number);
  }
  // "все" together with other parts is still the whole street: the other parts add nothing.
  if (whole) return { ok: true, set: { whole: true, ranges: [], houses: [] } };
  return {
    ok: true,
    set: {
      whole: false,
      ranges: dedupeRanges(ranges),
      houses: [...houses].sort(compareHouseNumbers),
    },
  };
}

const SIDE_ORDER: Record<HouseSide, number> = { all: 0, odd: 1, even: 2 };

function dedupeRanges(ranges: HouseRange[]): HouseRange[] {
  const seen = new Set<string>();
  return [...ranges]
    .sort((a, b) => a.from - b.from || a.to - b.to || SIDE_ORDER[a.side] - SIDE_ORDER[b.side])
    .filter((r) => {
      const key = `${r.from}-${r.to}-${r.side}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function rangeCovers(range: HouseRange, integer: number): boolean {
  if (integer < range.from || integer > range.to) return false;
  if (range.side === "odd") return integer % 2 === 1;
  if (range.side === "even") return integer % 2 === 0;
  return true;
}

/** Whether the set covers a house (its number normalised by normalizeHouseNumber). */
export function houseInSet(set: HouseSet, house: string): boolean {
  if (set.whole) return true;
  if (set.houses.includes(house)) return true;
  const integer = houseInteger(house);
  if (Number.isNaN(integer)) return false;
  return set.ranges.some((range) => rangeCovers(range, integer));
}

const SIDE_WORDS: Record<HouseSide, string> = { all: "", odd: " нечёт", even: " чёт" };

/** The canonical text of a set, as stored and shown: "1-25 нечёт, 2-30 чёт, 12А, 12 к2" or "все". */
export function formatHouseSet(set: HouseSet): string {
  if (set.whole) return "все";
  return [...set.ranges.map((r) => `${r.from}-${r.to}${SIDE_WORDS[r.side]}`), ...set.houses].join(", ");
}

// Street-type words an act or a parent may write before or after the name, stripped for comparison.
const STREET_TYPE_WORDS = [
  "улица",
  "ул",
  "проспект",
  "просп",
  "пр-т",
  "пр-кт",
  "пр",
  "переулок",
  "пер",
  "шоссе",
  "ш",
  "площадь",
  "пл",
  "бульвар",
  "б-р",
  "проезд",
  "пр-д",
  "набережная",
  "наб",
  "тупик",
  "туп",
  "микрорайон",
  "мкр",
];
const STREET_TYPE_PATTERN = new RegExp(`(^|\\s)(?:${STREET_TYPE_WORDS.join("|")})(?:\\.|(?=\\s|$))`, "gu");

/**
 * A street name reduced for loose comparison: lower case, ё → е, punctuation to spaces, street-type
 * words ("ул.", "улица", "пр.", "проспект", "пер.", "переулок", "ш.", "шоссе", "пл.", "площадь",
 * "б-р", "бульвар", "проезд") removed wherever they stand. "ул. Московская" and "Московская улица"
 * both give "московская". Not for display.
 */
export function normalizeStreetName(name: string): string {
  const lower = name.normalize("NFKC").toLowerCase().replace(/ё/gu, "е").replace(/\s+/gu, " ").trim();
  const clean = (text: string) =>
    text
      .replace(/[.,"«»()]/gu, " ")
      .replace(/\s+/gu, " ")
      .trim();
  // A street called just "Проезд" keeps its name.
  return clean(lower.replace(STREET_TYPE_PATTERN, " ")) || clean(lower);
}

const SETTLEMENT_TYPE_PATTERN =
  /(^|\s)(?:город|гор|г|село|с|деревня|дер|д|посёлок|поселок|пос|п|рабочий посёлок|рабочий поселок|р\.\s?п|рп|пгт)(?:\.|(?=\s|$))/gu;

/** A settlement name reduced for loose comparison: "г. Пенза", "Пенза", "город Пенза" give "пенза". */
export function normalizeSettlementName(name: string): string {
  const lower = name.normalize("NFKC").toLowerCase().replace(/ё/gu, "е").replace(/\s+/gu, " ").trim();
  const clean = (text: string) =>
    text
      .replace(/[.,"«»()]/gu, " ")
      .replace(/\s+/gu, " ")
      .trim();
  return clean(lower.replace(SETTLEMENT_TYPE_PATTERN, " ")) || clean(lower);
}
