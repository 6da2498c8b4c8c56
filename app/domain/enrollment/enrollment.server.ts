import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import { campaignYearFor, defaultCampaign, submissionWindow, type EnrollmentCampaign, type Stage } from "./campaign";
import { checkChildLimit, normalizeBirthCertificate } from "./child-limits";
import {
  claimFlags,
  PRIORITY_CLASSES,
  rankingPriorityClass,
  type ExtraordinaryGround,
  type FirstGround,
  type PriorityClaim,
  type SiblingDetails,
} from "./eligibility";
import { FIRST_GRADE_SERVICE_CODE } from "./first-grade-service";
import { NO_PRIORITY_RANK_CLASS, rankClass } from "./ranking";
import { findAssignedHouse } from "./schools.server";
import { enrollmentOrderDueDate } from "./stage-deadlines";

/*
 * First-grade enrollment at the moment of submission (docs/enrollment.md): whether the campaign
 * takes this application now, on which stage's list it stands, the class it ranks in, the flags the
 * school sees, the order's legal deadline, and the per-child limits across accounts. The rules are
 * the pure modules beside this one; this module reads what they need and writes the
 * EnrollmentRequest row in the submission's transaction.
 */

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

export function isEnrollmentService(serviceCode: string): boolean {
  return serviceCode === FIRST_GRADE_SERVICE_CODE;
}

/** The campaign of a year as the administrators set it, or the default dates when none is stored. */
export async function loadCampaign(db: Db, year: number): Promise<EnrollmentCampaign> {
  return campaignOfRow(year, await db.enrollmentCampaign.findUnique({ where: { year } }));
}

type CampaignRow = {
  stage1OpensAt: Date | string;
  stage1EndsAt: Date | string;
  stage2OpensAt: Date | string;
  stage2EndsAt: Date | string;
  schoolsPerChildStage1: number;
  schoolsPerChildStage2: number;
};

/** A stored campaign row (Prisma's, or SQL's with its times as text), or the default dates when none. */
function campaignOfRow(year: number, row: CampaignRow | null | undefined): EnrollmentCampaign {
  if (!row) return defaultCampaign(year);
  return {
    year,
    stage1OpensAt: new Date(row.stage1OpensAt),
    stage1EndsAt: new Date(row.stage1EndsAt),
    stage2OpensAt: new Date(row.stage2OpensAt),
    stage2EndsAt: new Date(row.stage2EndsAt),
    schoolsPerChild: { 1: row.schoolsPerChildStage1, 2: row.schoolsPerChildStage2 },
  };
}

/** What a first-grade application's answers claim, read for the rules. */
export type EnrollmentClaimInput = {
  schoolCode: string;
  childCertificate: string;
  birthDate: string;
  inTerritory: boolean;
  /** The child's address is in the region's address list (else the school checks it by hand). */
  addressKnown: boolean;
  priority: PriorityClaim | null;
  /** The adapted programme asked for, with the ПМПК conclusion's upload (null when none), or null. */
  adaptedProgramme: { pmpkConclusionFileId: string | null } | null;
  /** The proof of registration's upload, or null (flagged: the school checks the original). */
  registrationProofFileId: string | null;
};

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The upload an answer of a file field refers to ("upload:<id>"), or null. */
function uploadOf(value: unknown): string | null {
  const first = str(Array.isArray(value) ? value[0] : value);
  return first.startsWith("upload:") ? first.slice("upload:".length) : null;
}

/** The answer as a ground of the class, or the fallback when the draft's form did not ask for one. */
function groundOf<G extends string>(grounds: Record<G, unknown>, answer: unknown, fallback: G): G {
  const value = str(answer);
  return Object.hasOwn(grounds, value) ? (value as G) : fallback;
}

