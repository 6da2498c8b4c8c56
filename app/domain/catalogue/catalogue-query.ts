import { z } from "zod";
import type { CatalogueQuery } from "~/domain/catalogue/catalogue";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on")
  .catch(false);
const slug = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .optional()
  .catch(undefined);

/**
 * Reads search and filter parameters from a URL. Anything odd falls back to a default instead of
 * an error: a mistyped link should still show the catalogue.
 */
export const CatalogueQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 200))
    .catch(""),
  category: slug,
  situation: slug,
  online: flag,
  mszu: flag,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export function parseCatalogueQuery(params: URLSearchParams, pageSize: number): CatalogueQuery {
  const parsed = CatalogueQuerySchema.parse({
    q: params.get("q") ?? undefined,
    category: params.get("category") || undefined,
    situation: params.get("situation") || undefined,
    online: params.get("online") ?? undefined,
    mszu: params.get("mszu") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  return {
    q: parsed.q,
    category: parsed.category,
    lifeSituation: parsed.situation,
    online: parsed.online,
    mszu: parsed.mszu,
    page: parsed.page,
    pageSize,
  };
}
