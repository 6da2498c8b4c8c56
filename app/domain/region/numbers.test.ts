import { describe, expect, it } from "vitest";
import { formatFileSize, formatNumber, russianPlural } from "./numbers";

const NBSP = "\u00A0";

describe("formatNumber", () => {
  it("uses the language's separators", () => {
    expect(formatNumber(12345.5, "ru")).toBe("12\u202F345,5");
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatNumber(0, "ru", 1)).toBe("0");
    expect(formatNumber(-3, "ru", 0)).toBe("\u22123");
  });
});

describe("formatFileSize", () => {
  it("says bytes, kilobytes and megabytes in words a resident reads, not «597 B»", () => {
    expect(formatFileSize(597, "ru")).toBe(`597${NBSP}байт`);
    expect(formatFileSize(1, "ru")).toBe(`1${NBSP}байт`);
    expect(formatFileSize(2, "ru")).toBe(`2${NBSP}байта`);
    expect(formatFileSize(597, "en")).toBe(`597${NBSP}bytes`);
    expect(formatFileSize(1, "en")).toBe(`1${NBSP}byte`);
    expect(formatFileSize(12 * 1024 + 100, "ru")).toBe(`12${NBSP}КБ`);
    expect(formatFileSize(12 * 1024, "en")).toBe(`12${NBSP}KB`);
    expect(formatFileSize(1.5 * 1024 * 1024, "ru")).toBe(`1,5${NBSP}МБ`);
    expect(formatFileSize(1.5 * 1024 * 1024, "en")).toBe(`1.5${NBSP}MB`);
    // Just under a megabyte is "1 МБ", not "1024 КБ".
    expect(formatFileSize(1024 * 1024 - 10, "ru")).toBe(`1${NBSP}МБ`);
  });
});

describe("russianPlural", () => {
  it("picks one, few or many", () => {
    const forms = ["день", "дня", "дней"] as const;
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 104].map((n) => russianPlural(n, forms))).toEqual([
      "день",
      "дня",
      "дней",
      "дней",
      "дней",
      "день",
      "дня",
      "дней",
      "дней",
      "дня",
    ]);
  });
});
