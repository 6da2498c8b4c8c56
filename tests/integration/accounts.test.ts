import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any module reads the configuration: mail goes to the sink below over real SMTP.
const smtpPort = await vi.hoisted(async () => (await import("../support/free-port")).mailToFreePort());

import type { PrismaClient } from "~/generated/prisma/client";
import {
  confirmEmail,
  registerResident,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "~/domain/accounts/accounts.server";
import { resolveSession } from "~/domain/accounts/sessions.server";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
import { createTestDatabase } from "./test-database";
import { composeAccountMail } from "~/mail/account-mail.server";

let db: PrismaClient;
let dispose: () => Promise<void>;
let stopSink: () => Promise<void>;
const inbox: ReceivedMail[] = [];

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  stopSink = await startSmtpSink(smtpPort, (mail) => inbox.push(mail));
});
afterAll(async () => {
  await stopSink();
  await dispose();
});

const origin = {
  ip: "10.0.0.1",
  language: "ru" as const,
  publicUrl: "https://portal.test",
  compose: composeAccountMail,
  mailsPerHour: 10,
};
const lastLink = (to: string, path: string) => {
  const mail = inbox.filter((m) => m.to.includes(to)).at(-1);
  const link = mail?.text.match(new RegExp(`https://portal\\.test${path}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link mailed to ${to}`);
  return new URL(link).searchParams.get("token")!;
};

describe("accounts with e-mail and password", () => {
  it("registers, mails a confirmation link over SMTP, and signs in only after confirming", async () => {
    expect(await registerResident(db, { email: "olga@example.ru", password: "долгий путь домой 58" }, origin)).toEqual({
      ok: true,
    });
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual(["olga@example.ru"]);
    expect(mail.subject).toBe("Подтвердите адрес электронной почты");

    const attempt = { email: "olga@example.ru", password: "долгий путь домой 58", remember: false };
    expect(await signIn(db, attempt, origin)).toEqual({ ok: false, reason: "unconfirmed" });

    const userId = await confirmEmail(db, lastLink("olga@example.ru", "/confirm-email"));
    expect(userId).toBeTruthy();
    const result = await signIn(db, attempt, origin);
    expect(result.ok).toBe(true);
    if (result.ok) expect(await resolveSession(db, result.token)).toBe(userId);

    const consent = await db.consent.findFirstOrThrow({ where: { userId: userId! } });
    expect(consent).toMatchObject({ purpose: "account", ip: "10.0.0.1" });
    expect(consent.textVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const roles = await db.roleAssignment.findMany({ where: { userId: userId! } });
    expect(roles.map((r) => r.role)).toEqual(["resident"]);
  });

  it("stores only an argon2id hash of the password and of tokens", async () => {
    const identity = await db.identity.findFirstOrThrow({ where: { subject: "olga@example.ru" } });
    expect(identity.passwordHash).toMatch(/^\$argon2id\$/);
    const sessions = await db.session.findMany();
    for (const s of sessions) expect(s.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a confirmation link works once", async () => {
    await registerResident(db, { email: "ivan@example.ru", password: "ещё одна длинная фраза" }, origin);
    const token = lastLink("ivan@example.ru", "/confirm-email");
    expect(await confirmEmail(db, token)).toBeTruthy();
    expect(await confirmEmail(db, token)).toBeNull();
    expect(await confirmEmail(db, "made-up-token")).toBeNull();
  });

  it("registering a taken address answers the same and tells the owner instead", async () => {
    const before = await db.user.count();
    expect(await registerResident(db, { email: "olga@example.ru", password: "совсем другой пароль" }, origin)).toEqual({
      ok: true,
    });
    expect(await db.user.count()).toBe(before);
    expect(inbox.at(-1)!.subject).toBe("Попытка повторной регистрации");
  });

  it("locks an account after five wrong passwords, even for the right one", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const wrong = { email: "ivan@example.ru", password: "не тот пароль", remember: false };
    for (let i = 0; i < 5; i++) {
      expect(await signIn(db, wrong, { ip: `10.1.0.${i}`, now })).toEqual({ ok: false, reason: "invalid" });
    }
    const right = { ...wrong, password: "ещё одна длинная фраза" };
    expect(await signIn(db, right, { ip: "10.2.0.1", now })).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await signIn(db, right, { ip: "10.2.0.1", now: later })).ok).toBe(true);
  });

  it("an unknown address and a wrong password look the same", async () => {
    const unknown = await signIn(db, { email: "nobody@example.ru", password: "что угодно", remember: false }, origin);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("resets a password by a mailed link, ending every session", async () => {
    const first = await signIn(
      db,
      { email: "olga@example.ru", password: "долгий путь домой 58", remember: true },
      origin,
    );
    expect(first.ok).toBe(true);
    await requestPasswordReset(db, "olga@example.ru", origin);
    const token = lastLink("olga@example.ru", "/reset-password");
    expect(await resetPassword(db, { token, password: "новая длинная фраза 2026" }, origin)).toBe(true);
    expect(await resetPassword(db, { token, password: "и ещё одна попытка 2026" }, origin)).toBe(false);
    if (first.ok) expect(await resolveSession(db, first.token)).toBeNull();
    expect(inbox.at(-1)!.subject).toBe("Пароль изменён");
    const attempt = { email: "olga@example.ru", password: "новая длинная фраза 2026", remember: false };
    expect((await signIn(db, attempt, origin)).ok).toBe(true);
  });

  it("asking to reset an unknown address sends nothing and answers the same", async () => {
    const count = inbox.length;
    expect(await requestPasswordReset(db, "stranger@example.ru", { ...origin, ip: "10.9.9.9" })).toEqual({ ok: true });
    expect(inbox.length).toBe(count);
  });

  it("limits mails per client address", async () => {
    const ip = "10.7.7.7";
    let last;
    for (let i = 0; i < 11; i++) last = await requestPasswordReset(db, "stranger@example.ru", { ...origin, ip });
    expect(last).toMatchObject({ throttled: true });
  });
});
