import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any module reads the configuration: mail goes to the sink below over real SMTP.
const smtpPort = await vi.hoisted(async () => (await import("../support/free-port")).mailToFreePort());

import type { PrismaClient } from "~/generated/prisma/client";
import { confirmEmail, registerResident } from "~/domain/accounts/accounts.server";
import type { RoleGrant } from "~/domain/accounts/roles";
import { mailPendingNotifications } from "~/mail/notification-mail.server";
import { getApplicationPage } from "~/domain/applications/application-view.server";
import { createDraft, getChildren, saveDraftAnswers } from "~/domain/applications/applications.server";
import { listDraftRows } from "~/domain/applications/draft-list.server";
import { getStaffApplicationPage, takeApplication } from "~/domain/office/casework.server";
import { getIndicatorDetail } from "~/domain/indicators/indicator-detail.server";
import { indicatorsForPeriod } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { applyCommand } from "~/domain/applications/transitions.server";
import { formatDate } from "~/domain/region/dates";
import { formatNumber } from "~/domain/region/numbers";
import { regionDate } from "~/domain/region/clock";
import { translatorFor } from "~/i18n/translate.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { temporaryUploadDir } from "../support/upload-dir";
import { LARGE_FAMILY, SERVICE, SOCIAL_OFFICER, submitted, userIdOf } from "./resident-applications";
import { createTestDatabase } from "./test-database";
import { composeAccountMail } from "~/mail/account-mail.server";

