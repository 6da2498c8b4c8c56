import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { addWorkingDays, legalDeadline } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import { storeUpload, uploadReference } from "~/domain/uploads/uploads.server";
import {
  APPLICATION_CONSENT_VERSION,
  createDraft,
  deleteDraft,
  getApplicationForApplicant,
  getDraft,
  listApplications,
  saveDraftAnswers,
  submitApplication,
} from "~/domain/applications/applications.server";
import {
  countUnread,
  listNotifications,
  markAllRead,
  markApplicationRead,
} from "~/domain/applications/notifications.server";
import { mailPendingNotifications } from "~/mail/notification-mail.server";
import { keepPendingAnswers, restorePendingAnswers } from "~/domain/applications/pending-answers.server";
import { rateApplication } from "~/domain/applications/ratings.server";
import { formatRegistrationNumber, parseRegistrationNumber } from "~/domain/applications/registration-number";
import { answerRequest, withdrawApplication, type PostedAnswer } from "~/domain/applications/resident-actions.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import type { Command } from "~/domain/applications/lifecycle";
import { seedDemoData } from "../../seeds/demo";
import { temporaryUploadDir } from "../support/upload-dir";
import { completeDraft, PDF, storePdf } from "./resident-applications";
import { createTestDatabase } from "./test-database";

const SERVICE = "58-SOC-001";
const RESIDENT = "large-family@demo.gosuslugi58.ru";
const OTHER_RESIDENT = "parent@demo.gosuslugi58.ru";
const OFFICER = "officer.social@demo.gosuslugi58.ru";

const uploads = temporaryUploadDir("portal-applications-uploads-");

let staff: Actor;

let db: PrismaClient;
let dispose: () => Promise<void>;
let resident: string;
let otherResident: string;

const userId = async (database: PrismaClient, email: string) =>
  (await database.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  uploads.use();
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  resident = await userId(db, RESIDENT);
  otherResident = await userId(db, OTHER_RESIDENT);
  staff = { kind: "staff", id: await userId(db, OFFICER), role: "officer" };
});
afterAll(async () => {
  await dispose();
  uploads.restore();
});

async function submitted(database: PrismaClient = db, applicantId: string = resident) {
  const { draftId } = await completeDraft(database, applicantId);
  const result = await submitApplication(database, { applicantId, draftId, ip: "192.0.2.10" });
  if (!result.ok) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return { id: draftId, number: result.number };
}

async function run(applicationId: string, steps: [Command, Actor, string?][]) {
  for (const [command, actor, reason] of steps) {
    const result = await applyCommand(db, { applicationId, command, actor, reason });
    expect(result, command).toMatchObject({ ok: true });
  }
}

const toReview: [Command, Actor][] = [
  ["acknowledge", { kind: "staff", id: null, role: "officer" }],
  ["startReview", { kind: "staff", id: null, role: "officer" }],
];

async function inReview() {
  const application = await submitted();
  await run(application.id, toReview);
  return application;
}

/** An answer whose text passed the schema, as the route hands it on. */
const posted = (text: string, files: File[] = []): PostedAnswer => ({ status: "success", value: { text, files } });

async function writes(applicationId: string) {
  return {
    events: await db.applicationEvent.count({ where: { applicationId } }),
    messages: await db.applicationMessage.count({ where: { applicationId } }),
    notifications: await db.notification.count({ where: { applicationId } }),
    stats: await db.statEvent.count({ where: { applicationRef: applicationId } }),
    application: await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { status: true, version: true, decidedAt: true },
    }),
  };
}