/**
 * The claim behind a draft's answers (docs/enrollment.md, "The application form"): the class and its
 * ground, the employer's certificate, the sibling's details, the ПМПК conclusion and the proof of
 * registration, each null where the parent gave none, so eligibility.ts flags it for the school.
 * A draft begun on the form's first version has no ground: an extraordinary claim then counts as the
 * ground valid at any school and a first-priority one as a serviceman's, until the school checks it;
 * its sibling claim has no details. Without the proof of registration (the first version did not ask
 * for it either) the school checks the original.
 */
export async function readEnrollmentClaim(
  db: PrismaClient,
  input: { applicantId: string; answers: Record<string, unknown>; year: number },
): Promise<EnrollmentClaimInput | null> {
  const { answers } = input;
  const schoolCode = str(answers.school);
  const certificate = normalizeBirthCertificate(str(answers.birthCertificate));
  const child = str(answers.child) ? await childOfApplicant(db, input.applicantId, str(answers.child)) : null;
  if (!schoolCode || !certificate || !child) return null;
  const address = (answers.childAddress ?? {}) as Record<string, unknown>;
  const territory = await findAssignedHouse(db, {
    settlement: str(address.locality) || undefined,
    street: str(address.street),
    house: str(address.house),
    year: input.year,
  });
  // An address the list does not know is the fallback the school checks by hand: it counts as the
  // territory's until the school decides, flagged "addressNotInList".
  const addressKnown = territory.match === "found";
  const inTerritory = addressKnown ? territory.schoolCodes.includes(schoolCode) : true;
  const employerCertificateFileId = uploadOf(answers.priorityProof);
  const sibling: SiblingDetails | null =
    str(answers.siblingName) || str(answers.siblingBirthDate) || str(answers.siblingClass)
      ? {
          name: str(answers.siblingName),
          birthDate: str(answers.siblingBirthDate),
          schoolClass: str(answers.siblingClass),
        }
      : null;
  const priority: PriorityClaim | null =
    answers.priority === "extraordinary"
      ? {
          class: "extraordinary",
          ground: groundOf<ExtraordinaryGround>(
            PRIORITY_CLASSES.extraordinary.grounds,
            answers.extraordinaryGround,
            "fallenServiceman",
          ),
          employerCertificateFileId,
        }
      : answers.priority === "first"
        ? {
            class: "first",
            ground: groundOf<FirstGround>(PRIORITY_CLASSES.first.grounds, answers.firstGround, "serviceman"),
            employerCertificateFileId,
          }
        : answers.priority === "sibling"
          ? { class: "sibling", sibling }
          : null;
  const adapted = answers.adaptedProgramme === "on" || answers.adaptedProgramme === true;
  return {
    schoolCode,
    childCertificate: certificate,
    birthDate: child.birthDate,
    inTerritory,
    addressKnown,
    priority,
    adaptedProgramme: adapted ? { pmpkConclusionFileId: uploadOf(answers.pmpkConclusion) } : null,
    registrationProofFileId: uploadOf(answers.registrationProof),
  };
}

export type EnrollmentDecision =
  | {
      ok: true;
      campaign: EnrollmentCampaign;
      stage: Stage;
      rankClass: number;
      flags: string[];
      claim: EnrollmentClaimInput;
    }
  | { ok: false; error: "enrollment-closed"; reason: string; opensAt: Date | null }
  | { ok: false; error: "enrollment-unknown-school" };

/** Whether the campaign takes the application now, and how it will stand on the school's list. */
export async function decideEnrollment(
  db: PrismaClient,
  input: { applicantId: string; answers: Record<string, unknown>; now: Date },
): Promise<EnrollmentDecision | null> {
  const year = campaignYearFor(input.now);
  const claim = await readEnrollmentClaim(db, { applicantId: input.applicantId, answers: input.answers, year });
  if (!claim) return null;
  const { school, campaign, schoolStage2OpensAt } = await readSchoolCampaign(db, claim.schoolCode, year);
  if (!school) return { ok: false, error: "enrollment-unknown-school" };
  const priorityClass = rankingPriorityClass(claim.priority, school);
  const window = submissionWindow(
    campaign,
    input.now,
    { inTerritory: claim.inTerritory, priorityClass },
    { schoolStage2OpensAt },
  );
  if (!window.open) return { ok: false, error: "enrollment-closed", reason: window.reason, opensAt: window.opensAt };
  const flags: string[] = claimFlags(
    {
      year,
      birthDate: claim.birthDate,
      inTerritory: claim.inTerritory,
      priority: claim.priority,
      adaptedProgramme: claim.adaptedProgramme,
      registrationProofFileId: claim.registrationProofFileId,
    },
    school,
  );
  if (!claim.addressKnown) flags.push("addressNotInList");
  return { ok: true, campaign, stage: window.stage, rankClass: rankClass({ priorityClass }), flags, claim };
}

