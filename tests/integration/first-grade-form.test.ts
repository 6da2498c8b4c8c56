import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any module reads the configuration: mail goes to the sink below over real SMTP.
const smtpPort = await vi.hoisted(async () => (await import("../support/free-port")).mailToFreePort());

import type { PrismaClient } from "~/generated/prisma/client";
import { mailPendingNotifications } from "~/mail/notification-mail.server";
import { clearAnswersNoLongerAsked, loadDraftStep, stepValues } from "~/domain/applications/apply.server";
import {
  checkSubmission,
  createDraft,
  getDraft,
  saveDraftAnswers,
  submitApplication,
} from "~/domain/applications/applications.server";
import { readEnrollmentClaim } from "~/domain/enrollment/enrollment.server";
import { scheduleSubmission, sendDueSubmissions } from "~/domain/enrollment/scheduled-submission.server";
import { storeUpload, uploadReference } from "~/domain/uploads/uploads.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { stepSchema } from "~/domain/forms/form-schema";
import { seedDemoData } from "../../seeds/demo";
import { pdf } from "../fixtures/documents";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { temporaryUploadDir } from "../support/upload-dir";
import { createTestDatabase } from "./test-database";

/*
 * The first-grade form asks what the rules need (docs/enrollment.md, "The application form"): the
 * ground of a priority right and its proof, the sibling's details, the ПМПК conclusion with the
 * parent's consent, the proof of registration. What it asks becomes the claim, the flags and the
 * class on the school's list; a dependent answer not asked is dropped; the profile prefills the
 * certificate and the address; a scheduled draft refused at the opening is told to the parent.
 */
const SERVICE = "58-EDU-001";
const HOUSE = { locality: "Пенза", street: "ул. Московская", house: "13" };
const december = new Date("2026-12-01T09:00:00Z");
const uploads = temporaryUploadDir("portal-first-grade-");
const inbox: ReceivedMail[] = [];
let db: PrismaClient;
let dispose: () => Promise<void>;
let stopSink: () => Promise<void>;

beforeAll(async () => {
  uploads.use();
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  stopSink = await startSmtpSink(smtpPort, (mail) => inbox.push(mail));
  // Stage 1 of 2027 has opened (since 1 December 2026, for these tests).
  const stages = {
    stage1OpensAt: new Date("2026-11-30T21:00:00.000Z"),
    stage1EndsAt: new Date("2027-06-30T20:59:59.999Z"),
    stage2OpensAt: new Date("2027-07-05T21:00:00.000Z"),
    stage2EndsAt: new Date("2027-09-05T20:59:59.999Z"),
  };
  await db.enrollmentCampaign.upsert({ where: { year: 2027 }, create: { year: 2027, ...stages }, update: stages });
});
afterAll(async () => {
  await stopSink();
  await dispose();
  uploads.restore();
});

let n = 0;
/** A parent with a full profile (address: ул. Московская, 13) and one child of six and a half in 2027. */
async function parent(childBirthDate = "2021-01-15") {
  n += 1;
  const email = `first-grade-${n}@example.ru`;
  const { userId, child } = await createParent(db, {
    email,
    seed: 8100 + n,
    name: { lastName: "Формова", firstName: "Анна" },
    apartment: "7",
    child: { lastName: "Формов", firstName: "Лев", birthDate: childBirthDate, birthCertificate: `I-ИЗ ${810000 + n}` },
  });
  return { userId, email, child, certificate: child.birthCertificate };
}

async function upload(ownerId: string, draftId: string, field: string) {
  const stored = await storeUpload(db, {
    ownerId,
    applicationId: draftId,
    field,
    file: new File([pdf()], `${field}.pdf`, { type: "application/pdf" }),
    rules: { accept: ["application/pdf"], maxSizeMb: 10 },
  });
  if (!stored.ok) throw new Error(`upload refused: ${stored.error}`);
  return uploadReference(stored.upload.id);
}

type Parent = Awaited<ReturnType<typeof parent>>;

/** A complete draft (every required answer, no priority), with the answers given on top. */
const draft = (who: Parent, answers: Record<string, unknown> = {}) =>
  saveFirstGradeDraft(db, who.userId, { child: who.child, school: "112", answers });

async function submitted(who: Parent, draftId: string) {
  const result = await submitApplication(db, { applicantId: who.userId, draftId, ip: "192.0.2.7", now: december });
  if (!result.ok) throw new Error(`not submitted: ${JSON.stringify(result)}`);
  return db.application.findUniqueOrThrow({ where: { id: draftId }, include: { enrollment: true } });
}

const flagsOf = (application: { enrollment: { flags: string } | null }) =>
  JSON.parse(application.enrollment!.flags) as string[];

