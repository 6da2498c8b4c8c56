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

  it("runs without a mail server only as the local demo, or as a demo declared with DEMO_MODE", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "http://127.0.0.1:3100" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://gosuslugi58.example" })).toThrow(
      /SMTP_URL: a portal at https:\/\/gosuslugi58.example needs an SMTP server/,
    );
    expect(() =>
      parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://gosuslugi58.example", DEMO_MODE: "true" }),
    ).not.toThrow();
    expect(() =>
      parseEnv({ PUBLIC_URL: "https://gosuslugi58.example", SMTP_URL: "smtp://mail.example:587" }),
    ).not.toThrow();
  });

  it("takes trusted proxies as addresses and ranges", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.5, 172.16.0.0/12" }).TRUSTED_PROXIES).toBe("10.0.0.5, 172.16.0.0/12");
    expect(() => parseEnv({ TRUSTED_PROXIES: "proxy.local" })).toThrow(/TRUSTED_PROXIES: must be IP addresses/);
  });
});
