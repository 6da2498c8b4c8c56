import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/*
 * The few HTTP pieces the demo acquirer's endpoints share. Bodies are small (a payment, a card form), so a
 * generous 64 KB limit stops a runaway client without ever refusing a real request.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type Body = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" | "aborted" };

export async function readBody(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > BODY_LIMIT_BYTES) return { ok: false, reason: "too-large" };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) return { ok: false, reason: "too-large" };
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The body as JSON, or an answer already sent (413, 400); an empty body is `empty` when one is given. */
export async function readJson(
  req: IncomingMessage,
  res: ServerResponse,
  empty?: unknown,
): Promise<{ ok: true; value: unknown; raw: string } | { ok: false }> {
  const body = await readBody(req);
  if (!body.ok) {
    sendJson(res, 413, { error: "body-too-large" }, { Connection: "close" });
    return { ok: false };
  }
  const raw = body.bytes.toString("utf8");
  if (raw.trim() === "" && empty !== undefined) return { ok: true, value: empty, raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, raw };
  } catch {
    sendJson(res, 400, { error: "invalid-json", message: "the body is not JSON" });
    return { ok: false };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(text);
}

/*
 * An HTML page with no script at all and its one inline stylesheet allowed by nonce. form-action names
 * the merchant's origin too: browsers apply it to the redirect after a form is posted, and every outcome
 * redirects the payer to the returnUrl.
 */
export function sendHtml(
  res: ServerResponse,
  status: number,
  render: (nonce: string) => string,
  formTargets: string[] = [],
) {
  const nonce = randomBytes(16).toString("base64");
  const html = render(nonce);
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "Content-Security-Policy": [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      `form-action 'self' ${formTargets.join(" ")}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  res.end(html);
}

/** 303: after a POST the browser GETs the new address. */
export function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  res.end();
}

/** Compares secrets in constant time, so an attacker cannot learn a key from response times. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}
