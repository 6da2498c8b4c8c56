import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./origin-check.server";

describe("Origin check", () => {
  const host = "portal.example";
  it.each([
    ["GET", { origin: "https://evil.example" }, false],
    ["POST", { origin: "https://portal.example" }, false],
    ["POST", { origin: "https://evil.example" }, true],
    ["POST", { referer: "https://evil.example/page" }, true],
    ["POST", { referer: "https://portal.example/register" }, false],
    ["POST", { origin: "null" }, true],
    ["DELETE", { origin: "not a url" }, true],
    ["POST", {}, false],
  ] as const)("%s with %j → %s", (method, headers, refused) => {
    expect(isCrossOriginWrite(method, { host, ...headers })).toBe(refused);
  });
});
