import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/** The precompressed copy (precompress.ts) a browser accepts, best first: brotli, then gzip. */
export function acceptedEncodings(header: string | string[] | undefined): ("br" | "gzip")[] {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const wildcard = accepted.get("*") ?? 0;
  return (["br", "gzip"] as const).filter((encoding) => (accepted.get(encoding) ?? wildcard) > 0);
}

/**
 * Serves a file from the client build when one matches the URL; returns false otherwise.
 * Hashed files under /assets/ never change, so browsers may keep them for a year.
 */
export async function serveStaticFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://portal").pathname);
  } catch {
    return false;
  }
  if (pathname.endsWith("/") || pathname.includes("\0")) return false;
  const file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root + path.sep)) return false;
  const type = CONTENT_TYPES[path.extname(file)];
  if (!type) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;

  const immutable = pathname.startsWith("/assets/");
  const etag = `"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"`;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600");
  res.setHeader("ETag", etag);
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (req.headers["if-none-match"] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  // Compressed copies exist only for text files; Vary either way, so caches keep them apart.
  let body = { file, size: info.size };
  if (type.startsWith("text/") || type.includes("json") || type.includes("svg")) {
    res.setHeader("Vary", "Accept-Encoding");
    for (const encoding of acceptedEncodings(req.headers["accept-encoding"])) {
      const copy = `${file}.${encoding === "br" ? "br" : "gz"}`;
      const copyInfo = await stat(copy).catch(() => null);
      if (!copyInfo?.isFile()) continue;
      res.setHeader("Content-Encoding", encoding);
      body = { file: copy, size: copyInfo.size };
      break;
    }
  }
  res.setHeader("Content-Length", body.size);
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(body.file).pipe(res);
  return true;
}
