import type { PrismaClient } from "~/generated/prisma/client";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { enrollmentWindowForDraft, isEnrollmentService, loadCampaign } from "~/domain/enrollment/enrollment.server";
import { scheduledSubmissionOf } from "~/domain/enrollment/scheduled-submission.server";
import type { Language } from "~/domain/i18n/localized";
import { formatDateTime } from "~/domain/region/dates";
import { describeDraft } from "./application-view.server";
import { getDraft, submittedNumberOf } from "./applications.server";

/*
 * What a draft's review page shows before it is sent: its answers, the service, and for first-grade
 * enrollment the campaign's window for this draft and a scheduled sending. At the opening of
 * enrollment parents reload this page until their application is acknowledged, so it is read on
 * every reload (tests/bench/submission-checks.bench.ts measures it).
 */
export type ReviewPage =
  | { found: "draft"; page: Awaited<ReturnType<typeof draftReview>> }
  /** Submitted already, from another device or tab: its number, to show the application instead. */
  | { found: "submitted"; number: string }
  | { found: "nothing" };

export async function reviewPage(
  db: PrismaClient,
  input: { applicantId: string; draftId: string; slug: string; language: Language; now?: Date },
): Promise<ReviewPage> {
  const found = await getDraft(db, input.applicantId, input.draftId);
  if (!found) {
    const number = await submittedNumberOf(db, input.applicantId, input.draftId);
    return number ? { found: "submitted", number } : { found: "nothing" };
  }
  if (found.draft.service.slug !== input.slug) return { found: "nothing" };
  return { found: "draft", page: await draftReview(db, found, input) };
}

async function draftReview(
  db: PrismaClient,
  found: NonNullable<Awaited<ReturnType<typeof getDraft>>>,
  input: { applicantId: string; draftId: string; language: Language; now?: Date },
) {
  const { language } = input;
  const now = input.now ?? new Date();
  const enrollment = await enrollmentWindowForDraft(db, {
    applicantId: input.applicantId,
    serviceCode: found.draft.service.code,
    answers: found.answers,
    now,
  });
  // A draft refused at the opening says why even when the stage is open now or the draft became
  // invalid (then there is no window to show).
  const scheduled = isEnrollmentService(found.draft.service.code)
    ? await scheduledSubmissionOf(db, input.applicantId, input.draftId)
    : null;
  const campaignYear = campaignYearFor(now);
  // Before the opening, a child outside the school's territory without a priority right waits for
  // stage 2, not for the opening itself (docs/enrollment.md, "The campaign"): say both dates.
  const stage1OpensAt =
    enrollment && !enrollment.open && enrollment.reason === "notYetOpen" && enrollment.opensAt
      ? (await loadCampaign(db, campaignYear)).stage1OpensAt
      : null;
  return {
    scheduled: scheduled && {
      state: scheduled.state,
      sendAt: formatDateTime(scheduled.sendAt, language),
      reason: scheduled.reason?.split(":")[0] ?? null,
    },
    closed: !found.draft.service.published,
    campaignYear,
    // First-grade enrollment: the campaign's window for this draft (null for other services).
    enrollment: enrollment && {
      ...enrollment,
      opensAt: "opensAt" in enrollment && enrollment.opensAt ? formatDateTime(enrollment.opensAt, language) : null,
      stage1OpensAt:
        stage1OpensAt && "opensAt" in enrollment && enrollment.opensAt && enrollment.opensAt > stage1OpensAt
          ? formatDateTime(stage1OpensAt, language)
          : null,
    },
    ...(await describeDraft(db, { applicantId: input.applicantId, found, language })),
  };
}
