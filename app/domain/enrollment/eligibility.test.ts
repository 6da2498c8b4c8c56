import { describe, expect, it } from "vitest";
import {
  PRIORITY_CLASSES,
  ageFlag,
  ageOnSeptemberFirst,
  claimFlags,
  rankingPriorityClass,
  type EnrollmentClaim,
  type PriorityClaim,
} from "./eligibility";

describe("the age on 1 September", () => {
  it.each([
    ["2021-03-01", 2027, { years: 6, months: 6 }],
    ["2021-03-02", 2027, { years: 6, months: 5 }],
    ["2021-02-28", 2027, { years: 6, months: 6 }],
    ["2021-09-01", 2027, { years: 6, months: 0 }],
    ["2021-09-02", 2027, { years: 5, months: 11 }],
    ["2019-09-01", 2027, { years: 8, months: 0 }],
    ["2019-09-02", 2027, { years: 7, months: 11 }],
    ["2020-12-31", 2027, { years: 6, months: 8 }],
    // 29 February: its month completes on the 29th (or, in other years, the month's end), never by 1 September.
    ["2020-02-29", 2026, { years: 6, months: 6 }],
    ["2020-02-29", 2027, { years: 7, months: 6 }],
    ["2020-02-29", 2028, { years: 8, months: 6 }],
  ])("born %s: on 1 September %i", (birthDate, year, age) => {
    expect(ageOnSeptemberFirst(birthDate, year)).toEqual(age);
  });

  it.each(["2021-02-29", "2021-13-01", "01.03.2021", ""])("refuses %j, not a date", (birthDate) => {
    expect(() => ageOnSeptemberFirst(birthDate, 2027)).toThrow(RangeError);
  });
});

describe("the age flag", () => {
  it.each([
    // 6 y 6 m on 1 September is in.
    ["2021-03-01", null],
    ["2021-03-02", "tooYoung"],
    ["2022-01-15", "tooYoung"],
    // A child who has turned 8 by 1 September is out: the range is 6 y 6 m ≤ age < 8 y.
    ["2019-09-01", "tooOld"],
    ["2019-09-02", null],
    ["2018-05-10", "tooOld"],
    ["2020-06-15", null],
  ])("born %s, 2027 campaign: %s", (birthDate, flag) => {
    expect(ageFlag(birthDate, 2027)).toBe(flag);
  });
});

describe("the priority classes", () => {
  it("rank extraordinary, first, sibling, with the proof each needs", () => {
    expect(Object.entries(PRIORITY_CLASSES).map(([name, c]) => [name, c.rank, c.proof])).toEqual([
      ["extraordinary", 0, "employerCertificate"],
      ["first", 1, "employerCertificate"],
      ["sibling", 2, "siblingDetails"],
    ]);
  });

  it("limit only the prosecutors', judges' and investigators' right to boarding schools", () => {
    const boardingOnly = Object.values(PRIORITY_CLASSES).flatMap((c) =>
      Object.entries(c.grounds)
        .filter(([, ground]) => ground.boardingOnly)
        .map(([name]) => name),
    );
    expect(boardingOnly).toEqual(["prosecutorJudgeInvestigator"]);
  });
});

const judge: PriorityClaim = {
  class: "extraordinary",
  ground: "prosecutorJudgeInvestigator",
  employerCertificateFileId: "f1",
};
const fallen: PriorityClaim = { class: "extraordinary", ground: "fallenServiceman", employerCertificateFileId: "f2" };
const police: PriorityClaim = { class: "first", ground: "police", employerCertificateFileId: null };
const sibling: PriorityClaim = {
  class: "sibling",
  sibling: { name: "Иванова Мария Петровна", birthDate: "2018-04-02", schoolClass: "3Б" },
};