describe("drafts", () => {
  it("starts a draft on the current form version, prefilled from the profile", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const found = await getDraft(db, resident, draftId);
    expect(found).not.toBeNull();
    const service = await db.service.findUniqueOrThrow({ where: { code: SERVICE } });
    expect(found!.draft).toMatchObject({
      id: draftId,
      serviceVersion: service.currentVersion,
      currentStep: "applicant",
      service: {
        code: SERVICE,
        slug: service.slug,
        published: true,
        titleRu: service.titleRu,
        deadlineDays: service.deadlineDays,
      },
    });
    const stored = await db.application.findUniqueOrThrow({ where: { id: draftId } });
    expect(stored).toMatchObject({ status: "draft", departmentId: service.departmentId, number: null, sequence: null });
    // getDraft reads the row in SQL: its dates are the row's own.
    expect(found!.draft.createdAt).toEqual(stored.createdAt);
    expect(found!.draft.updatedAt).toEqual(stored.updatedAt);
    expect(found!.form.steps.map((s) => s.id)).toEqual([
      "applicant",
      "identity",
      "children",
      "documents",
      "declaration",
    ]);
    const profile = await db.profile.findUniqueOrThrow({ where: { userId: resident } });
    expect(found!.answers).toEqual({
      applicantName: "Кузнецов Андрей Петрович",
      applicantSnils: profile.snils,
      applicantPhone: profile.phone,
      applicantEmail: RESIDENT,
      passport: { number: profile.passportNumber, issuedOn: "2015-06-01", issuerCode: "580-001" },
      address: {
        locality: "Пенза",
        street: "ул. Московская",
        house: profile.addressHouse,
        apartment: profile.addressApartment,
      },
    });
  });

  it("keeps whatever is typed, merges steps, and belongs to its owner only", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    expect(await saveDraftAnswers(db, resident, draftId, { childrenCount: "три" }, "children")).toBe(true);
    expect(await saveDraftAnswers(db, resident, draftId, { accuracyConfirmed: "on" }, "declaration")).toBe(true);
    const found = await getDraft(db, resident, draftId);
    expect(found!.draft.currentStep).toBe("declaration");
    expect(found!.answers).toMatchObject({
      applicantName: "Кузнецов Андрей Петрович",
      childrenCount: "три",
      accuracyConfirmed: "on",
    });

    expect(await getDraft(db, otherResident, draftId)).toBeNull();
    expect(await saveDraftAnswers(db, otherResident, draftId, { childrenCount: "9" }, "children")).toBe(false);
    expect(await deleteDraft(db, otherResident, draftId)).toBe(false);
    expect((await getDraft(db, resident, draftId))!.answers.childrenCount).toBe("три");

    expect(await deleteDraft(db, resident, draftId)).toBe(true);
    expect(await getDraft(db, resident, draftId)).toBeNull();
    expect(await deleteDraft(db, resident, draftId)).toBe(false);
  });

  it("deletes a draft's documents with it, from the disk too", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const stored = await storeUpload(db, {
      ownerId: resident,
      applicationId: draftId,
      field: "photo",
      file: new File([PDF], "photo.pdf", { type: "application/pdf" }),
      rules: { accept: ["application/pdf"], maxSizeMb: 10 },
    });
    if (!stored.ok) throw new Error(stored.error);
    const { storedName } = await db.upload.findUniqueOrThrow({ where: { id: stored.upload.id } });
    expect(existsSync(path.join(uploads.dir, storedName))).toBe(true);
    expect(await deleteDraft(db, resident, draftId)).toBe(true);
    expect(await db.upload.count({ where: { id: stored.upload.id } })).toBe(0);
    expect(existsSync(path.join(uploads.dir, storedName))).toBe(false);
  });

  it("a submitted application is no longer a draft: it cannot be edited or deleted", async () => {
    const { id } = await submitted();
    expect(await getDraft(db, resident, id)).toBeNull();
    expect(await saveDraftAnswers(db, resident, id, { childrenCount: "9" }, "children")).toBe(false);
    expect(await deleteDraft(db, resident, id)).toBe(false);
    expect(await db.application.count({ where: { id } })).toBe(1);
  });
});

