import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { campaignYearFor, defaultCampaign, validateCampaign, type EnrollmentCampaign } from "./campaign";

/*
 * The campaigns as administrators keep them (docs/enrollment.md, "The ministry's dashboard and the
 * campaign's settings"): one EnrollmentCampaign row a year. Saving one writes an audit event with
 * the instants before and after, and in the same transaction moves the drafts scheduled for an
 * opening that moved (ScheduledSubmission.sendAt) to the new instant, so a parent's page says the
 * new time at once and a draft is never sent at an opening that is no longer the campaign's.
 */

export type StoredCampaign = EnrollmentCampaign & { updatedAt: Date };

type Row = {
  year: number;
  stage1OpensAt: Date;
  stage1EndsAt: Date;
  stage2OpensAt: Date;
  stage2EndsAt: Date;
  schoolsPerChildStage1: number;
  schoolsPerChildStage2: number;
  updatedAt: Date;
};

function fromRow(row: Row): StoredCampaign {
  return {
    year: row.year,
    stage1OpensAt: row.stage1OpensAt,
    stage1EndsAt: row.stage1EndsAt,
    stage2OpensAt: row.stage2OpensAt,
    stage2EndsAt: row.stage2EndsAt,
    schoolsPerChild: { 1: row.schoolsPerChildStage1, 2: row.schoolsPerChildStage2 },
    updatedAt: row.updatedAt,
  };
}

/** Every stored campaign, the latest year first. */
export async function listCampaigns(db: PrismaClient): Promise<StoredCampaign[]> {
  const rows = await db.enrollmentCampaign.findMany({ orderBy: { year: "desc" } });
  return rows.map(fromRow);
}

/** The stored campaign of a year, or null (the submission then uses the default dates, see loadCampaign). */
export async function findCampaign(db: PrismaClient, year: number): Promise<StoredCampaign | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const row = await db.enrollmentCampaign.findUnique({ where: { year } });
  return row ? fromRow(row) : null;
}

/** The campaign the "add" form offers: the year after the latest stored one (or this season's), with the federal dates. */
export async function nextCampaign(db: PrismaClient, now = new Date()): Promise<EnrollmentCampaign> {
  const latest = await db.enrollmentCampaign.findFirst({ orderBy: { year: "desc" }, select: { year: true } });
  const year = latest ? latest.year + 1 : campaignYearFor(now);
  return defaultCampaign(Math.min(year, 2100));
}

export type SaveCampaignResult =
  | { ok: true; created: boolean; movedScheduled: number }
  /** "exists": adding a year that has a campaign; "not-found": changing one that has none; "conflict": changed by someone else since the page was shown. */
  | { ok: false; error: "exists" | "not-found" | "conflict" | "invalid" };

const iso = (d: Date) => d.toISOString();

/**
 * Adds (`mode: "create"`) or changes (`mode: "update"`) a year's campaign. `version` is the
 * `updatedAt` (ms) the administrator's page showed: a different one means another administrator
 * saved in between, and nothing is written.
 */
export async function saveCampaign(
  db: PrismaClient,
  input: { campaign: EnrollmentCampaign; mode: "create" | "update"; version?: number | null; actorId: string },
): Promise<SaveCampaignResult> {
  const { campaign } = input;
  // The form's schema checked it already; this guards every other caller.
  if (validateCampaign(campaign).length > 0) return { ok: false, error: "invalid" };
  const data = {
    stage1OpensAt: campaign.stage1OpensAt,
    stage1EndsAt: campaign.stage1EndsAt,
    stage2OpensAt: campaign.stage2OpensAt,
    stage2EndsAt: campaign.stage2EndsAt,
    schoolsPerChildStage1: campaign.schoolsPerChild[1],
    schoolsPerChildStage2: campaign.schoolsPerChild[2],
  };
  return db.$transaction(async (tx) => {
    const before = await tx.enrollmentCampaign.findUnique({ where: { year: campaign.year } });
    if (input.mode === "create" && before) return { ok: false as const, error: "exists" as const };
    if (input.mode === "update" && !before) return { ok: false as const, error: "not-found" as const };
    if (before && input.version != null && before.updatedAt.getTime() !== input.version) {
      return { ok: false as const, error: "conflict" as const };
    }
    await tx.enrollmentCampaign.upsert({
      where: { year: campaign.year },
      create: { year: campaign.year, ...data },
      update: data,
    });
    // Drafts scheduled for an opening wait for that stage's new opening (earlier or later).
    let moved = 0;
    if (before) {
      for (const [was, now] of [
        [before.stage1OpensAt, campaign.stage1OpensAt],
        [before.stage2OpensAt, campaign.stage2OpensAt],
      ] as const) {
        if (was.getTime() === now.getTime()) continue;
        const result = await tx.scheduledSubmission.updateMany({
          where: { state: "scheduled", sendAt: was },
          data: { sendAt: now },
        });
        moved += result.count;
      }
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: before ? "enrollment-campaign.changed" : "enrollment-campaign.added",
      subjectType: "enrollment-campaign",
      subjectId: String(campaign.year),
      details: {
        stage1OpensAt: iso(campaign.stage1OpensAt),
        stage1EndsAt: iso(campaign.stage1EndsAt),
        stage2OpensAt: iso(campaign.stage2OpensAt),
        stage2EndsAt: iso(campaign.stage2EndsAt),
        schoolsPerChildStage1: campaign.schoolsPerChild[1],
        schoolsPerChildStage2: campaign.schoolsPerChild[2],
        ...(before
          ? {
              was_stage1OpensAt: iso(before.stage1OpensAt),
              was_stage1EndsAt: iso(before.stage1EndsAt),
              was_stage2OpensAt: iso(before.stage2OpensAt),
              was_stage2EndsAt: iso(before.stage2EndsAt),
              was_schoolsPerChildStage1: before.schoolsPerChildStage1,
              was_schoolsPerChildStage2: before.schoolsPerChildStage2,
            }
          : {}),
        movedScheduled: moved,
      },
    });
    return { ok: true as const, created: !before, movedScheduled: moved };
  });
}
