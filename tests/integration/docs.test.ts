import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The project's documents are its own (docs/README.md): code and docs cite files of the repository,
 * never the team's brief outside it, and every docs/ path a comment cites exists. No database.
 */
const root = path.resolve(".");

/** Generated, installed or produced by a run: not the project's text. */
const SKIPPED = new Set(["node_modules", ".git", "build", "app/generated", "tests/.tmp"]);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|prisma|sql|css|toml|txt|ya?ml|csv|html|svg|sh)$/;

function textFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (SKIPPED.has(entry.name) || SKIPPED.has(relative)) continue;
    if (entry.isDirectory()) files.push(...textFiles(relative));
    else if (entry.isFile() && TEXT.test(entry.name)) files.push(relative);
  }
  return files;
}

type Hit = { file: string; line: number; text: string; match: string };

function find(files: readonly string[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(root, file), "utf8").split("\n");
    lines.forEach((text, index) => {
      for (const match of text.matchAll(pattern))
        hits.push({ file, line: index + 1, text: text.trim(), match: match[0] });
    });
  }
  return hits;
}

const show = (hits: readonly Hit[]) => hits.map((h) => `${h.file}:${h.line}: ${h.text}`);

// Spelled in parts, so this file does not cite them itself.
const OUTSIDE_BRIEFS = ["DOMAIN", "STACK"].map((name) => `${name}.md`);
const CITES_OUTSIDE = new RegExp(OUTSIDE_BRIEFS.map((name) => name.replace(".", "\\.")).join("|"), "g");
/** A path from the repository's root (not a URL, not a relative "../docs/…"). */
const DOCS_PATH = /(?<![\w./-])docs\/[A-Za-z0-9_/-]+\.md/g;

const code = ["app", "seeds", "tests", "prisma"].flatMap(textFiles);
const documents = textFiles("docs");

describe("the project's documents", () => {
  it("are the ones cited: no file of the project cites the briefs kept outside the repository", () => {
    expect(code.length).toBeGreaterThan(200);
    expect(documents).toContain("docs/README.md");
    const hits = find([...code, ...documents, "README.md"], CITES_OUTSIDE);
    expect(show(hits), `cite the docs/ file that says it instead of ${OUTSIDE_BRIEFS.join(" or ")}`).toEqual([]);
  });

  it("exist wherever code cites them", () => {
    const hits = find(code, DOCS_PATH);
    // The code does cite its documents; a pattern that found none would prove nothing.
    expect(hits.length).toBeGreaterThan(10);
    const missing = hits.filter((h) => !existsSync(path.join(root, h.match)));
    expect(show(missing), "a cited document that does not exist").toEqual([]);
  });

  it("link to files that exist", () => {
    const broken: string[] = [];
    for (const file of [...documents.filter((f) => f.endsWith(".md")), "README.md"]) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const [, target = ""] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue; // http:, mailto:
        if (!existsSync(path.resolve(root, path.dirname(file), target))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("are each listed in docs/README.md, the index", () => {
    const index = readFileSync(path.join(root, "docs/README.md"), "utf8");
    const listed = new Set([...index.matchAll(/\]\(([^)#]+)\)/g)].map((m) => path.posix.join("docs", m[1]!)));
    const documentsOfTheIndex = documents.filter((f) => /^docs\/[^/]+\.md$/.test(f) && f !== "docs/README.md");
    expect(documentsOfTheIndex.length).toBeGreaterThan(5);
    expect(
      documentsOfTheIndex.filter((f) => !listed.has(f)),
      "add a line for it to docs/README.md",
    ).toEqual([]);
  });
});
