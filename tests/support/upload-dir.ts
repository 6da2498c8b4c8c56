import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/*
 * A throw-away folder for the uploads of one test file: `use` makes it the portal's UPLOAD_DIR,
 * `restore` removes it and gives UPLOAD_DIR back the value it had before.
 */
export function temporaryUploadDir(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const previous = process.env.UPLOAD_DIR;
  return {
    dir,
    use() {
      process.env.UPLOAD_DIR = dir;
    },
    restore() {
      rmSync(dir, { recursive: true, force: true });
      if (previous === undefined) delete process.env.UPLOAD_DIR;
      else process.env.UPLOAD_DIR = previous;
    },
  };
}
