import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("agree with schema.prisma (a schema change without a migration fails here)", () => {
    const result = spawnSync(
      path.join("node_modules", ".bin", "prisma"),
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
        "--exit-code",
      ],
      { encoding: "utf8" },
    );
    // --exit-code: 0 = no difference, 2 = a difference, 1 = an error.
    expect(result.stdout).toContain("empty migration");
    expect(result.status).toBe(0);
  });
});
