import type { PrismaClient } from "~/generated/prisma/client";
import { pick } from "~/domain/i18n/localized";
import { sendOfferOutbox, type OfferMail } from "~/domain/proactive/offer-mail.server";
import { formatDate } from "~/domain/region/dates";
import { translatorFor } from "~/i18n/translate.server";
import { startOutboxLoop } from "./outbox-loop.server";

/*
 * The words of an offer's mail (docs/proactive.md), in the resident's language. Which offers are
 * mailed, and when, is the domain's offer outbox (proactive/offer-mail.server.ts).
 */
export function composeOfferMail(mail: OfferMail): { subject: string; text: string } {
  const t = translatorFor(mail.language);
  const params = {
    service: typeof mail.service === "string" ? mail.service : pick(mail.service, mail.language),
    answerBy: formatDate(mail.answerBy, mail.language),
    link: mail.link,
  };
  return {
    subject: t("mail:offer.subject", params),
    text: [t("mail:offer.body", params), t("mail:signature")].join("\n\n"),
  };
}

/** One pass of the offer outbox: mails up to `limit` open offers not yet mailed. */
export function mailPendingOffers(db: PrismaClient, publicUrl: string, limit = 20, now = new Date()): Promise<number> {
  return sendOfferOutbox(db, composeOfferMail, publicUrl, limit, now);
}

export function startOfferMailer(db: PrismaClient, publicUrl: string, intervalMs = 2_000): () => void {
  return startOutboxLoop("offers", (limit) => mailPendingOffers(db, publicUrl, limit), { intervalMs, limit: 20 });
}
