import { commitTogether, sqlValue } from "~/db/group-commit.server";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  scheduledRefusalMail,
  SCHEDULED_REFUSED,
  type ScheduledRefusalMail,
} from "~/domain/enrollment/scheduled-submission.server";
import { isLanguage, type Language, type Localized } from "~/domain/i18n/localized";
import { logger } from "~/platform/logger.server";
import { inFlight, sendMail } from "~/platform/mail.server";

/*
 * The notification outbox. Notifications are written in the same transaction as the status change,
 * so they are the mail's outbox: the mailer sends what has not been sent, whoever made the change (a
 * resident, an officer, a system), and a mail server that is down delays the mail but never undoes a
 * submission. This module decides what is mailed to whom and when, and keeps count of the attempts;
 * the words are written by the mail layer (app/mail/), handed in as `compose`.
 */
const MAX_ATTEMPTS = 5;
const MARKED_TOGETHER = 10;

/** What a notification's mail says, as facts: the mail layer puts them in the recipient's language. */
export type NotificationMail =
  | {
      kind: "submitted" | "proactive" | "status";
      language: Language;
      number: string;
      service: Localized;
      /** The application's status this notification tells of (a lifecycle status). */
      status: string;
      /** The legal deadline, a region date (YYYY-MM-DD). */
      deadline: string | null;
      link: string;
      /** The department's words that came with this very change, or "". */
      message: string;
    }
  | ScheduledRefusalMail;

export type ComposedMail = { subject: string; text: string };
export type ComposeNotificationMail = (mail: NotificationMail) => ComposedMail;

export async function sendNotificationOutbox(
  db: PrismaClient,
  compose: ComposeNotificationMail,
  publicUrl: string,
  limit = 50,
): Promise<number> {
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
  // Marked as mailed a few at a time: one write (one commit) instead of one per mail, so the outbox
  // of the opening minute takes the write lock a tenth as often from the submissions. A crash
  // between a mail and its mark sends at most those few again — mail is at least once either way.
  const mailed: number[] = [];
  const markMailed = async () => {
    const ids = mailed.splice(0);
    if (ids.length === 0) return;
    // With the writes of the same moment (docs/decisions/0039): the submissions' own commit.
    const connection = await sqliteConnectionOf(db);
    await commitTogether(connection, () =>
      connection
        .statement(`UPDATE "Notification" SET "mailedAt" = ? WHERE "id" IN (${ids.map(() => "?").join(", ")})`)
        .run(sqlValue(new Date()), ...ids),
    );
  };
  // A few mails in flight over kept connections: one at a time, the opening minute's confirmations
  // would reach parents an hour late (docs/decisions/0038).
  await inFlight(pending, async (notification) => {
    const { application, user } = notification;
    try {
      if (application.number) {
        const language: Language = isLanguage(user.language) ? user.language : "ru";
        const submitted = notification.status === "sent";
        // A case opened from a life event was not applied for: its first mail says so (docs/proactive.md).
        const kind = submitted ? (application.channel === "proactive" ? "proactive" : "submitted") : "status";
        const mail = compose({
          kind,
          language,
          number: application.number,
          service: { ru: application.service.titleRu, en: application.service.titleEn },
          status: notification.status,
          deadline: application.deadline,
          link: `${publicUrl}/cabinet/applications/${application.number}`,
          message:
            application.messages.find((m) => m.createdAt.getTime() === notification.createdAt.getTime())?.text ?? "",
        });
        await sendMail(db, { to: user.email, ...mail, kind: `application-${kind}` });
        sent += 1;
      } else if (notification.status === SCHEDULED_REFUSED) {
        // A scheduled first-grade draft not sent at the opening: the draft has no number yet.
        const facts = await scheduledRefusalMail(db, {
          draftId: application.id,
          language: user.language,
          publicUrl,
        });
        // Scheduled again (or sent) since: the notice is outdated, there is nothing to say.
        if (facts) await sendMail(db, { to: user.email, ...compose(facts), kind: "scheduled-refused" });
        sent += 1;
      }
      mailed.push(notification.id);
      if (mailed.length >= MARKED_TOGETHER) await markMailed();
    } catch (error) {
      logger.error(
        { err: error instanceof Error ? error.name : "unknown", notification: notification.id },
        "status mail failed",
      );
      await db.notification.update({ where: { id: notification.id }, data: { mailAttempts: { increment: 1 } } });
    }
  });
  await markMailed();
  return sent;
}
