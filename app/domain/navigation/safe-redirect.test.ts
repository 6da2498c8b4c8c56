import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/services/first-grade-enrollment", "/services/first-grade-enrollment"],
    ["/search?q=school&page=2", "/search?q=school&page=2"],
    ["/cabinet#drafts", "/cabinet#drafts"],
    // Non-ASCII comes back percent-encoded: a header carries bytes, not text.
    ["/search?q=школа", "/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0"],
    ["/。/x", "/%E3%80%82/x"],
    ["/a\u202eb", "/a%E2%80%AEb"],
    // Dots are resolved the way a browser resolves them.
    ["/cabinet/../search", "/search"],
    ["/a/./b", "/a/b"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    ["https://evil.example/"],
    ["http:evil.example"],
    ["javascript:alert(1)"],
    ["//evil.example/"],
    ["///evil.example/"],
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/%2e//evil.example"],
    ["/%2E%2E//evil.example"],
    ["/a/..//evil.example"],
    ["/./..//evil.example/x?y#z"],
    ["/\\evil.example"],
    ["/ok\nSet-Cookie: x"],
    ["/ok\r\nLocation: //evil.example"],
    ["/nul\u0000"],
    ["/del\u007f"],
    ["/tab\there"],
    ["evil.example"],
    [" /leading-space"],
    ["(over the length limit)", "/" + "a".repeat(MAX_REDIRECT_LENGTH)],
    ["(5 MB)", "/" + "a".repeat(5 * 1024 * 1024)],
    ["(past the limit once percent-encoded)", "/" + "я".repeat(MAX_REDIRECT_LENGTH / 3)],
    [""],
    [undefined],
    [null],
    [42],
    [["/a"]],
  ])("refuses %j", (...row: unknown[]) => {
    const input = row.length === 2 ? row[1] : row[0];
    expect(safeRedirectPath(input)).toBe("/");
    expect(safeRedirectPath(input, "/cabinet")).toBe("/cabinet");
  });

  it("always answers something a header can carry", () => {
    for (const input of ["/。/x", "/\u{1F600}", "/a?b=<script>", "/a#\u202e", "/%E0%A4%A"]) {
      const out = safeRedirectPath(input);
      expect(out).toMatch(/^\/[\x21-\x7e]*$/);
      expect(() => new Headers({ Location: out })).not.toThrow();
    }
  });
});
