/*
 * The bare reference server of `npm run bench:opening` (started by the bench as a child process of
 * its own, so it shares neither the bench's nor the portal's event loop). What the portal's opening
 * minute is measured against: plain node:http and better-sqlite3 in WAL with synchronous=FULL, and
 * nothing else —
 *   POST any path: read the urlencoded body (the review form's, as the portal gets it), parse it,
 *     one INSERT (autocommit, so one FULL-durable commit) into a table with an autoincrement
 *     sequence, then 303 to /cabinet/applications/<number>; no idempotency, no checks;
 *   GET /healthz: a small JSON answer;
 *   GET /cabinet/applications/…: a page of the portal's application-page size, from memory;
 *   GET anything else: a page of the portal's service-page size, from memory.
 *
 * Environment: REFERENCE_PORT, REFERENCE_DATABASE (file path), REFERENCE_SERVICE_PAGE_BYTES,
 * REFERENCE_APPLICATION_PAGE_BYTES. Prints "reference listening" once it accepts connections.
 */
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { formatRegistrationNumber } from "~/domain/applications/registration-number";

const port = Number(process.env.REFERENCE_PORT ?? 3411);
const file = process.env.REFERENCE_DATABASE;
if (!file) {
  console.error("REFERENCE_DATABASE must name the reference server's SQLite file.");
  process.exit(1);
}
const MAX_BODY_BYTES = 64 * 1024;

/** A page of exactly `bytes` bytes of HTML, built once. */
function page(bytes: number, title: string): Buffer {
  const head = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body><main><p>`;
  const tail = "</p></main></body></html>";
  const fill = Math.max(0, bytes - Buffer.byteLength(head) - Buffer.byteLength(tail));
  return Buffer.from(head + "x".repeat(fill) + tail);
}
const servicePage = page(Number(process.env.REFERENCE_SERVICE_PAGE_BYTES ?? 30_000), "service");
const applicationPage = page(Number(process.env.REFERENCE_APPLICATION_PAGE_BYTES ?? 30_000), "application");
const health = Buffer.from(JSON.stringify({ status: "ok", database: "ok" }));

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec(`CREATE TABLE IF NOT EXISTS submission (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  path TEXT NOT NULL,
  cookie TEXT,
  receivedAt INTEGER NOT NULL,
  form TEXT NOT NULL
)`);
const insert = db.prepare("INSERT INTO submission (path, cookie, receivedAt, form) VALUES (?, ?, ?, ?)");

const server = createServer((req, res) => {
  if (req.method === "POST") {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const { lastInsertRowid } = insert.run(
        req.url ?? "/",
        req.headers.cookie ?? null,
        Date.now(),
        JSON.stringify(form),
      );
      const number = formatRegistrationNumber(2027, Number(lastInsertRowid) % 9_999_999 || 1);
      res.writeHead(303, { Location: `/cabinet/applications/${number}?submitted=1`, "Content-Length": "0" }).end();
    });
    return;
  }
  const pathname = (req.url ?? "/").split("?")[0]!;
  const body = pathname === "/healthz" ? health : pathname.startsWith("/cabinet/") ? applicationPage : servicePage;
  res
    .writeHead(200, {
      "Content-Type": pathname === "/healthz" ? "application/json" : "text/html; charset=utf-8",
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
    })
    .end(body);
  req.resume();
});

server.listen(port, "127.0.0.1", () => console.log(`reference listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    db.close();
    process.exit(0);
  });
}
