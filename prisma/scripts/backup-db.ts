/*
 * `npm run db:backup [-- --dir <folder> | --file <path>]`: an online backup of the SQLite database
 * named by DATABASE_URL, taken while the portal keeps serving, into a timestamped file (default:
 * a "backups" folder beside the database, i.e. prisma/data/backups/). The copy is checked with
 * PRAGMA integrity_check before it gets its final name; a failed check leaves no backup behind.
 * Restoring is in README.md ("Backups").
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { databaseFile } from "../../app/db/sqlite-adapter.server";

export type BackupResult = { file: string; pages: number; bytes: number; ms: number };

/** The default name of a backup taken at `now`: <database>-<UTC timestamp>.db. */
export function backupFileName(source: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${path.basename(source).replace(/\.db$/, "")}-${stamp}.db`;
}

/**
 * Copies `source` into `destination` with SQLite's online backup API and verifies the copy.
 *
 * All pages are copied in one backup step: a step reads one consistent snapshot of the database
 * (in WAL mode the portal's writers go on meanwhile), whereas a backup in several steps restarts
 * whenever another connection writes between them and, under steady writes, might never finish.
 * The copy is switched to the rollback journal so the backup is one self-contained file.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} exists already`);
  mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });

  const started = performance.now();
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  let pages = 0;
  try {
    const progress = await db.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 0x7fffffff; // everything in the next step
      },
    });
    pages = progress.totalPages;
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = copy.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const verdict = problems.map((row) => row.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== "ok") {
      throw new Error(`the copy failed PRAGMA integrity_check: ${verdict.slice(0, 5).join("; ")}`);
    }
  } catch (error) {
    copy.close();
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(partial + suffix, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, destination);
  return { file: destination, pages, bytes: statSync(destination).size, ms: performance.now() - started };
}

function parseArgs(argv: string[]): { dir?: string; file?: string } {
  const options: { dir?: string; file?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === "--dir" || arg === "--file") && value) {
      options[arg === "--dir" ? "dir" : "file"] = value;
      i++;
    } else {
      throw new Error(`unknown argument ${arg}\nUsage: npm run db:backup [-- --dir <folder> | --file <path>]`);
    }
  }
  return options;
}

async function main() {
  const source = path.resolve(databaseFile());
  const options = parseArgs(process.argv.slice(2));
  const destination = path.resolve(
    options.file ?? path.join(options.dir ?? path.join(path.dirname(source), "backups"), backupFileName(source)),
  );
  const result = await backupDatabase(source, destination);
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up ${source} to ${result.file} (${result.pages} pages, ${mb} MB) in ${Math.round(result.ms)} ms; integrity_check: ok`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
