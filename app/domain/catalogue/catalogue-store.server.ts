import type { PrismaClient } from "~/generated/prisma/client";
import type { CategorySeed, DepartmentSeed, LifeSituationSeed, ServiceSeed } from "~/domain/catalogue/service-content";
import {
  CategorySeedSchema,
  DepartmentSeedSchema,
  LifeSituationSeedSchema,
  ServiceSeedSchema,
} from "~/domain/catalogue/service-content";

/*
 * Writing the catalogue: used by the seeds now and by catalogue administration later. Every write
 * is validated with the same schemas the readers trust.
 */

export async function saveDepartment(db: PrismaClient, input: DepartmentSeed) {
  const d = DepartmentSeedSchema.parse(input);
  const data = { nameRu: d.name.ru, nameEn: d.name.en };
  return db.department.upsert({ where: { code: d.code }, create: { code: d.code, ...data }, update: data });
}

export async function saveCategory(db: PrismaClient, input: CategorySeed) {
  const c = CategorySeedSchema.parse(input);
  const data = {
    titleRu: c.title.ru,
    titleEn: c.title.en,
    descriptionRu: c.description.ru,
    descriptionEn: c.description.en,
    position: c.position,
  };
  return db.category.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data });
}

export async function saveLifeSituation(db: PrismaClient, input: LifeSituationSeed) {
  const l = LifeSituationSeedSchema.parse(input);
  const data = { titleRu: l.title.ru, titleEn: l.title.en, position: l.position };
  return db.lifeSituation.upsert({ where: { slug: l.slug }, create: { slug: l.slug, ...data }, update: data });
}

/**
 * Creates or updates a service. A changed form becomes a new version: applications and drafts
 * already begun keep the version they started with.
 */
export async function saveService(db: PrismaClient, input: ServiceSeed): Promise<{ id: number; version: number }> {
  const s = ServiceSeedSchema.parse(input);
  return db.$transaction(async (tx) => {
    const [category, department, situations] = await Promise.all([
      tx.category.findUnique({ where: { slug: s.category } }),
      tx.department.findUnique({ where: { code: s.department } }),
      tx.lifeSituation.findMany({ where: { slug: { in: s.lifeSituations } } }),
    ]);
    if (!category) throw new Error(`service ${s.code}: unknown category ${s.category}`);
    if (!department) throw new Error(`service ${s.code}: unknown department ${s.department}`);
    if (situations.length !== new Set(s.lifeSituations).size) {
      throw new Error(`service ${s.code}: unknown life situation in ${s.lifeSituations.join(", ")}`);
    }
    const data = {
      slug: s.slug,
      categoryId: category.id,
      departmentId: department.id,
      level: s.level,
      deadlineDays: s.deadlineDays,
      mszu: s.mszu,
      delivery: s.delivery,
      proactive: s.proactive,
      popularity: s.popularity,
      titleRu: s.title.ru,
      titleEn: s.title.en,
      summaryRu: s.summary.ru,
      summaryEn: s.summary.en,
      descriptionRu: s.description.ru,
      descriptionEn: s.description.en,
      keywordsRu: s.keywords.ru.join(", "),
      keywordsEn: s.keywords.en.join(", "),
      details: JSON.stringify(s.details),
    };
    const service = await tx.service.upsert({
      where: { code: s.code },
      create: { code: s.code, ...data },
      update: data,
    });
    await tx.serviceLifeSituation.deleteMany({ where: { serviceId: service.id } });
    if (situations.length > 0) {
      await tx.serviceLifeSituation.createMany({
        data: situations.map((l) => ({ serviceId: service.id, lifeSituationId: l.id })),
      });
    }

    const form = JSON.stringify(s.form);
    const latest = await tx.serviceVersion.findFirst({
      where: { serviceId: service.id },
      orderBy: { version: "desc" },
    });
    if (latest?.form === form) return { id: service.id, version: latest.version };
    const version = (latest?.version ?? 0) + 1;
    await tx.serviceVersion.create({ data: { serviceId: service.id, version, form } });
    await tx.service.update({ where: { id: service.id }, data: { currentVersion: version } });
    return { id: service.id, version };
  });
}
