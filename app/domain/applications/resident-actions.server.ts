import type { PrismaClient } from "~/generated/prisma/client";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { discardUnattachedUploads, storeUpload } from "~/domain/uploads/uploads.server";
import { parseStatus } from "./lifecycle";
import { ANSWER_FILE_RULES } from "./resident-forms";
import { applyCommand } from "./transitions.server";

/*
 * What a resident does to a submitted application: answer the department's request (text and
 * documents) and withdraw it. Both go through the lifecycle table like every other change.
 */

/**
 * The answer as the route parsed it with `InfoAnswerSchema`: the text, and the new files, which the
 * schema does not see (they are judged by their bytes here). A refused text comes too, so that an
 * application no longer waiting for an answer says so first instead of the errors of a form its page
 * no longer shows.
 */
export type PostedAnswer = { status: "success"; value: { text: string; files: File[] } } | { status: "error" };

export type AnswerOutcome =
  | { status: "ok" }
  /**
   * Nothing was stored: the text was refused (the route holds its errors), or files were
   * (`fileErrors`: validation messages).
   */
  | { status: "invalid"; fileErrors: string[] }
  | { status: "conflict" }
  | { status: "not-found" };

export async function answerRequest(
  db: PrismaClient,
  input: { applicantId: string; applicationId: string; answer: PostedAnswer },
): Promise<AnswerOutcome> {
  const application = await db.application.findFirst({
    where: { id: input.applicationId, applicantId: input.applicantId },
    select: { status: true },
  });
  if (!application) return { status: "not-found" };
  const status = parseStatus(application.status);
  // Only an application that waits for the resident takes an answer (and its files).
  if (status !== "waitingForInfo" && status !== "needsCorrection") return { status: "conflict" };
  const command = status === "needsCorrection" ? "correct" : "provideInfo";
  if (input.answer.status !== "success") return { status: "invalid", fileErrors: [] };
  const { text, files } = input.answer.value;

  // Files are checked by their bytes and stored only when the text is right, so a failed answer
  // leaves nothing behind.
  const fileErrors: string[] = [];
  const uploadIds: string[] = [];
  for (const file of files) {
    const stored = await storeUpload(db, {
      ownerId: input.applicantId,
      applicationId: input.applicationId,
      field: null,
      file,
      rules: ANSWER_FILE_RULES,
    });
    if (stored.ok) uploadIds.push(stored.upload.id);
    else fileErrors.push(m(`file.${stored.error}`, { max: ANSWER_FILE_RULES.maxSizeMb }));
  }
  const discard = () => discardUnattachedUploads(db, input.applicantId, uploadIds);
  if (fileErrors.length > 0) {
    await discard();
    return { status: "invalid", fileErrors };
  }
  const result = await applyCommand(db, {
    applicationId: input.applicationId,
    command,
    actor: { kind: "resident", id: input.applicantId, role: "resident" },
    answer: { text, uploadIds },
  });
  if (result.ok) return { status: "ok" };
  await discard();
  return { status: "conflict" };
}

export async function withdrawApplication(
  db: PrismaClient,
  input: { applicantId: string; number: string; version: number; idempotencyKey: string },
) {
  const application = await db.application.findFirst({
    where: { number: input.number, applicantId: input.applicantId },
    select: { id: true },
  });
  if (!application) return { ok: false as const, error: "not-found" as const };
  return applyCommand(db, {
    applicationId: application.id,
    command: "withdraw",
    actor: { kind: "resident", id: input.applicantId, role: "resident" },
    expectedVersion: input.version,
    idempotencyKey: input.idempotencyKey,
  });
}
