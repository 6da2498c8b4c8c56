import { describe, expect, it } from "vitest";
import { checkSignature, signBody } from "./registry-signature";

const NOW = new Date("2026-12-02T10:00:00Z");
const ts = String(NOW.getTime() / 1000);

describe("signed life events", () => {
  const body = '{"type":"birth"}';
  const signature = signBody("s3cret", ts, body);

  it("accepts the source's own signature", () => {
    expect(checkSignature({ secret: "s3cret", timestamp: ts, body, signature, now: NOW })).toEqual({ ok: true });
  });
  it("refuses another secret, a changed body, a changed timestamp", () => {
    expect(checkSignature({ secret: "other", timestamp: ts, body, signature, now: NOW }).ok).toBe(false);
    expect(checkSignature({ secret: "s3cret", timestamp: ts, body: `${body} `, signature, now: NOW }).ok).toBe(false);
    const later = String(Number(ts) + 1);
    expect(checkSignature({ secret: "s3cret", timestamp: later, body, signature, now: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
  it("refuses a timestamp outside five minutes either way, and one that is not a number", () => {
    for (const shift of [-301, 301]) {
      const at = String(Number(ts) + shift);
      expect(
        checkSignature({ secret: "s3cret", timestamp: at, body, signature: signBody("s3cret", at, body), now: NOW }),
      ).toEqual({
        ok: false,
        reason: "stale-timestamp",
      });
    }
    expect(checkSignature({ secret: "s3cret", timestamp: "soon", body, signature, now: NOW }).ok).toBe(false);
  });
});
