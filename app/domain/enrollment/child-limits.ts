import type { Status } from "~/domain/applications/lifecycle";
import { checkBirthCertificate } from "~/domain/identity/documents";
import { toPlainCharacters } from "~/domain/identity/normalize";
import type { Stage } from "./campaign";

/*
 * One application per child per school, and at most the campaign's `schoolsPerChild[stage]` schools
 * per child in a stage (docs/enrollment.md). The child is known by the birth certificate, normalised, across
 * all accounts: two parents, or one parent on four devices, applying for the same child are one child.
 */

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function toRoman(value: number): string {
  let rest = value;
  let roman = "";
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      roman += numeral;
      rest -= amount;
    }
  }
  return roman;
}

/*
 * The Roman-numeral part (Latin, Cyrillic look-alikes or, as many type it, Arabic digits), an optional
 * dash or space, the two letters, an optional numero sign (NFKC writes "№" as "No") and six digits.
 */
const TYPED_CERTIFICATE = /^([IVXLCDMХСМІ]+|\d{1,2})\s*[-\s]?\s*([A-ZА-ЯЁ]{2})\s*-?\s*(?:(?:NO|N)\.?\s*)?(\d{6})$/;

/**
 * A birth certificate's series and number in one form, "I-ИЗ 123456", however it was typed:
 * "I-ИЗ 123456", "1-из №123456" and "I ИЗ 123456" are the same certificate. Null when it is not one.
 * The canonical form is `checkBirthCertificate`'s; this only reads the spellings it does not accept.
 */
export function normalizeBirthCertificate(input: string): string | null {
  const typed = toPlainCharacters(input)
    .toUpperCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .trim();
  const match = TYPED_CERTIFICATE.exec(typed);
  if (!match) return null;
  const [, numeral = "", letters = "", digits = ""] = match;
  const roman = /^\d+$/.test(numeral) ? toRoman(Number(numeral)) : numeral;
  if (roman === "") return null;
  const checked = checkBirthCertificate(`${roman}-${letters}${digits}`);
  return checked.ok ? checked.value : null;
}

/** The key a child is matched by: the normalised certificate, or what was typed, compacted, if it is not one. */
function certificateKey(input: string): string {
  return (
    normalizeBirthCertificate(input) ??
    toPlainCharacters(input)
      .toUpperCase()
      .replace(/[\s\-№]/g, "")
  );
}

/** Drafts are not applications yet; withdrawn and refused ones no longer hold a place. */
const NOT_COUNTED: readonly Status[] = ["draft", "withdrawn", "refused"];

export type ChildApplication = {
  certificate: string;
  schoolCode: string;
  stage: Stage;
  status: Status;
  applicantId: string;
  /** The registration number. */
  number: string;
};

export type ChildLimitCandidate = Pick<ChildApplication, "certificate" | "schoolCode" | "stage" | "applicantId">;

export type ChildLimitCheck =
  | { ok: true }
  | {
      ok: false;
      reason: "sameSchool" | "limitReached";
      /**
       * The number of the applicant's own application that is in the way, so a resubmission can
       * point to it. Null when it is another account's: nothing of another parent's data is shown.
       */
      ownNumber: string | null;
    };

/**
 * Whether this child may be applied to this school in this stage, given the applications for any
 * child already made (from any account). `limit` is the campaign's `schoolsPerChild[stage]`.
 */
export function checkChildLimit(
  existing: readonly ChildApplication[],
  candidate: ChildLimitCandidate,
  limit: number,
): ChildLimitCheck {
  const child = certificateKey(candidate.certificate);
  const counted = existing.filter(
    (application) => !NOT_COUNTED.includes(application.status) && certificateKey(application.certificate) === child,
  );
  const ownNumber = (blocking: readonly ChildApplication[]) =>
    blocking.find((application) => application.applicantId === candidate.applicantId)?.number ?? null;

  // In either stage: a stage-1 application that still holds its place blocks a stage-2 one to the same school.
  const sameSchool = counted.filter((application) => application.schoolCode === candidate.schoolCode);
  if (sameSchool.length > 0) return { ok: false, reason: "sameSchool", ownNumber: ownNumber(sameSchool) };

  const inStage = counted.filter((application) => application.stage === candidate.stage);
  const schools = new Set(inStage.map((application) => application.schoolCode));
  if (schools.size >= limit) return { ok: false, reason: "limitReached", ownNumber: ownNumber(inStage) };
  return { ok: true };
}
