import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRegistrationNumber, parseRegistrationNumber } from "./registration-number";

describe("registration numbers", () => {
  it("are region, year, sequence and a check digit, digits only", () => {
    expect(formatRegistrationNumber(2026, 1234)).toMatch(/^58-2026-0001234-\d$/);
  });

  it("read back however they are typed", () => {
    const text = formatRegistrationNumber(2026, 42);
    expect(parseRegistrationNumber(text.replace(/-/g, " "))).toEqual({ year: 2026, sequence: 42, text });
    expect(parseRegistrationNumber("77-2026-0000042-0")).toBeNull();
  });

  it("catch any single mistyped digit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (sequence, position, shift) => {
          const digits = formatRegistrationNumber(2026, sequence).replace(/-/g, "");
          const wrong =
            digits.slice(0, position) + String((Number(digits[position]) + shift) % 10) + digits.slice(position + 1);
          return parseRegistrationNumber(wrong) === null;
        },
      ),
    );
  });

  it("are unique per sequence and sort by it", () => {
    const numbers = [1, 2, 10, 9_999_999].map((n) => formatRegistrationNumber(2026, n));
    expect(new Set(numbers).size).toBe(4);
    expect([...numbers].sort()).toEqual(numbers);
  });
});
