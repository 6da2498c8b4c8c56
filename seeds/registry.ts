import type { PrismaClient } from "~/generated/prisma/client";
import { addRegistryKey } from "~/domain/proactive/registry-intake.server";
import { env } from "~/env.server";

/*
 * The demo's registry sources, each with one signing key whose id and secret are fixed and written in
 * the README, so `npm run demo:event` can sign as them (docs/proactive.md, "Intake"). Idempotent.
 */
export const DEMO_REGISTRY_SOURCES = [
  { code: "zags-demo", nameRu: "ЗАГС Пензенской области (демо)", nameEn: "Penza oblast civil registry (demo)" },
  { code: "clinic-demo", nameRu: "Женская консультация (демо)", nameEn: "Antenatal clinic (demo)" },
  { code: "egisso-demo", nameRu: "ЕГИССО (демо)", nameEn: "EGISSO social-support registry (demo)" },
] as const;

/** The demo key of a source: id `<source>-key-1`, secret `<source>-demo-secret-2026`. */
export const demoRegistryKey = (source: string) => ({ id: `${source}-key-1`, secret: `${source}-demo-secret-2026` });

export async function seedRegistrySources(db: PrismaClient, sealingKey = env().REGISTRY_SEALING_KEY): Promise<void> {
  for (const source of DEMO_REGISTRY_SOURCES) {
    await db.registrySource.upsert({ where: { code: source.code }, create: source, update: source });
    const key = demoRegistryKey(source.code);
    if (!(await db.registryKey.findUnique({ where: { id: key.id } })))
      await addRegistryKey(db, { sourceCode: source.code, sealingKey, ...key });
  }
}
