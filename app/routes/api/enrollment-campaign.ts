import type { Route } from "./+types/enrollment-campaign";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import { parseDashboardQuery } from "~/domain/enrollment/campaign-dashboard";
import { loadCampaignDashboard } from "~/domain/enrollment/campaign-dashboard.server";
import { dashboardOpenData } from "~/domain/enrollment/campaign-dashboard-view";
import { requestLanguage } from "~/i18n/i18n.server";
import { logger } from "~/platform/logger.server";
import { applyStaticSecurityHeaders } from "~/server/security-headers.server";

/**
 * Open data of a first-grade campaign, like /api/indicators: GET /api/enrollment/campaign?year=&municipality=&sort=
 * — the campaign's instants, the opening's receipts per minute (first hour), per hour (first day) and
 * per day, totals by stage and priority class, and per school places, applications, enrolled, free
 * places and demand. Counts only: no registration number, no name, and a school's small priority
 * counts withheld (campaign-dashboard.ts, `withheldForOpenData`). Anyone may read it.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const parsed = parseDashboardQuery(new URL(request.url).searchParams, campaignYearFor(new Date()));
  const headers = new Headers({ "Cache-Control": "no-store", "Content-Language": language });
  applyStaticSecurityHeaders(headers);
  if (!parsed.ok) {
    const expected = parsed.error === "year" ? "year: YYYY, 2000–2100" : "municipality: an ОКТМО code of the region";
    return Response.json({ error: `bad_${parsed.error}`, expected }, { status: 400, headers });
  }
  let body: ReturnType<typeof dashboardOpenData>;
  try {
    body = dashboardOpenData(await loadCampaignDashboard(prisma, parsed.query), language);
  } catch (error) {
    // Other systems get a plain JSON answer they can handle, never an HTML page or a stack trace.
    logger.error({ err: error, path: "/api/enrollment/campaign" }, "campaign open data failed");
    return Response.json({ error: "internal_error" }, { status: 500, headers });
  }
  // Live figures, cached for a minute (the opening's load is what people reload).
  headers.set("Cache-Control", "public, max-age=60");
  headers.set("Access-Control-Allow-Origin", "*");
  return Response.json(body, { headers });
}
