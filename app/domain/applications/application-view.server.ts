import type { PrismaClient } from "~/generated/prisma/client";
import { enrollmentStanding } from "~/domain/enrollment/enrollment.server";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { pick, type Language } from "~/domain/i18n/localized";
import { describeAnswers, referencedUploads, type Answers } from "./answers";
import { keptChildren } from "./kept-children";
import { workingDaysLeft } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import { formatDate, formatDateTime, formatPreciseDateTime, formatShortDate } from "~/domain/region/dates";
import { getApplicationForApplicant, getChildren } from "./applications.server";
import { availableCommands, FINAL_STATUSES, STATUSES, parseStatus } from "./lifecycle";
import { RATEABLE } from "./ratings.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { packageView } from "~/domain/social/package-view.server";

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
    ids.length === 0
      ? []
      : db.upload.findMany({
          where: { id: { in: ids }, applicationId: input.applicationId },
          select: { id: true, fileName: true },
        }),
  ]);
  return describeAnswers(input.form, input.answers, {
    language: input.language,
    children: children.map((c) => ({ ...c, birthDate: formatShortDate(c.birthDate, input.language) })),
    uploads: new Map(uploads.map((u) => [u.id, u])),
  });
}

export async function describeDraft(
  db: PrismaClient,
  input: {
    applicantId: string;
    language: Language;
    found: {
      draft: { id: string; service: { titleRu: string; titleEn: string; deadlineDays: number } };
      form: FormDefinition;
      answers: Answers;
    };
  },
) {
  const { service } = input.found.draft;
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
  const { application, service, form, answers } = found;
  const language = input.language;
  const status = parseStatus(application.status);
  const today = regionDate(input.now);
  const final = FINAL_STATUSES.includes(status);
  // A package application (the large-family complex service): its measures; a measure's case: its package.
  const packaged = await packageView(db, application, language, input.now);
  // One timeline for the package: its own changes and those of every measure's case, in time order.
  // The history lists status changes; who in the department works the case (an "assign" event,
  // which leaves the status as it was) is the office's business and would repeat the status.
  const ownEvents = application.events
    .filter((e) => e.command !== "assign")
    .map((e) => ({
      id: e.id,
      at: e.at,
      status: parseStatus(e.toStatus),
      command: e.command,
      reason: e.reason,
      measure: null as string | null,
    }));
  const measureEvents = packaged?.kind === "package" ? packaged.events.map((e) => ({ ...e, reason: null })) : [];
  const events = [...ownEvents, ...measureEvents].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  return {
    id: application.id,
    number: application.number,
    status,
    statusCode: STATUSES[status],
    version: application.version,
    service: { title: pick({ ru: service.titleRu, en: service.titleEn }, language), slug: service.slug },
    department: pick({ ru: service.departmentRu, en: service.departmentEn }, language),
    receivedAt: application.receivedAt ? formatDateTime(application.receivedAt, language) : null,
    // First-grade enrollment: the receipt to the millisecond and the place on the school's list.
    enrollment: await enrollmentView(db, application.id, application.receivedAt, language),
    package: packaged,
    deadline: application.deadline ? formatDate(application.deadline, language) : null,
    deadlineDays: service.deadlineDays,
    workingDaysLeft:
      application.deadline && !final
        ? workingDaysLeft(await loadProductionCalendar(db), today, application.deadline)
        : null,
    timeline: events.map((e) => ({ ...e, at: formatDateTime(e.at, language) })),
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

async function enrollmentView(db: PrismaClient, applicationId: string, receivedAt: Date | null, language: Language) {
  const standing = await enrollmentStanding(db, applicationId);
  if (!standing || !receivedAt) return null;
  return { ...standing, receivedAtPrecise: formatPreciseDateTime(receivedAt, language) };
}
