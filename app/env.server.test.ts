import { describe, expect, it } from "vitest";
import { parseEnv, secureCookies } from "~/env.server";

describe("configuration", () => {
  it("has working defaults for a fresh clone", () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("file:./prisma/data/portal.db");
    expect(config.SEED_DEMO_DATA).toBe(true);
    expect(secureCookies(config)).toBe(false);
    expect(secureCookies(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(secureCookies(parseEnv({ NODE_ENV: "production", SECURE_COOKIES: "false" }))).toBe(false);
  });

  it("fails fast with a readable message naming every bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "postgres://x" })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a SQLite file URL/s,
    );
  });
});
