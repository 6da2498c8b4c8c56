import path from "node:path";
import { defineConfig } from "prisma/config";
import { createSqliteAdapter } from "./app/db/sqlite-adapter.server";

// The JS (wasm) schema engine with a driver adapter: nothing is downloaded
// (docs/decisions/0001-react-router-prisma-sqlite-offline.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx seeds/run.ts",
  },
  adapter: () => Promise.resolve(createSqliteAdapter()),
});
