import type { PrismaClient } from "~/generated/prisma/client";
import type { StepDefinition } from "~/domain/forms/form-definition";
import { ageInYears, stepSchema, type FormContext } from "~/domain/forms/form-schema";
import { pick, type Language } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { formatDateTime, formatShortDate, formatTime } from "~/domain/region/dates";
import { controllingFields, isShown, withoutHidden } from "~/domain/forms/conditions";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { removeUpload } from "~/domain/uploads/uploads.server";
import { allFields, findStep, referencedUploads, type Answers } from "./answers";
import { getChildren, getDraft, saveDraftAnswers } from "./applications.server";
import { childCertificateFills } from "./draft-prefill";

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
  const { service } = found.draft;
  const today = regionDate();
  const profileChildren = await getChildren(db, input.applicantId);
  const profile = await db.profile.findUnique({ where: { userId: input.applicantId }, select: { birthDate: true } });
  // Conditions of this step on fields of other steps are judged by their saved answers.
  const ownNames = new Set(step.fields.map((f) => f.name));
  const elsewhere = controllingFields(step.fields).filter((name) => !ownNames.has(name));
  const context: FormContext = {
    today,
    children: profileChildren.map((c) => ({ id: c.id, birthDate: c.birthDate })),
    // The passport of the form is the applicant's: not issued before they turned 14.
    applicantBirthDate: profile?.birthDate,
    ...(elsewhere.length > 0 && {
      answers: Object.fromEntries(elsewhere.map((name) => [name, found.answers[name]])),
    }),
  };
  // A child chosen earlier whose certificate is not filled in yet: the profile's (draft-prefill.ts).
  const answers = {
    ...found.answers,
    ...childCertificateFills(step, (name) => found.answers[name], profileChildren),
  };
  const children = profileChildren.map((c) => ({
    ...c,
    birthDate: formatShortDate(c.birthDate, input.language),
    age: ageInYears(c.birthDate, today),
  }));
  const uploadIds = referencedUploads(answers, step.fields);
  const uploads = await db.upload.findMany({
    where: { id: { in: uploadIds }, ownerId: input.applicantId, applicationId: input.draftId },
    select: { id: true, fileName: true, size: true, field: true },
  });
  const files: Record<string, { id: string; fileName: string; size: number }[]> = {};
  for (const field of step.fields.filter((f) => f.kind === "file")) {
    const ids = referencedUploads({ [field.name]: answers[field.name] });
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
    answers,
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

/**
 * A posted step as parsed against its schema: the normalised values when valid, the values as
 * typed when not. (The shape of the form library's submission, without depending on the library.)
 */
export type PostedStep =
  { status: "success"; value: Record<string, unknown> } | { status?: "error"; payload: Record<string, unknown> };

/**
 * The values to keep from a posted step: normalised when valid, as typed when not — but never the
 * answer of a field not asked (its condition does not hold), even as typed.
 */
export function stepValues(step: StepDefinition, submission: PostedStep, context: FormContext): Answers {
  const source: Record<string, unknown> = submission.status === "success" ? submission.value : submission.payload;
  const values = Object.fromEntries(step.fields.map((f) => [f.name, source[f.name]]));
  const own = new Set(step.fields.map((f) => f.name));
  const asked = withoutHidden(step.fields, values, (name) => (own.has(name) ? source[name] : context.answers?.[name]));
  // A field left out stays in the draft as empty, so an answer kept from before is cleared too.
  return Object.fromEntries(step.fields.map((f) => [f.name, asked[f.name]]));
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

/** The fields of a step asked with these posted answers (and the saved ones of other steps). */
export function askedFields(step: StepDefinition, posted: (name: string) => unknown, context: FormContext) {
  const own = new Set(step.fields.map((f) => f.name));
  return step.fields.filter((f) => isShown(f, (name) => (own.has(name) ? posted(name) : context.answers?.[name])));
}

/**
 * After a step is saved, the answers of other steps that are no longer asked — the parent changed
 * the answer they depend on — are cleared and their documents deleted, so a claim given up leaves
 * no certificate behind in the draft (nor, once sent, with the application).
 */
export async function clearAnswersNoLongerAsked(
  db: PrismaClient,
  input: {
    applicantId: string;
    draftId: string;
    form: FormDefinition;
    /** The draft's answers before this step was saved, and after. */
    before: Answers;
    after: Answers;
    currentStep: string;
  },
): Promise<void> {
  const gone = allFields(input.form).filter(
    (f) => f.shownWhen && input.before[f.name] !== undefined && !isShown(f, (name) => input.after[name]),
  );
  if (gone.length === 0) return;
  // The files the answers held before: a step that dropped the answer itself leaves its file too.
  for (const field of gone.filter((f) => f.kind === "file")) {
    for (const id of referencedUploads({ [field.name]: input.before[field.name] })) {
      await removeUpload(db, input.applicantId, id);
    }
  }
  const cleared = Object.fromEntries(gone.map((f) => [f.name, undefined]));
  await saveDraftAnswers(db, input.applicantId, input.draftId, cleared, input.currentStep);
}
