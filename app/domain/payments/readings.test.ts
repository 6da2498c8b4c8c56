import { describe, expect, it } from "vitest";
import { checkReading, readingThousandths } from "./readings";

const window = { from: 15, to: 25 };

describe("meter readings", () => {
  it("reads a decimal comma or point, up to three places", () => {
    expect(readingThousandths("120,5")).toBe(120_500);
    expect(readingThousandths(" 120.500 ")).toBe(120_500);
    expect(readingThousandths("1 234,125")).toBe(1_234_125);
    expect(readingThousandths("12,3456")).toBeNull();
    expect(readingThousandths("-1")).toBeNull();
    expect(readingThousandths("abc")).toBeNull();
  });

  it("is taken from the 15th to the 25th, both days included", () => {
    expect(checkReading({ value: "10", last: null, today: "2026-12-15", window })).toEqual({
      ok: true,
      value: "10.000",
    });
    expect(checkReading({ value: "10", last: null, today: "2026-12-25", window }).ok).toBe(true);
    expect(checkReading({ value: "10", last: null, today: "2026-12-14", window })).toEqual({
      ok: false,
      error: "outside-window",
    });
    expect(checkReading({ value: "10", last: null, today: "2026-12-26", window }).ok).toBe(false);
  });

  it("is refused when lower than the last one; the same value is taken", () => {
    expect(checkReading({ value: "120,4", last: "120.500", today: "2026-12-20", window })).toEqual({
      ok: false,
      error: "lower-than-last",
    });
    expect(checkReading({ value: "120,5", last: "120.500", today: "2026-12-20", window }).ok).toBe(true);
  });
});
