import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { PrismaClient } from "~/generated/prisma/client";
import { seedDemoData } from "../../seeds/demo";
import { createTestDatabase } from "./test-database";

/*
 * `npm run db:backup` while applications keep being committed by another process, then a restore
 * as the README describes it (the backup file in place of the database, no -wal/-shm): every
 * application acknowledged before the backup began is in the restored copy, and the copy is sound.
 */
const tsx = path.resolve("node_modules/.bin/tsx");
const work = mkdtempSync(path.join(tmpdir(), "portal-backup-"));

let url: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  let db: PrismaClient;
  ({ db, url, dispose } = await createTestDatabase());
  await seedDemoData(db);
}, 60_000);
afterAll(async () => {
  await dispose();
  rmSync(work, { recursive: true, force: true });
});

function startWriter(): { child: ChildProcess; committed: string[] } {
  const committed: string[] = [];
  const child = spawn(tsx, ["tests/integration/backup-writer.ts"], {
    env: { ...process.env, DATABASE_URL: url, UPLOAD_DIR: path.join(work, "uploads"), LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith("committed ")) committed.push(line.slice("committed ".length));
  });
  return { child, committed };
}

async function until(condition: () => boolean, timeoutMs: number) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function runBackup(file: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["prisma/scripts/backup-db.ts", "--file", file], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

describe("online backup", () => {
  it("taken while applications are being committed, restores with every application acknowledged before it began", async () => {
    const writer = startWriter();
    try {
      const writing = () => {
        if (writer.child.exitCode !== null) throw new Error(`the writer stopped (exit code ${writer.child.exitCode})`);
      };
      await until(() => (writing(), writer.committed.length >= 5), 120_000);
      const acknowledged = [...writer.committed];
      const backupFile = path.join(work, "backups", "portal-backup.db");
      const backup = await runBackup(backupFile);
      const duringBackup = writer.committed.length - acknowledged.length;
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(
        /^Backed up .+ to .+portal-backup\.db \(\d+ pages, [\d.]+ MB\) in \d+ ms; integrity_check: ok/,
      );
      // The writer went on committing while the backup process ran, and after it.
      expect(duringBackup).toBeGreaterThan(0);
      const afterBackup = writer.committed.length;
      await until(() => (writing(), writer.committed.length > afterBackup), 60_000);

      // Restore: the backup file becomes the database; no -wal or -shm beside it.
      const restored = path.join(work, "restored", "portal.db");
      mkdirSync(path.dirname(restored), { recursive: true });
      copyFileSync(backupFile, restored);
      for (const suffix of ["-wal", "-shm"]) expect(existsSync(restored + suffix)).toBe(false);

      const raw = new Database(restored, { readonly: true });
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.pragma("foreign_key_check")).toEqual([]);
      raw.close();

      const db = new PrismaClient({ adapter: createSqliteAdapter(`file:${restored}`) });
      try {
        const found = await db.application.findMany({
          where: { number: { in: acknowledged } },
          select: { number: true, status: true, _count: { select: { events: true } } },
        });
        expect(found.map((a) => a.number).sort()).toEqual([...acknowledged].sort());
        // Whole applications, not halves: each has its submission events.
        expect(found.every((a) => a.status === "sent" && a._count.events >= 2)).toBe(true);
        // Nothing in the copy the live database does not have (a consistent snapshot).
        const copied = await db.application.count({ where: { number: { not: null } } });
        expect(copied).toBeGreaterThanOrEqual(acknowledged.length);
        expect(copied).toBeLessThanOrEqual(writer.committed.length + 1);
      } finally {
        await db.$disconnect();
      }
    } finally {
      if (writer.child.exitCode === null) {
        const exited = new Promise((resolve) => writer.child.once("exit", resolve));
        writer.child.kill("SIGTERM");
        await exited;
      }
    }
  }, 240_000);
});
