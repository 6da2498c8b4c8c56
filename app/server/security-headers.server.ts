import { randomBytes } from "node:crypto";

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/*
 * Headers for every HTML response. Scripts run only with this response's nonce — or, on a page sent
 * without client code (client-code.ts), not at all, so such a page may be shared from the page cache
 * without sharing a nonce; the portal is never framed (clickjacking) and never leaks full URLs to
 * other sites.
 */
export function applySecurityHeaders(
  headers: Headers,
  nonce: string | null,
  development: boolean,
  /** Other sites a form may lead to: the acquirer's payment page, reached by a redirect after "pay". */
  formTargets: readonly string[] = [],
): void {
  const csp = [
    "default-src 'self'",
    nonce === null ? "script-src 'none'" : `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-inline'" : ""}`,
    // React's style attributes (progress bars, chart sizes) need inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  headers.set("Content-Security-Policy", csp);
  applyStaticSecurityHeaders(headers);
}

/**
 * The part that fits every response (static files, JSON, CSV, documents, plain-text errors). The
 * HTTP server sets these on all of them (http-server.server.ts).
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
];

export function applyStaticSecurityHeaders(headers: Headers): void {
  for (const [name, value] of STATIC_SECURITY_HEADERS) headers.set(name, value);
}

/**
 * A served document (an applicant's upload) is data, never a page: nothing in it may run, load or
 * be framed, even if a browser were talked into rendering an HTML or SVG file.
 */
export const DOCUMENT_CSP = "default-src 'none'; sandbox";
