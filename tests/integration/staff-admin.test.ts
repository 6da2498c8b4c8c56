import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const smtpPort = await vi.hoisted(async () => (await import("../support/free-port")).mailToFreePort());

import type { PrismaClient } from "~/generated/prisma/client";
import { resetPassword, signIn } from "~/domain/accounts/accounts.server";
import { recordPersonalDataAccess } from "~/domain/audit/audit.server";
import { grantRole, inviteStaff, listAuditEvents, revokeRole } from "~/domain/accounts/staff-admin.server";
import { regionDate } from "~/domain/region/clock";
import { seedDemoData } from "../../seeds/demo";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { createTestDatabase } from "./test-database";
import { composeAccountMail } from "~/mail/account-mail.server";

let db: PrismaClient;
let dispose: () => Promise<void>;
let stopSink: () => Promise<void>;
const inbox: ReceivedMail[] = [];
let adminId: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  stopSink = await startSmtpSink(smtpPort, (mail) => inbox.push(mail));
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@demo.gosuslugi58.ru" } })).id;
});
afterAll(async () => {
  await stopSink();
  await dispose();
});

const origin = {
  ip: "10.0.0.9",
  language: "ru" as const,
  publicUrl: "https://portal.test",
  compose: composeAccountMail,
  mailsPerHour: 10,
};

describe("staff administration", () => {
  it("invites a new officer, who sets a password through the mailed link and signs in", async () => {
    const userId = await inviteStaff(
      db,
      adminId,
      { email: "new.officer@example.ru", role: "officer", departmentCode: "mintrud" },
      origin,
    );
    const roles = await db.roleAssignment.findMany({ where: { userId }, include: { department: true } });
    expect(roles.map((r) => [r.role, r.department?.code])).toEqual([["officer", "mintrud"]]);
    const mail = inbox.at(-1)!;
    expect(mail.subject).toBe("Приглашение в рабочий кабинет портала");
    const token = new URL(/https:\/\/portal\.test\/reset-password\?token=[\w-]+/.exec(mail.text)![0]).searchParams.get(
      "token",
    )!;
    expect(
      await signIn(db, { email: "new.officer@example.ru", password: "anything", remember: false }, origin),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await resetPassword(db, { token, password: "служба в министерстве 2026" }, origin)).toBe(true);
    const result = await signIn(
      db,
      { email: "new.officer@example.ru", password: "служба в министерстве 2026", remember: false },
      origin,
    );
    expect(result.ok).toBe(true);
  });

  it("audits every role change with who made it", async () => {
    const officer = await db.user.findUniqueOrThrow({ where: { email: "officer.social@demo.gosuslugi58.ru" } });
    await grantRole(db, adminId, officer.id, { role: "supervisor", departmentCode: "mintrud" });
    const granted = await db.roleAssignment.findFirstOrThrow({ where: { userId: officer.id, role: "supervisor" } });
    expect(await revokeRole(db, adminId, granted.id)).toBe("revoked");
    const { events } = await listAuditEvents(db);
    const changes = events.filter((e) => e.subjectId === officer.id).map((e) => [e.action, e.actorId, e.details]);
    expect(changes.slice(0, 2)).toEqual([
      ["role.revoked", adminId, JSON.stringify({ role: "supervisor", department: "mintrud", school: null })],
      ["role.granted", adminId, JSON.stringify({ role: "supervisor", department: "mintrud", school: null })],
    ]);
  });

  it("filters the audit log by person, object and date", async () => {
    const officer = await db.user.findUniqueOrThrow({ where: { email: "officer.social@demo.gosuslugi58.ru" } });
    await recordPersonalDataAccess(db, {
      staffId: officer.id,
      personId: adminId,
      fields: ["application"],
      purpose: "application:58-2026-0000001-5",
    });
    const byEmail = await listAuditEvents(db, { actor: "officer.social@demo.gosuslugi58.ru" });
    expect(byEmail.events.length).toBeGreaterThan(0);
    expect(byEmail.events.every((e) => e.actorId === officer.id)).toBe(true);
    const bySubject = await listAuditEvents(db, { subject: adminId, actor: officer.id });
    expect(bySubject.events.map((e) => e.action)).toContain("personal-data.viewed");
    expect((await listAuditEvents(db, { actor: "nobody@example.ru" })).events).toEqual([]);
    expect((await listAuditEvents(db, { actor: officer.id, to: "2000-01-01" })).events).toEqual([]);
    const today = regionDate();
    expect((await listAuditEvents(db, { actor: officer.id, from: "2000-01-01", to: today })).events.length).toBe(
      byEmail.events.length,
    );
  });

  it("an administrator cannot remove their own admin role", async () => {
    const own = await db.roleAssignment.findFirstOrThrow({ where: { userId: adminId, role: "admin" } });
    expect(await revokeRole(db, adminId, own.id)).toBe("own-admin");
    expect(await revokeRole(db, adminId, 999_999)).toBe("not-found");
  });

  it("records staff access to a person's data with who, whose, what and why", async () => {
    const parent = await db.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } });
    await recordPersonalDataAccess(db, {
      staffId: adminId,
      personId: parent.id,
      fields: ["email"],
      purpose: "support",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "personal-data.viewed" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: adminId, subjectId: parent.id, subjectType: "user" });
    expect(JSON.parse(event.details)).toEqual({ fields: "email", purpose: "support" });
    expect(event.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