/*
 * The reads of a decision, in SQL on the portal's connection: they run on every press and every
 * review page at the opening of enrollment, where Prisma's query compiler cost more than the reads
 * (docs/decisions/0037).
 */
async function childOfApplicant(db: PrismaClient, applicantId: string, childId: string) {
  const connection = await sqliteConnectionOf(db);
  return connection.read(
    () =>
      connection
        .statement(`SELECT "birthDate" FROM "Child" WHERE "id" = ? AND "userId" = ?`)
        .get(childId, applicantId) as { birthDate: string } | undefined,
  );
}

/**
 * The school (null when unknown), the year's campaign, and the school's own stage-2 opening: a
 * school that enrolled its whole territory may have opened stage 2 early (openStage2Early).
 */
async function readSchoolCampaign(db: PrismaClient, schoolCode: string, year: number) {
  const connection = await sqliteConnectionOf(db);
  return connection.read(() => {
    const school = connection.statement(`SELECT "boarding" FROM "School" WHERE "code" = ?`).get(schoolCode) as
      { boarding: number } | undefined;
    const campaign = connection
      .statement(
        `SELECT "stage1OpensAt", "stage1EndsAt", "stage2OpensAt", "stage2EndsAt", "schoolsPerChildStage1", "schoolsPerChildStage2"
           FROM "EnrollmentCampaign" WHERE "year" = ?`,
      )
      .get(year) as CampaignRow | undefined;
    const seats = connection
      .statement(`SELECT "stage2OpensAt" FROM "SchoolSeats" WHERE "schoolCode" = ? AND "year" = ?`)
      .get(schoolCode, year) as { stage2OpensAt: string | null } | undefined;
    return {
      school: school ? { boarding: school.boarding === 1 } : null,
      campaign: campaignOfRow(year, campaign),
      schoolStage2OpensAt: seats?.stage2OpensAt ? new Date(seats.stage2OpensAt) : null,
    };
  });
}

/** The legal deadline of the enrollment order for an application of this stage. */
export function enrollmentDeadline(
  calendar: ProductionCalendar,
  decision: Extract<EnrollmentDecision, { ok: true }>,
  receivedAt: Date,
) {
  return enrollmentOrderDueDate(calendar, decision.campaign, { stage: decision.stage, receivedAt });
}

export type ChildLimitRefusal = { ok: false; error: "enrollment-duplicate"; reason: string; ownNumber: string | null };

/** The child's live requests of the campaign (read with their applications at submission). */
export type LiveRequest = {
  schoolCode: string;
  stage: number;
  childCertificate: string;
  status: string;
  applicantId: string | null;
  number: string | null;
};

/**
 * Whether one more application for the child breaks a per-child limit (docs/enrollment.md). Checked
 * inside the submission's transaction (which holds the write lock), so two parents submitting for
 * the same child at the same moment cannot both pass.
 */
