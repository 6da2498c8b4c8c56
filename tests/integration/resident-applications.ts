import type { PrismaClient } from "~/generated/prisma/client";
import {
  createDraft,
  getChildren,
  saveDraftAnswers,
  submitApplication,
} from "~/domain/applications/applications.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import type { Command } from "~/domain/applications/lifecycle";
import { storeUpload, uploadReference } from "~/domain/uploads/uploads.server";

/*
 * Applications made the way a resident makes them (draft, steps, a document, submission) and decided
 * the way an officer decides them, through the domain functions. The service is the large-family
 * status (58-SOC-001), so the applicant needs three children in the profile, like the demo's
 * large-family@demo.gosuslugi58.ru.
 */
export const SERVICE = "58-SOC-001";
export const LARGE_FAMILY = "large-family@demo.gosuslugi58.ru";
export const SOCIAL_OFFICER = "officer.social@demo.gosuslugi58.ru";

export const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const FILE_RULES = { accept: ["application/pdf", "image/jpeg", "image/png"], maxSizeMb: 10 } as const;

export const userIdOf = async (db: PrismaClient, email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email } })).id;

export async function storePdf(db: PrismaClient, ownerId: string, applicationId: string | null, field = "photo") {
  const stored = await storeUpload(db, {
    ownerId,
    applicationId,
    field: applicationId ? field : null,
    file: new File([PDF], "Фото 3x4.pdf", { type: "application/pdf" }),
    rules: FILE_RULES,
  });
  if (!stored.ok) throw new Error(`upload refused: ${stored.error}`);
  return stored.upload;
}

/** A draft with every step answered and a photo attached; `children` adds to or overrides that step's answers. */
export async function completeDraft(db: PrismaClient, applicantId: string, children: Record<string, unknown> = {}) {
  const draftId = await createDraft(db, applicantId, SERVICE);
  const inProfile = await getChildren(db, applicantId);
  const photo = await storePdf(db, applicantId, draftId);
  const steps: [string, Record<string, unknown>][] = [
    [
      "children",
      {
        firstChild: inProfile[0]!.id,
        secondChild: inProfile[1]!.id,
        thirdChild: inProfile[2]!.id,
        childrenCount: String(inProfile.length),
        // No measure beyond the status: the package's other cases are the large-family test's business.
        measures: [],
        ...children,
      },
    ],
    ["documents", { photo: uploadReference(photo.id), studyProof: [] }],
    ["declaration", { accuracyConfirmed: "on", personalDataConsent: "on" }],
  ];
  for (const [step, values] of steps) {
    if (!(await saveDraftAnswers(db, applicantId, draftId, values, step))) throw new Error(`step ${step} not saved`);
  }
  return { draftId, photoId: photo.id };
}

export async function submitted(
  db: PrismaClient,
  applicantId: string,
  now?: Date,
  children: Record<string, unknown> = {},
) {
  const { draftId, photoId } = await completeDraft(db, applicantId, children);
  const result = await submitApplication(db, { applicantId, draftId, ip: "192.0.2.10", now });
  if (!result.ok) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return { id: draftId, number: result.number, photoId };
}

/** Takes an application through review to its result ("Услуга оказана"). */
export async function decided(db: PrismaClient, applicationId: string, officer: Actor, now?: Date) {
  const commands: Command[] = ["acknowledge", "startReview", "complete"];
  for (const command of commands) {
    const result = await applyCommand(db, { applicationId, command, actor: officer, now });
    if (!result.ok) throw new Error(`${command} refused: ${JSON.stringify(result)}`);
  }
}
