import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { stemmer as stemRussian } from "@orama/stemmers/russian";
import { describe, expect, it } from "vitest";
import { stemEnglish } from "./english-stemmer";

/** A Snowball reference vocabulary: [word, stem] pairs (tests/fixtures/snowball/README.md). */
function reference(name: string): [string, string][] {
  const file = path.join(process.cwd(), "tests", "fixtures", "snowball", `${name}.tsv.gz`);
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t") as [string, string]);
}

/** The words whose stem differs from the reference's, with both stems. */
function disagreements(stem: (word: string) => string, pairs: [string, string][]) {
  return pairs
    .filter(([word, expected]) => stem(word) !== expected)
    .map(([word, expected]) => [word, stem(word), expected]);
}

describe("stemmers against the Snowball reference vocabularies", () => {
  it("Russian: every one of the 49,785 words", () => {
    const pairs = reference("russian");
    expect(pairs).toHaveLength(49_785);
    expect(disagreements(stemRussian, pairs)).toEqual([]);
  });

  it("English (Porter): every one of the 42,603 words but «s», which never becomes an empty stem", () => {
    const pairs = reference("porter");
    expect(pairs).toHaveLength(42_603);
    expect(disagreements(stemEnglish, pairs)).toEqual([["s", "s", ""]]);
  });
});

describe("Russian stemmer", () => {
  it.each([
    ["школа", "школ"],
    ["школу", "школ"],
    ["школы", "школ"],
    ["школе", "школ"],
    ["ребенка", "ребенк"],
    ["ребёнка", "ребенк"],
    ["многодетная", "многодетн"],
    ["многодетной", "многодетн"],
    ["многодетным", "многодетн"],
    ["детский", "детск"],
    ["пособие", "пособ"],
    ["пособия", "пособ"],
    ["компенсация", "компенсац"],
    ["удостоверение", "удостоверен"],
    ["красивейший", "красив"],
    ["авиационной", "авиацион"],
    ["сад", "сад"],
    ["жку", "жку"],
  ])("%s → %s", (word, stem) => {
    expect(stemRussian(word)).toBe(stem);
  });

  it("brings word forms of one word together", () => {
    const forms = ["пособие", "пособия", "пособию", "пособием", "пособиях"];
    expect(new Set(forms.map(stemRussian)).size).toBe(1);
  });
});

describe("English stemmer", () => {
  it.each([
    ["enrollment", "enrol"],
    ["enrolling", "enrol"],
    ["enrol", "enrol"],
    ["schools", "school"],
    ["allowances", "allow"],
    ["families", "famili"],
    ["family", "famili"],
    ["caresses", "caress"],
    ["ponies", "poni"],
    ["hopping", "hop"],
    ["relational", "relat"],
    // The published algorithm's "abli", not the "bli" of some ports; no "logi" rule.
    ["probabli", "probabl"],
    ["analogy", "analogi"],
  ])("%s → %s", (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});
