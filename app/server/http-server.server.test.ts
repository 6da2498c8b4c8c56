import { request as httpRequest } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createContext, type ServerBuild } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { createPortalServer, loggedPath } from "./http-server.server";
import { CACHEABLE_PAGE_HEADER } from "./page-cache.server";

/*
 * The HTTP server with a tiny stand-in for the React Router build: a resource route at /echo that
 * reads the whole body, as every action does.
 */
let renders = 0;
/** The page requests the stand-in began, in order (`?started=<name>`), each taking `?ms=` to answer. */
const started: string[] = [];
/** What the fake build's database check answers. */
let databaseUp = true;
function fakeBuild(): ServerBuild {
  const routeModule = {
    loader: async ({ request }: { request: Request }) => {
      const params = new URL(request.url).searchParams;
      const name = params.get("started");
      if (name === null) return answer(request);
      started.push(name);
      await new Promise((resolve) => setTimeout(resolve, Number(params.get("ms") ?? 0)));
      return new Response(`done ${name}`);
    },
    action: async ({ request }: { request: Request }) => new Response(`read ${(await request.text()).length}`),
  };
  const answer = ({ url }: Request) =>
    new URL(url).searchParams.has("cacheable")
      ? new Response(
          `rendered ${++renders} ` + (new URL(url).searchParams.has("big") ? "Школы района. ".repeat(300) : ""),
          {
            headers: { "Content-Type": "text/html", [CACHEABLE_PAGE_HEADER]: "1" },
          },
        )
      : new URL(url).searchParams.has("big")
        ? new Response("Заявление о приёме в первый класс. ".repeat(200), {
            headers: { "Content-Type": "text/html" },
          })
        : Response.json({ ok: true });
  return {
    entry: {
      module: {
        default: () => new Response("page"),
        clientAddressContext: createContext<string>(""),
        databaseAnswers: () => Promise.resolve(databaseUp),
      },
    },
    routes: {
      root: { id: "root", path: "", module: {} },
      echo: { id: "echo", parentId: "root", path: "echo", module: routeModule },
      "admin-echo": { id: "admin-echo", parentId: "root", path: "admin/echo", module: routeModule },
    },
    assets: { entry: { module: "/e.js", imports: [] }, routes: {}, url: "/m.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "/nonexistent",
    future: {},
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(
  options: {
    headersTimeoutMs?: number;
    requestTimeoutMs?: number;
    buildDir?: string;
    pageCacheMs?: number;
    requestsAtOnce?: number;
  } = {},
) {
  server = createPortalServer({ buildDir: "/nonexistent", build: fakeBuild(), mode: "production", ...options });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes raw bytes and waits for the server to answer and close, or for `giveUpMs`. */
function raw(port: number, bytes: string, giveUpMs: number) {
  return new Promise<{ answer: string; closedAfterMs: number | null }>((resolve) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closedAfterMs: null });
    }, giveUpMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
  });
}

describe("the health check", () => {
  it("is answered by the edge itself (the build has no such route): 200 while the database answers, else 503", async () => {
    const port = await start();
    databaseUp = true;
    const up = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    expect(up.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await up.json()).toEqual({ status: "ok", database: "ok" });
    databaseUp = false;
    const down = await fetch(`http://127.0.0.1:${port}/healthz`);
    databaseUp = true;
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "error", database: "unavailable" });
  });
});

