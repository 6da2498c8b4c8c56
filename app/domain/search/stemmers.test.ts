import { describe, expect, it } from "vitest";
import { stemEnglish } from "./english-stemmer";
import { stemRussian } from "./russian-stemmer";

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
  ])("%s → %s", (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});
