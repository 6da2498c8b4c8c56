import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RoleGrant } from "~/domain/accounts/roles";
import { deleteResidentAccount, describeAccountDeletion } from "~/domain/accounts/account-deletion.server";
import { signIn } from "~/domain/accounts/accounts.server";
import { createSession, resolveSession } from "~/domain/accounts/sessions.server";
import { createDraft } from "~/domain/applications/applications.server";
import { rateApplication } from "~/domain/applications/ratings.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import { getStaffApplicationPage, staffScope } from "~/domain/office/casework.server";
import { parseQueueQuery } from "~/domain/office/queues";
import { listQueue } from "~/domain/office/queues.server";
import { uploadDirectory } from "~/domain/uploads/uploads.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { temporaryUploadDir } from "../support/upload-dir";
import { indicatorSnapshot } from "./indicator-snapshot";
import {
  completeDraft,
  decided,
  LARGE_FAMILY,
  SERVICE,
  SOCIAL_OFFICER,
  storePdf,
  submitted,
  userIdOf,
} from "./resident-applications";
import { createTestDatabase } from "./test-database";

const PASSWORD = "penza-demo-2026";
const uploads = temporaryUploadDir("portal-deletion-uploads-");

let db: PrismaClient;
let url: string;
let dispose: () => Promise<void>;
let resident: string;
let officer: Actor;
let officerRoles: RoleGrant[];

beforeAll(async () => {
  uploads.use();
  ({ db, url, dispose } = await createTestDatabase());
  await seedDemoData(db);
  resident = await userIdOf(db, LARGE_FAMILY);
  const { actor } = await demoStaff(db, SOCIAL_OFFICER);
  officer = { kind: "staff", id: actor.id, role: "officer" };
  officerRoles = actor.roles;
}, 60_000);
afterAll(async () => {
  await dispose();
  uploads.restore();
});

const fileOf = async (uploadId: string) => {
  const row = await db.upload.findUnique({ where: { id: uploadId }, select: { storedName: true } });
  return row ? path.join(uploadDirectory(), row.storedName) : null;
};

