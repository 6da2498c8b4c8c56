import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/*
 * The indicators' caches (indicators.server.ts) notice new figures by one revision counter: every write that
 * changes what an indicator counts — a status change's roll-up, bills imported, a bill paid — moves it on.
 */
/** The name of that counter (a `Counter` row), wherever it is read or moved on. */
export const STATISTICS_REVISION = "statistics";

export async function bumpStatisticsRevision(db: PrismaClient | Prisma.TransactionClient): Promise<void> {
  await db.counter.upsert({
    where: { name: STATISTICS_REVISION },
    create: { name: STATISTICS_REVISION, value: 1 },
    update: { value: { increment: 1 } },
  });
}
