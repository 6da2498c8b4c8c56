import { splitPackage } from "~/domain/social/package-cases.server";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { FormDefinitionSchema, type FormDefinition } from "~/domain/forms/form-definition";
import { checkApplication, type ChildInProfile } from "~/domain/forms/form-schema";
import { regionDate } from "~/domain/region/clock";
import { removeStoredFiles } from "~/domain/uploads/uploads.server";
import {
  allFields,
  prefillAnswers,
  referencedUploads,
  storableAnswers,
  type Answers,
  type ApplicantFacts,
} from "./answers";
import { STATUS_FILTERS, type StatusFilter } from "./status-filters";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { decideEnrollment, isEnrollmentService, type ChildLimitRefusal } from "~/domain/enrollment/enrollment.server";
import { sqliteConnectionOf, type SqliteConnection } from "~/db/sqlite-adapter.server";
import { createLine, type Line } from "./submission-line";
import { writeSubmission, type SubmissionWrite, type SubmissionWritten } from "./submission-write.server";

/*
 * The resident's side of applications: drafts saved at every step, submission, and what the
 * cabinet lists. Every read is scoped to the applicant: another person's application is "not found".
 */

export const APPLICATION_CONSENT_VERSION = "2026-11-01";

const newId = () => randomBytes(12).toString("base64url");

export function parseAnswers(text: string): Answers {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Answers) : {};
  } catch {
    return {};
  }
}

// Versions of a service's form never change once written, so each is parsed once per process.
const pinnedForms = new WeakMap<PrismaClient, Map<string, FormDefinition>>();

/** The form of the version an application was begun with. */
export async function getPinnedForm(db: PrismaClient, serviceId: number, version: number): Promise<FormDefinition> {
  const key = `${serviceId}:${version}`;
  let forms = pinnedForms.get(db);
  if (!forms) pinnedForms.set(db, (forms = new Map<string, FormDefinition>()));
  const cached = forms.get(key);
  if (cached) return cached;
  const row = await db.serviceVersion.findUniqueOrThrow({
    where: { serviceId_version: { serviceId, version } },
    select: { form: true },
  });
  const form = FormDefinitionSchema.parse(JSON.parse(row.form));
  forms.set(key, form);
  return form;
}

export async function getApplicantFacts(db: PrismaClient, userId: string): Promise<ApplicantFacts> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { profile: true } });
  const p = user.profile;
  if (!p) return { email: user.email };
  return {
    fullName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" "),
    snils: p.snils,
    inn: p.inn,
    phone: p.phone,
    email: user.email,
    passport: { number: p.passportNumber, issuedOn: p.passportIssuedOn, issuerCode: p.passportIssuerCode },
    address: {
      locality: p.addressLocality,
      street: p.addressStreet,
      house: p.addressHouse,
      apartment: p.addressApartment,
    },
  };
}

export async function getChildren(db: PrismaClient, userId: string) {
  // In SQL: every step of a form and every application page names the children (0037).
  const connection = await sqliteConnectionOf(db);
  const children = await connection.read(
    () =>
      connection
        .statement(
          `SELECT "id", "lastName", "firstName", "middleName", "birthDate", "birthCertificate"
             FROM "Child" WHERE "userId" = ? ORDER BY "birthDate", "id"`,
        )
        .all(userId) as {
        id: string;
        lastName: string;
        firstName: string;
        middleName: string | null;
        birthDate: string;
        birthCertificate: string;
      }[],
  );
  return children.map((c) => ({
    id: c.id,
    name: [c.lastName, c.firstName, c.middleName].filter(Boolean).join(" "),
    birthDate: c.birthDate,
    // The application's birth-certificate field takes it once the child is chosen (draft-prefill.ts).
    birthCertificate: c.birthCertificate,
  }));
}