describe("submission", () => {
  it("registers the application, hands it to the department and records everything in one go", async () => {
    const { draftId } = await completeDraft(db, resident);
    const receipts = await db.counter.findUnique({ where: { name: "receipt" } });
    const base = Date.now();
    const now = new Date(base - (base % 1000) + 437);
    const result = await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.1", now });
    expect(result).toEqual({ ok: true, number: expect.stringMatching(/^58-\d{4}-\d{7}-\d$/), alreadySubmitted: false });
    if (!result.ok) return;

    const year = Number(regionDate(now).slice(0, 4));
    const parsedNumber = parseRegistrationNumber(result.number);
    expect(parsedNumber).toMatchObject({ year, text: result.number });
    const registrations = await db.counter.findUniqueOrThrow({ where: { name: `registration-${year}` } });
    expect(result.number).toBe(formatRegistrationNumber(year, registrations.value));

    const application = await db.application.findUniqueOrThrow({ where: { id: draftId } });
    expect(application.status).toBe("sent");
    expect(application.number).toBe(result.number);
    expect(application.sequence).toBe((receipts?.value ?? 0) + 1);
    expect(application.receivedAt?.getTime()).toBe(now.getTime());
    expect(application.receivedAt?.getUTCMilliseconds()).toBe(437);
    expect(application.deadline).toBe(legalDeadline(await loadProductionCalendar(db), now, 10));
    expect(application.deadline! > regionDate(now)).toBe(true);
    expect(application.municipality).toBe("56701000");
    expect(application.version).toBe(3);
    expect(application.decidedAt).toBeNull();
    // The stored answers are the normalised ones.
    expect(JSON.parse(application.answers)).toMatchObject({
      childrenCount: 4,
      accuracyConfirmed: true,
      personalDataConsent: true,
    });

    const events = await db.applicationEvent.findMany({ where: { applicationId: draftId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.command, e.fromStatus, e.toStatus, e.actorRole, e.actorId])).toEqual([
      ["submit", "draft", "registered", "resident", resident],
      ["forward", "registered", "sent", "system", null],
    ]);
    expect(events.every((e) => e.at.getTime() === now.getTime())).toBe(true);

    const stats = await db.statEvent.findMany({ where: { applicationRef: draftId }, orderBy: { id: "asc" } });
    expect(stats.map((s) => [s.kind, s.fromStatus, s.toStatus])).toEqual([
      ["submitted", null, null],
      ["transition", "draft", "registered"],
      ["transition", "registered", "sent"],
    ]);
    for (const stat of stats) {
      expect(stat).toMatchObject({
        serviceCode: SERVICE,
        departmentCode: "mintrud",
        categorySlug: "social-support",
        mszu: true,
        channel: "portal",
        municipality: "56701000",
        deadline: application.deadline,
        onTime: null,
        workingDays: null,
        visit: null,
        rating: null,
      });
      expect(stat.receivedAt?.getTime()).toBe(now.getTime());
    }
    // The statistics never carry the person.
    const profile = await db.profile.findUniqueOrThrow({ where: { userId: resident } });
    const personal = [
      resident,
      RESIDENT,
      "Кузнецов",
      "Андрей",
      profile.snils,
      profile.snils.replace(/\D/g, ""),
      profile.phone,
      profile.passportNumber,
      profile.inn!,
      "192.0.2.1",
    ];
    for (const stat of stats) {
      const columns = Object.values(stat).map((v) => (v instanceof Date ? v.toISOString() : String(v)));
      for (const value of personal) {
        for (const column of columns) expect(column).not.toContain(value);
      }
    }

    const notifications = await db.notification.findMany({ where: { applicationId: draftId } });
    expect(notifications.length).toBeGreaterThanOrEqual(1);
    expect(notifications.every((n) => n.userId === resident && n.readAt === null)).toBe(true);
    expect(notifications.map((n) => n.status)).toContain("sent");

    const consents = await db.consent.findMany({ where: { userId: resident, givenAt: now } });
    expect(consents).toEqual([
      expect.objectContaining({
        purpose: `application:${SERVICE}`,
        textVersion: APPLICATION_CONSENT_VERSION,
        ip: "192.0.2.1",
        withdrawnAt: null,
      }),
    ]);
  });

  it("is idempotent: submitting again returns the same number and writes nothing", async () => {
    const { draftId } = await completeDraft(db, resident);
    const first = await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.1" });
    expect(first).toMatchObject({ ok: true, alreadySubmitted: false });
    const before = await writes(draftId);
    const second = await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.1" });
    expect(second).toEqual({ ok: true, number: (first as { number: string }).number, alreadySubmitted: true });
    expect(await writes(draftId)).toEqual(before);
  });

  it("twenty simultaneous submissions of one draft give one number and one submit event", async () => {
    const { draftId } = await completeDraft(db, resident);
    const receipts = (await db.counter.findUnique({ where: { name: "receipt" } }))?.value ?? 0;
    const consents = await db.consent.count({ where: { userId: resident } });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.2" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = new Set(results.map((r) => (r.ok ? r.number : null)));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1);

    const application = await db.application.findUniqueOrThrow({ where: { id: draftId } });
    expect(application.number).toBe([...numbers][0]);
    expect(application.sequence).toBe(receipts + 1);
    expect((await db.counter.findUniqueOrThrow({ where: { name: "receipt" } })).value).toBe(receipts + 1);
    expect(await db.applicationEvent.count({ where: { applicationId: draftId, command: "submit" } })).toBe(1);
    expect(await db.applicationEvent.count({ where: { applicationId: draftId } })).toBe(2);
    expect(await db.statEvent.count({ where: { applicationRef: draftId, kind: "submitted" } })).toBe(1);
    expect(await db.consent.count({ where: { userId: resident } })).toBe(consents + 1);
  });

  it("refuses an incomplete draft, naming the first step to fix", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    // Applicant and identity are prefilled; the children are the first step not answered.
    expect(await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.3" })).toEqual({
      ok: false,
      error: "invalid",
      stepId: "children",
    });

    const complete = await completeDraft(db, resident);
    await saveDraftAnswers(db, resident, complete.draftId, { applicantPhone: "12345" }, "applicant");
    expect(await submitApplication(db, { applicantId: resident, draftId: complete.draftId, ip: "192.0.2.3" })).toEqual({
      ok: false,
      error: "invalid",
      stepId: "applicant",
    });
    await saveDraftAnswers(db, resident, complete.draftId, { applicantPhone: "8 (900) 000-00-02" }, "applicant");
    await saveDraftAnswers(db, resident, complete.draftId, { accuracyConfirmed: "" }, "declaration");
    expect(await submitApplication(db, { applicantId: resident, draftId: complete.draftId, ip: "192.0.2.3" })).toEqual({
      ok: false,
      error: "invalid",
      stepId: "declaration",
    });

    for (const id of [draftId, complete.draftId]) {
      const row = await db.application.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "draft", number: null, sequence: null, receivedAt: null, version: 1 });
      expect(await db.applicationEvent.count({ where: { applicationId: id } })).toBe(0);
      expect(await db.statEvent.count({ where: { applicationRef: id } })).toBe(0);
    }
  });

  it("refuses a photo that is not the applicant's upload for this application", async () => {
    const { draftId } = await completeDraft(db, resident);
    const elsewhere = await completeDraft(db, resident);
    // Another of the applicant's drafts' file…
    await saveDraftAnswers(db, resident, draftId, { photo: uploadReference(elsewhere.photoId) }, "documents");
    expect(await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.4" })).toEqual({
      ok: false,
      error: "invalid",
      stepId: "documents",
    });
    // …another person's file…
    const othersDraft = await createDraft(db, otherResident, SERVICE);
    const othersFile = await storePdf(db, otherResident, othersDraft);
    await saveDraftAnswers(db, resident, draftId, { photo: uploadReference(othersFile.id) }, "documents");
    expect(await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.4" })).toMatchObject({
      ok: false,
      stepId: "documents",
    });
    // …or a reference to nothing.
    await saveDraftAnswers(db, resident, draftId, { photo: "upload:doesNotExist123" }, "documents");
    expect(await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.4" })).toMatchObject({
      ok: false,
      stepId: "documents",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("draft");
  });

  it("another person's draft is not found, and nothing happens to it", async () => {
    const { draftId } = await completeDraft(db, resident);
    expect(await submitApplication(db, { applicantId: otherResident, draftId, ip: "192.0.2.5" })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await submitApplication(db, { applicantId: resident, draftId: "no-such-draft", ip: "192.0.2.5" })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("draft");
  });
});

