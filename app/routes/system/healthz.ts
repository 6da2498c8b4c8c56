import { prisma } from "~/db/prisma.server";
import { logger } from "~/platform/logger.server";

/** Liveness and readiness in one: the process answers and the database does too. */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (error) {
    logger.error({ err: error }, "health check: database unavailable");
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}