/** Starts a draft on the service's current form version, prefilled from the profile. */
export async function createDraft(db: PrismaClient, applicantId: string, serviceCode: string): Promise<string> {
  const service = await db.service.findUniqueOrThrow({ where: { code: serviceCode } });
  const form = await getPinnedForm(db, service.id, service.currentVersion);
  const answers = prefillAnswers(form, await getApplicantFacts(db, applicantId));
  const id = newId();
  await db.application.create({
    data: {
      id,
      serviceId: service.id,
      serviceVersion: service.currentVersion,
      departmentId: service.departmentId,
      applicantId,
      answers: JSON.stringify(answers),
      currentStep: form.steps[0]!.id,
    },
  });
  return id;
}

/** A draft as its pages read it, with what they show of its service. */
export type Draft = {
  id: string;
  serviceId: number;
  serviceVersion: number;
  /** The step the resident was last on. */
  currentStep: string | null;
  createdAt: Date;
  updatedAt: Date;
  service: {
    code: string;
    slug: string;
    published: boolean;
    currentVersion: number;
    titleRu: string;
    titleEn: string;
    deadlineDays: number;
  };
};

type StoredDraft = Omit<Draft, "createdAt" | "updatedAt" | "service"> &
  Omit<Draft["service"], "published"> & { answers: string; createdAt: string; updatedAt: string; published: number };

/**
 * One of the applicant's drafts with its pinned form, or null. One SQL read with its service: every
 * step and the review page read it on each load, and parents reload the review page until the
 * opening of enrollment acknowledges them (docs/decisions/0037).
 */
export async function getDraft(
  db: PrismaClient,
  applicantId: string,
  draftId: string,
): Promise<{ draft: Draft; form: FormDefinition; answers: Answers } | null> {
  const connection = await sqliteConnectionOf(db);
  const row = await connection.read(
    () =>
      connection
        .statement(
          `SELECT a."id", a."serviceId", a."serviceVersion", a."currentStep", a."answers", a."createdAt", a."updatedAt",
                  s."code", s."slug", s."published", s."currentVersion", s."titleRu", s."titleEn", s."deadlineDays"
             FROM "Application" a JOIN "Service" s ON s."id" = a."serviceId"
            WHERE a."id" = ? AND a."applicantId" = ? AND a."status" = 'draft'`,
        )
        .get(draftId, applicantId) as StoredDraft | undefined,
  );
  if (!row) return null;
  const draft: Draft = {
    id: row.id,
    serviceId: row.serviceId,
    serviceVersion: row.serviceVersion,
    currentStep: row.currentStep,
    // Stored as the adapter writes dates: ISO text.
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    service: {
      code: row.code,
      slug: row.slug,
      published: row.published === 1,
      currentVersion: row.currentVersion,
      titleRu: row.titleRu,
      titleEn: row.titleEn,
      deadlineDays: row.deadlineDays,
    },
  };
  const form = await getPinnedForm(db, draft.serviceId, draft.serviceVersion);
  return { draft, form, answers: parseAnswers(row.answers) };
}

/** Saves one step's answers (valid or not: nothing typed is lost) and where the resident is. */
export async function saveDraftAnswers(
  db: PrismaClient,
  applicantId: string,
  draftId: string,
  values: Answers,
  currentStep: string,
): Promise<boolean> {
  const draft = await db.application.findFirst({ where: { id: draftId, applicantId, status: "draft" } });
  if (!draft) return false;
  // Whoever calls (a step, answers kept over a sign-in), only what a field could take is stored.
  const form = await getPinnedForm(db, draft.serviceId, draft.serviceVersion);
  const answers = { ...parseAnswers(draft.answers), ...storableAnswers(allFields(form), values).answers };
  const saved = await db.application.updateMany({
    where: { id: draftId, applicantId, status: "draft" },
    data: { answers: JSON.stringify(answers), currentStep },
  });
  return saved.count === 1;
}

