import type { PrismaClient } from "~/generated/prisma/client";
import type { FieldDefinition, StepDefinition } from "~/domain/forms/form-definition";
import { UPLOAD_REFERENCE } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { findOwnUploads, storeUpload, uploadReference } from "~/domain/uploads/uploads.server";

/*
 * The files posted with a step. Each new file is checked by its bytes and stored at once, so that
 * a mistake elsewhere on the page never makes the resident upload it again; the form data then
 * carries references ("upload:<id>") in place of the files, which the step's schema accepts.
 * References to files that are not this resident's, for this application, are dropped.
 */
export async function storeStepFiles(
  db: PrismaClient,
  input: { ownerId: string; applicationId: string; step: StepDefinition; formData: FormData },
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const fileFields = input.step.fields.filter(
    (f): f is Extract<FieldDefinition, { kind: "file" }> => f.kind === "file",
  );
  for (const field of fileFields) {
    const entries = input.formData.getAll(field.name);
    input.formData.delete(field.name);
    const claimed = entries
      .filter((e): e is string => typeof e === "string" && UPLOAD_REFERENCE.test(e))
      .map((e) => e.slice("upload:".length));
    const kept = (await findOwnUploads(db, input.ownerId, input.applicationId, claimed)).map((u) => u.id);
    const references = kept.map(uploadReference);
    for (const entry of entries) {
      if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
      const stored = await storeUpload(db, {
        ownerId: input.ownerId,
        applicationId: input.applicationId,
        field: field.name,
        file: entry,
        rules: { accept: field.accept, maxSizeMb: field.maxSizeMb },
      });
      if (stored.ok) references.push(uploadReference(stored.upload.id));
      else (errors[field.name] ??= []).push(m(`file.${stored.error}`, { max: field.maxSizeMb }));
    }
    // A single-file field keeps the newest file.
    for (const reference of field.multiple ? references : references.slice(-1)) {
      input.formData.append(field.name, reference);
    }
  }
  return errors;
}
