import type { IncomingHttpHeaders } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/*
 * Every state-changing request must come from the portal's own pages. Browsers send Origin with
 * every POST (and Referer where Origin is withheld); a request that names another site is refused.
 * Requests naming no origin at all do not come from a browser page, so they cannot ride on a
 * resident's cookies — SameSite=Lax already keeps those off cross-site POSTs.
 */
export function isCrossOriginWrite(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has((method ?? "GET").toUpperCase())) return false;
  const host = headers.host;
  const source = headers.origin ?? headers.referer;
  if (!source) return false;
  if (source === "null") return true;
  try {
    return new URL(source).host !== host;
  } catch {
    return true;
  }
}