/** Deletes one of the applicant's drafts with its documents, rows and files alike. */
export async function deleteDraft(db: PrismaClient, applicantId: string, draftId: string): Promise<boolean> {
  const files = await db.upload.findMany({
    where: { applicationId: draftId, ownerId: applicantId, application: { status: "draft" } },
    select: { storedName: true },
  });
  const deleted = await db.application.deleteMany({ where: { id: draftId, applicantId, status: "draft" } });
  if (deleted.count !== 1) return false;
  await removeStoredFiles(files.map((f) => f.storedName));
  return true;
}

export type SubmitResult =
  | { ok: true; number: string; alreadySubmitted: boolean }
  | { ok: false; error: "not-found" }
  | { ok: false; error: "service-closed" }
  | { ok: false; error: "invalid"; stepId: string }
  | { ok: false; error: "enrollment-closed"; reason: string; opensAt: Date | null }
  | ChildLimitRefusal;

/**
 * Whether a draft would be taken as it stands at `now`: the whole form against the pinned version,
 * its documents, and for first-grade enrollment the campaign. Used by the submission and by
 * scheduling a submission for later (which judges the draft as of the opening instant).
 */
export async function checkSubmission(db: PrismaClient, input: { applicantId: string; draftId: string; now: Date }) {
  const facts = await readSubmissionFacts(db, input);
  if (!facts) return { ok: false as const, error: "not-found" as const };
  const { existing, children, applicant } = facts;
  if (existing.number) return { ok: false as const, error: "already-submitted" as const, number: existing.number };
  if (!existing.service.published) return { ok: false as const, error: "service-closed" as const };

  const form = await getPinnedForm(db, existing.serviceId, existing.serviceVersion);
  const answers = parseAnswers(existing.answers);
  const today = regionDate(input.now);
  const parsed = checkApplication(form, { today, children, applicantBirthDate: applicant?.birthDate }, answers);
  const invalidAt = (predicate: (field: FormDefinition["steps"][number]["fields"][number]) => boolean) => ({
    ok: false as const,
    error: "invalid" as const,
    stepId: (form.steps.find((s) => s.fields.some(predicate)) ?? form.steps[0]!).id,
  });
  if (!parsed.success) {
    const firstBad = String(parsed.error.issues[0]?.path[0] ?? "");
    return invalidAt((f) => f.name === firstBad);
  }
  const uploadIds = referencedUploads(
    answers,
    form.steps.flatMap((s) => s.fields),
  );
  const owned = await countOwnedUploads(db, { ids: uploadIds, ownerId: input.applicantId, applicationId: existing.id });
  if (owned !== new Set(uploadIds).size) return invalidAt((f) => f.kind === "file");
  // First-grade enrollment: the campaign decides whether it is taken now and on which list.
  const enrollment = isEnrollmentService(existing.service.code)
    ? await decideEnrollment(db, { applicantId: input.applicantId, answers: parsed.data, now: input.now })
    : null;
  if (enrollment && !enrollment.ok) {
    if (enrollment.error === "enrollment-closed") return enrollment;
    return invalidAt((f) => f.name === "school");
  }
  return { ok: true as const, existing, answers: parsed.data, today, enrollment, applicant };
}

/*
 * What the checks read, in SQL on the portal's connection rather than through Prisma: they run on
 * every press at the opening of enrollment, where Prisma's query compiler cost more than the reads
 * (docs/decisions/0037). One turn of the event loop reads the draft with its service, the
 * applicant's children and profile.
 */
type DraftRow = {
  id: string;
  number: string | null;
  serviceId: number;
  serviceVersion: number;
  answers: string;
  code: string;
  published: number;
  deadlineDays: number;
};
type ProfileFacts = {
  birthDate: string;
  addressOktmo: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
};

