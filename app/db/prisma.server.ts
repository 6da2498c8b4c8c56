import { PrismaClient } from "~/generated/prisma/client";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { env } from "~/env.server";

// One client per process; the dev server re-imports modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient };

export const prisma: PrismaClient =
  globalForPrisma.portalPrisma ?? new PrismaClient({ adapter: createSqliteAdapter(env().DATABASE_URL) });

if (env().NODE_ENV !== "production") globalForPrisma.portalPrisma = prisma;