describe("a priority right with its ground and proof, on the school's list", () => {
  it("no right: ranked with the territory; flagged only for the proof of registration not attached", async () => {
    const who = await parent();
    const application = await submitted(who, await draft(who));
    expect(application.enrollment).toMatchObject({ schoolCode: "112", stage: 1, rankClass: 3, inTerritory: true });
    expect(flagsOf(application)).toEqual(["registrationProofMissing"]);
  });

  it("the proof of registration attached: no flag at all", async () => {
    const who = await parent();
    const draftId = await draft(who);
    await saveDraftAnswers(
      db,
      who.userId,
      draftId,
      { registrationProof: await upload(who.userId, draftId, "registrationProof") },
      "review",
    );
    expect(flagsOf(await submitted(who, draftId))).toEqual([]);
  });

  it("a fallen serviceman's child with the certificate: out of turn at any school, nothing to check", async () => {
    const who = await parent();
    const draftId = await draft(who, { priority: "extraordinary", extraordinaryGround: "fallenServiceman" });
    await saveDraftAnswers(
      db,
      who.userId,
      draftId,
      {
        priorityProof: await upload(who.userId, draftId, "priorityProof"),
        registrationProof: await upload(who.userId, draftId, "registrationProof"),
      },
      "review",
    );
    const application = await submitted(who, draftId);
    expect(application.enrollment!.rankClass).toBe(0);
    expect(flagsOf(application)).toEqual([]);
  });

  it("a judge's child at an ordinary school: ranked without priority, flagged; at the boarding school: out of turn", async () => {
    const ordinary = await parent();
    const atOrdinary = await submitted(
      ordinary,
      await draft(ordinary, { priority: "extraordinary", extraordinaryGround: "prosecutorJudgeInvestigator" }),
    );
    expect(atOrdinary.enrollment!.rankClass).toBe(3);
    expect(flagsOf(atOrdinary)).toEqual(["proofMissing", "boardingOnlyRight", "registrationProofMissing"]);

    // School No. 125 is the boarding school; house 999 is not in the address list (checked by hand).
    const boarding = await parent();
    const atBoarding = await submitted(
      boarding,
      await draft(boarding, {
        school: "125",
        childAddress: { ...HOUSE, house: "999" },
        priority: "extraordinary",
        extraordinaryGround: "prosecutorJudgeInvestigator",
      }),
    );
    expect(atBoarding.enrollment).toMatchObject({ schoolCode: "125", rankClass: 0 });
    expect(flagsOf(atBoarding)).toEqual(["proofMissing", "registrationProofMissing", "addressNotInList"]);
  });

  it("a police officer's child without the certificate: first priority, flagged for the school to check", async () => {
    const who = await parent();
    const draftId = await draft(who, { priority: "first", firstGround: "police" });
    const claim = await readEnrollmentClaim(db, {
      applicantId: who.userId,
      answers: (await getDraft(db, who.userId, draftId))!.answers,
      year: 2027,
    });
    expect(claim!.priority).toEqual({ class: "first", ground: "police", employerCertificateFileId: null });
    const application = await submitted(who, draftId);
    expect(application.enrollment!.rankClass).toBe(1);
    expect(flagsOf(application)).toContain("proofMissing");
  });

  it("a ground must be chosen for the class, and be one of that class", async () => {
    const who = await parent();
    const none = await draft(who, { priority: "first" });
    expect(await checkSubmission(db, { applicantId: who.userId, draftId: none, now: december })).toMatchObject({
      ok: false,
      error: "invalid",
      stepId: "school",
    });
    const wrongClass = await draft(who, { priority: "first", firstGround: "fallenServiceman" });
    expect(await checkSubmission(db, { applicantId: who.userId, draftId: wrongClass, now: december })).toMatchObject({
      ok: false,
      error: "invalid",
      stepId: "school",
    });
  });

  it("a sibling right needs the sibling's name, birth date and class; with them it ranks as преимущественное", async () => {
    const who = await parent();
    const without = await draft(who, { priority: "sibling" });
    expect(await checkSubmission(db, { applicantId: who.userId, draftId: without, now: december })).toMatchObject({
      ok: false,
      error: "invalid",
      stepId: "school",
    });
    const badClass = await draft(who, {
      priority: "sibling",
      siblingName: "Формова Мария",
      siblingBirthDate: "12.04.2018",
      siblingClass: "13Б",
    });
    expect(await checkSubmission(db, { applicantId: who.userId, draftId: badClass, now: december })).toMatchObject({
      ok: false,
      error: "invalid",
      stepId: "school",
    });
    const draftId = await draft(who, {
      priority: "sibling",
      siblingName: "Формова Мария",
      siblingBirthDate: "12.04.2018",
      siblingClass: "3Б",
    });
    const application = await submitted(who, draftId);
    expect(application.enrollment!.rankClass).toBe(2);
    expect(flagsOf(application)).not.toContain("proofMissing");
    const answers = JSON.parse(application.answers) as Record<string, unknown>;
    expect(answers).toMatchObject({ siblingName: "Формова Мария", siblingBirthDate: "2018-04-12", siblingClass: "3Б" });
  });

  it("an adapted programme needs the parent's consent; without the ПМПК conclusion it is flagged", async () => {
    const who = await parent();
    const noConsent = await draft(who, { adaptedProgramme: "on" });
    expect(await checkSubmission(db, { applicantId: who.userId, draftId: noConsent, now: december })).toMatchObject({
      ok: false,
      error: "invalid",
      stepId: "school",
    });
    const withoutPmpk = await submitted(
      who,
      await draft(who, { adaptedProgramme: "on", adaptedProgrammeConsent: "on" }),
    );
    expect(flagsOf(withoutPmpk)).toContain("adaptedProgrammeWithoutPmpk");

    const other = await parent();
    const draftId = await draft(other, { adaptedProgramme: "on", adaptedProgrammeConsent: "on", school: "115" });
    await saveDraftAnswers(
      db,
      other.userId,
      draftId,
      { pmpkConclusion: await upload(other.userId, draftId, "pmpkConclusion") },
      "review",
    );
    const withPmpk = await submitted(other, draftId);
    expect(flagsOf(withPmpk)).not.toContain("adaptedProgrammeWithoutPmpk");
    expect(JSON.parse(withPmpk.answers)).toMatchObject({ adaptedProgramme: true, adaptedProgrammeConsent: true });
  });
});

