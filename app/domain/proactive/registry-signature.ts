import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * How a source system signs a life event (docs/proactive.md, "Intake"): an HMAC-SHA256 with the
 * source's shared secret over the timestamp and the raw body, so neither can be changed in transit and
 * an old request cannot be played again outside the window. The secrets are kept sealed (sealed-secret.ts).
 */
export const SIGNATURE_HEADERS = {
  source: "x-registry-source",
  key: "x-registry-key",
  timestamp: "x-registry-timestamp",
  signature: "x-registry-signature",
} as const;

/** How far a request's timestamp may be from the portal's clock. */
export const REPLAY_WINDOW_SECONDS = 300;

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "bad-signature" | "stale-timestamp" };

export function checkSignature(input: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  now: Date;
}): SignatureCheck {
  const seconds = Number(input.timestamp);
  if (!/^\d{1,12}$/.test(input.timestamp) || Math.abs(input.now.getTime() / 1000 - seconds) > REPLAY_WINDOW_SECONDS)
    return { ok: false, reason: "stale-timestamp" };
  const expected = Buffer.from(signBody(input.secret, input.timestamp, input.body));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad-signature" };
  return { ok: true };
}
