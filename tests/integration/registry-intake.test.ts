import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { testSnils } from "~/domain/identity/test-data";
import { addRegistryKey, receiveLifeEvent, retireRegistryKey } from "~/domain/proactive/registry-intake.server";
import { signBody } from "~/domain/proactive/registry-signature";
import { seedDemoData } from "../../seeds/demo";
import { demoRegistryKey } from "../../seeds/registry";
import { createTestDatabase } from "./test-database";

/*
 * The intake of life events (docs/proactive.md, "Intake") on a real database with the demo sources:
 * signatures, key rotation, the replay window, idempotency by event id, 4xx for every bad request,
 * and the audit trail.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
const SEAL = "integration-test-sealing-key";
const NOW = new Date("2026-12-02T10:00:00Z");

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  // The seed sealed the demo keys with the configured key; these tests seal theirs with SEAL.
  await db.registryKey.deleteMany({});
  const key = demoRegistryKey("clinic-demo");
  await addRegistryKey(db, { sourceCode: "clinic-demo", sealingKey: SEAL, ...key });
});
afterAll(() => dispose());

let n = 0;
function pregnancy(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    type: "pregnancy",
    eventId: `clinic-${n}`,
    occurredAt: "2026-12-02T12:00:00+03:00",
    person: { snils: testSnils(70_000 + n), lastName: "Беременова", firstName: "Ирина", birthDate: "1995-01-01" },
    registeredOn: "2026-12-01",
    ...overrides,
  };
}

function signed(body: string, key = demoRegistryKey("clinic-demo"), at = NOW, source = "clinic-demo") {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    "x-registry-source": source,
    "x-registry-key": key.id,
    "x-registry-timestamp": timestamp,
    "x-registry-signature": signBody(key.secret, timestamp, body),
  };
}

const send = (body: string, headers: Record<string, string>, now = NOW) =>
  receiveLifeEvent(db, { headers, body, now, sealingKey: SEAL });

describe("POST /api/registry/events", () => {
  it("takes a signed event once: 201 with the outcome, then 200 with the same outcome on a replay", async () => {
    const body = JSON.stringify(pregnancy());
    const first = await send(body, signed(body));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      replayed: false,
      outcome: { offers: [{ ruleCode: expect.any(String), mode: "assign" }] },
    });
    const again = await send(
      body,
      signed(body, undefined, new Date(NOW.getTime() + 60_000)),
      new Date(NOW.getTime() + 60_000),
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    // One case in the clinic's queue, through the proactive channel, however often it is delivered.
    expect(await db.application.count({ where: { channel: "proactive", applicantName: "Беременова Ирина" } })).toBe(1);
  });

  it("refuses the same event id with another body (409)", async () => {
    const event = pregnancy();
    const body = JSON.stringify(event);
    expect((await send(body, signed(body))).status).toBe(201);
    const changed = JSON.stringify({ ...event, registeredOn: "2026-11-30" });
    expect(await send(changed, signed(changed))).toEqual({ status: 409, body: { error: "event-id-reused" } });
  });

  it("401 for unsigned, badly signed, unknown-key, other-source and stale requests", async () => {
    const body = JSON.stringify(pregnancy());
    const good = signed(body);
    expect((await send(body, {})).body).toEqual({ error: "unsigned" });
    expect((await send(body, { ...good, "x-registry-signature": "sha256=00" })).body).toEqual({
      error: "bad-signature",
    });
    expect((await send(body, signed(body, { id: "clinic-demo-key-1", secret: "wrong" }))).body).toEqual({
      error: "bad-signature",
    });
    expect((await send(body, { ...good, "x-registry-key": "nobody" })).body).toEqual({ error: "unknown-key" });
    expect((await send(body, { ...good, "x-registry-source": "zags-demo" })).body).toEqual({ error: "unknown-key" });
    expect((await send(body, { ...good, "x-registry-source": "no-such-source" })).body).toEqual({
      error: "unknown-source",
    });
    const old = new Date(NOW.getTime() - 10 * 60_000);
    expect(await send(body, signed(body, undefined, old))).toEqual({ status: 401, body: { error: "stale-timestamp" } });
    expect(await db.registryEvent.count({ where: { payload: { contains: JSON.parse(body).person.snils } } })).toBe(0);
  });

  it("rotates keys: a new key works beside the old one; once retired, the old one is refused", async () => {
    const fresh = await addRegistryKey(db, { sourceCode: "clinic-demo", sealingKey: SEAL });
    const a = JSON.stringify(pregnancy());
    expect((await send(a, signed(a, fresh))).status).toBe(201);
    const b = JSON.stringify(pregnancy());
    expect((await send(b, signed(b))).status).toBe(201);
    await retireRegistryKey(db, demoRegistryKey("clinic-demo").id, NOW);
    const c = JSON.stringify(pregnancy());
    expect(await send(c, signed(c))).toEqual({ status: 401, body: { error: "retired-key" } });
    expect((await send(c, signed(c, fresh))).status).toBe(201);
    // The secret is not in the database as it is.
    const stored = await db.registryKey.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(stored.secret).not.toContain(fresh.secret);
  });

  it("400 for malformed JSON, 422 naming the paths of an invalid event, 413 for a huge body", async () => {
    const { id, secret } = await addRegistryKey(db, { sourceCode: "clinic-demo", sealingKey: SEAL });
    const key = { id, secret };
    const broken = '{"type": "pregnancy",';
    expect(await send(broken, signed(broken, key))).toEqual({ status: 400, body: { error: "malformed-json" } });
    const invalid = JSON.stringify(
      pregnancy({ person: { snils: "123", lastName: "", firstName: "И", birthDate: "x" } }),
    );
    const answer = await send(invalid, signed(invalid, key));
    expect(answer.status).toBe(422);
    const paths = (answer.body.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["person.snils", "person.lastName", "person.birthDate"]));
    const huge = JSON.stringify(pregnancy({ note: "x".repeat(70_000) }));
    expect((await send(huge, signed(huge, key))).status).toBe(413);
  });

  it("audits every request by codes and ids, without personal data", async () => {
    const rows = await db.auditEvent.findMany({ where: { action: "registry.event" } });
    expect(rows.some((r) => r.result === "ok" && JSON.parse(r.details).how === "accepted")).toBe(true);
    expect(rows.some((r) => r.result === "ok" && JSON.parse(r.details).how === "replayed")).toBe(true);
    expect(rows.some((r) => r.result === "denied" && JSON.parse(r.details).error === "bad-signature")).toBe(true);
    expect(rows.every((r) => !r.details.includes("Беременова"))).toBe(true);
  });
});
