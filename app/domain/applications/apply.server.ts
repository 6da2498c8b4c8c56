import type { Submission } from "@conform-to/react";
import type { PrismaClient } from "~/generated/prisma/client";
import type { StepDefinition } from "~/domain/forms/form-definition";
import { ageInYears, stepSchema, type FormContext } from "~/domain/forms/form-schema";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDateTime, formatShortDate, formatTime } from "~/domain/region/dates";
import { findStep, referencedUploads, type Answers } from "./answers";
import { getChildren, getDraft } from "./applications.server";

/*
 * What a step of the application form needs: the draft with its pinned form, the applicant's
 * children for the child chooser, the files already uploaded, and when the draft was last saved.
 */
export async function loadDraftStep(
  db: PrismaClient,
  input: { applicantId: string; slug: string; draftId: string; stepId: string; language: Language },
) {
  const found = await getDraft(db, input.applicantId, input.draftId);
  if (!found || found.draft.service.slug !== input.slug) return null;
  const step = input.stepId === "review" ? undefined : findStep(found.form, input.stepId);
  if (!step) return null;
  const service = await db.service.findUniqueOrThrow({
    where: { id: found.draft.serviceId },
    select: { titleRu: true, titleEn: true },
  });
  const today = regionDate();
  const profileChildren = await getChildren(db, input.applicantId);
  const profile = await db.profile.findUnique({ where: { userId: input.applicantId }, select: { birthDate: true } });
  const context: FormContext = {
    today,
    children: profileChildren.map((c) => ({ id: c.id, birthDate: c.birthDate })),
    // The passport of the form is the applicant's: not issued before they turned 14.
    applicantBirthDate: profile?.birthDate,
  };
  const children = profileChildren.map((c) => ({
    ...c,
    birthDate: formatShortDate(c.birthDate, input.language),
    age: ageInYears(c.birthDate, today),
  }));
  const uploadIds = referencedUploads(found.answers, step.fields);
  const uploads = await db.upload.findMany({
    where: { id: { in: uploadIds }, ownerId: input.applicantId, applicationId: input.draftId },
    select: { id: true, fileName: true, size: true, field: true },
  });
  const files: Record<string, { id: string; fileName: string; size: number }[]> = {};
  for (const field of step.fields.filter((f) => f.kind === "file")) {
    const ids = referencedUploads({ [field.name]: found.answers[field.name] });
    files[field.name] = ids.flatMap((id) => uploads.filter((u) => u.id === id));
  }
  const updated = found.draft.updatedAt;
  const savedToday = regionDate(updated) === today;
  return {
    language: input.language,
    slug: input.slug,
    draftId: input.draftId,
    serviceTitle: pick({ ru: service.titleRu, en: service.titleEn }, input.language),
    form: found.form,
    step,
    stepIndex: found.form.steps.indexOf(step),
    stepCount: found.form.steps.length,
    answers: found.answers,
    children,
    context,
    files,
    // A draft that has only been created has not been saved by the resident yet.
    savedAt:
      updated.getTime() - found.draft.createdAt.getTime() > 1000
        ? savedToday
          ? formatTime(updated, input.language)
          : formatDateTime(updated, input.language)
        : null,
    formChanged: found.draft.serviceVersion !== found.draft.service.currentVersion,
  };
}

/** The values to keep from a posted step: normalised when valid, as typed when not. */
export function stepValues(step: StepDefinition, submission: Submission<Record<string, unknown>>): Answers {
  const source: Record<string, unknown> = submission.status === "success" ? submission.value : submission.payload;
  return Object.fromEntries(step.fields.map((f) => [f.name, source[f.name]]));
}

/** The stored answers of a step checked again, as a Conform result (errors by field name). */
export function stepErrors(step: StepDefinition, answers: Answers, context: FormContext) {
  const parsed = stepSchema(step, context).safeParse(answers);
  if (parsed.success) return null;
  const error: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.map(String).join(".");
    (error[name] ??= []).push(issue.message);
  }
  return { status: "error" as const, error };
}
