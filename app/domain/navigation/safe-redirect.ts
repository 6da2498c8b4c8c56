/**
 * Where to send a person back to after a form posted from any page: only a path on this site,
 * so a crafted link cannot turn the portal into an open redirect.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  if (target.includes("\\") || [...target].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  return target;
}