describe("an answer to a question not asked", () => {
  it("is dropped from the submitted application, whatever was typed", async () => {
    const who = await parent();
    const draftId = await draft(who, {
      priority: "none",
      firstGround: "police",
      siblingName: "<b>Кто-то</b>",
      siblingClass: "99",
      adaptedProgrammeConsent: "on",
    });
    const application = await submitted(who, draftId);
    const answers = JSON.parse(application.answers) as Record<string, unknown>;
    for (const name of ["firstGround", "siblingName", "siblingClass", "adaptedProgrammeConsent"]) {
      expect(answers, name).not.toHaveProperty(name);
    }
    expect(flagsOf(application)).not.toContain("proofMissing");
  });

  it("is not kept from a posted step, even as typed with a mistake elsewhere", async () => {
    const who = await parent();
    const draftId = await draft(who);
    const view = (await loadDraftStep(db, {
      applicantId: who.userId,
      slug: "first-grade-enrollment",
      draftId,
      stepId: "school",
      language: "ru",
    }))!;
    const posted = new FormData();
    for (const [name, value] of Object.entries({
      school: "112",
      priority: "none",
      siblingName: "Мария",
      language: "",
    })) {
      posted.set(name, value);
    }
    const submission = parseWithZod(posted, { schema: stepSchema(view.step, view.context) });
    expect(submission.status).toBe("error");
    const values = stepValues(view.step, submission, view.context);
    expect(values.siblingName).toBeUndefined();
    expect(values.priority).toBe("none");
  });

  it("of a later step is cleared with its document once the answer it depends on changes", async () => {
    const who = await parent();
    const draftId = await draft(who, { priority: "first", firstGround: "customs" });
    const proof = await upload(who.userId, draftId, "priorityProof");
    await saveDraftAnswers(db, who.userId, draftId, { priorityProof: proof }, "documents");
    // The parent goes back to the school step and gives up the right.
    const found = (await getDraft(db, who.userId, draftId))!;
    await saveDraftAnswers(db, who.userId, draftId, { priority: "none" }, "applicant");
    await clearAnswersNoLongerAsked(db, {
      applicantId: who.userId,
      draftId,
      form: found.form,
      before: found.answers,
      after: { ...found.answers, priority: "none" },
      currentStep: "applicant",
    });
    const after = (await getDraft(db, who.userId, draftId))!;
    expect(after.answers).not.toHaveProperty("priorityProof");
    expect(after.answers).not.toHaveProperty("firstGround");
    expect(await db.upload.count({ where: { id: proof.slice("upload:".length) } })).toBe(0);
    expect(after.draft.currentStep).toBe("applicant");

    // The same when the documents step itself dropped the answer (the right was given up on a
    // school step saved with a mistake): the file goes with it.
    const second = await draft(who, { priority: "first", firstGround: "customs" });
    const file = await upload(who.userId, second, "priorityProof");
    await saveDraftAnswers(db, who.userId, second, { priority: "none", priorityProof: file }, "documents");
    const before = (await getDraft(db, who.userId, second))!;
    await saveDraftAnswers(db, who.userId, second, { priorityProof: undefined }, "declaration");
    await clearAnswersNoLongerAsked(db, {
      applicantId: who.userId,
      draftId: second,
      form: before.form,
      before: before.answers,
      after: { ...before.answers, priorityProof: undefined },
      currentStep: "declaration",
    });
    expect(await db.upload.count({ where: { id: file.slice("upload:".length) } })).toBe(0);
  });

  it("of the documents step is judged by the school step's saved answer", async () => {
    const who = await parent();
    const draftId = await draft(who, { priority: "first", firstGround: "customs" });
    const documents = (await loadDraftStep(db, {
      applicantId: who.userId,
      slug: "first-grade-enrollment",
      draftId,
      stepId: "documents",
      language: "ru",
    }))!;
    // The step knows only the answers its conditions look at, not the whole draft.
    expect(documents.context.answers).toEqual({ priority: "first", adaptedProgramme: undefined });
    const parsed = stepSchema(documents.step, documents.context).safeParse({ pmpkConclusion: "upload:abcdefgh12" });
    expect(parsed.data).toEqual({});
  });
});

