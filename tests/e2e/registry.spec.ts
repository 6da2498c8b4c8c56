import { request as httpRequest } from "node:http";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signBody } from "../../app/domain/proactive/registry-signature";
import { testSnils } from "../../app/domain/identity/test-data";
import { demoRegistryKey } from "../../seeds/registry";
import { portalDb } from "./portal-db";
import { PORTAL_URL } from "./ports";

/*
 * The registry intake over real HTTP against the production build (docs/proactive.md, "Intake"): a
 * demo source's signed event is taken and becomes a proactive case; an unsigned one is refused; the
 * contract is published as JSON Schema.
 */
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "HTTP checks run once");

test("a signed life event is taken once, an unsigned one is refused, the schema is published", async () => {
  const api = await playwrightRequest.newContext({ baseURL: PORTAL_URL });
  const event = {
    type: "pregnancy",
    eventId: `e2e-${Date.now()}`,
    occurredAt: new Date().toISOString(),
    person: {
      snils: testSnils(900_000 + (Date.now() % 90_000)),
      lastName: "Проактивная",
      firstName: "Вера",
      birthDate: "1996-02-02",
    },
    registeredOn: new Date().toISOString().slice(0, 10),
  };
  const body = JSON.stringify(event);
  const key = demoRegistryKey("clinic-demo");
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    "Content-Type": "application/json",
    "X-Registry-Source": "clinic-demo",
    "X-Registry-Key": key.id,
    "X-Registry-Timestamp": timestamp,
    "X-Registry-Signature": signBody(key.secret, timestamp, body),
  };
  const taken = await api.post("/api/registry/events", { data: body, headers });
  expect(taken.status()).toBe(201);
  const answer = (await taken.json()) as { eventRef: number; outcome: { offers: { mode: string }[] } };
  expect(answer.outcome.offers.map((o) => o.mode)).toEqual(["assign"]);
  const again = await api.post("/api/registry/events", { data: body, headers });
  expect(again.status()).toBe(200);
  expect(await portalDb.application.count({ where: { channel: "proactive", applicantName: "Проактивная Вера" } })).toBe(
    1,
  );

  const unsigned = await api.post("/api/registry/events", {
    data: body,
    headers: { "Content-Type": "application/json" },
  });
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.json()).toEqual({ error: "unsigned" });

  const huge = await api.post("/api/registry/events", { data: "x".repeat(70_000), headers });
  expect(huge.status()).toBe(413);
  // Without Content-Length (chunked) the body is read no further than the limit, and the portal stays up:
  // the schema below is still answered.
  expect(await postChunked("/api/registry/events", "x".repeat(100_000))).toBe(413);

  const schema = await api.get("/api/registry/schema");
  expect(schema.status()).toBe(200);
  expect(JSON.stringify(await schema.json())).toContain("pregnancy");
  await api.dispose();
});

/** A POST in chunks (Transfer-Encoding: chunked, no Content-Length), as some HTTP clients send; its status. */
function postChunked(path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(new URL(path, PORTAL_URL), { method: "POST" }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on("error", reject);
    for (let at = 0; at < body.length; at += 8_192) sent.write(body.slice(at, at + 8_192));
    sent.end();
  });
}
