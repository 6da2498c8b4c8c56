// Temporary helper for authors: npx tsx tests/.check-seed.ts seeds/catalogue/<file>.ts <exportName>
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { ServiceSeedSchema } from "~/domain/catalogue/service-content";
const [file, name] = process.argv.slice(2);
const mod = (await import(pathToFileURL(resolve(file!)).href)) as Record<string, unknown[]>;
const list = mod[name!];
if (!Array.isArray(list)) throw new Error(`no export ${name}`);
for (const s of list) {
  const r = ServiceSeedSchema.safeParse(s);
  if (!r.success) {
    console.error((s as { code?: string }).code, JSON.stringify(r.error.issues, null, 1));
    process.exitCode = 1;
  }
}
console.log(`${list.length} services checked`);