describe("the class an application ranks in", () => {
  it.each<[string, PriorityClaim | null, boolean, string | null]>([
    ["no claim", null, false, null],
    ["a judge's child at a boarding school", judge, true, "extraordinary"],
    ["a judge's child at an ordinary school: no priority", judge, false, null],
    ["a fallen serviceman's child at an ordinary school", fallen, false, "extraordinary"],
    ["a police officer's child without the certificate: still first", police, false, "first"],
    ["a sibling", sibling, false, "sibling"],
  ])("%s", (_, claim, boarding, rankedAs) => {
    expect(rankingPriorityClass(claim, { boarding })).toBe(rankedAs);
  });
});

describe("the flags an application carries", () => {
  const base: EnrollmentClaim = {
    year: 2027,
    birthDate: "2020-10-10",
    inTerritory: true,
    priority: null,
    adaptedProgramme: null,
  };
  const ordinary = { boarding: false };

  it.each<[string, Partial<EnrollmentClaim>, { boarding: boolean }, string[]]>([
    ["nothing out of the ordinary", {}, ordinary, []],
    ["a certificate missing", { priority: police }, ordinary, ["proofMissing"]],
    ["a certificate attached", { priority: { ...police, employerCertificateFileId: "f3" } }, ordinary, []],
    ["a sibling without details", { priority: { class: "sibling", sibling: null } }, ordinary, ["proofMissing"]],
    [
      "a sibling without the class",
      { priority: { class: "sibling", sibling: { name: "Иванов Пётр", birthDate: "2018-04-02", schoolClass: " " } } },
      ordinary,
      ["proofMissing"],
    ],
    [
      "a sibling with a birth date that does not exist",
      { priority: { class: "sibling", sibling: { name: "Иванов Пётр", birthDate: "2018-02-30", schoolClass: "3Б" } } },
      ordinary,
      ["proofMissing"],
    ],
    ["a sibling with details", { priority: sibling }, ordinary, []],
    ["a judge's child at an ordinary school", { priority: judge }, ordinary, ["boardingOnlyRight"]],
    ["a judge's child at a boarding school", { priority: judge }, { boarding: true }, []],
    [
      "a judge's child without a certificate at an ordinary school",
      { priority: { ...judge, employerCertificateFileId: null } },
      ordinary,
      ["proofMissing", "boardingOnlyRight"],
    ],
    ["a fallen serviceman's child at an ordinary school", { priority: fallen }, ordinary, []],
    ["too young", { birthDate: "2021-03-02" }, ordinary, ["ageOutsideRange"]],
    ["turned 8", { birthDate: "2019-09-01" }, ordinary, ["ageOutsideRange"]],
    ["outside the territory", { inTerritory: false }, ordinary, ["outsideTerritory"]],
    [
      "an adapted programme without ПМПК",
      { adaptedProgramme: { pmpkConclusionFileId: null } },
      ordinary,
      ["adaptedProgrammeWithoutPmpk"],
    ],
    ["an adapted programme with ПМПК", { adaptedProgramme: { pmpkConclusionFileId: "f4" } }, ordinary, []],
    ["no proof of registration attached", { registrationProofFileId: null }, ordinary, ["registrationProofMissing"]],
    ["the proof of registration attached", { registrationProofFileId: "f5" }, ordinary, []],
    // A form that did not ask for it (a draft begun on an earlier version) is not flagged.
    ["no proof of registration asked", { registrationProofFileId: undefined }, ordinary, []],
    [
      "everything at once",
      {
        priority: { ...judge, employerCertificateFileId: null },
        birthDate: "2022-01-01",
        inTerritory: false,
        adaptedProgramme: { pmpkConclusionFileId: null },
        registrationProofFileId: null,
      },
      ordinary,
      [
        "proofMissing",
        "boardingOnlyRight",
        "ageOutsideRange",
        "outsideTerritory",
        "adaptedProgrammeWithoutPmpk",
        "registrationProofMissing",
      ],
    ],
  ])("%s", (_, changes, school, flags) => {
    expect(claimFlags({ ...base, ...changes }, school)).toEqual(flags);
  });
});
