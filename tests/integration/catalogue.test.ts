import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findServices, getCategory, getHome, getServiceView } from "~/domain/catalogue/catalogue";
import { getCatalogue, getServiceForm } from "~/domain/catalogue/catalogue.server";
import { saveService } from "~/domain/catalogue/catalogue-store.server";
import type { CatalogueQuery } from "~/domain/catalogue/catalogue";
import type { PrismaClient } from "~/generated/prisma/client";
import { seedDemoData } from "../../seeds/demo";
import { services } from "../../seeds/catalogue/index";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
});
afterAll(async () => dispose());

const query = (q: string, extra: Partial<CatalogueQuery> = {}): CatalogueQuery => ({
  q,
  page: 1,
  pageSize: 20,
  ...extra,
});

describe("the demo catalogue in a real database", () => {
  it("loads every seeded service with its categories and departments", async () => {
    const catalogue = await getCatalogue(db);
    expect(catalogue.services).toHaveLength(services.length);
    const home = getHome(catalogue, "ru");
    expect(home.categories.length).toBeGreaterThanOrEqual(8);
    expect(home.categories.reduce((sum, c) => sum + c.count, 0)).toBe(services.length);
    expect(home.popular[0]?.title).toBeTruthy();
    expect(getCategory(catalogue, "education", "en")?.services.some((s) => s.slug === "first-grade-enrollment")).toBe(
      true,
    );
    expect(getCategory(catalogue, "no-such-category", "ru")).toBeNull();
  });

  it.each(["школа", "школу", "запись ребенка в школу", "шкла", "Запись ребёнка в 1 класс"])(
    "«%s» finds first-grade enrollment first",
    async (q) => {
      const results = findServices(await getCatalogue(db), query(q), "ru");
      expect(results.services[0]?.slug).toBe("first-grade-enrollment");
    },
  );

  it("«многодетн» finds the large-family services", async () => {
    const results = findServices(await getCatalogue(db), query("многодетн"), "ru");
    const slugs = results.services.map((s) => s.slug);
    expect(slugs).toContain("large-family-status");
    expect(results.services.slice(0, 2).every((s) => /многодетн/i.test(s.title))).toBe(true);
  });

  it("English queries work in English", async () => {
    const catalogue = await getCatalogue(db);
    expect(findServices(catalogue, query("school enrollment"), "en").services[0]?.slug).toBe("first-grade-enrollment");
    expect(findServices(catalogue, query("kindergarten"), "en").services[0]?.slug).toMatch(/kindergarten/);
    // The other language is the fallback when the interface's language finds nothing.
    expect(findServices(catalogue, query("детский сад"), "en").services[0]?.slug).toBe("kindergarten-queue");
    expect(findServices(catalogue, query("kindergarten"), "ru").services[0]?.slug).toBe("kindergarten-queue");
  });

  it("filters combine with the search and an empty query lists by popularity", async () => {
    const catalogue = await getCatalogue(db);
    const online = findServices(catalogue, query("", { online: true, pageSize: 500 }), "ru");
    expect(online.total).toBeGreaterThan(0);
    expect(online.total).toBeLessThan(services.length);
    const mszuSocial = findServices(
      catalogue,
      query("", { mszu: true, category: "social-support", pageSize: 500 }),
      "ru",
    );
    for (const s of mszuSocial.services) {
      expect(s.mszu).toBe(true);
      expect(s.category.slug).toBe("social-support");
    }
    const paged = findServices(catalogue, query("", { pageSize: 10, page: 2 }), "ru");
    expect(paged.page).toBe(2);
    expect(paged.services).toHaveLength(10);
    const beyond = findServices(catalogue, query("", { pageSize: 10, page: 999 }), "ru");
    expect(beyond.page).toBe(beyond.pageCount);
  });

  it("shows a service page with its documents, deadline and form steps", async () => {
    const catalogue = await getCatalogue(db);
    const service = catalogue.serviceBySlug.get("first-grade-enrollment")!;
    const form = await getServiceForm(db, service.code, service.currentVersion);
    const view = getServiceView(catalogue, "first-grade-enrollment", "ru", form);
    expect(view?.deadlineDays).toBe(5);
    expect(view?.refusalGrounds).toHaveLength(1);
    expect(view?.steps.length).toBeGreaterThan(1);
    expect(view?.documents.length).toBeGreaterThan(0);
  });

  it("keeps the form definition versioned: a changed form is a new version, the old one stays", async () => {
    const seed = services.find((s) => s.slug === "first-grade-enrollment")!;
    const before = await saveService(db, seed);
    const unchanged = await saveService(db, seed);
    expect(unchanged.version).toBe(before.version);

    const firstStep = seed.form.steps[0]!;
    const changed = {
      ...seed,
      form: { steps: [{ ...firstStep, title: { ru: "Новый шаг", en: "New step" } }, ...seed.form.steps.slice(1)] },
    };
    const after = await saveService(db, changed);
    expect(after.version).toBe(before.version + 1);
    expect((await getServiceForm(db, seed.code, before.version))?.steps[0]?.title.ru).toBe(firstStep.title.ru);
    expect((await getServiceForm(db, seed.code, after.version))?.steps[0]?.title.ru).toBe("Новый шаг");
    await saveService(db, seed);
  });

  it("sees a catalogue change after the revision check", async () => {
    const t0 = Date.now() + 60_000; // later than every check the earlier tests made
    const first = await getCatalogue(db, t0);
    const seed = services.find((s) => s.slug === "first-grade-enrollment")!;
    await saveService(db, { ...seed, popularity: 1 });
    expect(await getCatalogue(db, t0 + 1)).toBe(first); // within the check interval: cached
    const later = await getCatalogue(db, t0 + 10_000);
    expect(later).not.toBe(first);
    expect(later.serviceBySlug.get("first-grade-enrollment")?.popularity).toBe(1);
    await saveService(db, seed);
  });

  it("hides a service whose stored details are unreadable and keeps the rest of the catalogue", async () => {
    const t0 = Date.now() + 120_000;
    await db.$executeRawUnsafe(
      `UPDATE "Service" SET "details" = '{"broken":', "updatedAt" = ? WHERE "slug" = 'school-transfer'`,
      new Date(Date.now() + 1_000).toISOString(),
    );
    const catalogue = await getCatalogue(db, t0);
    expect(catalogue.serviceBySlug.has("school-transfer")).toBe(false);
    expect(catalogue.services).toHaveLength(services.length - 1);
    await saveService(
      db,
      services.find((s) => s.slug === "school-transfer")!,
    );
    expect((await getCatalogue(db, t0 + 10_000)).serviceBySlug.has("school-transfer")).toBe(true);
  });
});
