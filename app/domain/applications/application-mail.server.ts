import type { PrismaClient } from "~/generated/prisma/client";
import { mailScheduledRefusal, SCHEDULED_REFUSED } from "~/domain/enrollment/scheduled-submission.server";
import { isLanguage, pick, type Language } from "~/domain/i18n/localized";
import { formatDate } from "~/domain/region/dates";
import { translatorFor } from "~/i18n/translate.server";
import { logger } from "~/server/logger.server";
import { sendMail } from "~/server/mail.server";

/*
 * The e-mail copy of every notification, in the applicant's language. Notifications are written in
 * the same transaction as the status change, so they are the mail's outbox: the mailer sends what
 * has not been sent, whoever made the change (a resident, an officer, a system), and a mail server
 * that is down delays the mail but never undoes a submission.
 */
const MAX_ATTEMPTS = 5;

export async function mailPendingNotifications(db: PrismaClient, publicUrl: string, limit = 50): Promise<number> {
  const pending = await db.notification.findMany({
    where: { mailedAt: null, mailAttempts: { lt: MAX_ATTEMPTS } },
    orderBy: { id: "asc" },
    take: limit,
    include: {
      user: { select: { email: true, language: true } },
      application: {
        include: {
          service: { select: { titleRu: true, titleEn: true } },
          messages: { where: { author: "department" }, orderBy: { id: "desc" }, take: 5 },
        },
      },
    },
  });
  let sent = 0;
  for (const notification of pending) {
    const { application, user } = notification;
    try {
      if (application.number) {
        const language: Language = isLanguage(user.language) ? user.language : "ru";
        const t = translatorFor(language);
        const submitted = notification.status === "sent";
        const params = {
          number: application.number,
          service: pick({ ru: application.service.titleRu, en: application.service.titleEn }, language),
          status: t(`applications:status.${notification.status}`),
          deadline: application.deadline ? formatDate(application.deadline, language) : "—",
          link: `${publicUrl}/cabinet/applications/${application.number}`,
          // The department's words that came with this very change, if any.
          message:
            application.messages.find((m) => m.createdAt.getTime() === notification.createdAt.getTime())?.text ?? "",
        };
        // A case opened from a life event was not applied for: its first mail says so (docs/proactive.md).
        const kind = submitted ? (application.channel === "proactive" ? "proactive" : "submitted") : "status";
        const speaks = !submitted && params.message !== "";
        await sendMail(db, {
          to: user.email,
          subject: t(`mail:application.${kind}.subject`, params),
          text: [
            t(`mail:application.${kind}.body`, params),
            speaks ? t("mail:application.message", params) : "",
            t("mail:signature"),
          ]
            .filter(Boolean)
            .join("\n\n"),
          kind: `application-${kind}`,
        });
        sent += 1;
      } else if (notification.status === SCHEDULED_REFUSED) {
        // A scheduled first-grade draft not sent at the opening: the draft has no number yet.
        await mailScheduledRefusal(db, { draftId: application.id, to: user.email, language: user.language, publicUrl });
        sent += 1;
      }
      await db.notification.update({ where: { id: notification.id }, data: { mailedAt: new Date() } });
    } catch (error) {
      logger.error(
        { err: error instanceof Error ? error.name : "unknown", notification: notification.id },
        "status mail failed",
      );
      await db.notification.update({ where: { id: notification.id }, data: { mailAttempts: { increment: 1 } } });
    }
  }
  return sent;
}

/** Runs the mailer every `intervalMs` in this process; one pass at a time. */
export function startNotificationMailer(db: PrismaClient, publicUrl: string, intervalMs = 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    mailPendingNotifications(db, publicUrl)
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.name : "unknown" }, "mailer pass failed"),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
