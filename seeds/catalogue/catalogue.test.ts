import { describe, expect, it } from "vitest";
import { ServiceSeedSchema } from "~/domain/catalogue/service-content";
import { categories, departments, lifeSituations, services } from "./index";

const bySlug = new Map(services.map((s) => [s.slug, ServiceSeedSchema.parse(s)]));

describe("the demo catalogue", () => {
  it("is large and varied enough to be a real catalogue", () => {
    expect(services.length).toBeGreaterThanOrEqual(40);
    const used = new Set(services.map((s) => s.category));
    expect(used.size).toBeGreaterThanOrEqual(8);
    for (const category of categories) expect(used.has(category.slug), category.slug).toBe(true);
  });

  it("has unique codes and slugs and refers only to known categories, departments and life situations", () => {
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
    expect(bySlug.size).toBe(services.length);
    const known = {
      category: new Set(categories.map((c) => c.slug)),
      department: new Set(departments.map((d) => d.code)),
      situation: new Set(lifeSituations.map((l) => l.slug)),
    };
    for (const s of services) {
      expect(known.category.has(s.category), `${s.slug}: ${s.category}`).toBe(true);
      expect(known.department.has(s.department), `${s.slug}: ${s.department}`).toBe(true);
      for (const l of s.lifeSituations ?? []) expect(known.situation.has(l), `${s.slug}: ${l}`).toBe(true);
    }
  });

  it("keeps the code prefix of the region and each form's field names unique", () => {
    for (const s of bySlug.values()) {
      expect(s.code.startsWith("58-")).toBe(true);
      const names = s.form.steps.flatMap((step) => step.fields.map((f) => f.name));
      expect(new Set(names).size, s.slug).toBe(names.length);
    }
  });

  it("models the flagship services with their regulatory deadlines (docs/catalogue.md)", () => {
    const expected: Record<string, { deadlineDays: number; mszu?: boolean }> = {
      "first-grade-enrollment": { deadlineDays: 5, mszu: true },
      "kindergarten-queue": { deadlineDays: 7, mszu: true },
      "clubs-enrollment": { deadlineDays: 7 },
      "large-family-status": { deadlineDays: 10, mszu: true },
      "utility-compensation": { deadlineDays: 10 },
      "utility-subsidy": { deadlineDays: 10 },
      "child-allowance": { deadlineDays: 10 },
      "utility-bill-payment": { deadlineDays: 0 },
    };
    for (const [slug, facts] of Object.entries(expected)) {
      expect(bySlug.get(slug), slug).toMatchObject(facts);
    }
    const firstGrade = bySlug.get("first-grade-enrollment")!;
    expect(firstGrade.details.refusalGrounds.map((g) => g.code)).toEqual(["no-free-seats"]);
    expect(bySlug.get("utility-compensation")!.proactive).toBe(true);
    expect(bySlug.get("clubs-enrollment")!.form.steps.some((s) => s.fields.some((f) => f.kind === "checkboxes"))).toBe(
      true,
    );
  });

  it("has both MSZU services that are online and ones that need a visit, for the indicators", () => {
    const mszu = [...bySlug.values()].filter((s) => s.mszu);
    expect(mszu.some((s) => s.delivery === "online")).toBe(true);
    expect(mszu.some((s) => s.delivery === "visit")).toBe(true);
    for (const s of bySlug.values()) if (s.delivery === "visit") expect(s.details.visitNote, s.slug).toBeDefined();
  });
});