async function readSubmissionFacts(db: PrismaClient, input: { applicantId: string; draftId: string }) {
  const connection = await sqliteConnectionOf(db);
  return connection.read(() => {
    const row = connection
      .statement(
        `SELECT a."id", a."number", a."serviceId", a."serviceVersion", a."answers",
                s."code", s."published", s."deadlineDays"
           FROM "Application" a JOIN "Service" s ON s."id" = a."serviceId"
          WHERE a."id" = ? AND a."applicantId" = ?`,
      )
      .get(input.draftId, input.applicantId) as DraftRow | undefined;
    if (!row) return null;
    const children = connection
      .statement(`SELECT "id", "birthDate" FROM "Child" WHERE "userId" = ?`)
      .all(input.applicantId) as ChildInProfile[];
    const applicant =
      (connection
        .statement(
          `SELECT "birthDate", "addressOktmo", "lastName", "firstName", "middleName" FROM "Profile" WHERE "userId" = ?`,
        )
        .get(input.applicantId) as ProfileFacts | undefined) ?? null;
    const existing = {
      id: row.id,
      number: row.number,
      serviceId: row.serviceId,
      serviceVersion: row.serviceVersion,
      answers: row.answers,
      service: { code: row.code, published: row.published === 1, deadlineDays: row.deadlineDays },
    };
    return { existing, children, applicant };
  });
}

/** How many of these uploads belong to the applicant's draft (none asked: no read). */
async function countOwnedUploads(db: PrismaClient, input: { ids: string[]; ownerId: string; applicationId: string }) {
  if (input.ids.length === 0) return 0;
  const connection = await sqliteConnectionOf(db);
  const marks = input.ids.map(() => "?").join(", ");
  return connection.read(
    () =>
      (
        connection
          .statement(
            `SELECT COUNT(*) AS "n" FROM "Upload" WHERE "id" IN (${marks}) AND "ownerId" = ? AND "applicationId" = ?`,
          )
          .get(...input.ids, input.ownerId, input.applicationId) as { n: number }
      ).n,
  );
}

/**
 * Submits a draft. Idempotent by the draft itself: a double click, a retry or a second device
 * finds the application already submitted and gets its number. The server's clock gives the
 * receipt time (milliseconds) and the counters the receipt sequence and the registration number,
 * all in one transaction with the events and the statistics row: the checks read through Prisma,
 * the write is SQL committed together with the submissions of the same moment
 * (submission-write.server.ts, docs/decisions/0033).
 */
export async function submitApplication(db: PrismaClient, input: SubmissionInput): Promise<SubmitResult> {
  const prepared = await lineOf(db).run(() => prepareSubmission(db, input));
  if ("done" in prepared) return prepared.done;
  return written(await writeSubmission(await sqliteConnectionOf(db), prepared.write));
}

/**
 * Submits drafts in the order given (the portal's own sending of scheduled drafts): a few are checked
 * at a time, and their writes are handed to the group commit one after another in that order, so
 * their receipts follow it while they share commits.
 */
export async function submitInOrder(db: PrismaClient, inputs: SubmissionInput[]): Promise<SubmitResult[]> {
  const connection = await sqliteConnectionOf(db);
  const results: SubmitResult[] = [];
  for (let i = 0; i < inputs.length; i += SUBMISSIONS_AT_ONCE) {
    const chunk = inputs.slice(i, i + SUBMISSIONS_AT_ONCE);
    const prepared = await Promise.all(chunk.map((input) => lineOf(db).run(() => prepareSubmission(db, input))));
    const writes = prepared.map((p) =>
      "done" in p ? Promise.resolve(p.done) : writeSubmission(connection, p.write).then(written),
    );
    results.push(...(await Promise.all(writes)));
  }
  return results;
}

type SubmissionInput = { applicantId: string; draftId: string; ip: string; now?: Date };

// Enough to fill a group commit while the others' checks run, few enough that a page or a health
// check waits behind a handful of submissions, not hundreds (submission-line.ts).
const SUBMISSIONS_AT_ONCE = 8;
const submissionLines = new WeakMap<PrismaClient, Line>();

function lineOf(db: PrismaClient): Line {
  let line = submissionLines.get(db);
  if (!line) submissionLines.set(db, (line = createLine(SUBMISSIONS_AT_ONCE)));
  return line;
}

