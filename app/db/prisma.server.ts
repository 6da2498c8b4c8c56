import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";

// One client per process; the dev server re-imports modules, so keep it on globalThis there. Its
// commits' fsyncs run off the event loop (docs/decisions/0040).
const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient };

export const prisma: PrismaClient =
  globalForPrisma.portalPrisma ??
  new PrismaClient({
    adapter: createSqliteAdapter(env().DATABASE_URL, { commitSync: "off-the-event-loop" }),
  });

if (env().NODE_ENV !== "production") globalForPrisma.portalPrisma = prisma;
