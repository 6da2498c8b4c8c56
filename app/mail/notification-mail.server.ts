import type { PrismaClient } from "~/generated/prisma/client";
import {
  sendNotificationOutbox,
  type ComposedMail,
  type NotificationMail,
} from "~/domain/applications/application-mail.server";
import { pick } from "~/domain/i18n/localized";
import { formatDate, formatDateTime } from "~/domain/region/dates";
import { translatorFor } from "~/i18n/translate.server";
import { startOutboxLoop } from "./outbox-loop.server";

/*
 * The words of the notification mails, in the recipient's language (the `mail` namespace, and the
 * enrollment texts for a scheduled draft not sent). What is mailed, to whom and when is the
 * domain's notification outbox (application-mail.server.ts); this module only writes it.
 */
export function composeNotificationMail(mail: NotificationMail): ComposedMail {
  const t = translatorFor(mail.language);
  if (mail.kind === "scheduled-refused") {
    const params = {
      service: pick(mail.service, mail.language),
      sendAt: formatDateTime(mail.sendAt, mail.language),
      why: t(`enrollment:schedule.refused.${mail.reasonKey}`, { defaultValue: t("enrollment:schedule.refused.other") }),
      link: mail.link,
    };
    return {
      subject: t("enrollment:form.scheduledRefused.subject", params),
      text: [t("enrollment:form.scheduledRefused.body", params), t("mail:signature")].join("\n\n"),
    };
  }
  const params = {
    number: mail.number,
    service: pick(mail.service, mail.language),
    status: t(`applications:status.${mail.status}`),
    deadline: mail.deadline ? formatDate(mail.deadline, mail.language) : "—",
    link: mail.link,
    message: mail.message,
  };
  // The department's words are quoted with a status change, not with the submission's receipt.
  const speaks = mail.kind === "status" && mail.message !== "";
  return {
    subject: t(`mail:application.${mail.kind}.subject`, params),
    text: [
      t(`mail:application.${mail.kind}.body`, params),
      speaks ? t("mail:application.message", params) : "",
      t("mail:signature"),
    ]
      .filter(Boolean)
      .join("\n\n"),
  };
}

/** One pass of the notification outbox: mails up to `limit` notifications not yet mailed. */
export function mailPendingNotifications(db: PrismaClient, publicUrl: string, limit = 50): Promise<number> {
  return sendNotificationOutbox(db, composeNotificationMail, publicUrl, limit);
}

/** Runs the mailer every `intervalMs` in this process; one pass at a time. */
export function startNotificationMailer(db: PrismaClient, publicUrl: string, intervalMs = 1000): () => void {
  return startOutboxLoop("notifications", (limit) => mailPendingNotifications(db, publicUrl, limit), {
    intervalMs,
    limit: 50,
  });
}
