import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/*
 * Whether the production build is older than the sources it is made from (app, locales, public):
 * `npm start` rebuilds then, and a benchmark refuses to measure a stale build.
 */
export function newestSourceTime(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "locales", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return newest;
}

export function isBuildStale(root: string, serverEntry: string): boolean {
  return !existsSync(serverEntry) || newestSourceTime(root) > statSync(serverEntry).mtimeMs;
}
