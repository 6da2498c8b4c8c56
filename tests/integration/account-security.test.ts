import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Demo mode: no SMTP server, so mail is kept for the demo mailbox (before any module reads the configuration).
vi.hoisted(() => {
  delete process.env.SMTP_URL;
});

import type { PrismaClient } from "~/generated/prisma/client";
import { saveConfirmedAccount } from "~/domain/accounts/account-store.server";
import {
  confirmEmail,
  registerResident,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "~/domain/accounts/accounts.server";
import { createSession, endedSessionOwner, resolveSession } from "~/domain/accounts/sessions.server";
import { demoMailboxMessages } from "~/platform/mail.server";
import { tokenHash } from "~/platform/crypto.server";
import { createTestDatabase } from "./test-database";
import { composeAccountMail } from "~/mail/account-mail.server";

/*
 * The security review's account findings (docs/security.md): each test here failed on the code
 * before the fix.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
});
afterAll(async () => {
  await dispose();
});

const origin = (ip: string, demoMailbox: string | null = null) => ({
  ip,
  language: "ru" as const,
  publicUrl: "https://portal.test",
  compose: composeAccountMail,
  mailsPerHour: 10,
  demoMailbox,
});
const PASSWORD = "длинная фраза для входа 58";

/** The newest link of a kind kept in the demo mailbox table for an address (whoever may read it). */
async function keptLink(to: string, path: string): Promise<string> {
  const mail = await db.mailboxMessage.findFirstOrThrow({ where: { to }, orderBy: { id: "desc" } });
  const link = mail.text.match(new RegExp(`https://portal\\.test${path}\\?token=[\\w-]+`))?.[0];
  if (!link) throw new Error(`no ${path} link for ${to}`);
  return new URL(link).searchParams.get("token")!;
}

async function confirmedResident(email: string, mailbox: string): Promise<string> {
  await registerResident(db, { email, password: PASSWORD }, origin("10.20.0.1", mailbox));
  const userId = await confirmEmail(db, await keptLink(email, "/confirm-email"));
  return userId!;
}

describe("the demo mailbox (finding 1)", () => {
  it("shows an account's mail only to the browser that created the account", async () => {
    const mine = tokenHash("browser-of-olga");
    const attacker = tokenHash("browser-of-someone-else");
    await registerResident(db, { email: "olga.demo@example.ru", password: PASSWORD }, origin("10.20.0.2", mine));
    const admin = await saveConfirmedAccount(db, {
      email: "admin.demo@example.ru",
      password: PASSWORD,
      roles: [{ role: "admin" }],
    });
    // Someone asks for password resets of the administrator's and of Olga's account from their browser.
    await requestPasswordReset(db, "admin.demo@example.ru", origin("10.20.0.3", attacker));
    await requestPasswordReset(db, "olga.demo@example.ru", origin("10.20.0.3", attacker));

    expect(await demoMailboxMessages(db, attacker)).toEqual([]);
    const olgas = await demoMailboxMessages(db, mine);
    expect(olgas.map((m) => m.to)).toEqual(["olga.demo@example.ru", "olga.demo@example.ru"]);
    // The administrator's reset link is kept for nobody's browser.
    const adminMail = await db.mailboxMessage.findFirstOrThrow({ where: { to: "admin.demo@example.ru" } });
    expect(adminMail.mailboxId).toBeNull();
    expect(admin).toBeTruthy();
  });
});

describe("sign-in throttling (finding 3)", () => {
  it("evaluates no more than five of eight parallel wrong passwords", async () => {
    await confirmedResident("parallel@example.ru", tokenHash("b1"));
    const wrong = { email: "parallel@example.ru", password: "не тот пароль вовсе", remember: false };
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signIn(db, wrong, { ip: `10.30.0.${i}`, now })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(3);
    const failures = await db.auditEvent.count({ where: { action: "signin.failed" } });
    expect(failures).toBe(5);
  });

  it("tells when to come back, and the owner still gets in through a reset link", async () => {
    const mailbox = tokenHash("b2");
    await confirmedResident("owner@example.ru", mailbox);
    const now = new Date();
    for (let i = 0; i < 6; i++) {
      await signIn(
        db,
        { email: "owner@example.ru", password: "чужая догадка 1", remember: false },
        { ip: "10.31.0.1", now },
      );
    }
    const right = { email: "owner@example.ru", password: PASSWORD, remember: false };
    const locked = await signIn(db, right, { ip: "10.31.0.2", now });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") {
      expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect(await requestPasswordReset(db, "owner@example.ru", origin("10.31.0.2", mailbox))).toEqual({ ok: true });
    const token = await keptLink("owner@example.ru", "/reset-password");
    expect(await resetPassword(db, { token, password: "новая фраза владельца 2026" }, origin("10.31.0.2"))).toBe(true);
    const after = await signIn(db, { ...right, password: "новая фраза владельца 2026" }, { ip: "10.31.0.2", now });
    expect(after.ok).toBe(true);
  });

  it("a right password from a shared address gives its attempt back", async () => {
    await confirmedResident("shared@example.ru", tokenHash("b3"));
    const now = new Date();
    for (let i = 0; i < 40; i++) {
      const result = await signIn(
        db,
        { email: "shared@example.ru", password: PASSWORD, remember: false },
        { ip: "10.32.0.1", now },
      );
      expect(result.ok).toBe(true);
    }
  });
});

describe("reset links (finding 6)", () => {
  it("a new password ends every older link and every session", async () => {
    const mailbox = tokenHash("b4");
    const userId = await confirmedResident("links@example.ru", mailbox);
    const session = await signIn(
      db,
      { email: "links@example.ru", password: PASSWORD, remember: true },
      { ip: "10.40.0.1" },
    );
    await requestPasswordReset(db, "links@example.ru", origin("10.40.0.1", mailbox));
    const older = await keptLink("links@example.ru", "/reset-password");
    await requestPasswordReset(db, "links@example.ru", origin("10.40.0.1", mailbox));
    const newer = await keptLink("links@example.ru", "/reset-password");
    expect(newer).not.toBe(older);

    expect(await resetPassword(db, { token: newer, password: "самая новая фраза 2026" }, origin("10.40.0.1"))).toBe(
      true,
    );
    expect(await resetPassword(db, { token: older, password: "фраза злоумышленника 2026" }, origin("10.40.0.9"))).toBe(
      false,
    );
    if (session.ok) expect(await resolveSession(db, session.token)).toBeNull();
    expect(await db.session.count({ where: { userId, expiresAt: { gt: new Date() } } })).toBe(0);
  });
});

describe("ended sessions (finding 5)", () => {
  it("tell whose they were for twelve hours after the end, and never sign anyone in", async () => {
    const userId = await confirmedResident("ended@example.ru", tokenHash("b5"));
    const start = new Date("2026-11-30T08:00:00Z");
    const { token, expiresAt } = await createSession(db, userId, false, start);
    expect(await endedSessionOwner(db, token, start)).toBeNull(); // still live: not "ended"
    const justAfter = new Date(expiresAt.getTime() + 60_000);
    expect(await resolveSession(db, token, justAfter)).toBeNull();
    expect(await endedSessionOwner(db, token, justAfter)).toBe(userId);
    expect(await endedSessionOwner(db, "made-up", justAfter)).toBeNull();
    const muchLater = new Date(expiresAt.getTime() + 13 * 3_600_000);
    expect(await endedSessionOwner(db, token, muchLater)).toBeNull();
  });
});
