import type { PrismaClient } from "~/generated/prisma/client";
import type { FieldDefinition, StepDefinition } from "~/domain/forms/form-definition";
import { UPLOAD_REFERENCE } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { MAX_FILES_PER_FIELD } from "~/domain/uploads/upload-rules";
import { findOwnUploads, removeUpload, storeUpload, uploadReference } from "~/domain/uploads/uploads.server";

/*
 * The files posted with a step. Each new file is checked by its bytes and stored at once, so that
 * a mistake elsewhere on the page never makes the resident upload it again; the form data then
 * carries references ("upload:<id>") in place of the files, which the step's schema accepts.
 * References to files that are not this resident's, for this application, are dropped.
 *
 * Nothing is stored that the field cannot keep: a one-file field refuses several files at once
 * (none of them is written), a field of several refuses a batch that would take it over the
 * limit, and a file replaced by a new one is deleted, row and bytes, in the same request — so no
 * upload is left that no answer refers to.
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
    const own = await findOwnUploads(db, input.ownerId, input.applicationId, claimed);
    const posted = entries.filter((e): e is File => typeof e !== "string" && !(e.size === 0 && e.name === ""));
    const limit = field.multiple ? MAX_FILES_PER_FIELD : 1;
    const fail = (message: string) => (errors[field.name] ??= []).push(message);

    const stored: string[] = [];
    if (!field.multiple && posted.length > 1) fail(m("file.onlyOne"));
    else if (field.multiple && own.length + posted.length > limit) fail(m("file.tooMany", { max: limit }));
    else {
      for (const file of posted) {
        const result = await storeUpload(db, {
          ownerId: input.ownerId,
          applicationId: input.applicationId,
          field: field.name,
          file,
          rules: { accept: field.accept, maxSizeMb: field.maxSizeMb },
        });
        if (result.ok) stored.push(result.upload.id);
        else fail(m(`file.${result.error}`, { max: field.maxSizeMb }));
      }
    }
    // A one-file field keeps the new file, else the newest of those it had; a field of several keeps up to its limit.
    const kept = field.multiple
      ? [...own.map((u) => u.id), ...stored].slice(0, limit)
      : stored.length > 0
        ? stored.slice(-1)
        : own.slice(-1).map((u) => u.id);
    // Files of this field it no longer keeps (the one a new file replaced) go now, not someday.
    for (const upload of own) {
      if (upload.field === field.name && !kept.includes(upload.id)) await removeUpload(db, input.ownerId, upload.id);
    }
    for (const id of kept) input.formData.append(field.name, uploadReference(id));
  }
  return errors;
}
