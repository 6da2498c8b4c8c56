import type { PrismaClient } from "~/generated/prisma/client";
import type { CatalogueService, CatalogueSnapshot } from "~/domain/catalogue/catalogue";
import { createSnapshot } from "~/domain/catalogue/catalogue";
import type { DeliveryMode, ServiceLevel } from "~/domain/catalogue/service-content";
import { ServiceDetailsSchema } from "~/domain/catalogue/service-content";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { FormDefinitionSchema } from "~/domain/forms/form-definition";
import { logger } from "~/platform/logger.server";

/*
 * Reading the published catalogue. The snapshot is rebuilt only when the catalogue's revision
 * (count and last change of services) moves, checked at most once per REVISION_CHECK_MS, so every
 * process of a deployment sees an admin's edit within seconds without a query per page.
 */

const REVISION_CHECK_MS = 5_000;

type Cache = { snapshot: CatalogueSnapshot; revision: string; checkedAt: number };
const caches = new WeakMap<PrismaClient, Cache>();

async function readRevision(db: PrismaClient): Promise<string> {
  const aggregate = await db.service.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  return `${aggregate._count._all}:${aggregate._max.updatedAt?.toISOString() ?? "-"}`;
}

export async function getCatalogue(db: PrismaClient, now = Date.now()): Promise<CatalogueSnapshot> {
  const cache = caches.get(db);
  if (cache && now - cache.checkedAt < REVISION_CHECK_MS) return cache.snapshot;
  const revision = await readRevision(db);
  if (cache && cache.revision === revision) {
    cache.checkedAt = now;
    return cache.snapshot;
  }
  const snapshot = await loadSnapshot(db);
  caches.set(db, { snapshot, revision, checkedAt: now });
  return snapshot;
}

async function loadSnapshot(db: PrismaClient): Promise<CatalogueSnapshot> {
  const [services, categories, lifeSituations, departments] = await Promise.all([
    db.service.findMany({
      where: { published: true },
      include: { category: true, department: true, lifeSituations: { include: { lifeSituation: true } } },
    }),
    db.category.findMany(),
    db.lifeSituation.findMany(),
    db.department.findMany(),
  ]);
  return createSnapshot({
    services: services.flatMap((s): CatalogueService[] => {
      // One service with unreadable details must not take the whole catalogue down.
      const details = ServiceDetailsSchema.safeParse(parseJson(s.details));
      if (!details.success) {
        logger.error({ service: s.code }, "service details do not match the schema; the service is hidden");
        return [];
      }
      return [
        {
          id: s.id,
          code: s.code,
          slug: s.slug,
          categorySlug: s.category.slug,
          departmentCode: s.department.code,
          level: s.level as ServiceLevel,
          deadlineDays: s.deadlineDays,
          mszu: s.mszu,
          delivery: s.delivery as DeliveryMode,
          proactive: s.proactive,
          popularity: s.popularity,
          title: { ru: s.titleRu, en: s.titleEn },
          summary: { ru: s.summaryRu, en: s.summaryEn },
          description: { ru: s.descriptionRu, en: s.descriptionEn },
          keywords: { ru: s.keywordsRu, en: s.keywordsEn },
          lifeSituations: s.lifeSituations.map((l) => l.lifeSituation.slug),
          details: details.data,
          currentVersion: s.currentVersion,
        },
      ];
    }),
    categories: categories.map((c) => ({
      slug: c.slug,
      title: { ru: c.titleRu, en: c.titleEn },
      description: { ru: c.descriptionRu, en: c.descriptionEn },
      position: c.position,
    })),
    lifeSituations: lifeSituations.map((l) => ({
      slug: l.slug,
      title: { ru: l.titleRu, en: l.titleEn },
      position: l.position,
    })),
    departments: departments.map((d) => ({ code: d.code, name: { ru: d.nameRu, en: d.nameEn } })),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The form definition of one version of a service (what an application made with it asks). */
export async function getServiceForm(
  db: PrismaClient,
  serviceCode: string,
  version: number,
): Promise<FormDefinition | null> {
  const row = await db.serviceVersion.findFirst({
    where: { version, service: { code: serviceCode } },
    select: { form: true },
  });
  return row ? FormDefinitionSchema.parse(JSON.parse(row.form)) : null;
}
