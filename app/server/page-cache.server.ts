import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { acceptedEncodings } from "~/server/static-files.server";

/*
 * A micro-cache of anonymous pages that need no client code (the catalogue, a service, search,
 * schools, indicators): at the opening minute thousands of parents load the same service page, and
 * rendering it for each would starve the submissions. A page is kept for PAGE_CACHE_MS (1 s by
 * default) per URL, cookies and Accept-Language — so per language and display mode — with its
 * compressed copies made once. A write in the back office (a POST, PUT or DELETE under /office or
 * /admin: schools, places, territories, campaigns, orders, the calendar) drops every page, so its
 * change is public at once. Residents' writes (drafts, submissions, answers, ratings, payments) and
 * changes made outside the portal show within the time limit: they change only counts on public
 * pages, and at the opening minute a drop on every submission would make the cache useless when it
 * is needed most (docs/decisions/0037). Pages for a signed-in person, answers that set a cookie and
 * anything but 200 HTML are never kept.
 */

/** Whether a request may change what the kept pages show at once (see above): a back-office write. */
export function changesPublicPages(method: string, pathname: string): boolean {
  return method !== "GET" && method !== "HEAD" && /^\/(?:office|admin)(?:\/|$)/.test(pathname);
}

/** The header a rendered page carries when it may be kept (entry.server.tsx); never sent out. */
export const CACHEABLE_PAGE_HEADER = "x-portal-cacheable-page";

const MAX_PAGES = 500;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

type Page = {
  storedAt: number;
  status: number;
  headers: [string, string][];
  body: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
};

export class PageCache {
  private readonly pages = new Map<string, Page>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The key of a request whose answer may come from the cache, or null when it may not. */
  keyOf(request: Request): string | null {
    const url = new URL(request.url);
    return this.keyFor({
      method: request.method,
      path: url.pathname + url.search,
      cookie: request.headers.get("cookie"),
      language: request.headers.get("accept-language"),
    });
  }

  /** The same key from the parts of a request as Node reads them, before it is a fetch Request. */
  keyFor(parts: { method?: string; path: string; cookie?: string | null; language?: string | null }): string | null {
    if (!this.enabled || parts.method !== "GET") return null;
    const cookie = parts.cookie ?? "";
    if (/(?:^|;\s*)session=[^;\s]/.test(cookie)) return null;
    return `${parts.path}\n${cookie}\n${parts.language ?? ""}`;
  }

  /** Whether a fresh answer is kept under the key (a kept page needs no turn in the line of requests). */
  holds(key: string | null): boolean {
    const page = key === null ? undefined : this.pages.get(key);
    return page !== undefined && this.now() - page.storedAt < this.ttlMs;
  }

  /** The kept answer, in the encoding the browser accepts best. */
  async answer(key: string, request: Request): Promise<Response | null> {
    const kept = await this.#kept(key, request.headers.get("accept-encoding") ?? undefined);
    if (!kept) return null;
    return new Response(request.method === "HEAD" ? null : new Uint8Array(kept.body), {
      status: kept.status,
      headers: kept.headers,
    });
  }

  /**
   * The same, written straight to Node's response: no fetch Request, no router, no compression
   * stream, so a kept page costs what a bare server's page does (docs/decisions/0032). False when no
   * fresh page is kept under the key (the caller renders one).
   */
  async send(key: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const kept = await this.#kept(key, req.headers["accept-encoding"]);
    if (!kept) return false;
    res.statusCode = kept.status;
    for (const [name, value] of kept.headers) res.setHeader(name, value);
    res.end(req.method === "HEAD" ? undefined : kept.body);
    return true;
  }

  async #kept(
    key: string,
    acceptEncoding: string | string[] | undefined,
  ): Promise<{ status: number; headers: Headers; body: Buffer } | null> {
    const page = this.pages.get(key);
    if (!page) return null;
    if (this.now() - page.storedAt >= this.ttlMs) {
      this.pages.delete(key);
      return null;
    }
    const encoding = acceptedEncodings(acceptEncoding)[0];
    const headers = new Headers(page.headers);
    headers.set("Vary", "Accept-Encoding");
    let body = page.body;
    if (encoding === "br") {
      page.br ??= brotli(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      body = await page.br;
    } else if (encoding === "gzip") {
      page.gzip ??= gz(page.body, { level: 6 });
      body = await page.gzip;
    }
    if (encoding) headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(body.length));
    return { status: page.status, headers, body };
  }

  /**
   * Keeps a rendered answer when it may be kept, and returns what to send: the answer itself, read
   * into memory, or the response untouched.
   */
  async keep(key: string, response: Response): Promise<Response> {
    const cacheable =
      response.headers.get(CACHEABLE_PAGE_HEADER) !== null &&
      response.status === 200 &&
      !response.headers.has("set-cookie") &&
      (response.headers.get("content-type") ?? "").startsWith("text/html");
    if (!cacheable || !response.body) {
      response.headers.delete(CACHEABLE_PAGE_HEADER);
      return response;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => name !== CACHEABLE_PAGE_HEADER);
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { storedAt: this.now(), status: response.status, headers, body });
    return new Response(new Uint8Array(body), { status: response.status, headers });
  }

  /** A back-office write happened: every kept page may be out of date. */
  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}
