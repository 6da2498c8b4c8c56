import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_RETENTION_YEARS, readServiceDetails } from "~/domain/catalogue/service-content";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { removeStoredFiles, uploadDirectory } from "~/domain/uploads/uploads.server";
import { logger } from "~/platform/logger.server";

/*
 * Personal data has an end (152-ФЗ art. 5 p. 7, art. 21 p. 4). A decided application is kept for its
 * service's retention period (ServiceDetails.retentionYears, default 5 years) counted from the
 * decision — or from the withdrawal — and then:
 *   - its documents (Upload rows and their files) are purged, whoever the applicant;
 *   - the whole application goes (answers, events, messages, notes, documents) when the applicant has
 *     deleted the account; one still in the portal keeps the record of what was applied for.
 * Drafts left without an account are removed at once, and files on disk that no row names (a crash
 * between a deletion's commit and its file removal) after a day. The anonymised statistics
 * (StatEvent, StatDay, StatDayProcessing) have no foreign keys and stay: the indicators do not change.
 *
 * Every step is idempotent: a pass that stops halfway is finished by the next. Files are removed
 * before their rows, so a crash leaves a row without a file (removed next time), never a file
 * nobody can find.
 */

export type PurgeCounts = {
  /** Applications of deleted accounts whose retention ended, deleted with everything in them. */
  applications: number;
  /** Documents of decided applications whose retention ended. */
  documents: number;
  /** Drafts without an account. */
  drafts: number;
  /** Files under UPLOAD_DIR that no Upload row names, older than ORPHAN_AGE_MS. */
  orphanFiles: number;
};

const BATCH = 200;
/** A file is written just before its row (storeUpload): only files older than this can be orphans. */
const ORPHAN_AGE_MS = 24 * 60 * 60_000;

/** The moment before which a decision's retention of `years` has ended. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** The retention period of each service, in years. A service with unreadable details gets the default. */
export async function retentionByService(db: PrismaClient): Promise<Map<number, number>> {
  const services = await db.service.findMany({ select: { id: true, details: true } });
  const years = new Map<number, number>();
  for (const s of services) {
    years.set(s.id, readServiceDetails(s.details)?.retentionYears ?? DEFAULT_RETENTION_YEARS);
  }
  return years;
}

/** Decided (or withdrawn) before the cutoff, on one of these services. */
function endedBefore(cutoff: Date, serviceIds: number[]): Prisma.ApplicationWhereInput {
  return {
    serviceId: { in: serviceIds },
    status: { not: "draft" },
    OR: [
      { decidedAt: { lt: cutoff } },
      // A withdrawal is no decision (decidedAt stays null): its event says when.
      { status: "withdrawn", decidedAt: null, events: { some: { toStatus: "withdrawn", at: { lt: cutoff } } } },
    ],
  };
}

/** Deletes applications (with their files) matching `where`, a batch at a time; returns how many. */
async function deleteApplications(db: PrismaClient, where: Prisma.ApplicationWhereInput): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.application.findMany({ where, select: { id: true }, take: BATCH });
    if (rows.length === 0) return total;
    const ids = rows.map((r) => r.id);
    const files = await db.upload.findMany({ where: { applicationId: { in: ids } }, select: { storedName: true } });
    await removeStoredFiles(files.map((f) => f.storedName));
    const deleted = await db.$transaction(async (tx) => {
      await tx.pendingAnswers.deleteMany({ where: { applicationId: { in: ids } } });
      // Events, messages, notes, documents, notifications and the rating go by cascade.
      const { count } = await tx.application.deleteMany({ where: { ...where, id: { in: ids } } });
      return count;
    });
    total += deleted;
    if (deleted === 0) return total; // changed under us (e.g. an account's draft submitted): next pass
  }
}

/** Deletes the documents (rows and files) of applications matching `where`; returns how many. */
async function deleteDocuments(db: PrismaClient, where: Prisma.ApplicationWhereInput): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.upload.findMany({
      where: { application: where },
      select: { id: true, storedName: true },
      take: BATCH,
    });
    if (rows.length === 0) return total;
    await removeStoredFiles(rows.map((r) => r.storedName));
    const { count } = await db.upload.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    total += count;
    if (count === 0) return total;
  }
}

/** Files in the upload folder that no Upload row names, older than a day: removed. */
async function removeOrphanFiles(db: PrismaClient, now: Date): Promise<number> {
  const dir = uploadDirectory();
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return 0; // no folder yet: nothing was ever uploaded
  }
  let removed = 0;
  for (let i = 0; i < names.length; i += BATCH) {
    const chunk = names.slice(i, i + BATCH);
    const known = await db.upload.findMany({ where: { storedName: { in: chunk } }, select: { storedName: true } });
    const knownNames = new Set(known.map((k) => k.storedName));
    const orphans: string[] = [];
    for (const name of chunk) {
      if (knownNames.has(name)) continue;
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info && now.getTime() - info.mtimeMs > ORPHAN_AGE_MS) orphans.push(name);
    }
    await removeStoredFiles(orphans);
    removed += orphans.length;
  }
  return removed;
}

/** One pass of the retention rules. Safe to run at any time, as often as wanted, from any process. */
export async function purgeExpiredPersonalData(db: PrismaClient, now = new Date()): Promise<PurgeCounts> {
  const counts: PurgeCounts = { applications: 0, documents: 0, drafts: 0, orphanFiles: 0 };
  const byYears = new Map<number, number[]>();
  for (const [serviceId, years] of await retentionByService(db)) {
    byYears.set(years, [...(byYears.get(years) ?? []), serviceId]);
  }
  for (const [years, serviceIds] of byYears) {
    const ended = endedBefore(retentionCutoff(now, years), serviceIds);
    counts.applications += await deleteApplications(db, { ...ended, applicantId: null });
    counts.documents += await deleteDocuments(db, ended);
  }
  counts.drafts = await deleteApplications(db, { status: "draft", applicantId: null });
  counts.orphanFiles = await removeOrphanFiles(db, now);
  return counts;
}

/**
 * Runs the purge in this process: a first pass a minute after start, then every `intervalMs`
 * (an hour by default); one pass at a time. Logs counts only, never whose data went.
 */
export function startRetentionPurge(db: PrismaClient, intervalMs = 60 * 60_000, firstDelayMs = 60_000): () => void {
  let running = false;
  const pass = () => {
    if (running) return;
    running = true;
    purgeExpiredPersonalData(db)
      .then((counts) => {
        if (Object.values(counts).some((n) => n > 0)) logger.info(counts, "retention purge");
      })
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.name : "unknown" }, "retention purge failed"),
      )
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(pass, firstDelayMs);
  const timer = setInterval(pass, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
