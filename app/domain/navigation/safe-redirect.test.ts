import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/services/first-grade-enrollment", "/services/first-grade-enrollment"],
    ["/search?q=школа", "/search?q=школа"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/ok\nSet-Cookie: x", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