describe("prefilled from the profile", () => {
  it("a new draft has the address of the profile as the child's address", async () => {
    const who = await parent();
    const draftId = await createDraft(db, who.userId, SERVICE);
    const { answers } = (await getDraft(db, who.userId, draftId))!;
    expect(answers.childAddress).toEqual({ ...HOUSE, apartment: "7" });
    expect(answers).not.toHaveProperty("birthCertificate");
  });

  it("the chosen child's birth certificate fills the step, and what the parent typed stays", async () => {
    const who = await parent();
    const draftId = await createDraft(db, who.userId, SERVICE);
    await saveDraftAnswers(db, who.userId, draftId, { child: who.child.id }, "child");
    const step = {
      applicantId: who.userId,
      slug: "first-grade-enrollment",
      draftId,
      stepId: "child",
      language: "ru" as const,
    };
    expect((await loadDraftStep(db, step))!.answers.birthCertificate).toBe(who.certificate);

    await saveDraftAnswers(db, who.userId, draftId, { birthCertificate: "II-ИЗ 555555" }, "child");
    expect((await loadDraftStep(db, step))!.answers.birthCertificate).toBe("II-ИЗ 555555");
  });
});

describe("a scheduled draft that is no longer valid at the opening", () => {
  it("is not sent, and the parent is told why — in the portal and by mail with a link to the draft", async () => {
    const who = await parent();
    const draftId = await draft(who);
    const opensAt = new Date(Date.now() - 1_000);
    await db.enrollmentCampaign.update({ where: { year: 2027 }, data: { stage1OpensAt: opensAt } });
    try {
      // Scheduled before the opening (the clock of that moment is given).
      const scheduled = await scheduleSubmission(db, {
        applicantId: who.userId,
        draftId,
        ip: "192.0.2.8",
        now: new Date(opensAt.getTime() - 60_000),
      });
      expect(scheduled).toEqual({ ok: true, sendAt: opensAt });
      // Then the parent asks for an adapted programme without the consent it needs.
      await saveDraftAnswers(db, who.userId, draftId, { adaptedProgramme: "on" }, "review");

      expect(await sendDueSubmissions(db)).toEqual({ sent: 0, refused: 1 });
      const row = await db.scheduledSubmission.findUniqueOrThrow({ where: { draftId } });
      expect(row).toMatchObject({ state: "refused", reason: "invalid:school" });
      expect((await db.application.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("draft");
      const notices = await db.notification.findMany({ where: { userId: who.userId } });
      expect(notices).toMatchObject([{ applicationId: draftId, status: "scheduledRefused", readAt: null }]);

      expect(await mailPendingNotifications(db, "https://portal.test")).toBeGreaterThanOrEqual(1);
      await expect.poll(() => inbox.filter((m) => m.to.includes(who.email)).length).toBe(1);
      const mail = inbox.find((m) => m.to.includes(who.email))!;
      expect(mail.subject).toBe("Запланированное заявление не отправлено");
      expect(mail.text).toContain("в ответах нужно исправить ошибки");
      expect(mail.text).toContain("«Запись в первый класс»");
      expect(mail.text).toContain(`https://portal.test/services/first-grade-enrollment/apply/${draftId}/review`);
      expect((await db.notification.findFirstOrThrow({ where: { userId: who.userId } })).mailedAt).not.toBeNull();
      // Told once: another pass sends nothing more.
      await sendDueSubmissions(db);
      await mailPendingNotifications(db, "https://portal.test");
      expect(await db.notification.count({ where: { userId: who.userId } })).toBe(1);
      expect(inbox.filter((m) => m.to.includes(who.email))).toHaveLength(1);
    } finally {
      await db.enrollmentCampaign.update({
        where: { year: 2027 },
        data: { stage1OpensAt: new Date("2026-11-30T21:00:00.000Z") },
      });
    }
  });
});