describe("status changes", () => {
  it("goes through review, a request for information and the resident's answer to the result", async () => {
    const { id, number } = await submitted();
    expect(await applyCommand(db, { applicationId: id, command: "acknowledge", actor: staff })).toEqual({
      ok: true,
      applicationId: id,
      from: "sent",
      to: "received",
      version: 4,
      replayed: false,
    });
    expect(await applyCommand(db, { applicationId: id, command: "startReview", actor: staff })).toMatchObject({
      ok: true,
      to: "inReview",
      version: 5,
    });
    expect(await applyCommand(db, { applicationId: id, command: "requestInfo", actor: staff })).toEqual({
      ok: false,
      error: "reason-required",
    });
    const request = "Приложите справку об очном обучении старшего ребёнка";
    expect(
      await applyCommand(db, { applicationId: id, command: "requestInfo", actor: staff, reason: `  ${request}  ` }),
    ).toMatchObject({ ok: true, from: "inReview", to: "waitingForInfo", version: 6 });

    // Only the resident answers, and only through the form.
    expect(await applyCommand(db, { applicationId: id, command: "provideInfo", actor: staff })).toEqual({
      ok: false,
      error: "not-your-role",
    });
    // The route parses the form (resident-forms.ts); a refused text comes as an error and changes nothing.
    const refused: PostedAnswer = { status: "error" };
    expect(await answerRequest(db, { applicantId: resident, applicationId: id, answer: refused })).toEqual({
      status: "invalid",
      fileErrors: [],
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("waitingForInfo");
    expect(await answerRequest(db, { applicantId: otherResident, applicationId: id, answer: refused })).toEqual({
      status: "not-found",
    });
    // A file refused by its bytes refuses the answer, and leaves no file behind: not even the good one.
    const uploadsBefore = await db.upload.count({ where: { applicationId: id } });
    const withBadFile = posted("Справка приложена", [
      new File([PDF], "Справка.pdf", { type: "application/pdf" }),
      new File(["<html><script>alert(1)</script></html>"], "Справка 2.pdf", { type: "application/pdf" }),
    ]);
    const rejected = await answerRequest(db, { applicantId: resident, applicationId: id, answer: withBadFile });
    expect(rejected).toMatchObject({ status: "invalid", fileErrors: [expect.any(String)] });
    expect(await db.upload.count({ where: { applicationId: id } })).toBe(uploadsBefore);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("waitingForInfo");

    const answer = posted("Справка приложена", [
      new File([PDF], "Справка из колледжа.pdf", { type: "application/pdf" }),
    ]);
    expect(await answerRequest(db, { applicantId: resident, applicationId: id, answer })).toEqual({
      status: "ok",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("inReview");

    expect(await applyCommand(db, { applicationId: id, command: "complete", actor: staff })).toMatchObject({
      ok: true,
      from: "inReview",
      to: "completed",
    });

    const application = await db.application.findUniqueOrThrow({ where: { id } });
    expect(application.status).toBe("completed");
    expect(application.decidedAt).toBeInstanceOf(Date);
    const events = await db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.command, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ["submit", "draft", "registered", "resident"],
      ["forward", "registered", "sent", "system"],
      ["acknowledge", "sent", "received", "officer"],
      ["startReview", "received", "inReview", "officer"],
      ["requestInfo", "inReview", "waitingForInfo", "officer"],
      ["provideInfo", "waitingForInfo", "inReview", "resident"],
      ["complete", "inReview", "completed", "officer"],
    ]);
    expect(events[4]!.reason).toBe(request);

    const messages = await db.applicationMessage.findMany({
      where: { applicationId: id },
      orderBy: { id: "asc" },
      include: { uploads: true },
    });
    expect(messages.map((m) => [m.author, m.authorId, m.text])).toEqual([
      ["department", staff.id, request],
      ["applicant", resident, "Справка приложена"],
    ]);
    expect(messages[1]!.uploads.map((u) => [u.fileName, u.ownerId, u.applicationId])).toEqual([
      ["Справка из колледжа.pdf", resident, id],
    ]);

    const decision = await db.statEvent.findFirstOrThrow({ where: { applicationRef: id, toStatus: "completed" } });
    expect(decision).toMatchObject({ kind: "transition", fromStatus: "inReview", onTime: true, visit: false });
    expect(decision.workingDays).toEqual(expect.any(Number));
    expect(decision.workingDays).toBeGreaterThanOrEqual(0);

    // The applicant sees it all on the application's page.
    const page = await getApplicationForApplicant(db, resident, number);
    expect(page!.application.id).toBe(id);
    expect(page!.application.events).toHaveLength(7);
    expect(page!.application.messages.map((m) => m.author)).toEqual(["department", "applicant"]);
    expect(page!.application.messages[1]!.uploads).toHaveLength(1);
    expect(page!.form.steps.map((s) => s.id)).toContain("children");
    expect(page!.answers.childrenCount).toBe(4);
  });

  it("takes the resident's answer given straight through applyCommand", async () => {
    const { id } = await inReview();
    await run(id, [["requestInfo", staff, "Уточните состав семьи"]]);
    const result = await applyCommand(db, {
      applicationId: id,
      command: "provideInfo",
      actor: { kind: "resident", id: resident, role: "resident" },
      answer: { text: "В семье четверо детей", uploadIds: [] },
    });
    expect(result).toMatchObject({ ok: true, from: "waitingForInfo", to: "inReview" });
    const messages = await db.applicationMessage.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      ["department", "Уточните состав семьи"],
      ["applicant", "В семье четверо детей"],
    ]);
  });

  it("answers a request for correction with 'correct', and no request at all with a conflict", async () => {
    const { id } = await inReview();
    const answer = posted("Исправил номер паспорта");
    expect(await answerRequest(db, { applicantId: resident, applicationId: id, answer })).toEqual({
      status: "conflict",
    });
    // Even a refused text: the page says the application changed rather than the errors of a form it no longer has.
    const refused: PostedAnswer = { status: "error" };
    expect(await answerRequest(db, { applicantId: resident, applicationId: id, answer: refused })).toEqual({
      status: "conflict",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("inReview");

    await run(id, [["requestCorrection", staff, "Неверный номер паспорта"]]);
    expect(await answerRequest(db, { applicantId: resident, applicationId: id, answer })).toEqual({
      status: "ok",
    });
    const last = await db.applicationEvent.findFirstOrThrow({ where: { applicationId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ command: "correct", fromStatus: "needsCorrection", toStatus: "inReview" });
  });

  it("refuses a change made on an old version and writes nothing", async () => {
    const { id } = await submitted();
    const before = await writes(id);
    expect(before.application.version).toBe(3);
    expect(
      await applyCommand(db, { applicationId: id, command: "acknowledge", actor: staff, expectedVersion: 2 }),
    ).toEqual({ ok: false, error: "conflict" });
    expect(await writes(id)).toEqual(before);
    expect(
      await applyCommand(db, { applicationId: id, command: "acknowledge", actor: staff, expectedVersion: 3 }),
    ).toMatchObject({ ok: true, version: 4 });
  });

  it("replays a command repeated with the same idempotency key", async () => {
    const { id } = await submitted();
    const input = { applicationId: id, command: "acknowledge" as const, actor: staff, idempotencyKey: `ack-${id}` };
    expect(await applyCommand(db, input)).toEqual({
      ok: true,
      applicationId: id,
      from: "sent",
      to: "received",
      version: 4,
      replayed: false,
    });
    const after = await writes(id);
    expect(await applyCommand(db, input)).toEqual({
      ok: true,
      applicationId: id,
      from: "sent",
      to: "received",
      version: 4,
      replayed: true,
    });
    expect(await writes(id)).toEqual(after);
    expect(await db.applicationEvent.count({ where: { idempotencyKey: `ack-${id}` } })).toBe(1);
  });

  it("stops the deadline's clock while the department waits for the resident", async () => {
    const { id } = await inReview();
    const before = (await db.application.findUniqueOrThrow({ where: { id } })).deadline!;
    await applyCommand(db, {
      applicationId: id,
      command: "requestInfo",
      actor: staff,
      reason: "Нужна справка",
      now: new Date("2026-12-01T10:00:00+03:00"),
    });
    await applyCommand(db, {
      applicationId: id,
      command: "provideInfo",
      actor: { kind: "resident", id: resident, role: "resident" },
      answer: { text: "Справка приложена", uploadIds: [] },
      now: new Date("2026-12-04T10:00:00+03:00"),
    });
    // Asked on Tuesday 1 December, answered on Friday 4 December: three working days waited.
    const after = (await db.application.findUniqueOrThrow({ where: { id } })).deadline!;
    expect(after).toBe(addWorkingDays(await loadProductionCalendar(db), before, 3));
  });

  it("refuses an idempotency key already used for another application", async () => {
    const first = await submitted();
    const second = await submitted();
    const key = `ack-shared-${first.id}`;
    expect(
      await applyCommand(db, { applicationId: first.id, command: "acknowledge", actor: staff, idempotencyKey: key }),
    ).toMatchObject({ ok: true });
    expect(
      await applyCommand(db, { applicationId: second.id, command: "acknowledge", actor: staff, idempotencyKey: key }),
    ).toEqual({ ok: false, error: "conflict" });
    expect((await db.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("sent");
  });

  it("refuses only on one of the service's grounds, with a reason", async () => {
    const { id } = await inReview();
    await run(id, [["inviteToVisit", staff, "Приходите с оригиналами свидетельств о рождении"]]);
    const refuse = { applicationId: id, command: "refuse" as const, actor: staff };
    expect(await applyCommand(db, { ...refuse, ground: "fewer-than-three-children" })).toEqual({
      ok: false,
      error: "reason-required",
    });
    expect(await applyCommand(db, { ...refuse, reason: "В семье двое детей" })).toEqual({
      ok: false,
      error: "ground-required",
    });
    expect(await applyCommand(db, { ...refuse, reason: "В семье двое детей", ground: "no-free-seats" })).toEqual({
      ok: false,
      error: "unknown-ground",
    });
    expect(await applyCommand(db, { ...refuse, reason: "В семье двое детей", ground: "made-up-ground" })).toEqual({
      ok: false,
      error: "unknown-ground",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("invitedToVisit");

    expect(
      await applyCommand(db, { ...refuse, reason: "В семье двое детей", ground: "fewer-than-three-children" }),
    ).toMatchObject({ ok: true, from: "invitedToVisit", to: "refused" });
    const event = await db.applicationEvent.findFirstOrThrow({ where: { applicationId: id, command: "refuse" } });
    expect(event).toMatchObject({ ground: "fewer-than-three-children", reason: "В семье двое детей" });
    const application = await db.application.findUniqueOrThrow({ where: { id } });
    expect(application.status).toBe("refused");
    expect(application.decidedAt).toBeInstanceOf(Date);
    const messages = await db.applicationMessage.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(messages.map((m) => m.text)).toEqual([
      "Приходите с оригиналами свидетельств о рождении",
      "В семье двое детей",
    ]);

    const decision = await db.statEvent.findFirstOrThrow({ where: { applicationRef: id, toStatus: "refused" } });
    expect(decision).toMatchObject({ kind: "transition", onTime: true, visit: true });
    expect(decision.workingDays).toBeGreaterThanOrEqual(0);
    // A final decision cannot be changed.
    expect(await applyCommand(db, { applicationId: id, command: "complete", actor: staff })).toEqual({
      ok: false,
      error: "not-allowed-now",
    });
  });

  it("does not act on drafts or unknown applications", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    expect(await applyCommand(db, { applicationId: draftId, command: "acknowledge", actor: staff })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(
      await applyCommand(db, { applicationId: "no-such-application", command: "acknowledge", actor: staff }),
    ).toEqual({
      ok: false,
      error: "not-found",
    });
    const { id } = await submitted();
    expect(await applyCommand(db, { applicationId: id, command: "startReview", actor: staff })).toEqual({
      ok: false,
      error: "not-allowed-now",
    });
    expect(
      await applyCommand(db, {
        applicationId: id,
        command: "acknowledge",
        actor: { kind: "resident", id: resident, role: "resident" },
      }),
    ).toEqual({ ok: false, error: "not-your-role" });
  });
});

describe("mail of status changes", () => {
  it("goes out once per notification, in the applicant's language, with the department's words", async () => {
    await mailPendingNotifications(db, "http://portal.test");
    const { id } = await submitted();
    const application = await db.application.findUniqueOrThrow({ where: { id } });
    await applyCommand(db, { applicationId: id, command: "acknowledge", actor: staff });
    await applyCommand(db, { applicationId: id, command: "startReview", actor: staff });
    await applyCommand(db, {
      applicationId: id,
      command: "requestInfo",
      actor: staff,
      reason: "Приложите справку о составе семьи",
    });
    const before = await db.mailboxMessage.count();
    expect(await mailPendingNotifications(db, "http://portal.test")).toBe(4);
    const mails = await db.mailboxMessage.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(mails.map((m) => m.subject)).toEqual([
      `Заявление № ${application.number} принято`,
      `Заявление № ${application.number}: Заявление получено ведомством`,
      `Заявление № ${application.number}: Заявление принято к рассмотрению`,
      `Заявление № ${application.number}: Ожидание дополнительной информации`,
    ]);
    expect(mails[0]!.text).toContain(`http://portal.test/cabinet/applications/${application.number}`);
    expect(mails[3]!.text).toContain("Приложите справку о составе семьи");
    expect(mails[2]!.text).not.toContain("Приложите справку");
    expect(await mailPendingNotifications(db, "http://portal.test")).toBe(0);
    expect(await db.notification.count({ where: { applicationId: id, mailedAt: null } })).toBe(0);
  });
});

describe("withdrawal", () => {
  it("is allowed before a decision", async () => {
    const { id, number } = await submitted();
    await run(id, toReview);
    const withdraw = { applicantId: resident, number, version: 5, idempotencyKey: `withdraw-${id}` };
    expect(await withdrawApplication(db, { ...withdraw, applicantId: otherResident })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await withdrawApplication(db, { ...withdraw, version: 4, idempotencyKey: `stale-${id}` })).toEqual({
      ok: false,
      error: "conflict",
    });
    expect(await withdrawApplication(db, withdraw)).toMatchObject({ ok: true, from: "inReview", to: "withdrawn" });
    // A second click on the same button changes nothing.
    expect(await withdrawApplication(db, withdraw)).toMatchObject({ ok: true, to: "withdrawn", replayed: true });
    const application = await db.application.findUniqueOrThrow({ where: { id } });
    expect(application.status).toBe("withdrawn");
    expect(application.decidedAt).toBeNull();
    expect(await db.applicationEvent.count({ where: { applicationId: id, command: "withdraw" } })).toBe(1);
    const stat = await db.statEvent.findFirstOrThrow({ where: { applicationRef: id, toStatus: "withdrawn" } });
    expect(stat).toMatchObject({ onTime: null, workingDays: null, visit: null });
  });

  it("is refused after a decision", async () => {
    const { id, number } = await inReview();
    await run(id, [["complete", staff]]);
    const { version } = await db.application.findUniqueOrThrow({ where: { id } });
    expect(
      await withdrawApplication(db, { applicantId: resident, number, version, idempotencyKey: `late-${id}` }),
    ).toEqual({ ok: false, error: "not-allowed-now" });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
  });
});

describe("ratings", () => {
  it("can be given once, after the result, and feeds the statistics", async () => {
    const { id } = await submitted();
    const rate = { applicantId: resident, applicationId: id, score: 4, comment: "  Быстро и понятно  " };
    expect(await rateApplication(db, rate)).toBe("not-yet");
    await run(id, [...toReview, ["complete", staff]]);
    expect(await rateApplication(db, { ...rate, applicantId: otherResident })).toBe("not-found");
    expect(await rateApplication(db, rate)).toBe("ok");
    expect(await rateApplication(db, { ...rate, score: 1 })).toBe("already-rated");

    const rating = await db.rating.findUniqueOrThrow({ where: { applicationId: id } });
    const { departmentId } = await db.application.findUniqueOrThrow({ where: { id } });
    expect(rating).toMatchObject({ score: 4, comment: "Быстро и понятно", departmentId });
    const stats = await db.statEvent.findMany({ where: { applicationRef: id, kind: "rated" } });
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ rating: 4, serviceCode: SERVICE, fromStatus: null, toStatus: null });
  });
});

describe("the resident's view", () => {
  it("shows an application to its applicant only", async () => {
    const { number } = await submitted();
    expect(await getApplicationForApplicant(db, resident, number)).not.toBeNull();
    expect(await getApplicationForApplicant(db, otherResident, number)).toBeNull();
    expect(await getApplicationForApplicant(db, resident, "58-2026-9999999-0")).toBeNull();
  });

  it("counts unread notifications and marks them read", async () => {
    const { id, number } = await submitted();
    await run(id, [["acknowledge", staff]]);
    const own = await db.notification.count({ where: { applicationId: id, readAt: null } });
    expect(own).toBeGreaterThanOrEqual(2);
    const unread = await countUnread(db, resident);
    expect(unread).toBeGreaterThanOrEqual(own);

    const listed = await listNotifications(db, resident, 200);
    expect(listed[0]).toMatchObject({ status: "received", readAt: null, application: { number } });
    expect(listed.every((n, i) => i === 0 || n.id < listed[i - 1]!.id)).toBe(true);
    expect(await listNotifications(db, otherResident)).toEqual([]);

    await markApplicationRead(db, otherResident, id);
    expect(await countUnread(db, resident)).toBe(unread);
    await markApplicationRead(db, resident, id);
    expect(await countUnread(db, resident)).toBe(unread - own);
    await markAllRead(db, resident);
    expect(await countUnread(db, resident)).toBe(0);
  });
});

describe("answers kept while signed out", () => {
  it("are merged into the owner's draft once, and to nobody else", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const token = await keepPendingAnswers(db, {
      userId: resident,
      applicationId: draftId,
      step: "children",
      answers: { childrenCount: "5", measures: ["school-meals"] },
    });
    expect(await db.pendingAnswers.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept

    expect(await restorePendingAnswers(db, { applicantId: otherResident, applicationId: draftId, token })).toBe(false);
    expect(
      await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token: "wrong-token" }),
    ).toBe(false);
    const otherDraft = await createDraft(db, resident, SERVICE);
    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: otherDraft, token })).toBe(false);
    expect((await getDraft(db, resident, draftId))!.answers).not.toHaveProperty("childrenCount");

    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token })).toBe(true);
    const restored = await getDraft(db, resident, draftId);
    expect(restored!.draft.currentStep).toBe("children");
    expect(restored!.answers).toMatchObject({
      applicantName: "Кузнецов Андрей Петрович",
      childrenCount: "5",
      measures: ["school-meals"],
    });
    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token })).toBe(false);
    expect(await getDraft(db, otherResident, draftId)).toBeNull();
  });

  it("typed by another account are never merged into the owner's draft (a restore link cannot inject answers)", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    // Someone else, whose own session had ended, posts to the resident's draft and sends the link on.
    const token = await keepPendingAnswers(db, {
      userId: otherResident,
      applicationId: draftId,
      step: "children",
      answers: { childrenCount: "9" },
    });
    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token })).toBe(false);
    expect((await getDraft(db, resident, draftId))!.answers).not.toHaveProperty("childrenCount");
  });

  it("expire after an hour", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const now = new Date();
    const token = await keepPendingAnswers(db, {
      userId: resident,
      applicationId: draftId,
      step: "children",
      answers: {},
      now,
    });
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token, now: later })).toBe(
      false,
    );
  });
});

