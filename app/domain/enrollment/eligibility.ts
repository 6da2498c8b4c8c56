/*
 * Who may be enrolled and on what right (docs/enrollment.md): the child's age on 1 September of the
 * campaign year, the priority classes with the proof each needs, and the flags an application
 * carries to the school. Nothing here refuses an application: refusal is lawful only for lack of
 * seats, so what is out of the ordinary is flagged for the school to check.
 */

export type Age = { years: number; months: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month and day of a real calendar date written YYYY-MM-DD, or null. */
function parseIsoDate(isoDate: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * The child's age on 1 September of the campaign year in complete years and months. A month is
 * complete on the day of the month the child was born on, so born 1 March 2021 the child is 6 y 6 m
 * on 1 September 2027 and born 2 March 2021, 6 y 5 m. Any birth day after the 1st (29 February
 * included) completes its month only after 1 September, so one month less. Throws on a date that
 * does not exist: the form has checked it.
 */
export function ageOnSeptemberFirst(birthDate: string, year: number): Age {
  const born = parseIsoDate(birthDate);
  if (!born) throw new RangeError(`Not a date: ${birthDate}`);
  let months = (year - born.year) * 12 + (9 - born.month);
  if (born.day > 1) months -= 1;
  return { years: Math.floor(months / 12), months: months - Math.floor(months / 12) * 12 };
}

export const AGE_MIN: Age = { years: 6, months: 6 };
export const AGE_MAX_EXCLUSIVE: Age = { years: 8, months: 0 };

const inMonths = (age: Age) => age.years * 12 + age.months;

/**
 * Outside 6 y 6 m – 8 y on 1 September the founder's permission is needed (the application is
 * accepted with the flag, never refused). The range is 6 y 6 m ≤ age < 8 y: "up to 8 years" reads
 * as "not yet 8", so a child who has turned 8 by 1 September (born on 1 September eight years
 * before, or earlier) is out of it, and one who turns 6 y 6 m on 1 September itself is in.
 */
export function ageFlag(birthDate: string, year: number): "tooYoung" | "tooOld" | null {
  const months = inMonths(ageOnSeptemberFirst(birthDate, year));
  if (months < inMonths(AGE_MIN)) return "tooYoung";
  if (months >= inMonths(AGE_MAX_EXCLUSIVE)) return "tooOld";
  return null;
}

/** What proves a priority right: a certificate from the parent's employer or service, or the sibling's details. */
export type PriorityProof = "employerCertificate" | "siblingDetails";

type Ground = {
  /** The right applies only when applying to a boarding school (school with a boarding facility). */
  boardingOnly: boolean;
};

/*
 * The priority classes in ranking order (внеочередное, первоочередное, преимущественное), each with
 * its grounds and the proof it needs.
 */
export const PRIORITY_CLASSES = {
  /** Внеочередное право. */
  extraordinary: {
    rank: 0,
    proof: "employerCertificate",
    grounds: {
      /** Children of prosecutors, judges and Investigative Committee officers: boarding schools only. */
      prosecutorJudgeInvestigator: { boardingOnly: true },
      /** Children of servicemen who died in service: any school. */
      fallenServiceman: { boardingOnly: false },
    },
  },
  /** Первоочередное право. */
  first: {
    rank: 1,
    proof: "employerCertificate",
    grounds: {
      serviceman: { boardingOnly: false },
      police: { boardingOnly: false },
      penalSystem: { boardingOnly: false },
      bailiff: { boardingOnly: false },
      fireService: { boardingOnly: false },
      customs: { boardingOnly: false },
      rosgvardia: { boardingOnly: false },
    },
  },
  /** Преимущественное право: a full or half sibling attends the school and lives at the same address. */
  sibling: {
    rank: 2,
    proof: "siblingDetails",
    grounds: { sibling: { boardingOnly: false } },
  },
} as const satisfies Record<string, { rank: number; proof: PriorityProof; grounds: Record<string, Ground> }>;

export type PriorityClass = keyof typeof PRIORITY_CLASSES;
export type ExtraordinaryGround = keyof (typeof PRIORITY_CLASSES)["extraordinary"]["grounds"];
export type FirstGround = keyof (typeof PRIORITY_CLASSES)["first"]["grounds"];

export type SiblingDetails = { name: string; birthDate: string; schoolClass: string };

/** A priority right as the parent claimed it, with the proof attached (null where none was). */
export type PriorityClaim =
  | { class: "extraordinary"; ground: ExtraordinaryGround; employerCertificateFileId: string | null }
  | { class: "first"; ground: FirstGround; employerCertificateFileId: string | null }
  | { class: "sibling"; sibling: SiblingDetails | null };

export type EnrollmentClaim = {
  /** The campaign year: the age is counted on its 1 September. */
  year: number;
  birthDate: string;
  /** The child's address is in the school's assigned territory (закреплённая территория). */
  inTerritory: boolean;
  priority: PriorityClaim | null;
  /** The adapted programme asked for, with the ПМПК conclusion attached (null where none was). */
  adaptedProgramme: { pmpkConclusionFileId: string | null } | null;
  /**
   * The proof of registration at the address (свидетельство о регистрации по месту жительства):
   * the file, null when the form asked and none was attached, absent when the form did not ask.
   */
  registrationProofFileId?: string | null;
};

export type ClaimFlag =
  | "proofMissing"
  | "boardingOnlyRight"
  | "ageOutsideRange"
  | "outsideTerritory"
  | "adaptedProgrammeWithoutPmpk"
  | "registrationProofMissing";

function hasProof(claim: PriorityClaim): boolean {
  if (claim.class !== "sibling") return Boolean(claim.employerCertificateFileId);
  const sibling = claim.sibling;
  return (
    sibling !== null &&
    sibling.name.trim() !== "" &&
    parseIsoDate(sibling.birthDate) !== null &&
    sibling.schoolClass.trim() !== ""
  );
}

function isBoardingOnly(claim: PriorityClaim): boolean {
  switch (claim.class) {
    case "extraordinary":
      return PRIORITY_CLASSES.extraordinary.grounds[claim.ground].boardingOnly;
    case "first":
      return PRIORITY_CLASSES.first.grounds[claim.ground].boardingOnly;
    case "sibling":
      return false;
  }
}

/**
 * The priority class an application ranks in at this school. A right that applies only to boarding
 * schools, claimed at a school without boarding, gives none: the application ranks as the territory's
 * (or everyone's, in stage 2) and carries the "boardingOnlyRight" flag so the school sees the claim.
 * A right claimed without proof keeps its class, flagged "proofMissing": the school checks it rather
 * than the portal silently accepting or dropping it.
 */
export function rankingPriorityClass(claim: PriorityClaim | null, school: { boarding: boolean }): PriorityClass | null {
  if (!claim) return null;
  if (isBoardingOnly(claim) && !school.boarding) return null;
  return claim.class;
}

/**
 * The flags an application carries to the school. "outsideTerritory" is set in either stage: in
 * stage 2 the child ranks with everyone else; in stage 1 the application rests on its priority
 * right alone.
 */
export function claimFlags(claim: EnrollmentClaim, school: { boarding: boolean }): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  if (claim.priority && !hasProof(claim.priority)) flags.push("proofMissing");
  if (claim.priority && isBoardingOnly(claim.priority) && !school.boarding) flags.push("boardingOnlyRight");
  if (ageFlag(claim.birthDate, claim.year) !== null) flags.push("ageOutsideRange");
  if (!claim.inTerritory) flags.push("outsideTerritory");
  if (claim.adaptedProgramme && !claim.adaptedProgramme.pmpkConclusionFileId) flags.push("adaptedProgrammeWithoutPmpk");
  // Not a reason to refuse: the school sees the original anyway; the flag says to ask for it.
  if (claim.registrationProofFileId === null) flags.push("registrationProofMissing");
  return flags;
}