describe("the line of page requests (docs/decisions/0036)", () => {
  it("works on as many at once as it has slots; the next waits its turn, a health check does not", async () => {
    started.length = 0;
    const port = await start({ requestsAtOnce: 1 });
    const base = `http://127.0.0.1:${port}`;
    const slow = fetch(`${base}/echo?started=slow&ms=400`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const t0 = performance.now();
    const next = fetch(`${base}/echo?started=next`).then(async (r) => ({
      text: await r.text(),
      ms: performance.now() - t0,
    }));
    const health = fetch(`${base}/healthz`).then(() => performance.now() - t0);
    expect(await health).toBeLessThan(300);
    expect(await slow).toBe("done slow");
    const waited = await next;
    expect(waited.text).toBe("done next");
    expect(waited.ms).toBeGreaterThan(300);
    expect(started).toEqual(["slow", "next"]);
  });

  it("holds no slot for a form while its body arrives slowly, and answers it once it has", async () => {
    started.length = 0;
    const port = await start({ requestsAtOnce: 1 });
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nab");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const t0 = performance.now();
    expect(await (await fetch(`http://127.0.0.1:${port}/echo?started=meanwhile`)).text()).toBe("done meanwhile");
    expect(performance.now() - t0).toBeLessThan(300);
    socket.write("cdefghij");
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain("read 10");
  });

  it("never begins a request whose client left while it waited", async () => {
    started.length = 0;
    const port = await start({ requestsAtOnce: 1 });
    const base = `http://127.0.0.1:${port}`;
    const slow = fetch(`${base}/echo?started=slow&ms=300`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const leaving = new AbortController();
    const left = fetch(`${base}/echo?started=left`, { signal: leaving.signal }).catch(() => "left");
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.abort();
    expect(await left).toBe("left");
    expect(await slow).toBe("done slow");
    expect(await (await fetch(`${base}/echo?started=after`)).text()).toBe("done after");
    expect(started).toEqual(["slow", "after"]);
  });
});

describe("createPortalServer", () => {
  it("answers a body shorter than its Content-Length within the request timeout", async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { answer, closedAfterMs } = await raw(
      port,
      "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nshort",
      5_000,
    );
    expect(closedAfterMs, "the connection was still open after 5 s").not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("cuts off a client that never finishes its headers", async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const { closedAfterMs } = await raw(port, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 5_000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3_000);
  });

  it("uses 10 s for headers and 60 s for a whole request by default", async () => {
    await start();
    expect(server!.headersTimeout).toBe(10_000);
    expect(server!.requestTimeout).toBe(60_000);
  });

  it("puts the static security headers on every answer, plain-text errors included", async () => {
    const port = await start();
    const base = `http://127.0.0.1:${port}`;
    const answers = [
      await fetch(`${base}/echo`),
      await fetch(`${base}/echo`, { method: "POST", body: "x", headers: { Origin: "https://evil.example" } }),
      await fetch(`${base}/echo`, {
        method: "POST",
        body: "x",
        headers: { "Content-Length": String(65 * 1024 * 1024) },
      }).catch(() => null),
    ];
    for (const response of answers.filter((r) => r !== null)) {
      expect(response.headers.get("x-content-type-options"), `${response.status}`).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
    expect(answers[0]!.status).toBe(200);
    expect(answers[1]!.status).toBe(403);
  });

  it("compresses a page the browser accepts compressed, brotli first", async () => {
    const port = await start();
    const page = "Заявление о приёме в первый класс. ".repeat(200);
    const br = await get(port, "/echo?big", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(page);
    expect(br.body.length).toBeLessThan(page.length / 10);
    const gzip = await get(port, "/echo?big", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString("utf8")).toBe(page);
    const plain = await get(port, "/echo?big", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page);
  });

  it("sends the precompressed copy of a static file the browser accepts, the file itself otherwise", async () => {
    const buildDir = mkdtempSync(path.join(tmpdir(), "portal-static-"));
    try {
      const assets = path.join(buildDir, "client", "assets");
      mkdirSync(assets, { recursive: true });
      writeFileSync(path.join(assets, "entry-abc.js"), "console.log(1)");
      writeFileSync(path.join(assets, "entry-abc.js.br"), "BROTLI");
      writeFileSync(path.join(assets, "entry-abc.js.gz"), "GZIP");
      const port = await start({ buildDir });
      const br = await get(port, "/assets/entry-abc.js", "gzip;q=0.8, br");
      expect([br.headers["content-encoding"], br.body.toString()]).toEqual(["br", "BROTLI"]);
      const gzip = await get(port, "/assets/entry-abc.js", "gzip, br;q=0");
      expect([gzip.headers["content-encoding"], gzip.body.toString()]).toEqual(["gzip", "GZIP"]);
      const plain = await get(port, "/assets/entry-abc.js", "");
      expect([plain.headers["content-encoding"], plain.body.toString()]).toEqual([undefined, "console.log(1)"]);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
  });
});

describe("the page cache in the server", () => {
  it("renders an anonymous cacheable page once, again after a back-office write, and always for a signed-in person", async () => {
    const port = await start({ pageCacheMs: 60_000 });
    const base = `http://127.0.0.1:${port}`;
    const text = async (init?: RequestInit) => (await fetch(`${base}/echo?cacheable`, init)).text();
    const first = await text();
    expect(await text()).toBe(first);
    expect((await fetch(`${base}/echo?cacheable`)).headers.has(CACHEABLE_PAGE_HEADER)).toBe(false);
    // A resident's write (a submission at the opening minute) keeps the pages: it changes only counts.
    expect(await (await fetch(`${base}/echo`, { method: "POST", body: "x" })).text()).toBe("read 1");
    expect(await text()).toBe(first);
    expect(await (await fetch(`${base}/admin/echo`, { method: "POST", body: "x" })).text()).toBe("read 1");
    const afterWrite = await text();
    expect(afterWrite).not.toBe(first);
    const signedIn = { headers: { Cookie: "session=abc" } };
    expect(await text(signedIn)).not.toBe(await text(signedIn));
  });

  it("answers a kept page from Node's own request, compressed as asked, with the headers every answer has", async () => {
    const port = await start({ pageCacheMs: 60_000 });
    const url = "/echo?cacheable&big";
    const rendered = await get(port, url, "br");
    const kept = await get(port, url, "br");
    const gzipped = await get(port, url, "gzip");
    const plain = await get(port, url, "identity");
    const page = brotliDecompressSync(rendered.body).toString();
    expect(page).toMatch(/^rendered \d+ Школы района/);
    // Not rendered again: the same page, in each encoding.
    expect(brotliDecompressSync(kept.body).toString()).toBe(page);
    expect(gunzipSync(gzipped.body).toString()).toBe(page);
    expect(plain.body.toString()).toBe(page);
    expect(kept.headers["content-encoding"]).toBe("br");
    expect(kept.headers["vary"]).toBe("Accept-Encoding");
    expect(Number(kept.headers["content-length"])).toBe(kept.body.length);
    expect(kept.headers["x-content-type-options"]).toBe("nosniff");
    expect(kept.headers["x-request-id"]).not.toBe(rendered.headers["x-request-id"]);
    expect(kept.headers[CACHEABLE_PAGE_HEADER]).toBeUndefined();
  });
});

describe("the request log's path", () => {
  it("writes a utility account's number as the route's parameter, and keeps every other path", () => {
    expect(loggedPath(`/cabinet/payments/${encodeURIComponent("58АБ123456")}`)).toBe("/cabinet/payments/:els");
    expect(loggedPath("/cabinet/payments/58АБ123456")).toBe("/cabinet/payments/:els");
    expect(loggedPath("/cabinet/payments")).toBe("/cabinet/payments");
    expect(loggedPath("/cabinet/payments/receipts/abc")).toBe("/cabinet/payments/receipts/abc");
    expect(loggedPath("/cabinet/applications/58-2026-000001")).toBe("/cabinet/applications/58-2026-000001");
  });
});

/** A GET with the given Accept-Encoding, the body as sent (fetch would decompress it). */
function get(port: number, url: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, path: url, headers: { "Accept-Encoding": acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}
