import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/*
 * Some browser tests change data every other test reads too — the instant stage 1 of the 2027
 * campaign opens — and then rely on it until they end. Playwright runs tests in several worker
 * processes (and each test once with JavaScript and once without), so such tests take a lock that
 * all workers see: a directory, whose creation is atomic. A lock older than STALE_MS is left over
 * from a run that was killed and is taken over.
 */
const LOCK_ROOT = path.join("tests", ".tmp", "locks");
const STALE_MS = 120_000;

export async function exclusively<T>(name: string, run: () => Promise<T>): Promise<T> {
  await mkdir(LOCK_ROOT, { recursive: true });
  const lock = path.join(LOCK_ROOT, name);
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = await stat(lock).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_MS) await rm(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
