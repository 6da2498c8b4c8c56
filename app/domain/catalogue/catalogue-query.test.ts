import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "./catalogue-query";

const parse = (search: string) => parseCatalogueQuery(new URLSearchParams(search), 20);

describe("catalogue query parameters", () => {
  it("reads search words and filters", () => {
    expect(parse("q=+школа+&category=education&online=1&mszu=on&situation=child-to-school&page=3")).toEqual({
      q: "школа",
      category: "education",
      lifeSituation: "child-to-school",
      online: true,
      mszu: true,
      page: 3,
      pageSize: 20,
    });
  });

  it("turns odd values into defaults instead of errors", () => {
    expect(parse("page=abc&category=../../etc&online=maybe&q=" + "я".repeat(500))).toEqual({
      q: "я".repeat(200),
      category: undefined,
      lifeSituation: undefined,
      online: false,
      mszu: false,
      page: 1,
      pageSize: 20,
    });
    expect(parse("page=-4").page).toBe(1);
    expect(parse("").q).toBe("");
  });
});
