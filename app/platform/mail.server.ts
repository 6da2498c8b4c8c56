import { createTransport, type Transporter } from "nodemailer";
import type { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { logger } from "~/platform/logger.server";

/*
 * Outgoing mail. With SMTP_URL set it goes to that server; without it (the labelled demo) it is kept
 * in the database for the demo mailbox at /dev/mailbox, filed under the mailbox of the browser that
 * created the recipient's account — nobody else's browser is shown it (demo-mailbox.server.ts).
 * Logs say that a mail went out and which kind, never to whom or what it said.
 */
export type OutgoingMail = { to: string; subject: string; text: string; kind: string };

let transport: Transporter | undefined;

/** Demo mode: no SMTP server configured, so mail stays in the portal's per-browser demo mailbox. */
export function demoMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

export async function sendMail(db: PrismaClient, mail: OutgoingMail): Promise<void> {
  const config = env();
  if (!config.SMTP_URL) {
    const recipient = await db.user.findUnique({ where: { email: mail.to }, select: { demoMailboxId: true } });
    await db.mailboxMessage.create({
      data: { mailboxId: recipient?.demoMailboxId ?? null, to: mail.to, subject: mail.subject, text: mail.text },
    });
    logger.info({ kind: mail.kind, transport: "demo-mailbox" }, "mail kept");
    return;
  }
  transport ??= createTransport(config.SMTP_URL);
  await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  logger.info({ kind: mail.kind, transport: "smtp" }, "mail sent");
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
