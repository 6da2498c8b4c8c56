import { describe, expect, it } from "vitest";
import type { IndicatorValue } from "./compute";
import { csvDialectOf, toCsv } from "./indicator-export";

const value = (v: number | null, numerator: number | null, denominator: number | null): IndicatorValue => ({
  code: "decided-on-time",
  value: v,
  numerator,
  denominator,
  target: 80,
  extra: {},
});
const rows = [
  { period: "2025", value: value(87.5, 175, 200) },
  { period: "2026-04", value: value(null, null, 0) },
];

describe("the indicators' CSV", () => {
  it("is RFC 4180 for programs: commas, a decimal point, no byte-order mark", () => {
    const text = toCsv(rows, "percent", { municipality: "56701000" });
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\r\n")).toEqual([
      "period,code,unit,value,target,numerator,denominator,department,category,service,municipality,channel",
      "2025,decided-on-time,percent,87.5,80,175,200,,,,56701000,",
      "2026-04,decided-on-time,percent,,80,,0,,,,56701000,",
      "",
    ]);
  });

  it("has a variant a Russian Excel opens as it is: «;», a decimal comma and a BOM", () => {
    const text = toCsv(rows, "percent", {}, "excel");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "period;code;unit;value;target;numerator;denominator;department;category;service;municipality;channel",
    );
    expect(lines[1]).toBe("2025;decided-on-time;percent;87,5;80;175;200;;;;;");
    expect(lines[2]).toBe("2026-04;decided-on-time;percent;;80;;0;;;;;");
  });

  it("is asked for by ?format=excel; anything else is the plain file", () => {
    expect(csvDialectOf(new URLSearchParams("format=excel"))).toBe("excel");
    expect(csvDialectOf(new URLSearchParams("format=xlsx"))).toBe("rfc4180");
    expect(csvDialectOf(new URLSearchParams())).toBe("rfc4180");
  });
});
