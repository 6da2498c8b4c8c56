import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type { Language } from "~/domain/i18n/localized";
import { randomToken, tokenHash } from "~/platform/crypto.server";
import { sendMail } from "~/platform/mail.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { ACCOUNT_CONSENT } from "./consent";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password-hash.server";
import { createSession, destroyAllSessions } from "./sessions.server";
import { clearAttempts, returnAttempt, takeAttempt, THROTTLE_RULES } from "./throttle.server";

/*
 * Accounts with e-mail and password: registration with a confirmation link, sign-in with
 * throttling, password reset. Answers never reveal whether an address has an account.
 */

const HOUR = 3_600_000;
const TOKEN_TTL_MS = { "confirm-email": 24 * HOUR, "reset-password": HOUR } as const;
type TokenPurpose = keyof typeof TOKEN_TTL_MS;

/** The mails of an account, as facts: the mail layer (app/mail/account-mail.server.ts) words them. */
export type AccountMail = {
  template: "confirm" | "alreadyRegistered" | "reset" | "passwordChanged" | "invite";
  language: Language;
  /** The links the mail carries. */
  params: Record<string, string>;
};
export type ComposeAccountMail = (mail: AccountMail) => { subject: string; text: string };

export type RequestOrigin = {
  /** Who words the account's mails: the layer that speaks, handed in by the route. */
  compose: ComposeAccountMail;
  ip: string;
  language: Language;
  publicUrl: string;
  /** Registration and reset mails one client address may ask for in an hour (MAILS_PER_ADDRESS_PER_HOUR). */
  mailsPerHour: number;
  now?: Date;
  /** Demo mode: the mailbox of the browser asking, given to an account it creates. */
  demoMailbox?: string | null;
};

/** Keys for the attempt counters; the address is hashed so the table holds no e-mail. */
const accountKey = (email: string) => `signin:account:${tokenHash(email)}`;
const addressKey = (kind: string, ip: string) => `${kind}:address:${ip}`;

