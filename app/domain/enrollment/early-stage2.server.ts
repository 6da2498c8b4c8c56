import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { stage2OpensAtFor } from "./campaign";
import { loadCampaign } from "./enrollment.server";
import { mayWorkSchool, type OrderActor, type OrderScope } from "./enrollment-orders.server";

/*
 * A school that has enrolled all its territory's children may open stage 2 before the campaign's
 * date (docs/enrollment.md, "The school's side"): the school says so, and from then on children from
 * elsewhere may apply to it. "All enrolled" means stage 1 has opened and no stage-1 application is
 * still waiting on its list; the instant never comes before stage 1 ends (stage2OpensAtFor).
 */
export type EarlyStage2Result =
  | { ok: true; opensAt: Date }
  | { ok: false; error: "not-found" }
  /** Stage 1 has not opened yet: the territory's children have not even applied. */
  | { ok: false; error: "stage1-not-open"; stage1OpensAt: Date }
  | { ok: false; error: "already-open"; opensAt: Date }
  | { ok: false; error: "territory-waiting"; waiting: number };

/**
 * When stage 2 opens at the school this year: the campaign's date or the school's earlier one; and
 * whether stage 1 has opened by `now`, before which it cannot be opened early.
 */
export async function schoolStage2Opening(
  db: PrismaClient,
  schoolCode: string,
  campaignYear: number,
  now: Date = new Date(),
) {
  const [campaign, seats] = await Promise.all([
    loadCampaign(db, campaignYear),
    db.schoolSeats.findUnique({ where: { schoolCode_year: { schoolCode, year: campaignYear } } }),
  ]);
  return {
    opensAt: stage2OpensAtFor(campaign, { schoolStage2OpensAt: seats?.stage2OpensAt ?? null }),
    early: seats?.stage2OpensAt != null,
    stage1OpensAt: campaign.stage1OpensAt,
    stage1Opened: campaign.stage1OpensAt.getTime() <= now.getTime(),
  };
}

export async function openStage2Early(
  db: PrismaClient,
  input: { schoolCode: string; campaignYear: number; actor: OrderActor; scope: OrderScope; now?: Date },
): Promise<EarlyStage2Result> {
  const { schoolCode, campaignYear } = input;
  if (!mayWorkSchool(input.scope, schoolCode)) return { ok: false, error: "not-found" };
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const seats = await tx.schoolSeats.findUnique({ where: { schoolCode_year: { schoolCode, year: campaignYear } } });
    if (!seats) return { ok: false as const, error: "not-found" as const };
    const campaign = await loadCampaign(tx, campaignYear);
    const current = stage2OpensAtFor(campaign, { schoolStage2OpensAt: seats.stage2OpensAt });
    if (seats.stage2OpensAt || current.getTime() <= now.getTime())
      return { ok: false as const, error: "already-open" as const, opensAt: current };
    // Before stage 1 opens no child of the territory has applied, so an empty list says nothing
    // about whether they are all enrolled (docs/enrollment.md, "Stage 2 early").
    if (campaign.stage1OpensAt.getTime() > now.getTime())
      return { ok: false as const, error: "stage1-not-open" as const, stage1OpensAt: campaign.stage1OpensAt };
    const waiting = await tx.enrollmentRequest.count({
      where: { campaignYear, schoolCode, live: true, stage: 1, orderId: null },
    });
    if (waiting > 0) return { ok: false as const, error: "territory-waiting" as const, waiting };
    await tx.schoolSeats.update({
      where: { schoolCode_year: { schoolCode, year: campaignYear } },
      data: { stage2OpensAt: now },
    });
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: "enrollment.stage2OpenedEarly",
      subjectType: "school",
      subjectId: schoolCode,
      details: { year: campaignYear },
    });
    return { ok: true as const, opensAt: stage2OpensAtFor(campaign, { schoolStage2OpensAt: now }) };
  });
}
