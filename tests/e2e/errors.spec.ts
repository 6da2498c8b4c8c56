import { expect, test } from "@playwright/test";
import { BROKEN_PORTAL_URL } from "./ports";

/*
 * The portal behind BROKEN_PORTAL_URL runs the production build on a database that lost a table
 * (start-broken-portal.ts): every catalogue page fails on the server.
 */

test("a server failure shows a localized 500 page without internals", async ({ request }) => {
  const ru = await request.get(`${BROKEN_PORTAL_URL}/`);
  expect(ru.status()).toBe(500);
  const body = await ru.text();
  expect(body).toContain("Что-то пошло не так");
  expect(body).toContain('lang="ru"');
  for (const internal of ["LifeSituation", "at async", "node_modules", "Prisma", "stack"]) {
    expect(body, internal).not.toContain(internal);
  }

  const en = await request.get(`${BROKEN_PORTAL_URL}/services/first-grade-enrollment`, {
    headers: { "accept-language": "en-US,en;q=0.9" },
  });
  expect(en.status()).toBe(500);
  const english = await en.text();
  expect(english).toContain("Something went wrong");
  expect(english).not.toContain("LifeSituation");
});

test("the JSON API fails with a plain JSON error, and the health check still tells the truth", async ({ request }) => {
  const api = await request.get(`${BROKEN_PORTAL_URL}/api/services?q=школа`);
  expect(api.status()).toBe(500);
  expect(await api.json()).toEqual({ error: "internal_error" });
  const health = await request.get(`${BROKEN_PORTAL_URL}/healthz`);
  expect(health.status()).toBe(200);
});
