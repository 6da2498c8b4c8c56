import type { PrismaClient } from "~/generated/prisma/client";
import { regionDateTime } from "~/domain/calendar/working-days";
import type { EnrollmentCampaign } from "./campaign";
import {
  campaignPhase,
  fillBuckets,
  HOUR_MS,
  MINUTE_MS,
  OPENING_HOURS,
  OPENING_MINUTES,
  schoolDemand,
  schoolsWithFreePlaces,
  schoolTotals,
  sortSchools,
  stageTotals,
  type BucketCount,
  type CampaignPhase,
  type DashboardQuery,
  type SchoolDemand,
  type SchoolTotals,
  type StageClassRow,
  type StageTotals,
} from "./campaign-dashboard";
import { loadCampaign } from "./enrollment.server";
import { NO_PRIORITY_RANK_CLASS } from "./ranking";
import { enrolledChildren } from "./schools.server";

/*
 * The ministry's campaign dashboard over the database (docs/enrollment.md, "The ministry's dashboard
 * and the campaign's settings"). Every figure is a GROUP BY over EnrollmentRequest, which the
 * submission writes in its own transaction, so the dashboard is live: the rows are read through the
 * (campaignYear, schoolCode, live, stage, rankClass, sequence) index, and the receipt times through
 * Application's primary key, one lookup per request of the year. No application row is loaded into
 * memory; what comes back is one row per minute, hour, day, class or school.
 */

export type OpeningLoad = {
  opensAt: Date;
  /** Receipts in each minute of the first hour after stage 1 opened (minutes that have begun). */
  minutes: { bucket: number; from: Date; count: number }[];
  /** The same hour by hour over the first day. */
  hours: { bucket: number; from: Date; count: number }[];
  /** Every day of the campaign with receipts, by the region's date. */
  days: { date: string; count: number }[];
  /** The busiest minute since the opening. */
  peakMinute: { from: Date; count: number } | null;
};

export type CampaignDashboard = {
  campaign: EnrollmentCampaign;
  /** Whether the campaign is stored or the federal defaults (no row for the year). */
  stored: boolean;
  phase: CampaignPhase;
  opening: OpeningLoad;
  stages: StageTotals[];
  /** Every school with places for the year or applications, in the order asked. */
  schools: SchoolDemand[];
  totals: SchoolTotals;
  freeSchools: SchoolDemand[];
  now: Date;
};

const count = (value: unknown) => Number(value ?? 0);
const DAY_MS = 86_400_000;

/** The region's offset from UTC at an instant, in ms (Moscow: +3 h), read from the time zone itself. */
function regionOffsetMs(instant: Date): number {
  const shown = regionDateTime(instant);
  return Date.parse(`${shown.date}T${shown.time}:00Z`) - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
}

type ReceiptRow = { kind: "minute" | "hour" | "day" | "peak"; bucket: unknown; count: unknown };

/*
 * The opening's load in one statement: the year's receipt instants are read once (a materialized
 * CTE: EnrollmentRequest by campaign year, Application by primary key), as ms since the opening —
 * Prisma stores DateTime as ISO text ("2027-03-31T21:00:00.123+00:00") and SQLite's julianday keeps
 * whole milliseconds — then grouped four ways: minutes of the first hour, hours of the first day,
 * region days, and the busiest minute.
 */
async function loadOpening(db: PrismaClient, campaign: EnrollmentCampaign, now: Date): Promise<OpeningLoad> {
  const opensAt = campaign.stage1OpensAt;
  const opens = opensAt.getTime();
  const dayShift = opens + regionOffsetMs(opensAt);
  const rows = await db.$queryRaw<ReceiptRow[]>`
    WITH t AS MATERIALIZED (
      SELECT CAST(round((julianday(a.receivedAt) - 2440587.5) * 86400000) AS INTEGER) - ${opens} AS since
      FROM EnrollmentRequest r JOIN Application a ON a.id = r.applicationId
      WHERE r.campaignYear = ${campaign.year} AND a.receivedAt IS NOT NULL
    )
    SELECT 'minute' AS kind, CAST(since / ${MINUTE_MS} AS INTEGER) AS bucket, COUNT(*) AS count
      FROM t WHERE since >= 0 AND since < ${OPENING_MINUTES * MINUTE_MS} GROUP BY 2
    UNION ALL
    SELECT 'hour', CAST(since / ${HOUR_MS} AS INTEGER), COUNT(*)
      FROM t WHERE since >= 0 AND since < ${OPENING_HOURS * HOUR_MS} GROUP BY 2
    UNION ALL
    SELECT 'day', CAST((since + ${dayShift}) / ${DAY_MS} AS INTEGER), COUNT(*) FROM t GROUP BY 2
    UNION ALL
    SELECT * FROM (
      SELECT 'peak', CAST(since / ${MINUTE_MS} AS INTEGER) AS bucket, COUNT(*) AS count
      FROM t WHERE since >= 0 GROUP BY bucket ORDER BY count DESC, bucket ASC LIMIT 1
    )`;
  const of = (kind: ReceiptRow["kind"]): BucketCount[] =>
    rows.filter((r) => r.kind === kind).map((r) => ({ bucket: count(r.bucket), count: count(r.count) }));
  const peak = of("peak")[0];
  return {
    opensAt,
    minutes: fillBuckets(of("minute"), { size: OPENING_MINUTES, bucketMs: MINUTE_MS, opensAt, now }),
    hours: fillBuckets(of("hour"), { size: OPENING_HOURS, bucketMs: HOUR_MS, opensAt, now }),
    // Day numbers since the epoch in the region's time, as dates.
    days: of("day")
      .sort((a, b) => a.bucket - b.bucket)
      .map((d) => ({ date: new Date(d.bucket * DAY_MS).toISOString().slice(0, 10), count: d.count })),
    peakMinute: peak ? { from: new Date(opens + peak.bucket * MINUTE_MS), count: peak.count } : null,
  };
}