/*
 * The stumbles of a new resident's and a new officer's first days (issue 14), on a real database
 * with mail over real SMTP: what the mails say, taking a new application into work in one act and
 * what the resident then sees, the drafts list, and the indicators' one reading of the statistics.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
let stopSink: () => Promise<void>;
const inbox: ReceivedMail[] = [];
let resident: string;
let officer: { id: string; roles: RoleGrant[] };

const uploads = temporaryUploadDir("portal-stumbles-uploads-");

beforeAll(async () => {
  uploads.use();
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  stopSink = await startSmtpSink(smtpPort, (mail) => inbox.push(mail));
  resident = await userIdOf(db, LARGE_FAMILY);
  officer = (await demoStaff(db, SOCIAL_OFFICER)).actor;
});
afterAll(async () => {
  await stopSink();
  await dispose();
  uploads.restore();
});

const mailsAbout = (number: string) => inbox.filter((m) => m.subject.includes(number));

describe("the mails a new resident gets", () => {
  it("give the deadline of a submission as a date, without a double stop after «г.»", async () => {
    const { id, number } = await submitted(db, resident);
    const { deadline } = await db.application.findUniqueOrThrow({ where: { id } });
    await mailPendingNotifications(db, "https://portal.test");
    const [mail] = mailsAbout(number);
    expect(mail?.subject).toBe(`Заявление № ${number} принято`);
    expect(mail!.text).toContain(`Срок рассмотрения: до ${formatDate(deadline!, "ru")}\n`);
    expect(formatDate(deadline!, "ru")).toMatch(/ г\.$/);
    expect(mail!.text).not.toContain("г..");
  });

  it("promise on confirming an address only what the link does: it confirms, the person then signs in", async () => {
    const email = "new-resident@example.ru";
    const origin = {
      ip: "10.9.0.1",
      language: "ru" as const,
      publicUrl: "https://portal.test",
      compose: composeAccountMail,
      mailsPerHour: 10,
    };
    await registerResident(db, { email, password: "длинная фраза для проверки почты" }, origin);
    const mail = inbox.filter((m) => m.to.includes(email)).at(-1)!;
    expect(mail.subject).toBe("Подтвердите адрес электронной почты");
    expect(mail.text).not.toContain("и войти");
    expect(mail.text).toContain("войдите на портал с адресом почты и паролем");
    const token = new URL(/https:\/\/portal\.test\/confirm-email\?token=[\w-]+/.exec(mail.text)![0]).searchParams.get(
      "token",
    )!;
    const userId = await confirmEmail(db, token);
    expect(userId).toBeTruthy();
    // The link confirmed the address and opened no session: the mail no longer says it would.
    expect(await db.session.count({ where: { userId: userId! } })).toBe(0);
  });
});

describe("taking a new application into work", () => {
  it("is one act: the officer's own, registered and under review, each change its own event", async () => {
    const { id, number } = await submitted(db, resident);
    await mailPendingNotifications(db, "https://portal.test");
    const before = await db.application.findUniqueOrThrow({ where: { id } });
    expect(before.status).toBe("sent");

    const page = await getStaffApplicationPage(db, { actor: officer, number, language: "ru" });
    // One button does it; the steps it takes are not offered beside it.
    expect(page).toMatchObject({ canTake: true, takeStartsReview: true });
    expect(page!.commands).not.toContain("acknowledge");
    expect(page!.commands).not.toContain("startReview");

    expect(await takeApplication(db, { actor: officer, number, expectedVersion: before.version })).toEqual({
      ok: true,
      from: "sent",
      to: "inReview",
    });
    const after = await db.application.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "inReview", assigneeId: officer.id, version: before.version + 3 });
    const events = await db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.command, e.fromStatus, e.toStatus])).toEqual([
      ["submit", "draft", "registered"],
      ["forward", "registered", "sent"],
      ["assign", "sent", "sent"],
      ["acknowledge", "sent", "received"],
      ["startReview", "received", "inReview"],
    ]);
    const audit = await db.auditEvent.findMany({ where: { subjectId: number }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "application.assign",
      "application.acknowledge",
      "application.startReview",
    ]);

    // The officer's page now offers the real work.
    const working = await getStaffApplicationPage(db, { actor: officer, number, language: "ru" });
    expect(working).toMatchObject({ canTake: false });
    expect(working!.commands).toEqual(expect.arrayContaining(["requestInfo", "complete", "refuse"]));

    // The resident's history names each status once, and hears of the act once.
    const view = await getApplicationPage(db, { applicantId: resident, number, language: "ru" });
    const statuses = view!.timeline.map((e) => e.status);
    expect(statuses).toEqual(["registered", "sent", "received", "inReview"]);
    expect(new Set(statuses).size).toBe(statuses.length);
    const notifications = await db.notification.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(notifications.map((n) => n.status)).toEqual(["sent", "inReview"]);
    await mailPendingNotifications(db, "https://portal.test");
    expect(mailsAbout(number).map((m) => m.subject)).toEqual([
      `Заявление № ${number} принято`,
      `Заявление № ${number}: Заявление принято к рассмотрению`,
    ]);
  });

  it("refuses a page seen before another officer acted, changing nothing", async () => {
    const { id, number } = await submitted(db, resident);
    const seen = await db.application.findUniqueOrThrow({ where: { id } });
    await applyCommand(db, {
      applicationId: id,
      command: "acknowledge",
      actor: { kind: "staff", id: null, role: "officer" },
    });
    const moved = await db.application.findUniqueOrThrow({ where: { id } });
    expect(await takeApplication(db, { actor: officer, number, expectedVersion: seen.version })).toEqual({
      ok: false,
      error: "conflict",
    });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "received",
      assigneeId: null,
      version: moved.version,
    });
    // On the page as it is now, taking it starts the review (registration was done).
    expect(await takeApplication(db, { actor: officer, number, expectedVersion: moved.version })).toEqual({
      ok: true,
      from: "received",
      to: "inReview",
    });
    // Taken and under review: there is nothing left for "take" to do.
    const now = await db.application.findUniqueOrThrow({ where: { id } });
    expect(await takeApplication(db, { actor: officer, number, expectedVersion: now.version })).toEqual({
      ok: false,
      error: "not-allowed",
    });
  });
});

describe("the resident's drafts", () => {
  it("are told apart: whom each is for, its step and the date it was saved", async () => {
    const children = await getChildren(db, resident);
    const first = await createDraft(db, resident, SERVICE);
    const second = await createDraft(db, resident, SERVICE);
    await saveDraftAnswers(db, resident, first, { firstChild: children[0]!.id }, "documents");
    await saveDraftAnswers(db, resident, second, { firstChild: children[1]!.id }, "children");
    const rows = (await listDraftRows(db, resident, "ru")).filter((r) => r.id === first || r.id === second);
    expect(rows).toHaveLength(2);
    const [a, b] = [rows.find((r) => r.id === first)!, rows.find((r) => r.id === second)!];
    expect(a.children).toEqual([children[0]!.name]);
    expect(b.children).toEqual([children[1]!.name]);
    expect(a.resumesAt).toEqual({ kind: "step", number: 4, total: 5, title: "Документы" });
    expect(b.resumesAt).toEqual({ kind: "step", number: 3, total: 5, title: "Дети" });
    // With the date, even when saved today.
    expect(a.savedAt).toMatch(/\d{1,2} [а-я]+ \d{4} г\./);
    expect(a.href).toBe(`/services/large-family-status/apply/${first}/documents`);
  });
});

describe("the indicators' detail page", () => {
  it("reads the statistics once and its breakdowns add up to the same figures as each slice alone", async () => {
    const period = regionDate().slice(0, 4);
    const search = new URLSearchParams({ period });
    const detail = await getIndicatorDetail(db, { code: "e-applications", search, language: "ru" });
    expect(detail).not.toBeNull();
    const byMunicipality = detail!.breakdowns.find((b) => b.key === "municipality")!.rows;
    const alone = await indicatorsForPeriod(db, parsePeriod(period)!, { municipality: "56701000" });
    const penza = byMunicipality.find((r) => r.key === "56701000")!;
    expect(penza.numerator).toBe(formatNumber(alone.find((v) => v.code === "e-applications")!.numerator!, "ru", 0));
    // A new submission moves the statistics revision: the page shows it at once.
    const count = (d: typeof detail) => Number(d!.figures.value.replace(/\D/g, ""));
    await submitted(db, resident);
    const later = await getIndicatorDetail(db, { code: "e-applications", search, language: "ru" });
    expect(count(later)).toBe(count(detail) + 1);
  });

  it("marks the period still going on, and gives no figure to one not begun", async () => {
    const today = regionDate();
    const detail = await getIndicatorDetail(db, {
      code: "mszu-online",
      search: new URLSearchParams({ period: today.slice(0, 4) }),
      language: "ru",
    });
    const thisMonth = detail!.byMonth.find((p) => p.key === today.slice(0, 7))!;
    expect(thisMonth.partial).toBe(true);
    expect(detail!.byMonth.filter((p) => p.partial)).toHaveLength(1);
    for (const later of detail!.byMonth.filter((p) => p.key > today.slice(0, 7))) {
      expect(later.value, later.key).toBeNull();
    }
    expect(detail!.byYear.at(-1)).toMatchObject({ key: today.slice(0, 4), partial: true });
    expect(detail!.periodPartial).toBe(true);
  });
});

describe("the first-grade review page's declaration", () => {
  it("names the button as the page labels it, in both languages (a parent's trial of first-grade enrollment)", () => {
    for (const [language, quoted] of [
      ["ru", (label: string) => `«${label}»`],
      ["en", (label: string) => `“${label}”`],
    ] as const) {
      const t = translatorFor(language);
      expect(t("enrollment:window.declaration"), language).toContain(quoted(t("applications:review.submit")));
    }
  });
});
