import type { PrismaClient } from "~/generated/prisma/client";
import { isLanguage, type Language, type Localized } from "~/domain/i18n/localized";
import { regionDate } from "~/domain/region/clock";
import { logger } from "~/platform/logger.server";
import { inFlight, sendMail } from "~/platform/mail.server";

/*
 * The offer's mail outbox (docs/proactive.md, "Telling the resident"). An offer has no case yet, so
 * it cannot ride the notification outbox (a Notification belongs to an application); the offer row is
 * its own outbox instead: an open offer of an account, not yet mailed, is mailed by the mailer —
 * whether the account existed when the event came or registered since. A mail server that is down
 * delays the mail, never loses it or the offer. This module decides what is mailed and when; the words
 * are the mail layer's (app/mail/offer-mail.server.ts), handed in as `compose`.
 */
const MAX_TRIES = 5;

/** What an offer's mail says, as facts. */
export type OfferMail = {
  language: Language;
  /** The service's title, or its code if the catalogue no longer has it. */
  service: Localized | string;
  /** Until when the resident may confirm, a region date (YYYY-MM-DD). */
  answerBy: string;
  link: string;
};

export type ComposeOfferMail = (mail: OfferMail) => { subject: string; text: string };

export async function sendOfferOutbox(
  db: PrismaClient,
  compose: ComposeOfferMail,
  publicUrl: string,
  limit = 20,
  now = new Date(),
): Promise<number> {
  const due = await db.proactiveOffer.findMany({
    where: {
      mailedAt: null,
      mailTries: { lt: MAX_TRIES },
      mode: "offer",
      status: "offered",
      answerBy: { gt: now },
      userId: { not: null },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: {
      id: true,
      serviceCode: true,
      answerBy: true,
      user: { select: { email: true, language: true } },
    },
  });
  const titles = new Map(
    (
      await db.service.findMany({
        where: { code: { in: [...new Set(due.map((offer) => offer.serviceCode))] } },
        select: { code: true, titleRu: true, titleEn: true },
      })
    ).map((service) => [service.code, { ru: service.titleRu, en: service.titleEn }]),
  );
  let sent = 0;
  await inFlight(due, async ({ id, serviceCode, answerBy, user }) => {
    if (!user) return;
    try {
      const language: Language = isLanguage(user.language) ? user.language : "ru";
      const mail = compose({
        language,
        service: titles.get(serviceCode) ?? serviceCode,
        answerBy: regionDate(answerBy),
        link: `${publicUrl}/cabinet/offers/${id}`,
      });
      await sendMail(db, { to: user.email, ...mail, kind: "proactive-offer" });
      await db.proactiveOffer.update({ where: { id }, data: { mailedAt: new Date() } });
      sent += 1;
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown", offer: id }, "offer mail failed");
      await db.proactiveOffer.update({ where: { id }, data: { mailTries: { increment: 1 } } });
    }
  });
  return sent;
}
