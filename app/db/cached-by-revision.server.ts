import type { PrismaClient } from "~/generated/prisma/client";

/**
 * A value built from the database and cached per PrismaClient (tests and processes each have their
 * own), rebuilt only when `readRevision` answers something new, asked at most every `checkMs`.
 */
export function cachedByRevision<T>(options: {
  checkMs: number;
  readRevision: (db: PrismaClient, now: number) => Promise<string>;
  load: (db: PrismaClient, now: number) => Promise<T>;
}) {
  const caches = new WeakMap<PrismaClient, { value: T; revision: string; checkedAt: number }>();
  return {
    async get(db: PrismaClient, now: number): Promise<T> {
      const cache = caches.get(db);
      if (cache && now - cache.checkedAt < options.checkMs) return cache.value;
      const revision = await options.readRevision(db, now);
      if (cache && cache.revision === revision) {
        cache.checkedAt = now;
        return cache.value;
      }
      const value = await options.load(db, now);
      caches.set(db, { value, revision, checkedAt: now });
      return value;
    },
    /** This process changed the data itself: no need to wait for the next check. */
    forget(db: PrismaClient): void {
      caches.delete(db);
    },
  };
}
