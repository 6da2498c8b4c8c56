import type { Route } from "./+types/school-orders";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { publicSchoolOrders } from "~/domain/enrollment/enrollment-results.server";
import { parseOrdersCursor, parseOrdersYear, publicOrderJson } from "~/domain/enrollment/public-orders";
import { applyStaticSecurityHeaders } from "~/server/security-headers.server";

/**
 * Open data: a school's first-grade enrollment orders for a campaign year, each with the registration
 * numbers it enrolled — never names (docs/enrollment.md, "Results, public orders and open data").
 * GET /api/schools/:code/orders?year=2027&after=<next>; `next` is the `after` of the next page.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  const headers = new Headers({ "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" });
  applyStaticSecurityHeaders(headers);
  const year = parseOrdersYear(query.get("year"), campaignYearFor(new Date()));
  if (year === null) return Response.json({ error: "bad_year", expected: "YYYY" }, { status: 400, headers });
  const found = await publicSchoolOrders(prisma, {
    code: params.code,
    year,
    after: parseOrdersCursor(query.get("after")),
  });
  if (!found) return Response.json({ error: "unknown_school" }, { status: 404, headers });
  return Response.json(
    {
      school: found.school,
      year: found.year,
      orders: found.orders.map(publicOrderJson),
      next: found.next,
      years: found.years,
    },
    { headers },
  );
}