export function childLimitRefusal(
  existing: LiveRequest[],
  input: { applicantId: string; decision: Extract<EnrollmentDecision, { ok: true }> },
): ChildLimitRefusal | null {
  const { decision } = input;
  const check = checkChildLimit(
    existing.map((e) => ({
      certificate: e.childCertificate,
      schoolCode: e.schoolCode,
      stage: e.stage as Stage,
      status: e.status as never,
      applicantId: e.applicantId ?? "",
      number: e.number ?? "",
    })),
    {
      certificate: decision.claim.childCertificate,
      schoolCode: decision.claim.schoolCode,
      stage: decision.stage,
      applicantId: input.applicantId,
    },
    decision.campaign.schoolsPerChild[decision.stage],
  );
  return check.ok
    ? null
    : { ok: false, error: "enrollment-duplicate", reason: check.reason, ownNumber: check.ownNumber };
}

/** The school-list row of an application taken at submission. */
export function enrollmentRequestRow(input: {
  applicationId: string;
  sequence: number;
  decision: Extract<EnrollmentDecision, { ok: true }>;
}) {
  const { decision } = input;
  return {
    applicationId: input.applicationId,
    campaignYear: decision.campaign.year,
    schoolCode: decision.claim.schoolCode,
    stage: decision.stage,
    rankClass: decision.rankClass,
    sequence: input.sequence,
    childCertificate: decision.claim.childCertificate,
    inTerritory: decision.claim.inTerritory,
    flags: JSON.stringify(decision.flags),
  };
}

/** A withdrawn or refused application leaves the school's list and no longer counts for the limits. */
export async function closeEnrollmentRequest(tx: Db, applicationId: string): Promise<void> {
  await tx.enrollmentRequest.updateMany({ where: { applicationId, live: true }, data: { live: false } });
}

export type EnrollmentStanding = {
  schoolCode: string;
  stage: number;
  campaignYear: number;
  /** 1-based place on the school's list of the campaign. */
  position: number;
  seats: number;
  /** Applications with a priority right ranked ahead of this one. */
  aheadWithPriority: number;
  withinSeats: boolean;
  flags: string[];
};

/**
 * Where an application stands on its school's list now: the same order as the ranking (stage, then
 * class, then receipt sequence), counted with the list's index instead of reading the list.
 */
export async function enrollmentStanding(db: PrismaClient, applicationId: string): Promise<EnrollmentStanding | null> {
  // In SQL: a parent reloading the application page at the opening asks this every time (0037).
  // "Ahead" is the list's order (stage, rank class, receipt) as one row value, over its index.
  const connection = await sqliteConnectionOf(db);
  return connection.read(() => {
    const request = connection
      .statement(
        `SELECT "campaignYear", "schoolCode", "stage", "rankClass", "sequence", "flags", "live"
           FROM "EnrollmentRequest" WHERE "applicationId" = ?`,
      )
      .get(applicationId) as
      | {
          campaignYear: number;
          schoolCode: string;
          stage: number;
          rankClass: number;
          sequence: number;
          flags: string;
          live: number;
        }
      | undefined;
    if (!request || request.live !== 1) return null;
    const ahead = connection
      .statement(
        `SELECT COUNT(*) AS "before", COALESCE(SUM("rankClass" < ?), 0) AS "withPriority"
           FROM "EnrollmentRequest"
          WHERE "campaignYear" = ? AND "schoolCode" = ? AND "live" = 1
            AND ("stage", "rankClass", "sequence") < (?, ?, ?)`,
      )
      .get(
        NO_PRIORITY_RANK_CLASS,
        request.campaignYear,
        request.schoolCode,
        request.stage,
        request.rankClass,
        request.sequence,
      ) as { before: number; withPriority: number };
    const seats = connection
      .statement(`SELECT "classes", "classSize" FROM "SchoolSeats" WHERE "schoolCode" = ? AND "year" = ?`)
      .get(request.schoolCode, request.campaignYear) as { classes: number; classSize: number } | undefined;
    const total = seats ? seats.classes * seats.classSize : 0;
    return {
      schoolCode: request.schoolCode,
      stage: request.stage,
      campaignYear: request.campaignYear,
      position: ahead.before + 1,
      seats: total,
      aheadWithPriority: ahead.withPriority,
      withinSeats: ahead.before + 1 <= total,
      flags: JSON.parse(request.flags) as string[],
    };
  });
}