async function issueToken(
  db: PrismaClient,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
  ttlMs: number = TOKEN_TTL_MS[purpose],
): Promise<string> {
  const token = randomToken();
  await db.emailToken.create({
    data: { tokenHash: tokenHash(token), userId, purpose, expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return token;
}

async function mailFromTemplate(
  db: PrismaClient,
  compose: ComposeAccountMail,
  to: string,
  mail: AccountMail,
): Promise<void> {
  await sendMail(db, { kind: mail.template, to, ...compose(mail) });
}

export type MailThrottled = { throttled: true; retryAfterSeconds: number };

async function mailThrottle(
  db: PrismaClient,
  origin: Pick<RequestOrigin, "ip" | "mailsPerHour">,
  now: Date,
): Promise<MailThrottled | null> {
  const rule = { ...THROTTLE_RULES.mailAddress, maxFailures: origin.mailsPerHour };
  const state = await takeAttempt(db, addressKey("mail", origin.ip), rule, now);
  return state.locked ? { throttled: true, retryAfterSeconds: state.retryAfterSeconds } : null;
}

/**
 * Registers a resident, records the separate personal-data consent and mails a confirmation link.
 * For an address that already has an account the same answer is given and that account's owner
 * gets a mail instead, so the form cannot be used to find out who is registered.
 */
export async function registerResident(
  db: PrismaClient,
  input: { email: string; password: string },
  origin: RequestOrigin,
): Promise<{ ok: true } | MailThrottled> {
  const now = origin.now ?? new Date();
  const throttled = await mailThrottle(db, origin, now);
  if (throttled) return throttled;
  const existing = await db.identity.findUnique({
    where: { provider_subject: { provider: "password", subject: input.email } },
    include: { user: true },
  });
  if (existing) {
    await mailFromTemplate(db, origin.compose, input.email, {
      language: existing.user.language as Language,
      template: "alreadyRegistered",
      params: {
        signIn: `${origin.publicUrl}/login`,
        reset: `${origin.publicUrl}/forgot-password`,
      },
    });
    return { ok: true };
  }
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  await db.$transaction([
    db.user.create({
      data: { id: userId, email: input.email, language: origin.language, demoMailboxId: origin.demoMailbox ?? null },
    }),
    db.identity.create({ data: { userId, provider: "password", subject: input.email, passwordHash } }),
    db.consent.create({
      data: { userId, purpose: ACCOUNT_CONSENT.purpose, textVersion: ACCOUNT_CONSENT.textVersion, ip: origin.ip },
    }),
    db.roleAssignment.create({ data: { userId, role: "resident" } }),
  ]);
  const token = await issueToken(db, userId, "confirm-email", now);
  await mailFromTemplate(db, origin.compose, input.email, {
    language: origin.language,
    template: "confirm",
    params: {
      link: `${origin.publicUrl}/confirm-email?token=${token}`,
    },
  });
  await recordAudit(db, { actorId: userId, action: "account.registered", subjectType: "user", subjectId: userId });
  return { ok: true };
}

/** Uses a one-time token; returns its owner or null when it is unknown, used or expired. */
async function redeemToken(db: PrismaClient, token: string, purpose: TokenPurpose, now: Date): Promise<string | null> {
  const row = await db.emailToken.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  const claimed = await db.emailToken.updateMany({
    where: { tokenHash: row.tokenHash, usedAt: null },
    data: { usedAt: now },
  });
  return claimed.count === 1 ? row.userId : null;
}

export async function confirmEmail(db: PrismaClient, token: string, now = new Date()): Promise<string | null> {
  const userId = await redeemToken(db, token, "confirm-email", now);
  if (!userId) return null;
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
  await recordAudit(db, { actorId: userId, action: "account.email-confirmed", subjectType: "user", subjectId: userId });
  return userId;
}

export type SignInResult =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "unconfirmed" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export async function signIn(
  db: PrismaClient,
  input: { email: string; password: string; remember: boolean },
  origin: Pick<RequestOrigin, "ip" | "now">,
): Promise<SignInResult> {
  const now = origin.now ?? new Date();
  const keys = { account: accountKey(input.email), address: addressKey("signin", origin.ip) };
  // Counted before the password is checked, so parallel guesses cannot outrun the lock.
  for (const [key, rule] of [
    [keys.address, THROTTLE_RULES.signInAddress],
    [keys.account, THROTTLE_RULES.signInAccount],
  ] as const) {
    const state = await takeAttempt(db, key, rule, now);
    if (state.locked) return { ok: false, reason: "locked", retryAfterSeconds: state.retryAfterSeconds };
  }
  const identity = await db.identity.findUnique({
    where: { provider_subject: { provider: "password", subject: input.email } },
    include: { user: true },
  });
  const valid = identity?.passwordHash
    ? await verifyPassword(identity.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!identity || !valid) {
    await recordAudit(db, {
      actorId: identity?.userId ?? null,
      action: "signin.failed",
      subjectType: "user",
      subjectId: identity?.userId ?? null,
      result: "denied",
    });
    return { ok: false, reason: "invalid" };
  }
  await clearAttempts(db, keys.account);
  await returnAttempt(db, keys.address);
  if (!identity.user.emailVerifiedAt) return { ok: false, reason: "unconfirmed" };
  const session = await createSession(db, identity.userId, input.remember, now);
  await recordAudit(db, {
    actorId: identity.userId,
    action: "signin.ok",
    subjectType: "user",
    subjectId: identity.userId,
  });
  return { ok: true, userId: identity.userId, ...session };
}

/** Mails a reset link when the address has an account; the answer is the same either way. */
export async function requestPasswordReset(
  db: PrismaClient,
  email: string,
  origin: RequestOrigin,
): Promise<{ ok: true } | MailThrottled> {
  const now = origin.now ?? new Date();
  const throttled = await mailThrottle(db, origin, now);
  if (throttled) return throttled;
  const identity = await db.identity.findUnique({
    where: { provider_subject: { provider: "password", subject: email } },
    include: { user: true },
  });
  if (identity) {
    const token = await issueToken(db, identity.userId, "reset-password", now);
    await mailFromTemplate(db, origin.compose, email, {
      language: identity.user.language as Language,
      template: "reset",
      params: {
        link: `${origin.publicUrl}/reset-password?token=${token}`,
      },
    });
  }
  return { ok: true };
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(
  db: PrismaClient,
  input: { token: string; password: string },
  origin: Pick<RequestOrigin, "publicUrl" | "now" | "compose">,
): Promise<boolean> {
  const now = origin.now ?? new Date();
  const userId = await redeemToken(db, input.token, "reset-password", now);
  if (!userId) return false;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  await db.identity.update({
    where: { provider_subject: { provider: "password", subject: user.email } },
    data: { passwordHash: await hashPassword(input.password) },
  });
  // The link proves the address, so an unconfirmed account is confirmed by it too.
  if (!user.emailVerifiedAt) await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
  // A new password ends every other way in: the links still outstanding and every session.
  await db.emailToken.updateMany({ where: { userId, purpose: "reset-password", usedAt: null }, data: { usedAt: now } });
  await destroyAllSessions(db, userId);
  await clearAttempts(db, accountKey(user.email));
  await mailFromTemplate(db, origin.compose, user.email, {
    language: user.language as Language,
    template: "passwordChanged",
    params: {
      reset: `${origin.publicUrl}/forgot-password`,
    },
  });
  await recordAudit(db, { actorId: userId, action: "account.password-reset", subjectType: "user", subjectId: userId });
  return true;
}

/** An invited staff member sets a password through the reset page; the link lasts three days. */
const INVITATION_TTL_MS = 72 * HOUR;

export async function mailInvitation(db: PrismaClient, userId: string, origin: RequestOrigin): Promise<void> {
  const now = origin.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const token = await issueToken(db, userId, "reset-password", now, INVITATION_TTL_MS);
  await mailFromTemplate(db, origin.compose, user.email, {
    language: user.language as Language,
    template: "invite",
    params: {
      link: `${origin.publicUrl}/reset-password?token=${token}`,
    },
  });
}
