import type { PrismaClient } from "~/generated/prisma/client";
import { pick, type Language } from "~/domain/i18n/localized";
import { formatDateTime } from "~/domain/region/dates";
import { getChildren, getPinnedForm, parseAnswers } from "./applications.server";
import { summarizeDraft } from "./draft-summary";

/** The resident's drafts as their list shows them: service, whom for, how far, when last saved. */
export async function listDraftRows(db: PrismaClient, applicantId: string, language: Language, serviceId?: number) {
  const [drafts, children] = await Promise.all([
    db.application.findMany({
      where: { applicantId, status: "draft", ...(serviceId ? { serviceId } : {}) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        serviceId: true,
        serviceVersion: true,
        currentStep: true,
        updatedAt: true,
        answers: true,
        service: { select: { slug: true, titleRu: true, titleEn: true } },
      },
      take: 50,
    }),
    getChildren(db, applicantId),
  ]);
  return Promise.all(
    drafts.map(async (d) => {
      const form = await getPinnedForm(db, d.serviceId, d.serviceVersion);
      return {
        id: d.id,
        service: pick({ ru: d.service.titleRu, en: d.service.titleEn }, language),
        href: `/services/${d.service.slug}/apply/${d.id}/${d.currentStep ?? form.steps[0]!.id}`,
        ...summarizeDraft(form, parseAnswers(d.answers), d.currentStep, children, language),
        // Always with the date: two drafts saved today at "12:30" would otherwise look alike.
        savedAt: formatDateTime(d.updatedAt, language),
      };
    }),
  );
}
