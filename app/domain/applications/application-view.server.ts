import type { PrismaClient } from "~/generated/prisma/client";
import { enrollmentStanding } from "~/domain/enrollment/enrollment.server";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";
import { translatorFor } from "~/i18n/translate.server";
import { describeAnswers, referencedUploads, type Answers } from "./answers";
import { workingDaysLeft } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import { formatDate, formatDateTime, formatPreciseDateTime, formatShortDate } from "~/domain/region/dates";
import { getApplicationForApplicant, getChildren } from "./applications.server";
import { availableCommands, FINAL_STATUSES, STATUSES, parseStatus } from "./lifecycle";
import { RATEABLE } from "./ratings.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";

/*
 * The answers of an application in words, for "check your answers" and the application page:
 * children by name, files by their names, choices by their labels.
 */
export async function describeApplicationAnswers(
  db: PrismaClient,
  input: {
    applicantId: string | null;
    applicationId: string;
    form: FormDefinition;
    answers: Answers;
    language: Language;
  },
) {
  const ids = referencedUploads(
    input.answers,
    input.form.steps.flatMap((s) => s.fields),
  );
  const [children, uploads] = await Promise.all([
    // Once the account is deleted its children are gone; the application kept their names (see below).
    input.applicantId ? getChildren(db, input.applicantId) : keptChildren(input.answers),
    db.upload.findMany({
      where: { id: { in: ids }, applicationId: input.applicationId },
      select: { id: true, fileName: true },
    }),
  ]);
  return describeAnswers(input.form, input.answers, {
    language: input.language,
    children: children.map((c) => ({ ...c, birthDate: formatShortDate(c.birthDate, input.language) })),
    uploads: new Map(uploads.map((u) => [u.id, u])),
    yes: translatorFor(input.language)("applications:review.yes"),
  });
}

export async function describeDraft(
  db: PrismaClient,
  input: {
    applicantId: string;
    language: Language;
    found: { draft: { id: string; serviceId: number }; form: FormDefinition; answers: Answers };
  },
) {
  const service = await db.service.findUniqueOrThrow({
    where: { id: input.found.draft.serviceId },
    select: { titleRu: true, titleEn: true, deadlineDays: true },
  });
  return {
    serviceTitle: pick({ ru: service.titleRu, en: service.titleEn }, input.language),
    deadlineDays: service.deadlineDays,
    sections: await describeApplicationAnswers(db, {
      applicantId: input.applicantId,
      applicationId: input.found.draft.id,
      form: input.found.form,
      answers: input.found.answers,
      language: input.language,
    }),
  };
}

/** Everything the resident's page of one application shows, formatted for reading. */
export async function getApplicationPage(
  db: PrismaClient,
  input: { applicantId: string; number: string; language: Language; now?: Date },
) {
  const found = await getApplicationForApplicant(db, input.applicantId, input.number);
  if (!found) return null;
  const { application, form, answers } = found;
  const language = input.language;
  const service = await db.service.findUniqueOrThrow({
    where: { id: application.serviceId },
    select: { titleRu: true, titleEn: true, slug: true, deadlineDays: true, department: true },
  });
  const status = parseStatus(application.status);
  const today = regionDate(input.now);
  const final = FINAL_STATUSES.includes(status);
  return {
    id: application.id,
    number: application.number!,
    status,
    statusCode: STATUSES[status],
    version: application.version,
    service: { title: pick({ ru: service.titleRu, en: service.titleEn }, language), slug: service.slug },
    department: pick({ ru: service.department.nameRu, en: service.department.nameEn }, language),
    receivedAt: application.receivedAt ? formatDateTime(application.receivedAt, language) : null,
    // First-grade enrollment: the receipt to the millisecond and the place on the school's list.
    enrollment: await enrollmentView(db, application.id, application.receivedAt, language),
    deadline: application.deadline ? formatDate(application.deadline, language) : null,
    deadlineDays: service.deadlineDays,
    workingDaysLeft:
      application.deadline && !final
        ? workingDaysLeft(await loadProductionCalendar(db), today, application.deadline)
        : null,
    // The history lists status changes; who in the department works the case (an "assign" event,
    // which leaves the status as it was) is the office's business and would repeat the status.
    timeline: application.events
      .filter((e) => e.command !== "assign")
      .map((e) => ({
        id: e.id,
        at: formatDateTime(e.at, language),
        status: parseStatus(e.toStatus),
        command: e.command,
        reason: e.reason,
      })),
    messages: application.messages.map((msg) => ({
      id: msg.id,
      author: msg.author as "department" | "applicant",
      text: msg.text,
      at: formatDateTime(msg.createdAt, language),
      files: msg.uploads.map((u) => ({ id: u.id, name: u.fileName })),
    })),
    commands: availableCommands(status, "resident"),
    rating: application.rating ? { score: application.rating.score, comment: application.rating.comment } : null,
    canRate: RATEABLE.includes(status) && !application.rating,
    sections: await describeApplicationAnswers(db, {
      applicantId: input.applicantId,
      applicationId: application.id,
      form,
      answers,
      language,
    }),
  };
}

/**
 * When an applicant deletes the account, the children in the profile go at once, but an application
 * kept for its retention period still names them: the deletion copies the name and birth date of each
 * child the answers refer to under this key, so the department keeps reading who the case is about.
 */
export const KEPT_CHILDREN_KEY = "$children";

export type KeptChild = { id: string; name: string; birthDate: string };

export function keptChildren(answers: Answers): KeptChild[] {
  const value = answers[KEPT_CHILDREN_KEY];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is KeptChild =>
      !!c &&
      typeof c === "object" &&
      typeof (c as KeptChild).id === "string" &&
      typeof (c as KeptChild).name === "string" &&
      typeof (c as KeptChild).birthDate === "string",
  );
}

async function enrollmentView(db: PrismaClient, applicationId: string, receivedAt: Date | null, language: Language) {
  const standing = await enrollmentStanding(db, applicationId);
  if (!standing || !receivedAt) return null;
  return { ...standing, receivedAtPrecise: formatPreciseDateTime(receivedAt, language) };
}
