import { existsSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { deleteResidentAccount } from "~/domain/accounts/account-deletion.server";
import { purgeExpiredPersonalData, retentionByService, retentionCutoff } from "~/domain/applications/retention.server";
import { withdrawApplication } from "~/domain/applications/resident-actions.server";
import type { Actor } from "~/domain/applications/transitions.server";
import { DEFAULT_RETENTION_YEARS, ServiceDetailsSchema } from "~/domain/catalogue/service-content";
import { uploadDirectory } from "~/domain/uploads/uploads.server";
import { seedDemoData } from "../../seeds/demo";
import { temporaryUploadDir } from "../support/upload-dir";
import { indicatorSnapshot } from "./indicator-snapshot";
import { decided, LARGE_FAMILY, SERVICE, SOCIAL_OFFICER, submitted, userIdOf } from "./resident-applications";
import { createTestDatabase } from "./test-database";

const uploads = temporaryUploadDir("portal-retention-uploads-");
const YEAR_MS = 365.25 * 24 * 3_600_000;

let db: PrismaClient;
let url: string;
let dispose: () => Promise<void>;
let officer: Actor;

beforeAll(async () => {
  uploads.use();
  ({ db, url, dispose } = await createTestDatabase());
  await seedDemoData(db);
  officer = { kind: "staff", id: await userIdOf(db, SOCIAL_OFFICER), role: "officer" };
}, 60_000);
afterAll(async () => {
  await dispose();
  uploads.restore();
});

const filesOf = async (applicationId: string) =>
  (await db.upload.findMany({ where: { applicationId }, select: { storedName: true } })).map((u) =>
    path.join(uploadDirectory(), u.storedName),
  );

describe("retention configuration", () => {
  it("is read from the service's details, 5 years unless the service says otherwise", async () => {
    const base = { applicants: [{ ru: "а", en: "a" }], documents: [], result: { ru: "р", en: "r" } };
    const grounds = { refusalGrounds: [{ code: "x", title: { ru: "о", en: "g" } }] };
    expect(ServiceDetailsSchema.parse({ ...base, ...grounds }).retentionYears).toBe(DEFAULT_RETENTION_YEARS);
    expect(DEFAULT_RETENTION_YEARS).toBe(5);
    expect(ServiceDetailsSchema.parse({ ...base, ...grounds, retentionYears: 10 }).retentionYears).toBe(10);
    expect(ServiceDetailsSchema.safeParse({ ...base, ...grounds, retentionYears: 0 }).success).toBe(false);
    const years = await retentionByService(db);
    expect(years.size).toBeGreaterThan(0);
    expect([...years.values()].every((y) => y === 5)).toBe(true);
  });

  it("counts whole years from the decision", () => {
    expect(retentionCutoff(new Date("2031-03-10T12:00:00Z"), 5).toISOString()).toBe("2026-03-10T12:00:00.000Z");
  });
});

describe("the retention purge", () => {
  it("purges a deleted account's applications and decided applications' documents when retention ends, keeps the rest, is idempotent and leaves the indicators unchanged", async () => {
    // The service keeps applications 3 years, set in its details.
    const service = await db.service.findUniqueOrThrow({ where: { code: SERVICE } });
    await db.service.update({
      where: { id: service.id },
      data: { details: JSON.stringify({ ...JSON.parse(service.details), retentionYears: 3 }) },
    });
    expect((await retentionByService(db)).get(service.id)).toBe(3);

    const leaverId = await userIdOf(db, LARGE_FAMILY);
    const leaverDecided = await submitted(db, leaverId);
    await decided(db, leaverDecided.id, officer);
    const leaverOpen = await submitted(db, leaverId);
    const leaverWithdrawn = await submitted(db, leaverId);
    const { version } = await db.application.findUniqueOrThrow({ where: { id: leaverWithdrawn.id } });
    expect(
      await withdrawApplication(db, {
        applicantId: leaverId,
        number: leaverWithdrawn.number,
        version,
        idempotencyKey: "6f1c0e2a-0000-4000-8000-000000000001",
      }),
    ).toMatchObject({ ok: true });
    // Another resident who stays: the same service, also decided.
    const stayerEmail = "stays@example.test";
    const stayerId = await cloneLargeFamily(stayerEmail);
    const stayerDecided = await submitted(db, stayerId);
    await decided(db, stayerDecided.id, officer);

    expect(await deleteResidentAccount(db, { userId: leaverId, password: "penza-demo-2026" })).toMatchObject({
      ok: true,
    });
    const leaverFiles = await filesOf(leaverDecided.id);
    const openFiles = await filesOf(leaverOpen.id);
    const stayerFiles = await filesOf(stayerDecided.id);
    for (const f of [...leaverFiles, ...openFiles, ...stayerFiles]) expect(existsSync(f)).toBe(true);

    // An orphan file (a crash after a deletion's commit) two days old, and a fresh one being written.
    const orphan = path.join(uploadDirectory(), "orphan-file");
    const fresh = path.join(uploadDirectory(), "fresh-file");
    writeFileSync(orphan, "x");
    writeFileSync(fresh, "x");
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(orphan, twoDaysAgo, twoDaysAgo);

    const slices = [{}, { service: SERVICE }, { category: "social-support" }];
    const before = await indicatorSnapshot(url, slices);

    // Now: only the day-old orphan goes; the fresh file may be an upload whose row is being written.
    expect(await purgeExpiredPersonalData(db)).toEqual({ applications: 0, documents: 0, drafts: 0, orphanFiles: 1 });
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);

    // Within the retention period: nothing of the applications (the fresh file is old by then).
    const early = await purgeExpiredPersonalData(db, new Date(Date.now() + 2.9 * YEAR_MS));
    expect(early).toEqual({ applications: 0, documents: 0, drafts: 0, orphanFiles: 1 });
    expect(await db.application.count({ where: { id: { in: [leaverDecided.id, leaverOpen.id] } } })).toBe(2);

    // After it: the deleted account's decided application goes whole, with its files; the staying
    // resident's decided application keeps its record but loses its documents; the open one stays.
    const later = new Date(Date.now() + 3.1 * YEAR_MS);
    const purged = await purgeExpiredPersonalData(db, later);
    expect(purged).toEqual({ applications: 2, documents: 1, drafts: 0, orphanFiles: 0 });
    expect(await db.application.findUnique({ where: { id: leaverDecided.id } })).toBeNull();
    expect(await db.application.findUnique({ where: { id: leaverWithdrawn.id } })).toBeNull(); // from the withdrawal
    expect(await db.applicationEvent.count({ where: { applicationId: leaverDecided.id } })).toBe(0);
    expect(await db.rating.count({ where: { applicationId: leaverDecided.id } })).toBe(0);
    for (const f of [...leaverFiles, ...stayerFiles]) expect(existsSync(f)).toBe(false);
    expect(await db.upload.count({ where: { applicationId: { in: [leaverDecided.id, stayerDecided.id] } } })).toBe(0);
    expect(await db.application.findUnique({ where: { id: stayerDecided.id } })).toMatchObject({
      applicantId: stayerId,
      status: "completed",
    });
    expect(await db.application.findUnique({ where: { id: leaverOpen.id } })).toMatchObject({ status: "sent" });
    for (const f of openFiles) expect(existsSync(f)).toBe(true);

    // Again: nothing left to do.
    expect(await purgeExpiredPersonalData(db, later)).toEqual({
      applications: 0,
      documents: 0,
      drafts: 0,
      orphanFiles: 0,
    });

    // The anonymised statistics did not move.
    expect(await indicatorSnapshot(url, slices)).toEqual(before);
  }, 90_000);

  it("removes drafts left without an account", async () => {
    const service = await db.service.findUniqueOrThrow({ where: { code: SERVICE } });
    await db.application.create({
      data: { id: "orphan-draft", serviceId: service.id, serviceVersion: 1, departmentId: service.departmentId },
    });
    expect((await purgeExpiredPersonalData(db)).drafts).toBe(1);
    expect(await db.application.findUnique({ where: { id: "orphan-draft" } })).toBeNull();
  });
});

/** A second resident with the large family's profile and children (the service needs three). */
async function cloneLargeFamily(email: string): Promise<string> {
  const source = await db.user.findUniqueOrThrow({
    where: { email: "parent@demo.gosuslugi58.ru" },
    include: { profile: true },
  });
  const id = `stayer-${Date.now()}`;
  await db.user.create({ data: { id, email, emailVerifiedAt: new Date() } });
  const { userId: _ignored, updatedAt: _updated, ...profile } = source.profile!;
  await db.profile.create({ data: { ...profile, userId: id } });
  for (let i = 0; i < 3; i++) {
    await db.child.create({
      data: {
        id: `${id}-child-${i}`,
        userId: id,
        lastName: "Тестова",
        firstName: `Ребёнок${i}`,
        birthDate: `201${5 + i}-03-0${i + 1}`,
        birthCertificate: `IV-АИ 12345${i}`,
      },
    });
  }
  return id;
}
