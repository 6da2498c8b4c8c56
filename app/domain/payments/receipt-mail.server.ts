import type { PrismaClient } from "~/generated/prisma/client";
import { isLanguage, pick, type Language } from "~/domain/i18n/localized";
import { formatDateTime, formatMonth } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { translatorFor } from "~/i18n/translate.server";
import { logger } from "~/server/logger.server";
import { sendMail } from "~/server/mail.server";
import { paymentForPayer } from "./receipt-view.server";

/*
 * The receipt by mail (54-ФЗ: the payer receives the cash receipt; docs/payments.md, "Receipt"). A succeeded
 * payment without receiptMailedAt is the outbox: whoever finished the payment, the mailer sends it once.
 */
const MAX_TRIES = 5;

export async function mailPendingReceipts(db: PrismaClient, publicUrl: string, limit = 20): Promise<number> {
  const due = await db.payment.findMany({
    where: { status: "succeeded", receiptMailedAt: null, receiptMailTries: { lt: MAX_TRIES }, userId: { not: null } },
    orderBy: { finishedAt: "asc" },
    take: limit,
    include: { user: { select: { id: true, email: true, language: true } } },
  });
  let sent = 0;
  for (const { id, user } of due) {
    if (!user) continue;
    try {
      const payment = (await paymentForPayer(db, user.id, id))!;
      const language: Language = isLanguage(user.language) ? user.language : "ru";
      const t = translatorFor(language);
      const lines = payment.bills.map(
        (bill) =>
          `${pick(bill.provider, language)}, ${formatMonth(bill.period, language)}: ${formatRubles(bill.amount, language)}`,
      );
      const params = {
        amount: formatRubles(payment.amount, language),
        els: payment.els,
        at: payment.fiscal?.at ? formatDateTime(payment.fiscal.at, language) : "—",
        fn: payment.fiscal?.drive ?? "—",
        fd: payment.fiscal?.document ?? "—",
        fp: payment.fiscal?.sign ?? "—",
        link: `${publicUrl}/cabinet/payments/receipts/${payment.id}`,
      };
      await sendMail(db, {
        to: user.email,
        subject: t("mail:receipt.subject", params),
        text: [
          t("mail:receipt.body", params),
          lines.join("\n"),
          t("mail:receipt.fiscal", params),
          t("mail:signature"),
        ].join("\n\n"),
        kind: "payment-receipt",
      });
      await db.payment.update({ where: { id }, data: { receiptMailedAt: new Date() } });
      sent += 1;
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown", payment: id }, "receipt mail failed");
      await db.payment.update({ where: { id }, data: { receiptMailTries: { increment: 1 } } });
    }
  }
  return sent;
}

export function startReceiptMailer(db: PrismaClient, publicUrl: string, intervalMs = 2_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    mailPendingReceipts(db, publicUrl)
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.name : "unknown" }, "receipt mailer pass failed"),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
