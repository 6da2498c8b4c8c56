import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatShortDate, isIsoDate } from "./dates";

describe("formatShortDate", () => {
  it("writes a stored date as on documents: ДД.ММ.ГГГГ in Russian, DD/MM/YYYY in English", () => {
    expect(formatShortDate("2020-03-15", "ru")).toBe("15.03.2020");
    expect(formatShortDate("2010-06-01", "ru")).toBe("01.06.2010");
    expect(formatShortDate("2020-03-15", "en")).toBe("15/03/2020");
  });

  it("shows anything that is not a stored date as it is, never throwing", () => {
    for (const typed of ["", "15.03.2020", "2020-3-15", "вчера", "2020-03-15T10:00:00Z"]) {
      expect(formatShortDate(typed, "ru")).toBe(typed);
    }
    expect(isIsoDate("2020-03-15")).toBe(true);
    expect(isIsoDate("2020-03-15 ")).toBe(false);
    expect(isIsoDate(20200315)).toBe(false);
  });
});

describe("dates in words", () => {
  it("are in the region's time zone and the reader's language", () => {
    expect(formatDate("2026-05-18", "ru")).toBe("18 мая 2026 г.");
    expect(formatDate("2026-05-18", "en")).toBe("18 May 2026");
    // 21:30 UTC on 31 December is already New Year in Penza.
    expect(formatDateTime(new Date("2026-12-31T21:30:00Z"), "ru")).toMatch(/^1 января 2027 г\.(,| в) 00:30$/);
  });
});
