import type { Route } from "./+types/schools";
import { prisma } from "~/db/prisma.server";
import { campaignYearFor } from "~/domain/enrollment/campaign";
import {
  answerSchoolsQuery,
  MAX_PAGE_SIZE,
  type SchoolCard,
  type StreetSuggestion,
} from "~/domain/enrollment/schools.server";
import { parseSchoolsQuery } from "~/domain/enrollment/schools-query";
import type { Language } from "~/domain/i18n/localized";
import { requestLanguage } from "~/i18n/i18n.server";
import { logger } from "~/platform/logger.server";
import { applyStaticSecurityHeaders } from "~/server/security-headers.server";

/**
 * Schools with first-grade places for other systems:
 * GET /api/schools?year=&oktmo=&district=&language=&adapted=1&boarding=1&free=1&q=&after=&lng=
 * and the schools an address is assigned to: &address=<one line> or &municipality=&street=&house=.
 * Same filters as the site, in the requested language; `next` is the `after` of the next page.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  const query = parseSchoolsQuery(new URL(request.url).searchParams, campaignYearFor(new Date()));
  let body: Record<string, unknown>;
  try {
    const { lookup, list } = await answerSchoolsQuery(prisma, query, MAX_PAGE_SIZE);
    const school = (s: SchoolCard) => schoolJson(s, language);
    const street = (s: StreetSuggestion) => ({
      oktmo: s.oktmo,
      municipality: s.municipality[language],
      settlement: s.settlement,
      street: s.street,
    });
    body = {
      language,
      year: query.year,
      ...(lookup && lookup.match !== "unreadable"
        ? {
            address:
              lookup.match === "found"
                ? {
                    match: lookup.match,
                    ...street(lookup.house.street),
                    house: lookup.house.number,
                    schools: lookup.schools.map(school),
                  }
                : lookup.match === "house-unknown"
                  ? { match: lookup.match, ...street(lookup.street), houses: lookup.suggestions }
                  : { match: lookup.match, streets: lookup.suggestions.map(street) },
          }
        : lookup
          ? { address: { match: "unreadable" } }
          : {}),
      schools: list.schools.map(school),
      next: list.next,
    };
  } catch (error) {
    // Other systems get a plain JSON answer they can handle, never an HTML page or a stack trace.
    logger.error({ err: error, path: "/api/schools" }, "schools API failed");
    return Response.json({ error: "internal_error" }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
  const headers = new Headers({ "Cache-Control": "public, max-age=60", "Content-Language": language });
  applyStaticSecurityHeaders(headers);
  return Response.json(body, { headers });
}

function schoolJson(s: SchoolCard, language: Language) {
  return {
    code: s.code,
    name: s.name[language],
    oktmo: s.oktmo,
    municipality: s.municipality[language],
    district: s.district,
    address: s.address,
    languages: s.languages,
    adaptedProgrammes: s.adaptedProgrammes,
    boarding: s.boarding,
    seats: s.seats,
    freeSeats: s.freeSeats,
    url: `/schools/${encodeURIComponent(s.code)}`,
  };
}
