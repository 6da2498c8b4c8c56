import type { PrismaClient } from "~/generated/prisma/client";
import { MeasureTermsSchema, type SupportMeasure } from "./measures";

/** Saves a measure (idempotent by code): the seed and an administrator's change write the same row. */
export async function saveSupportMeasure(db: PrismaClient, measure: SupportMeasure): Promise<void> {
  const row = {
    packageServiceCode: measure.packageServiceCode,
    serviceCode: measure.serviceCode,
    position: measure.position,
    titleRu: measure.title.ru,
    titleEn: measure.title.en,
    terms: JSON.stringify(MeasureTermsSchema.parse(measure.terms)),
  };
  await db.supportMeasure.upsert({
    where: { code: measure.code },
    create: { code: measure.code, ...row },
    update: row,
  });
  packages.delete(db);
}

/** The measures of a package service, in the package's order; terms are checked as they are read. */
export async function packageMeasures(db: PrismaClient, packageServiceCode: string): Promise<SupportMeasure[]> {
  const rows = await db.supportMeasure.findMany({ where: { packageServiceCode }, orderBy: { position: "asc" } });
  return rows.map((r) => ({
    code: r.code,
    packageServiceCode: r.packageServiceCode,
    serviceCode: r.serviceCode,
    position: r.position,
    title: { ru: r.titleRu, en: r.titleEn },
    terms: MeasureTermsSchema.parse(JSON.parse(r.terms)),
  }));
}

const packages = new WeakMap<PrismaClient, Promise<Map<string, SupportMeasure[]>>>();

/** The package services and their measures, read once per process (measures change with a release). */
function packagesOf(db: PrismaClient): Promise<Map<string, SupportMeasure[]>> {
  let loaded = packages.get(db);
  if (!loaded) {
    loaded = db.supportMeasure
      .findMany({ select: { packageServiceCode: true }, distinct: ["packageServiceCode"] })
      .then(async (rows) => {
        const map = new Map<string, SupportMeasure[]>();
        for (const row of rows) map.set(row.packageServiceCode, await packageMeasures(db, row.packageServiceCode));
        return map;
      });
    packages.set(db, loaded);
    loaded.catch(() => packages.delete(db));
  }
  return loaded;
}

/** The measures of a package service, or null when the service is not a package. */
export async function measuresOfPackage(db: PrismaClient, serviceCode: string): Promise<SupportMeasure[] | null> {
  return (await packagesOf(db)).get(serviceCode) ?? null;
}
