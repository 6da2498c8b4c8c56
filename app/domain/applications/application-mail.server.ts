import type { PrismaClient } from "~/generated/prisma/client";
import { isLanguage, pick, type Language } from "~/domain/i18n/localized";
import { formatDate } from "~/domain/region/dates";
import { translatorFor } from "~/i18n/translate.server";
import { logger } from "~/server/logger.server";
import { sendMail } from "~/server/mail.server";

/*
 * The e-mail that goes with every status change, in the applicant's language. Sent after the
 * transaction commits; a mail server that is down must not undo a submission, so a failure is
 * logged (kind only) and the in-app notification still tells the resident.
 */
export async function sendStatusMail(
  db: PrismaClient,
  input: { applicationId: string; publicUrl: string; submitted?: boolean },
): Promise<void> {
  try {
    const application = await db.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      include: {
        applicant: { select: { email: true, language: true } },
        service: { select: { titleRu: true, titleEn: true } },
        messages: { where: { author: "department" }, orderBy: { id: "desc" }, take: 1 },
      },
    });
    if (!application.number) return;
    const language: Language = isLanguage(application.applicant.language) ? application.applicant.language : "ru";
    const t = translatorFor(language);
    const params = {
      number: application.number,
      service: pick({ ru: application.service.titleRu, en: application.service.titleEn }, language),
      status: t(`applications:status.${application.status}`),
      deadline: application.deadline ? formatDate(application.deadline, language) : "—",
      link: `${input.publicUrl}/cabinet/applications/${application.number}`,
      message: application.messages[0]?.text ?? "",
    };
    const kind = input.submitted ? "submitted" : "status";
    const body = [
      t(`mail:application.${kind}.body`, params),
      params.message && !input.submitted ? t("mail:application.message", params) : "",
      t("mail:signature"),
    ]
      .filter(Boolean)
      .join("\n\n");
    await sendMail(db, {
      to: application.applicant.email,
      subject: t(`mail:application.${kind}.subject`, params),
      text: body,
      kind: `application-${kind}`,
    });
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.name : "unknown" }, "status mail failed");
  }
}
