import { describe, expect, it } from "vitest";
import { keysetHref } from "./page-links";

describe("keysetHref", () => {
  it("keeps the list's filters in their order and sets the cursor", () => {
    const params = new URLSearchParams("queue=mine&q=Иванов&status=&after=17&sort=received");
    expect(keysetHref(params, "after", "42")).toBe(
      "?queue=mine&q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&status=&after=42&sort=received",
    );
    // The page's own parameters are left as they were.
    expect(params.get("after")).toBe("17");
  });

  it("adds the cursor after the filters when there was none", () => {
    expect(keysetHref(new URLSearchParams("queue=all"), "after", "5")).toBe("?queue=all&after=5");
  });

  it("drops one cursor given twice, so the link names one page", () => {
    expect(keysetHref(new URLSearchParams("after=1&x=y&after=2"), "after", "3")).toBe("?after=3&x=y");
  });

  it("takes the filters a loader kept, leaving out the empty ones", () => {
    expect(keysetHref({ status: "open" }, "after", "12")).toBe("?status=open&after=12");
    expect(keysetHref({ status: undefined, actor: "" }, "after", "12")).toBe("?after=12");
  });

  it("names a path and a fragment when given, and encodes the cursor", () => {
    expect(keysetHref({}, "after", "a b&c", { path: "/admin" })).toBe("/admin?after=a+b%26c");
    expect(keysetHref({ year: "2027" }, "ordersAfter", "7", { path: "/schools/112", hash: "#orders" })).toBe(
      "/schools/112?year=2027&ordersAfter=7#orders",
    );
  });
});
