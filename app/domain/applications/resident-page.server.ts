import type { PrismaClient } from "~/generated/prisma/client";
import { enrollmentResultView } from "~/domain/enrollment/enrollment-results.server";
import type { Language } from "~/domain/i18n/localized";
import { getApplicationPage } from "./application-view.server";
import { markApplicationRead } from "./notifications.server";

/**
 * The resident's page of one of their applications, or null when it is not theirs. Opening it is
 * reading it: the notifications of the application are marked read.
 */
export async function openResidentApplication(
  db: PrismaClient,
  input: { applicantId: string; number: string; language: Language },
) {
  const page = await getApplicationPage(db, input);
  if (!page) return null;
  await markApplicationRead(db, input.applicantId, page.id);
  // First-grade enrollment: "enrolled by order № … of …", or the offer after a refusal for lack of places.
  const result = await enrollmentResultView(db, page.id, input.language);
  return { ...page, result };
}

export type ResidentApplicationPage = NonNullable<Awaited<ReturnType<typeof openResidentApplication>>>;