describe("deleting a resident's account", () => {
  it("refuses staff accounts and a wrong password, and deletes nothing", async () => {
    expect(await deleteResidentAccount(db, { userId: officer.id!, password: PASSWORD })).toEqual({
      ok: false,
      error: "staff",
    });
    expect(await deleteResidentAccount(db, { userId: resident, password: "not the password" })).toEqual({
      ok: false,
      error: "wrong-password",
    });
    expect(await db.user.count({ where: { id: { in: [resident, officer.id!] } } })).toBe(2);
    expect((await describeAccountDeletion(db, officer.id!))?.staff).toBe(true);
  });

  it("removes the account, profile, children, sessions, drafts and their files at once, keeps submitted applications, and leaves every indicator as it was", async () => {
    const done = await submitted(db, resident);
    await decided(db, done.id, officer);
    expect(await rateApplication(db, { applicantId: resident, applicationId: done.id, score: 5 })).toBe("ok");
    const open = await submitted(db, resident);
    const draft = await completeDraft(db, resident);
    const emptyDraft = await createDraft(db, resident, SERVICE);
    const loose = await storePdf(db, resident, null);
    const session = await createSession(db, resident, false);
    await db.pendingAnswers.create({
      data: {
        tokenHash: "pending-of-the-draft",
        userId: resident,
        applicationId: draft.draftId,
        step: "children",
        answers: "{}",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const profile = await db.profile.findUniqueOrThrow({ where: { userId: resident } });
    const children = await db.child.findMany({ where: { userId: resident } });
    const goingFiles = [(await fileOf(draft.photoId))!, (await fileOf(loose.id))!];
    const keptFiles = [(await fileOf(done.photoId))!, (await fileOf(open.photoId))!];
    for (const file of [...goingFiles, ...keptFiles]) expect(existsSync(file)).toBe(true);
    const eventsBefore = await db.applicationEvent.count({ where: { applicationId: { in: [done.id, open.id] } } });

    const described = await describeAccountDeletion(db, resident);
    expect(described).toMatchObject({ staff: false, profile: true, children: children.length, drafts: 2 });
    expect(described!.kept.map((k) => [k.number, k.retentionYears])).toEqual([
      [done.number, 5],
      [open.number, 5],
    ]);
    expect(described!.kept[0]!.purgeAfter!.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 5);
    expect(described!.kept[1]!.purgeAfter).toBeNull(); // not decided yet: kept until 5 years after it is

    const slices = [{}, { service: SERVICE }, { category: "social-support" }, { municipality: profile.addressOktmo }];
    const before = await indicatorSnapshot(url, slices);

    const result = await deleteResidentAccount(db, { userId: resident, password: PASSWORD });
    expect(result).toEqual({
      ok: true,
      counts: {
        drafts: 2,
        children: children.length,
        documents: 2,
        keptApplications: 2,
        consentsWithdrawn: expect.any(Number) as number,
      },
    });

    // Gone at once: rows and files.
    expect(await db.user.findUnique({ where: { id: resident } })).toBeNull();
    expect(await db.user.findUnique({ where: { email: LARGE_FAMILY } })).toBeNull();
    expect(await db.profile.count({ where: { userId: resident } })).toBe(0);
    expect(await db.child.count({ where: { id: { in: children.map((c) => c.id) } } })).toBe(0);
    expect(await db.identity.count({ where: { userId: resident } })).toBe(0);
    expect(await db.session.count({ where: { userId: resident } })).toBe(0);
    expect(await db.emailToken.count({ where: { userId: resident } })).toBe(0);
    expect(await db.roleAssignment.count({ where: { userId: resident } })).toBe(0);
    expect(await db.notification.count({ where: { userId: resident } })).toBe(0);
    expect(await db.pendingAnswers.count({ where: { applicationId: draft.draftId } })).toBe(0);
    expect(await db.application.count({ where: { id: { in: [draft.draftId, emptyDraft] } } })).toBe(0);
    expect(await db.upload.count({ where: { id: { in: [draft.photoId, loose.id] } } })).toBe(0);
    for (const file of goingFiles) expect(existsSync(file)).toBe(false);
    expect(await resolveSession(db, session.token)).toBeNull();
    expect(await signIn(db, { email: LARGE_FAMILY, password: PASSWORD, remember: false }, { ip: "192.0.2.1" })).toEqual(
      { ok: false, reason: "invalid" },
    );

    // Kept without the account: the applications, their events and documents.
    const kept = await db.application.findMany({
      where: { id: { in: [done.id, open.id] } },
      orderBy: { sequence: "asc" },
    });
    expect(kept.map((a) => [a.number, a.applicantId, a.status])).toEqual([
      [done.number, null, "completed"],
      [open.number, null, "sent"],
    ]);
    expect(kept.every((a) => !!a.applicantName)).toBe(true);
    expect(await db.applicationEvent.count({ where: { applicationId: { in: [done.id, open.id] } } })).toBe(
      eventsBefore,
    );
    expect(
      await db.upload.findMany({ where: { id: { in: [done.photoId, open.photoId] } }, select: { ownerId: true } }),
    ).toEqual([{ ownerId: null }, { ownerId: null }]);
    for (const file of keptFiles) expect(existsSync(file)).toBe(true);

    // The withdrawal is recorded: consents marked withdrawn, kept without the person or the address.
    const consents = await db.consent.findMany({ where: { userId: null } });
    expect(consents.length).toBeGreaterThanOrEqual(3); // the account's and one per submitted application
    expect(consents.every((c) => c.withdrawnAt !== null && c.ip === "")).toBe(true);
    expect(new Set(consents.map((c) => c.purpose))).toEqual(new Set(["account", `application:${SERVICE}`]));

    // Audited with ids and counts only.
    const audit = await db.auditEvent.findMany({
      where: { subjectId: resident, action: { in: ["account.deleted", "consent.withdrawn"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["account.deleted", "consent.withdrawn"]);
    const trail = JSON.stringify(audit);
    for (const personal of [LARGE_FAMILY, profile.lastName, profile.snils, profile.phone, profile.passportNumber]) {
      expect(trail).not.toContain(personal);
    }

    // Every indicator is as it was (a fresh client: nothing from a cache).
    expect(await indicatorSnapshot(url, slices)).toEqual(before);

    // The department goes on working the open application; nobody is notified.
    const scope = { ...(await staffScope(db, officerRoles)), officerId: officer.id!, today: "2026-12-01" };
    const queue = await listQueue(db, scope, parseQueueQuery(new URLSearchParams({ queue: "new" })));
    expect(queue.rows.map((r) => r.number)).toContain(open.number);
    const page = await getStaffApplicationPage(db, {
      actor: { id: officer.id!, roles: officerRoles },
      number: open.number,
      language: "ru",
    });
    expect(page?.applicantName).toBe(kept[1]!.applicantName);
    const shown = JSON.stringify(page?.sections);
    for (const child of children.slice(0, 3)) expect(shown).toContain(child.firstName); // names kept in the application
    expect(await applyCommand(db, { applicationId: open.id, command: "acknowledge", actor: officer })).toMatchObject({
      ok: true,
    });
    expect(await db.notification.count({ where: { applicationId: open.id } })).toBe(0);
  }, 60_000);
});
