import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./sealed-secret";

describe("sealed secrets", () => {
  it("open with the same key only", () => {
    const sealed = sealSecret("the secret", "key one");
    expect(sealed).not.toContain("the secret");
    expect(openSecret(sealed, "key one")).toBe("the secret");
    expect(openSecret(sealed, "key two")).toBeNull();
    expect(openSecret("garbage", "key one")).toBeNull();
  });
  it("differ each time, and refuse a changed or truncated seal", () => {
    const sealed = sealSecret("the secret", "key one");
    expect(sealSecret("the secret", "key one")).not.toBe(sealed);
    const [iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(openSecret([iv, tag, flipped.toString("base64url")].join("."), "key one")).toBeNull();
    const shortTag = Buffer.from(tag!, "base64url").subarray(0, 8).toString("base64url");
    expect(openSecret([iv, shortTag, data].join("."), "key one")).toBeNull();
  });
});
