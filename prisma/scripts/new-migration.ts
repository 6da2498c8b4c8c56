/*
 * `npm run db:new-migration <name>`: writes the SQL that takes the migration history to the
 * current schema.prisma into prisma/migrations/<UTC timestamp>_<name>/migration.sql.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "./migration-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const { sql, status, stderr } = diffMigrationsToSchema();
if (status === 1) {
  console.error(stderr);
  process.exit(1);
}

if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
console.log(`Wrote ${folder}/migration.sql — review it, then run npm run db:migrate.`);
