import type { Route } from "./+types/school-orders-csv";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { allPublicOrders, schoolExists } from "~/domain/enrollment/enrollment-results.server";
import { parseOrdersYear, publicOrdersCsv } from "~/domain/enrollment/public-orders";
import { applyStaticSecurityHeaders } from "~/server/security-headers.server";

/**
 * Open data: the same orders as /api/schools/:code/orders, every one of the year, as CSV (UTF-8, a
 * header, `;`): order number; order date; registration number — one row per enrolled child.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const headers = new Headers({ "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" });
  applyStaticSecurityHeaders(headers);
  const plain = (status: number, text: string) => {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return new Response(`${text}\n`, { status, headers });
  };
  const year = parseOrdersYear(new URL(request.url).searchParams.get("year"), campaignYearFor(new Date()));
  if (year === null) return plain(400, "bad year: expected YYYY");
  if (!(await schoolExists(prisma, params.code))) return plain(404, "unknown school");
  const orders = await allPublicOrders(prisma, { schoolCode: params.code, year });
  headers.set("Content-Type", "text/csv; charset=utf-8");
  headers.set("Content-Disposition", `attachment; filename="school-${params.code}-orders-${year}.csv"`);
  return new Response(publicOrdersCsv(orders), { headers });
}
