import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { PrismaClient } from "~/generated/prisma/client";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { storeUpload, uploadReference } from "~/domain/uploads/uploads.server";
import type { Status } from "./lifecycle";
import { ANSWER_FILE_RULES, InfoAnswerSchema } from "./resident-forms";
import { applyCommand } from "./transitions.server";

/*
 * What a resident does to a submitted application: answer the department's request (text and
 * documents) and withdraw it. Both go through the lifecycle table like every other change.
 */
type Reply = SubmissionResult<string[]>;

export async function answerRequest(
  db: PrismaClient,
  input: { applicantId: string; applicationId: string; formData: FormData },
): Promise<{ status: "ok" } | { status: "invalid"; reply: Reply } | { status: "conflict" }> {
  const application = await db.application.findFirst({
    where: { id: input.applicationId, applicantId: input.applicantId },
    select: { status: true },
  });
  if (!application) return { status: "conflict" };
  const command = (application.status as Status) === "needsCorrection" ? "correct" : "provideInfo";

  // Files first, checked by their bytes; the schema then sees references.
  const fileErrors: string[] = [];
  const uploadIds: string[] = [];
  const entries = input.formData.getAll("files");
  input.formData.delete("files");
  for (const entry of entries) {
    if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
    const stored = await storeUpload(db, {
      ownerId: input.applicantId,
      applicationId: input.applicationId,
      field: null,
      file: entry,
      rules: ANSWER_FILE_RULES,
    });
    if (stored.ok) uploadIds.push(stored.upload.id);
    else fileErrors.push(m(`file.${stored.error}`, { max: ANSWER_FILE_RULES.maxSizeMb }));
  }
  for (const id of uploadIds) input.formData.append("files", uploadReference(id));
  const submission = parseWithZod(input.formData, { schema: InfoAnswerSchema });
  if (submission.status !== "success" || fileErrors.length > 0) {
    const fieldErrors = submission.status === "success" ? {} : { ...(submission.error as Record<string, string[]>) };
    if (fileErrors.length > 0) fieldErrors.files = [...(fieldErrors.files ?? []), ...fileErrors];
    return { status: "invalid", reply: submission.reply({ fieldErrors, hideFields: ["files"] }) };
  }
  const result = await applyCommand(db, {
    applicationId: input.applicationId,
    command,
    actor: { kind: "resident", id: input.applicantId, role: "resident" },
    answer: { text: submission.value.text as string, uploadIds },
  });
  return result.ok ? { status: "ok" } : { status: "conflict" };
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