/** The places of several applications (a page of the cabinet's list); those not on a list are absent. */
export async function enrollmentStandings(
  db: PrismaClient,
  applicationIds: string[],
): Promise<Map<string, EnrollmentStanding>> {
  const listed = await db.enrollmentRequest.findMany({
    where: { applicationId: { in: applicationIds }, live: true },
    select: { applicationId: true },
  });
  const standings = new Map<string, EnrollmentStanding>();
  for (const { applicationId } of listed) {
    const standing = await enrollmentStanding(db, applicationId);
    if (standing) standings.set(applicationId, standing);
  }
  return standings;
}

/** For the review page: whether the campaign would take this draft now, and when it opens if not. */
export async function enrollmentWindowForDraft(
  db: PrismaClient,
  input: { applicantId: string; serviceCode: string; answers: Record<string, unknown>; now?: Date },
): Promise<{ open: true; stage: Stage } | { open: false; reason: string; opensAt: Date | null } | null> {
  if (!isEnrollmentService(input.serviceCode)) return null;
  const decision = await decideEnrollment(db, { ...input, now: input.now ?? new Date() });
  if (!decision) return null;
  if (decision.ok) return { open: true, stage: decision.stage };
  if (decision.error === "enrollment-closed")
    return { open: false, reason: decision.reason, opensAt: decision.opensAt };
  return null;
}

export type RankedRow = {
  position: number;
  number: string;
  receivedAt: Date;
  stage: number;
  rankClass: number;
  inTerritory: boolean;
  flags: string[];
  status: string;
};

/** At most this many rows of a school's list on one page; a popular school's list is ~300 long. */
export const RANKED_LIST_LIMIT = 1_000;

/**
 * A school's ranked list of a campaign for its staff, in the ranking's order (stage, class, receipt
 * sequence), with the flags the school checks. Only the schools the officer's scope allows: school
 * staff their own school, department staff any school of their department's enrollment service.
 */
export async function schoolRankedList(
  db: PrismaClient,
  input: { schoolCode: string; campaignYear: number; departmentIds: number[]; schoolCodes: string[] | null },
): Promise<RankedRow[] | null> {
  if (input.schoolCodes && !input.schoolCodes.includes(input.schoolCode)) return null;
  const rows = await db.enrollmentRequest.findMany({
    where: {
      campaignYear: input.campaignYear,
      schoolCode: input.schoolCode,
      live: true,
      application: { departmentId: { in: input.departmentIds }, number: { not: null } },
    },
    orderBy: [{ stage: "asc" }, { rankClass: "asc" }, { sequence: "asc" }],
    take: RANKED_LIST_LIMIT,
    select: {
      stage: true,
      rankClass: true,
      inTerritory: true,
      flags: true,
      application: { select: { number: true, receivedAt: true, status: true } },
    },
  });
  return rows.map((row, i) => ({
    position: i + 1,
    number: row.application.number!,
    receivedAt: row.application.receivedAt!,
    stage: row.stage,
    rankClass: row.rankClass,
    inTerritory: row.inTerritory,
    flags: JSON.parse(row.flags) as string[],
    status: row.application.status,
  }));
}

/** The schools a member of staff may open the list of: their own, or all of the region's. */
export async function rankedListSchools(db: PrismaClient, schoolCodes: string[] | null) {
  return db.school.findMany({
    where: schoolCodes ? { code: { in: schoolCodes } } : {},
    orderBy: { code: "asc" },
    select: { code: true, name: true, nameEn: true },
  });
}

/** Whether staff of these departments work first-grade enrollment (the service's department is theirs). */
export async function worksEnrollment(db: PrismaClient, departmentIds: number[]): Promise<boolean> {
  const service = await db.service.findUnique({
    where: { code: FIRST_GRADE_SERVICE_CODE },
    select: { departmentId: true },
  });
  return service !== null && departmentIds.includes(service.departmentId);
}
