import { randomBytes } from "node:crypto";
import { chmod, constants, copyFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { allFields, referencedUploads, storableAnswers, type Answers } from "~/domain/applications/answers";
import { createDraft, getDraft, getPinnedForm, parseAnswers } from "~/domain/applications/applications.server";
import { parseUploadReference, uploadDirectory, uploadReference } from "~/domain/uploads/uploads.server";
import { logger } from "~/platform/logger.server";
import { campaignIsOver, offeredCodes } from "./enrollment-results.server";
import { isEnrollmentService } from "./enrollment.server";
import { getSchool } from "./schools.server";

/*
 * Re-applying in one step after a refusal for lack of places (docs/enrollment.md, "Results, public
 * orders and open data"): the parent picks a school of the education authority's offer and gets a new
 * first-grade draft with every answer of the refused application — the same child, certificate,
 * address, priority, documents — and only the school changed, ready to send from the review page.
 * The documents are copied (new rows and new files), so the new draft owns its own and deleting one
 * never takes the other's.
 */

type Db = PrismaClient | Prisma.TransactionClient;

/** Where a draft made by re-applying remembers the refused application it came from (not a form field). */
export const REAPPLIED_FROM_KEY = "$reappliedFrom";

export type ReapplyResult =
  | { ok: true; draftId: string; slug: string; created: boolean }
  /** Not the resident's own first-grade application (or none of that number). */
  | { ok: false; error: "not-found" }
  /** The application was not refused for lack of places: there is no offer to take up. */
  | { ok: false; error: "not-refused" }
  /** The school is not one the offer names. */
  | { ok: false; error: "not-offered" }
  /** The school was offered but has filled since. */
  | { ok: false; error: "no-free-places" }
  /** The refusal's campaign is over: its offer is history, and a draft now would be for another year. */
  | { ok: false; error: "campaign-over"; campaignYear: number };

/** How many of the applicant's drafts are looked through for one made from the same refusal. */
const DRAFTS_LOOKED_AT = 50;

/** The applicant's draft already made from this refusal for this school, if it is still a draft. */
async function findReappliedDraft(
  db: Db,
  input: { applicantId: string; serviceId: number; fromId: string; schoolCode: string; except?: string },
): Promise<string | null> {
  const drafts = await db.application.findMany({
    where: {
      applicantId: input.applicantId,
      serviceId: input.serviceId,
      status: "draft",
      ...(input.except ? { id: { not: input.except } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, answers: true },
    take: DRAFTS_LOOKED_AT,
  });
  const found = drafts.find((d) => {
    const answers = parseAnswers(d.answers);
    return answers[REAPPLIED_FROM_KEY] === input.fromId && answers.school === input.schoolCode;
  });
  return found?.id ?? null;
}

type CopiedUpload = Prisma.UploadCreateManyInput & { id: string; storedName: string };

/**
 * Copies the bytes of the application's uploads to new files under new random names; returns the rows
 * to write (for the new draft) and the old id → new id map. A file missing from the disk is left out:
 * its answer stays empty and the parent attaches it again.
 */
async function copyUploadFiles(
  db: Db,
  input: { ownerId: string; fromApplicationId: string; toApplicationId: string; ids: string[] },
): Promise<{ rows: CopiedUpload[]; renamed: Map<string, string> }> {
  const rows: CopiedUpload[] = [];
  const renamed = new Map<string, string>();
  if (input.ids.length === 0) return { rows, renamed };
  const originals = await db.upload.findMany({
    where: { id: { in: input.ids }, applicationId: input.fromApplicationId, ownerId: input.ownerId },
    select: { id: true, field: true, fileName: true, contentType: true, size: true, sha256: true, storedName: true },
  });
  const dir = uploadDirectory();
  for (const original of originals) {
    const storedName = randomBytes(24).toString("base64url");
    const target = path.join(dir, storedName);
    try {
      // COPYFILE_EXCL: never overwrite a file, as storeUpload never does.
      await copyFile(path.join(dir, original.storedName), target, constants.COPYFILE_EXCL);
      await chmod(target, 0o600);
    } catch (error) {
      await rm(target, { force: true });
      if ((error as { code?: string }).code !== "ENOENT") throw error;
      logger.error({ uploadId: original.id }, "uploaded file is missing from the upload directory");
      continue;
    }
    const id = randomBytes(18).toString("base64url");
    renamed.set(original.id, id);
    rows.push({
      id,
      ownerId: input.ownerId,
      applicationId: input.toApplicationId,
      field: original.field,
      fileName: original.fileName,
      contentType: original.contentType,
      size: original.size,
      sha256: original.sha256,
      storedName,
    });
  }
  return { rows, renamed };
}

/** The answers with each file reference pointing at the copy; references to files not copied are dropped. */
function withCopiedReferences(answers: Answers, fileFields: string[], renamed: Map<string, string>): Answers {
  const result: Answers = { ...answers };
  const moved = (item: unknown) => {
    const id = typeof item === "string" ? parseUploadReference(item) : null;
    const copy = id ? renamed.get(id) : undefined;
    return copy ? uploadReference(copy) : null;
  };
  for (const name of fileFields) {
    const value = answers[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      result[name] = value.map(moved).filter((v): v is string => v !== null);
    } else {
      result[name] = moved(value) ?? undefined;
    }
  }
  return result;
}

/**
 * The one-step re-application: checks that the application is the resident's own, refused for lack of
 * places, and that the school is in its offer and still has free places; then makes the new draft (or
 * finds the one made before from the same refusal for the same school, so a second press never makes a
 * second draft).
 */
export async function reapplyToOfferedSchool(
  db: PrismaClient,
  input: { applicantId: string; number: string; schoolCode: string; now?: Date },
): Promise<ReapplyResult> {
  // A registration number is 17 characters; anything far longer is no number of this resident's.
  if (input.number.length > 40) return { ok: false, error: "not-found" };
  const application = await db.application.findFirst({
    where: { number: input.number, applicantId: input.applicantId },
    select: {
      id: true,
      status: true,
      serviceId: true,
      serviceVersion: true,
      answers: true,
      service: { select: { code: true, slug: true } },
      enrollment: { select: { offer: true, campaignYear: true, schoolCode: true } },
    },
  });
  if (!application?.enrollment || !isEnrollmentService(application.service.code)) {
    return { ok: false, error: "not-found" };
  }
  const { enrollment } = application;
  if (application.status !== "refused" || enrollment.offer === null) return { ok: false, error: "not-refused" };
  if (await campaignIsOver(db, enrollment.campaignYear, input.now))
    return { ok: false, error: "campaign-over", campaignYear: enrollment.campaignYear };
  const offered = offeredCodes(enrollment.offer).filter((code) => code !== enrollment.schoolCode);
  if (!offered.includes(input.schoolCode)) return { ok: false, error: "not-offered" };

  const pair = {
    applicantId: input.applicantId,
    serviceId: application.serviceId,
    fromId: application.id,
    schoolCode: input.schoolCode,
  };
  const existing = await findReappliedDraft(db, pair);
  if (existing) return { ok: true, draftId: existing, slug: application.service.slug, created: false };

  const school = await getSchool(db, input.schoolCode, enrollment.campaignYear);
  if (!school?.freeSeats || school.freeSeats <= 0) return { ok: false, error: "no-free-places" };

  // The portal's own draft creation (the service's current form, prefilled from the profile), then
  // the refused application's answers over it.
  const draftId = await createDraft(db, input.applicantId, application.service.code);
  const draft = await getDraft(db, input.applicantId, draftId);
  if (!draft) throw new Error("a draft just created is not found");
  const oldForm = await getPinnedForm(db, application.serviceId, application.serviceVersion);
  const oldAnswers = parseAnswers(application.answers);
  const fileFields = allFields(oldForm)
    .filter((f) => f.kind === "file")
    .map((f) => f.name);
  const { rows, renamed } = await copyUploadFiles(db, {
    ownerId: input.applicantId,
    fromApplicationId: application.id,
    toApplicationId: draftId,
    ids: referencedUploads(oldAnswers, allFields(oldForm)),
  });
  const carried = storableAnswers(allFields(draft.form), {
    ...withCopiedReferences(oldAnswers, fileFields, renamed),
    school: input.schoolCode,
  }).answers;
  const answers = { ...draft.answers, ...carried, [REAPPLIED_FROM_KEY]: application.id };

  let winner: string;
  try {
    // In one write transaction (BEGIN IMMEDIATE): of two presses at the same moment, the second sees
    // the first's draft and gives its own up.
    winner = await db.$transaction(async (tx) => {
      const first = await findReappliedDraft(tx, { ...pair, except: draftId });
      if (first) {
        await tx.application.delete({ where: { id: draftId } });
        return first;
      }
      if (rows.length > 0) await tx.upload.createMany({ data: rows });
      await tx.application.update({
        where: { id: draftId },
        data: { answers: JSON.stringify(answers), currentStep: "review" },
      });
      return draftId;
    });
  } catch (error) {
    await removeCopies(rows);
    throw error;
  }
  if (winner !== draftId) await removeCopies(rows);
  return { ok: true, draftId: winner, slug: application.service.slug, created: winner === draftId };
}

async function removeCopies(rows: readonly CopiedUpload[]) {
  const dir = uploadDirectory();
  for (const row of rows) await rm(path.join(dir, row.storedName), { force: true });
}