describe("the database connection", () => {
  it("runs in WAL mode, each commit synced before it is answered (NORMAL and the WAL's own sync, decision 0040)", async () => {
    const [sync] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    expect(Number(sync!.synchronous)).toBe(1);
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(journal!.journal_mode.toLowerCase()).toBe("wal");
    const [keys] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
    expect(Number(keys!.foreign_keys)).toBe(1);
  });
});

describe("numbering and the list of applications (a fresh database)", () => {
  let fresh: PrismaClient;
  let disposeFresh: () => Promise<void>;
  let owner: string;
  let other: string;
  let ids: string[] = [];

  beforeAll(async () => {
    ({ db: fresh, dispose: disposeFresh } = await createTestDatabase());
    await seedDemoData(fresh);
    owner = await userId(fresh, RESIDENT);
    other = await userId(fresh, OTHER_RESIDENT);
  });
  afterAll(async () => disposeFresh());

  it("thirty drafts submitted at once get receipt sequences 1..30 and distinct numbers", async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 30; i++) drafts.push((await completeDraft(fresh, owner)).draftId);
    const results = await Promise.all(
      drafts.map((draftId) => submitApplication(fresh, { applicantId: owner, draftId, ip: "192.0.2.30" })),
    );
    expect(results.every((r) => r.ok && !r.alreadySubmitted)).toBe(true);

    const rows = await fresh.application.findMany({
      where: { id: { in: drafts } },
      select: { id: true, sequence: true, number: true, receivedAt: true },
    });
    const sequences = rows.map((r) => r.sequence!).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const numbers = rows.map((r) => r.number!);
    expect(new Set(numbers).size).toBe(30);
    const year = Number(regionDate().slice(0, 4));
    expect(new Set(numbers)).toEqual(
      new Set(Array.from({ length: 30 }, (_, i) => formatRegistrationNumber(year, i + 1))),
    );
    expect(numbers.every((n) => parseRegistrationNumber(n) !== null)).toBe(true);
    // Receipt order: a later sequence was never received earlier.
    const bySequence = [...rows].sort((a, b) => a.sequence! - b.sequence!);
    for (let i = 1; i < bySequence.length; i++) {
      expect(bySequence[i]!.receivedAt!.getTime()).toBeGreaterThanOrEqual(bySequence[i - 1]!.receivedAt!.getTime());
    }
    ids = bySequence.map((r) => r.id);
  });

  it("lists the applicant's own applications, newest first, twenty a page", async () => {
    expect(ids).toHaveLength(30);
    await submitted(fresh, other);
    await createDraft(fresh, owner, SERVICE); // a draft is not listed

    const first = await listApplications(fresh, owner);
    expect(first.applications.map((a) => a.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => 30 - i));
    expect(first.nextAfter).toBe(11);
    expect(first.applications[0]).toMatchObject({ status: "sent", service: { slug: "large-family-status" } });

    const second = await listApplications(fresh, owner, { after: first.nextAfter! });
    expect(second.applications.map((a) => a.sequence)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(second.nextAfter).toBeNull();

    const all = [...first.applications, ...second.applications].map((a) => a.id);
    expect(new Set(all)).toEqual(new Set(ids));

    const others = await listApplications(fresh, other);
    expect(others.applications).toHaveLength(1);
    expect(others.applications[0]!.sequence).toBe(31);
  });

  it("filters finished and active applications", async () => {
    const actor: Actor = { kind: "resident", id: owner, role: "resident" };
    for (const id of ids.slice(0, 3)) {
      expect(await applyCommand(fresh, { applicationId: id, command: "withdraw", actor })).toMatchObject({ ok: true });
    }
    const done = await listApplications(fresh, owner, { filter: "done" });
    expect(done.applications.map((a) => a.sequence)).toEqual([3, 2, 1]);
    expect(done.applications.every((a) => a.status === "withdrawn")).toBe(true);
    expect(done.nextAfter).toBeNull();

    const active = await listApplications(fresh, owner, { filter: "active" });
    expect(active.applications).toHaveLength(20);
    expect(active.applications.every((a) => a.status === "sent")).toBe(true);
    const rest = await listApplications(fresh, owner, { filter: "active", after: active.nextAfter! });
    expect(rest.applications.map((a) => a.sequence)).toEqual([10, 9, 8, 7, 6, 5, 4]);
    expect(rest.nextAfter).toBeNull();

    expect((await listApplications(fresh, owner, { filter: "action" })).applications).toEqual([]);
  });
});