async function loadStageTotals(db: PrismaClient, year: number): Promise<StageTotals[]> {
  const rows = await db.$queryRaw<{ stage: unknown; rankClass: unknown; live: unknown; received: unknown }[]>`
    SELECT stage, rankClass, SUM(live) AS live, COUNT(*) AS received
    FROM EnrollmentRequest WHERE campaignYear = ${year}
    GROUP BY stage, rankClass`;
  return stageTotals(
    rows.map((r): StageClassRow => ({
      stage: count(r.stage),
      rankClass: count(r.rankClass),
      live: count(r.live),
      received: count(r.received),
    })),
  );
}

async function loadSchools(db: PrismaClient, year: number, oktmo: string | null): Promise<SchoolDemand[]> {
  const [schools, counts] = await Promise.all([
    db.school.findMany({
      where: oktmo ? { oktmo } : {},
      select: {
        code: true,
        name: true,
        nameEn: true,
        oktmo: true,
        district: true,
        seats: { where: { year }, select: { classes: true, classSize: true } },
      },
    }),
    db.$queryRaw<{ schoolCode: string; live: unknown; inTerritory: unknown; withPriority: unknown }[]>`
      SELECT schoolCode,
        SUM(live) AS live,
        SUM(CASE WHEN live = 1 AND inTerritory = 1 THEN 1 ELSE 0 END) AS inTerritory,
        SUM(CASE WHEN live = 1 AND rankClass < ${NO_PRIORITY_RANK_CLASS} THEN 1 ELSE 0 END) AS withPriority
      FROM EnrollmentRequest WHERE campaignYear = ${year}
      GROUP BY schoolCode`,
  ]);
  const bySchool = new Map(counts.map((c) => [c.schoolCode, c]));
  const shown = schools.filter((s) => s.seats.length > 0 || bySchool.has(s.code));
  // Children enrolled by orders are counted where /schools counts them for free places (one grouped query).
  const enrolled = await enrolledChildren(
    db,
    shown.map((s) => s.code),
    year,
  );
  return shown.map((s) => {
    const c = bySchool.get(s.code);
    const seats = s.seats[0];
    return schoolDemand({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      oktmo: s.oktmo,
      district: s.district,
      places: seats ? seats.classes * seats.classSize : null,
      live: count(c?.live),
      inTerritory: count(c?.inTerritory),
      withPriority: count(c?.withPriority),
      enrolled: enrolled.get(s.code) ?? 0,
    });
  });
}

/** Everything the dashboard and its open data show for a campaign year. */
export async function loadCampaignDashboard(
  db: PrismaClient,
  input: DashboardQuery & { now?: Date },
): Promise<CampaignDashboard> {
  const now = input.now ?? new Date();
  const [campaign, stored] = await Promise.all([
    loadCampaign(db, input.year),
    db.enrollmentCampaign.count({ where: { year: input.year } }),
  ]);
  const [opening, stages, schools] = await Promise.all([
    loadOpening(db, campaign, now),
    loadStageTotals(db, input.year),
    loadSchools(db, input.year, input.oktmo),
  ]);
  return {
    campaign,
    stored: stored > 0,
    phase: campaignPhase(campaign, now),
    opening,
    stages,
    schools: sortSchools(schools, input.sort),
    totals: schoolTotals(schools),
    freeSchools: schoolsWithFreePlaces(schools),
    now,
  };
}