const written = (result: SubmissionWritten): SubmitResult =>
  "error" in result ? { ok: false, ...result } : { ok: true, ...result };

/** The checks of a submission, and the write they lead to (or the answer when there is none). */
async function prepareSubmission(
  db: PrismaClient,
  input: SubmissionInput,
): Promise<{ done: SubmitResult } | { write: SubmissionWrite }> {
  const checked = await checkSubmission(db, {
    applicantId: input.applicantId,
    draftId: input.draftId,
    now: input.now ?? new Date(),
  });
  if (!checked.ok) {
    return {
      done:
        checked.error === "already-submitted" ? { ok: true, number: checked.number, alreadySubmitted: true } : checked,
    };
  }
  const { existing, enrollment, answers, applicant } = checked;
  const given = typeof answers.applicantName === "string" ? answers.applicantName : "";
  const applicantName =
    given ||
    (applicant ? [applicant.lastName, applicant.firstName, applicant.middleName].filter(Boolean).join(" ") : "");
  return {
    write: {
      applicationId: existing.id,
      applicantId: input.applicantId,
      serviceId: existing.serviceId,
      serviceCode: existing.service.code,
      deadlineDays: existing.service.deadlineDays,
      answers,
      municipality: applicant?.addressOktmo ?? null,
      applicantName,
      enrollment,
      calendar: await loadProductionCalendar(db),
      consent: { textVersion: APPLICATION_CONSENT_VERSION, ip: input.ip },
      measures: await splitPackage(db, {
        serviceCode: existing.service.code,
        applicantId: input.applicantId,
        answers,
        today: checked.today,
      }),
      now: input.now,
    },
  };
}

const PAGE_SIZE = 20;

