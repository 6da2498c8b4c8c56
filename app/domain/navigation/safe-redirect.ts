/*
 * Where to send a person back to after a form posted from any page: only a path on this site,
 * so a crafted link cannot turn the portal into an open redirect. The one rule for every
 * `redirectTo` of the portal (language and vision switches, sign-in, "stay signed in", a child
 * added from an application step).
 */

/** Longer than any page address of the portal; a longer value would only bloat the Location header. */
export const MAX_REDIRECT_LENGTH = 2_000;

// Never a real host: the target is resolved against it and must stay on it.
const DUMMY_ORIGIN = "http://portal.invalid";

/**
 * The target as a normalised, percent-encoded (so ASCII only, fit for a header) path with its
 * query and fragment, or the fallback when it is not a path on this site. The WHATWG URL parser
 * decides, the same way a browser following the redirect would: `/.//evil.example`,
 * `/a/..//evil.example` or `/%2e//evil.example` collapse to `//evil.example` and are refused.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_REDIRECT_LENGTH) return fallback;
  // Only a path: not a scheme, not a protocol-relative `//host`.
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  // Backslashes are slashes to a browser; control characters could split a header.
  if (target.includes("\\") || [...target].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // After normalisation: still a single-slash path, printable ASCII, not grown past the limit.
  if (!path.startsWith("/") || path.startsWith("//") || path.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!/^[\x21-\x7e]+$/.test(path)) return fallback;
  return path;
}
