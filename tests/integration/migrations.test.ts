import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../prisma/scripts/migration-diff";

describe("migrations", () => {
  it("agree with schema.prisma (a schema change without a migration fails here)", () => {
    const result = diffMigrationsToSchema();
    expect(result.sql).toContain("empty migration");
    expect(result.status).toBe(0);
  });
});
