import type { PrismaClient } from "~/generated/prisma/client";
import { sendReceiptOutbox, type ReceiptMail } from "~/domain/payments/receipt-mail.server";
import { pick } from "~/domain/i18n/localized";
import { formatDateTime, formatMonth } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { translatorFor } from "~/i18n/translate.server";
import { startOutboxLoop } from "./outbox-loop.server";

/*
 * The words of the receipt mail (docs/payments.md, "Receipt"), in the payer's language. Which
 * payments are mailed, and when, is the domain's receipt outbox (receipt-mail.server.ts there).
 */
export function composeReceiptMail({ language, payment, link }: ReceiptMail): { subject: string; text: string } {
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
    link,
  };
  return {
    subject: t("mail:receipt.subject", params),
    text: [
      t("mail:receipt.body", params),
      lines.join("\n"),
      t("mail:receipt.fiscal", params),
      t("mail:signature"),
    ].join("\n\n"),
  };
}

/** One pass of the receipt outbox: mails up to `limit` receipts not yet mailed. */
export function mailPendingReceipts(db: PrismaClient, publicUrl: string, limit = 20): Promise<number> {
  return sendReceiptOutbox(db, composeReceiptMail, publicUrl, limit);
}

export function startReceiptMailer(db: PrismaClient, publicUrl: string, intervalMs = 2_000): () => void {
  return startOutboxLoop("receipts", (limit) => mailPendingReceipts(db, publicUrl, limit), { intervalMs, limit: 20 });
}
