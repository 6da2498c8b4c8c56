import { createCookie } from "react-router";
import { secureCookies } from "~/env.server";
import { randomToken, tokenHash } from "~/platform/crypto.server";
import { demoMailboxEnabled } from "~/platform/mail.server";

/*
 * The demo mailbox belongs to a browser. Without an SMTP server the portal cannot prove who owns an
 * address, so an account's mail is shown only to the browser that created the account (registered
 * it, or invited the staff member); mail to an account no browser created (the seeded demo
 * accounts) is shown to nobody. That way a reset link asked for someone else's address is never
 * readable by the person who asked (docs/security.md §1).
 * The cookie holds a random token; the database keeps only its hash.
 */
const mailboxCookie = createCookie("demo_mailbox", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 30,
  secure: secureCookies(),
});

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await mailboxCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[\w-]{43}$/.test(value) ? value : null;
}

/** This browser's mailbox (the hash stored with its mail), or null when it has none. */
export async function browserMailbox(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? tokenHash(token) : null;
}

/**
 * In demo mode, the mailbox of this browser, made on first use: its id for the account about to be
 * created and the Set-Cookie header that gives it to the browser (null when it already had one).
 * Outside demo mode there is no mailbox.
 */
export async function claimBrowserMailbox(
  request: Request,
): Promise<{ mailboxId: string | null; setCookie: string | null }> {
  if (!demoMailboxEnabled()) return { mailboxId: null, setCookie: null };
  const existing = await readToken(request);
  if (existing) return { mailboxId: tokenHash(existing), setCookie: null };
  const token = randomToken();
  return { mailboxId: tokenHash(token), setCookie: await mailboxCookie.serialize(token) };
}
