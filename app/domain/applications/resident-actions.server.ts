import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { PrismaClient } from "~/generated/prisma/client";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { discardUnattachedUploads, storeUpload } from "~/domain/uploads/uploads.server";
import { parseStatus } from "./lifecycle";
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
): Promise<{ status: "ok" } | { status: "invalid"; reply: Reply } | { status: "conflict" } | { status: "not-found" }> {
  const application = await db.application.findFirst({
    where: { id: input.applicationId, applicantId: input.applicantId },
    select: { status: true },
  });
  if (!application) return { status: "not-found" };
  const status = parseStatus(application.status);
  // Only an application that waits for the resident takes an answer (and its files).
  if (status !== "waitingForInfo" && status !== "needsCorrection") return { status: "conflict" };
  const command = status === "needsCorrection" ? "correct" : "provideInfo";

  const files = input.formData
    .getAll("files")
    .filter((e): e is File => typeof e !== "string" && !(e.size === 0 && e.name === ""));
  input.formData.delete("files");
  const textOnly = parseWithZod(input.formData, { schema: InfoAnswerSchema });
  // Files are checked by their bytes and stored only when the text is right, so a failed answer
  // leaves nothing behind; the schema then sees references in their place.
  const fileErrors: string[] = [];
  const uploadIds: string[] = [];
  if (textOnly.status === "success") {
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
  }
  const discard = () => discardUnattachedUploads(db, input.applicantId, uploadIds);
  if (textOnly.status !== "success" || fileErrors.length > 0) {
    await discard();
    const fieldErrors = textOnly.status === "success" ? {} : { ...(textOnly.error as Record<string, string[]>) };
    if (fileErrors.length > 0) fieldErrors.files = [...(fieldErrors.files ?? []), ...fileErrors];
    return { status: "invalid", reply: textOnly.reply({ fieldErrors, hideFields: ["files"] }) };
  }
  const result = await applyCommand(db, {
    applicationId: input.applicationId,
    command,
    actor: { kind: "resident", id: input.applicantId, role: "resident" },
    answer: { text: textOnly.value.text as string, uploadIds },
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
