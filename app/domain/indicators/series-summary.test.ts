import { describe, expect, it } from "vitest";
import { parsePeriod, periodProgress } from "./periods";
import { summarizeSeries } from "./series-summary";

describe("a period still going on", () => {
  it("is told apart from finished and future ones", () => {
    const today = "2026-12-02";
    expect(periodProgress(parsePeriod("2026-12")!, today)).toBe("current");
    expect(periodProgress(parsePeriod("2026-Q4")!, today)).toBe("current");
    expect(periodProgress(parsePeriod("2026")!, today)).toBe("current");
    expect(periodProgress(parsePeriod("2026-11")!, today)).toBe("complete");
    expect(periodProgress(parsePeriod("2025")!, today)).toBe("complete");
    expect(periodProgress(parsePeriod("2027-01")!, today)).toBe("future");
    // The last day of a month is still in it.
    expect(periodProgress(parsePeriod("2026-12")!, "2026-12-31")).toBe("current");
  });

  it("is never the lowest (or highest, or latest) value of a series", () => {
    const points = [
      { label: "октябрь 2026", value: 120 },
      { label: "ноябрь 2026", value: 95 },
      // Two days of December.
      { label: "декабрь 2026", value: 7, partial: true },
    ];
    const { finished, current } = summarizeSeries(points);
    expect(finished?.min.label).toBe("ноябрь 2026");
    expect(finished?.max.label).toBe("октябрь 2026");
    expect(finished?.last.label).toBe("ноябрь 2026");
    expect(current?.label).toBe("декабрь 2026");
  });

  it("leaves nothing finished to summarise when the only figure is the current one", () => {
    expect(summarizeSeries([{ label: "2026", value: 3, partial: true }])).toEqual({
      finished: null,
      current: { label: "2026", value: 3, partial: true },
    });
    expect(summarizeSeries([{ label: "2026", value: null }])).toEqual({ finished: null, current: null });
  });
});
