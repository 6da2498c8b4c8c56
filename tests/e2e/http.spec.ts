import { expect, test } from "@playwright/test";

// HTTP-level behaviour; the browser is not needed, so these run once, in the "js" project.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "js", "HTTP checks run once");
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("pages with client code carry security headers with a fresh CSP nonce", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(/script-src[^;]*/.exec(csp)?.[0]).not.toContain("unsafe-inline");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const html = await first.text();
  // Every inline script carries the nonce, or the browser would block it.
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("pages without client code are sent compressed, with no script and a policy that allows none", async ({
  request,
}) => {
  for (const url of ["/", "/services/first-grade-enrollment", "/search?q=школа", "/schools", "/indicators"]) {
    const response = await request.get(url, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-encoding"], url).toBe("br");
    expect(response.headers()["content-security-policy"], url).toContain("script-src 'none'");
    expect(response.headers()["x-portal-cacheable-page"], url).toBeUndefined();
    const html = await response.text();
    expect(html.match(/<script\b/g) ?? [], url).toEqual([]);
    expect(html, url).toContain('data-static="true"');
  }
  // Hashed assets are sent precompressed.
  const login = await (await request.get("/login")).text();
  const asset =
    /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(login)?.[1] ?? /href="(\/assets\/[^"]+\.js)"/.exec(login)?.[1];
  expect(asset).toBeTruthy();
  const compressed = await request.get(asset!, { headers: { "Accept-Encoding": "br" } });
  expect(compressed.headers()["content-encoding"]).toBe("br");
  expect(compressed.headers()["cache-control"]).toContain("immutable");
});

test("the catalogue API answers in the requested language with filters", async ({ request }) => {
  const all = await (await request.get("/api/services")).json();
  expect(all.total).toBeGreaterThanOrEqual(40);
  expect(all.services[0]).toEqual(
    expect.objectContaining({
      code: expect.stringMatching(/^58-/),
      slug: expect.any(String),
      title: expect.any(String),
      category: expect.any(String),
    }),
  );

  const school = await (await request.get("/api/services?q=" + encodeURIComponent("запись в школу"))).json();
  expect(school.services[0].slug).toBe("first-grade-enrollment");
  expect(school.services[0].title).toBe("Запись в первый класс");

  const english = await (await request.get("/api/services?q=school&lng=en")).json();
  expect(english.language).toBe("en");
  expect(english.services[0].title).toBe("First-grade school enrollment");

  const online = await (await request.get("/api/services?category=social-support&online=1")).json();
  expect(online.total).toBeGreaterThan(0);
  for (const s of online.services) {
    expect(s.category).toBe("social-support");
    expect(s.online).toBe(true);
  }
});

test("bad input never answers 500", async ({ request }) => {
  for (const url of [
    "/search?page=abc&category=%00&online=maybe",
    "/search?q=" + "я".repeat(5000),
    "/api/services?page=-5&category=../../etc",
    "/services/%E0%A4%A",
    "/categories/<script>",
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
  }
  const post = await request.post("/preferences/language", {
    form: { lng: "xx", redirectTo: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(302);
  expect(post.headers()["location"]).toBe("/");
});

test("static assets are cached for a year", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("immutable");
});

test("a form posted from another site is refused before it reaches the portal", async ({ request }) => {
  const foreign = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "anna@example.ru", password: "anything at all" },
  });
  expect(foreign.status()).toBe(403);
  const own = await request.post("/login", {
    headers: { Origin: new URL(foreign.url()).origin },
    form: { email: "anna@example.ru", password: "anything at all" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(400);
});