/** The applicant's submitted applications, newest first, a page at a time (keyset on receipt). */
export async function listApplications(
  db: PrismaClient,
  applicantId: string,
  options: { filter?: StatusFilter; after?: number } = {},
) {
  const statuses: readonly string[] = options.filter
    ? STATUS_FILTERS[options.filter]
    : Object.values(STATUS_FILTERS).flat();
  const rows = await db.application.findMany({
    where: {
      applicantId,
      status: { in: [...statuses] },
      number: { not: null },
      // A package's measure cases show on the package application's page, not as rows of their own.
      parentId: null,
      ...(options.after ? { sequence: { lt: options.after } } : {}),
    },
    orderBy: { sequence: "desc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      status: true,
      receivedAt: true,
      deadline: true,
      sequence: true,
      updatedAt: true,
      serviceId: true,
      service: { select: { slug: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  return { applications: page, nextAfter: rows.length > PAGE_SIZE ? page.at(-1)!.sequence : null };
}

/** The id of the applicant's submitted application with this number, or null. */
export async function findOwnApplicationId(db: PrismaClient, applicantId: string, number: string) {
  const row = await db.application.findFirst({ where: { number, applicantId }, select: { id: true } });
  return row?.id ?? null;
}

/** The number a draft got when it was submitted (from another device or tab), or null. */
/** A measure's case of the applicant's package application, by its number (docs/social-support.md). */
export async function findOwnMeasureCaseId(db: PrismaClient, applicantId: string, packageId: string, number: string) {
  const row = await db.application.findFirst({
    where: { number, applicantId, parentId: packageId },
    select: { id: true },
  });
  return row?.id ?? null;
}

export async function submittedNumberOf(db: PrismaClient, applicantId: string, draftId: string) {
  const row = await db.application.findFirst({
    where: { id: draftId, applicantId, number: { not: null } },
    select: { number: true },
  });
  return row?.number ?? null;
}

/**
 * The form a submitted application's answers were given in: a support measure's case carries its
 * package application's answers, so it reads them with the package's form (docs/social-support.md).
 */
export async function formOfAnswers(
  db: PrismaClient,
  application: { serviceId: number; serviceVersion: number; parentId: string | null },
): Promise<FormDefinition> {
  const parent = application.parentId
    ? await db.application.findUnique({
        where: { id: application.parentId },
        select: { serviceId: true, serviceVersion: true },
      })
    : null;
  const pinned = parent ?? application;
  return getPinnedForm(db, pinned.serviceId, pinned.serviceVersion);
}

/** One application of the applicant by its number, with everything the page shows. */
export async function getApplicationForApplicant(db: PrismaClient, applicantId: string, number: string) {
  const connection = await sqliteConnectionOf(db);
  const found = await connection.read(() => readApplicationRows(connection, applicantId, number));
  if (!found) return null;
  const form = await formOfAnswers(db, found.application);
  return { ...found, form, answers: parseAnswers(found.application.answers) };
}

/*
 * An applicant's application with its service, history, messages and rating, as its page shows
 * them: in SQL, one turn of the event loop, since a parent reloads the page again and again while
 * waiting for a place (docs/decisions/0037).
 */
type ApplicationRow = {
  id: string;
  number: string;
  status: string;
  version: number;
  serviceId: number;
  serviceVersion: number;
  parentId: string | null;
  measureCode: string | null;
  applicantId: string | null;
  answers: string;
  receivedAt: string | null;
  deadline: string | null;
};
type ServiceOfApplication = {
  titleRu: string;
  titleEn: string;
  slug: string;
  deadlineDays: number;
  departmentRu: string;
  departmentEn: string;
};
type EventRow = { id: number; at: string; toStatus: string; command: string; reason: string | null };
type MessageRow = { id: number; author: string; text: string; createdAt: string };

function readApplicationRows(connection: SqliteConnection, applicantId: string, number: string) {
  const row = connection
    .statement(
      `SELECT "id", "number", "status", "version", "serviceId", "serviceVersion", "parentId", "measureCode",
              "applicantId", "answers", "receivedAt", "deadline"
         FROM "Application" WHERE "number" = ? AND "applicantId" = ?`,
    )
    .get(number, applicantId) as ApplicationRow | undefined;
  if (!row) return null;
  const service = connection
    .statement(
      `SELECT s."titleRu", s."titleEn", s."slug", s."deadlineDays", d."nameRu" AS "departmentRu", d."nameEn" AS "departmentEn"
         FROM "Service" s JOIN "Department" d ON d."id" = s."departmentId" WHERE s."id" = ?`,
    )
    .get(row.serviceId) as ServiceOfApplication;
  const events = connection
    .statement(
      `SELECT "id", "at", "toStatus", "command", "reason" FROM "ApplicationEvent" WHERE "applicationId" = ? ORDER BY "id"`,
    )
    .all(row.id) as EventRow[];
  const messages = connection
    .statement(
      `SELECT "id", "author", "text", "createdAt" FROM "ApplicationMessage" WHERE "applicationId" = ? ORDER BY "id"`,
    )
    .all(row.id) as MessageRow[];
  const files =
    messages.length === 0
      ? []
      : (connection
          .statement(
            `SELECT "id", "fileName", "messageId" FROM "Upload" WHERE "applicationId" = ? AND "messageId" IS NOT NULL`,
          )
          .all(row.id) as { id: string; fileName: string; messageId: number }[]);
  const rating =
    (connection.statement(`SELECT "score", "comment" FROM "Rating" WHERE "applicationId" = ?`).get(row.id) as
      { score: number; comment: string | null } | undefined) ?? null;
  return {
    application: {
      ...row,
      receivedAt: row.receivedAt === null ? null : new Date(row.receivedAt),
      events: events.map((e) => ({ ...e, at: new Date(e.at) })),
      messages: messages.map((m) => ({
        ...m,
        createdAt: new Date(m.createdAt),
        uploads: files.filter((f) => f.messageId === m.id).map((f) => ({ id: f.id, fileName: f.fileName })),
      })),
      rating,
    },
    service,
  };
}
