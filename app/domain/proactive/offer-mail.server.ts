import type { PrismaClient } from "~/generated/prisma/client";
import { isLanguage, pick, type Language } from "~/domain/i18n/localized";
import { formatDate } from "~/domain/region/dates";
import { regionDate } from "~/domain/region/clock";
import { publicUrl } from "~/env.server";
import { translatorFor } from "~/i18n/translate.server";
import { logger } from "~/platform/logger.server";
import { sendMail } from "~/platform/mail.server";

/*
 * The mail of an offer, in the resident's language. An offer has no case yet, so it cannot ride the
 * notification outbox (a Notification belongs to an application): it is sent once, after the
 * offer's transaction commits. A mail server that is down loses this mail, not the offer — the
 * cabinet shows it with its count (docs/proactive.md).
 */
export async function mailOffer(db: PrismaClient, input: { offerId: string; userId: string }): Promise<void> {
  try {
    const [user, offer] = await Promise.all([
      db.user.findUnique({ where: { id: input.userId }, select: { email: true, language: true } }),
      db.proactiveOffer.findUnique({ where: { id: input.offerId }, select: { serviceCode: true, answerBy: true } }),
    ]);
    if (!user || !offer) return;
    const service = await db.service.findUnique({
      where: { code: offer.serviceCode },
      select: { titleRu: true, titleEn: true },
    });
    const language: Language = isLanguage(user.language) ? user.language : "ru";
    const t = translatorFor(language);
    const params = {
      service: service ? pick({ ru: service.titleRu, en: service.titleEn }, language) : offer.serviceCode,
      answerBy: formatDate(regionDate(offer.answerBy), language),
      link: `${publicUrl()}/cabinet/offers/${input.offerId}`,
    };
    await sendMail(db, {
      to: user.email,
      subject: t("mail:offer.subject", params),
      text: [t("mail:offer.body", params), t("mail:signature")].join("\n\n"),
      kind: "proactive-offer",
    });
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.name : "unknown" }, "offer mail failed");
  }
}
