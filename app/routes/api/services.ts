import type { Route } from "./+types/services";
import { prisma } from "~/db/prisma.server";
import { findServices } from "~/domain/catalogue/catalogue";
import { parseCatalogueQuery } from "~/domain/catalogue/catalogue-query";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import { requestLanguage } from "~/i18n/i18n.server";
import { logger } from "~/platform/logger.server";
import { applyStaticSecurityHeaders } from "~/server/security-headers.server";

const PAGE_SIZE = 100;

/**
 * The catalogue for other systems: GET /api/services?q=&category=&situation=&online=1&mszu=1&page=&lng=
 * Same search and filters as the site, in the requested language.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const query = parseCatalogueQuery(new URL(request.url).searchParams, PAGE_SIZE);
  let results;
  try {
    results = findServices(await getCatalogue(prisma), query, language);
  } catch (error) {
    // Other systems get a plain JSON answer they can handle, never an HTML page or a stack trace.
    logger.error({ err: error, path: "/api/services" }, "catalogue API failed");
    return Response.json({ error: "internal_error" }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
  const headers = new Headers({ "Cache-Control": "public, max-age=60", "Content-Language": language });
  applyStaticSecurityHeaders(headers);
  return Response.json(
    {
      language,
      total: results.total,
      page: results.page,
      pageCount: results.pageCount,
      services: results.services.map((s) => ({
        code: s.code,
        slug: s.slug,
        title: s.title,
        summary: s.summary,
        category: s.category.slug,
        categoryTitle: s.category.title,
        department: s.department,
        level: s.level,
        deadlineWorkingDays: s.deadlineDays,
        mszu: s.mszu,
        online: s.delivery === "online",
        proactive: s.proactive,
        url: `/services/${s.slug}`,
      })),
    },
    { headers },
  );
}
