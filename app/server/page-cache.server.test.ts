import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CACHEABLE_PAGE_HEADER, changesPublicPages, PageCache } from "./page-cache.server";

const page = "<!DOCTYPE html><p>Запись в первый класс</p>".repeat(50);
const rendered = (headers: Record<string, string> = {}, status = 200) =>
  new Response(page, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", [CACHEABLE_PAGE_HEADER]: "1", ...headers },
  });
const get = (url = "http://portal/services/first-grade-enrollment", headers: Record<string, string> = {}) =>
  new Request(url, { headers });

describe("the page cache", () => {
  it("answers a kept page until its time is up, in the encoding the browser accepts", async () => {
    let now = 1_000;
    const cache = new PageCache(1_000, () => now);
    const key = cache.keyOf(get())!;
    const first = await cache.keep(key, rendered());
    expect(await first.text()).toBe(page);
    expect(first.headers.has(CACHEABLE_PAGE_HEADER)).toBe(false);

    now += 500;
    const br = (await cache.answer(key, get(undefined, { "Accept-Encoding": "gzip, br" })))!;
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(page);
    const gzip = (await cache.answer(key, get(undefined, { "Accept-Encoding": "gzip" })))!;
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(page);
    const plain = (await cache.answer(key, get()))!;
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(page);

    now += 500;
    expect(await cache.answer(key, get())).toBeNull();
  });

  it("keeps pages apart by address, cookies and language", () => {
    const cache = new PageCache(1_000);
    const keys = new Set([
      cache.keyOf(get()),
      cache.keyOf(get("http://portal/services/first-grade-enrollment?lng=en")),
      cache.keyOf(get(undefined, { Cookie: "vision=high" })),
      cache.keyOf(get(undefined, { "Accept-Language": "en-GB" })),
    ]);
    expect(keys.size).toBe(4);
  });

  it("never keeps a signed-in person's page, a write, an error, a page that sets a cookie or one not marked", async () => {
    const cache = new PageCache(1_000);
    expect(cache.keyOf(get(undefined, { Cookie: "lng=ru; session=abc" }))).toBeNull();
    expect(cache.keyOf(new Request("http://portal/search", { method: "POST", body: "q=1" }))).toBeNull();
    const key = cache.keyOf(get())!;
    await cache.keep(key, rendered({}, 404));
    await cache.keep(key, rendered({ "Set-Cookie": "lng=en" }));
    await cache.keep(key, new Response(page, { headers: { "Content-Type": "text/html" } }));
    await cache.keep(key, rendered({ "Content-Type": "application/json" }));
    expect(cache.size).toBe(0);
  });

  it("is dropped by back-office writes only", () => {
    expect(changesPublicPages("POST", "/admin/schools")).toBe(true);
    expect(changesPublicPages("POST", "/office/enrollment")).toBe(true);
    expect(changesPublicPages("DELETE", "/admin")).toBe(true);
    expect(changesPublicPages("GET", "/admin/schools")).toBe(false);
    expect(changesPublicPages("POST", "/services/first-grade/apply/abc/review")).toBe(false);
    expect(changesPublicPages("POST", "/cabinet/applications/58-2027-0000001-1")).toBe(false);
    expect(changesPublicPages("POST", "/administrator")).toBe(false);
  });

  it("drops every page on a write, and is off with a time of 0", async () => {
    const cache = new PageCache(1_000);
    await cache.keep(cache.keyOf(get())!, rendered());
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(new PageCache(0).keyOf(get())).toBeNull();
  });
});
