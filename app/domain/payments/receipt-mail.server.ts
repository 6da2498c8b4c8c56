import type { PrismaClient } from "~/generated/prisma/client";
import { isLanguage, type Language } from "~/domain/i18n/localized";
import { logger } from "~/platform/logger.server";
import { inFlight, sendMail } from "~/platform/mail.server";
import { paymentForPayer } from "./receipt-view.server";

/*
 * The receipt by mail (54-ФЗ: the payer receives the cash receipt; docs/payments.md, "Receipt"). A succeeded
 * payment without receiptMailedAt is the outbox: whoever finished the payment, the mailer sends it once.
 * This module decides what is mailed and when, and counts the tries; the words are the mail layer's
 * (app/mail/receipt-mail.server.ts), handed in as `compose`.
 */
const MAX_TRIES = 5;

/** What the receipt mail says, as facts: the payment as its receipt page shows it. */
export type ReceiptMail = {
  language: Language;
  payment: NonNullable<Awaited<ReturnType<typeof paymentForPayer>>>;
  link: string;
};

export type ComposeReceiptMail = (mail: ReceiptMail) => { subject: string; text: string };

export async function sendReceiptOutbox(
  db: PrismaClient,
  compose: ComposeReceiptMail,
  publicUrl: string,
  limit = 20,
): Promise<number> {
  const due = await db.payment.findMany({
    where: { status: "succeeded", receiptMailedAt: null, receiptMailTries: { lt: MAX_TRIES }, userId: { not: null } },
    orderBy: { finishedAt: "asc" },
    take: limit,
    include: { user: { select: { id: true, email: true, language: true } } },
  });
  let sent = 0;
  await inFlight(due, async ({ id, user }) => {
    if (!user) return;
    try {
      const payment = (await paymentForPayer(db, user.id, id))!;
      const language: Language = isLanguage(user.language) ? user.language : "ru";
      const mail = compose({ language, payment, link: `${publicUrl}/cabinet/payments/receipts/${payment.id}` });
      await sendMail(db, { to: user.email, ...mail, kind: "payment-receipt" });
      await db.payment.update({ where: { id }, data: { receiptMailedAt: new Date() } });
      sent += 1;
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown", payment: id }, "receipt mail failed");
      await db.payment.update({ where: { id }, data: { receiptMailTries: { increment: 1 } } });
    }
  });
  return sent;
}
