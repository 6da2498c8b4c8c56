import { createTransport, type Transporter } from "nodemailer";
import type { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.server";
import { logger } from "~/server/logger.server";

/*
 * Outgoing mail. With SMTP_URL set it goes to that server; without it (the demo on a laptop) it is
 * kept in the database and shown at /dev/mailbox, so a newcomer can still confirm an address.
 * Logs say that a mail went out and which kind, never to whom or what it said.
 */
export type OutgoingMail = { to: string; subject: string; text: string; kind: string };

let transport: Transporter | undefined;

export function demoMailboxEnabled(): boolean {
  return !env().SMTP_URL;
}

export async function sendMail(db: PrismaClient, mail: OutgoingMail): Promise<void> {
  const config = env();
  if (!config.SMTP_URL) {
    await db.mailboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
    logger.info({ kind: mail.kind, transport: "demo-mailbox" }, "mail kept");
    return;
  }
  transport ??= createTransport(config.SMTP_URL);
  await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  logger.info({ kind: mail.kind, transport: "smtp" }, "mail sent");
}
