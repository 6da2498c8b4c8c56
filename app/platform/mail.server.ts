import { createTransport, type Transporter } from "nodemailer";
import type { PrismaClient } from "~/generated/prisma/client";
import { commitTogether, insertRow } from "~/db/group-commit.server";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";
import { logger } from "~/platform/logger.server";

/*
 * Outgoing mail. With SMTP_URL set it goes to that server; without it (the labelled demo) it is kept
 * in the database for the demo mailbox at /dev/mailbox, filed under the mailbox of the browser that
 * created the recipient's account — nobody else's browser is shown it (demo-mailbox.server.ts).
 * Logs say that a mail went out and which kind, never to whom or what it said.
 */
export type OutgoingMail = { to: string; subject: string; text: string; kind: string };

/*
 * Mail goes over a few kept SMTP connections, several mails in flight (docs/decisions/0038): a new
 * connection per mail, one at a time, sent 89 of the 3,000 confirmations of an opening minute while it
 * lasted. The URL may set its own `pool`, `maxConnections` or `maxMessages`.
 */
export const MAILS_IN_FLIGHT = 4;
let transport: Transporter | undefined;

function pooledUrl(url: string): string {
  const pooled = new URL(url);
  const wanted: [string, string][] = [
    ["pool", "true"],
    ["maxConnections", String(MAILS_IN_FLIGHT)],
  ];
  for (const [key, value] of wanted) if (!pooled.searchParams.has(key)) pooled.searchParams.set(key, value);
  return pooled.toString();
}

/** Demo mode: no SMTP server configured, so mail stays in the portal's per-browser demo mailbox. */
export function demoMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

export async function sendMail(db: PrismaClient, mail: OutgoingMail): Promise<void> {
  const config = env();
  if (!config.SMTP_URL) {
    // Kept in the commit of the writes of the same moment (docs/decisions/0039), not in one of its own.
    const connection = await sqliteConnectionOf(db);
    await commitTogether(connection, () => {
      const recipient = connection.statement(`SELECT "demoMailboxId" FROM "User" WHERE "email" = ?`).get(mail.to) as
        { demoMailboxId: string | null } | undefined;
      insertRow(connection, "MailboxMessage", {
        mailboxId: recipient?.demoMailboxId ?? null,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        createdAt: new Date(),
      });
    });
    logger.info({ kind: mail.kind, transport: "demo-mailbox" }, "mail kept");
    return;
  }
  transport ??= createTransport(pooledUrl(config.SMTP_URL));
  await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  logger.info({ kind: mail.kind, transport: "smtp" }, "mail sent");
}

/** Closes the kept SMTP connections (a process that stops, a test that ends); the next mail opens new ones. */
export function closeMailTransport(): void {
  transport?.close();
  transport = undefined;
}

/**
 * Runs `send` over the items with up to MAILS_IN_FLIGHT at a time, one per kept connection. `send`
 * handles its own failures: one mail's failure must not stop the others.
 */
export async function inFlight<T>(items: readonly T[], send: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await send(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(MAILS_IN_FLIGHT, items.length) }, lane));
}

/** The newest mail kept for one browser's demo mailbox. */
export async function demoMailboxMessages(db: PrismaClient, mailboxId: string, take = 20) {
  return db.mailboxMessage.findMany({
    where: { mailboxId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true },
  });
}
