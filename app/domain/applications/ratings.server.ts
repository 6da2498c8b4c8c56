import type { PrismaClient } from "~/generated/prisma/client";
import { type Status, parseStatus } from "./lifecycle";
import { recordStatEvent } from "./transitions.server";

/*
 * Оценка качества: after the result the resident rates the service 1–5 once, with an optional
 * comment. The score goes into the statistics record for the satisfaction indicator; low scores
 * with their comments are shown to the department's supervisors.
 */
export const RATEABLE: readonly Status[] = ["completed", "refused"];
export const LOW_RATING = 3;

export async function rateApplication(
  db: PrismaClient,
  input: { applicantId: string; applicationId: string; score: number; comment?: string; now?: Date },
): Promise<"ok" | "not-found" | "not-yet" | "already-rated"> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, applicantId: input.applicantId },
      include: { rating: true },
    });
    if (!application) return "not-found";
    if (!RATEABLE.includes(parseStatus(application.status))) return "not-yet";
    if (application.rating) return "already-rated";
    await tx.rating.create({
      data: {
        applicationId: application.id,
        departmentId: application.departmentId,
        score: input.score,
        comment: input.comment?.trim() || null,
        createdAt: now,
      },
    });
    await recordStatEvent(tx, application, { kind: "rated", at: now, rating: input.score });
    return "ok";
  });
}

/** Ratings of 1–3 in the departments a supervisor oversees, newest first. */
export async function lowRatingsForDepartments(db: PrismaClient, departmentCodes: string[], take = 20) {
  if (departmentCodes.length === 0) return [];
  return db.rating.findMany({
    where: { score: { lte: LOW_RATING }, application: { department: { code: { in: departmentCodes } } } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      score: true,
      comment: true,
      createdAt: true,
      application: { select: { number: true, service: { select: { titleRu: true, titleEn: true } } } },
    },
  });
}
