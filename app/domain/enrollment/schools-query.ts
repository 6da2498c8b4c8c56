import { z } from "zod";
import { parseAddressQuery } from "~/domain/enrollment/address-query";
import { MUNICIPALITY_CODES } from "~/domain/region/municipalities";

/*
 * The parameters of the schools page and of /api/schools, read from a URL. Anything odd falls back
 * to a default instead of an error: a mistyped link still shows the schools.
 *
 * The list: year, oktmo, district, language, adapted=1, boarding=1, free=1, q, after.
 * The address lookup: address (one line) or municipality + street + house.
 */

/** Languages of education a school may teach in (the first-grade form's list): Russian, Tatar, Moksha. */
export const EDUCATION_LANGUAGES = ["ru", "tt", "mdf"] as const;

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on")
  .catch(false);
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const value = (v ?? "").replace(/\s+/g, " ").trim();
      return value.length > 0 && value.length <= max ? value : undefined;
    })
    .catch(undefined);
const oktmo = z
  .string()
  .optional()
  .transform((v) => (v && MUNICIPALITY_CODES.includes(v) ? v : undefined))
  .catch(undefined);

export const SchoolsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  oktmo,
  district: text(60),
  language: z.enum(EDUCATION_LANGUAGES).optional().catch(undefined),
  adapted: flag,
  boarding: flag,
  free: flag,
  q: text(100),
  after: z
    .string()
    .regex(/^[0-9A-Za-zА-Яа-я-]{1,20}$/)
    .optional()
    .catch(undefined),
  address: text(200),
  municipality: oktmo,
  street: text(100),
  house: text(20),
});

export type SchoolsQuery = z.infer<typeof SchoolsQuerySchema> & { year: number };

export function parseSchoolsQuery(params: URLSearchParams, defaultYear: number): SchoolsQuery {
  const get = (name: string) => params.get(name) || undefined;
  const parsed = SchoolsQuerySchema.parse({
    year: get("year"),
    oktmo: get("oktmo"),
    district: get("district"),
    language: get("language"),
    adapted: get("adapted"),
    boarding: get("boarding"),
    free: get("free"),
    q: get("q"),
    after: get("after"),
    address: get("address"),
    municipality: get("municipality"),
    street: get("street"),
    house: get("house"),
  });
  return { ...parsed, year: parsed.year ?? defaultYear };
}

/** What to look up: the structured fields when a street is given, else the one-line address; null for neither. */
export function addressOfQuery(
  query: SchoolsQuery,
  knownSettlements: readonly string[],
): { oktmo?: string; settlement?: string; street: string; house: string } | null {
  if (query.street) {
    return {
      ...(query.municipality ? { oktmo: query.municipality } : {}),
      street: query.street,
      house: query.house ?? "",
    };
  }
  if (!query.address) return null;
  const parsed = parseAddressQuery(query.address, knownSettlements);
  if (!parsed) return null;
  return {
    ...(query.municipality ? { oktmo: query.municipality } : {}),
    ...(parsed.settlement ? { settlement: parsed.settlement } : {}),
    street: parsed.street,
    house: parsed.house ?? "",
  };
}

/** Whether the query asked for an address at all (even one that could not be read). */
export function asksForAddress(query: SchoolsQuery): boolean {
  return query.street !== undefined || query.address !== undefined;
}
