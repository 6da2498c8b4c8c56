import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { importBills } from "~/domain/payments/bill-import.server";
import { answerProviderExport, type ExportKind } from "~/domain/payments/provider-exports.server";
import { addRegistryKey } from "~/domain/proactive/registry-intake.server";
import { signBody } from "~/domain/proactive/registry-signature";
import * as paymentsRoute from "~/routes/api/utility-payments-csv";
import * as readingsRoute from "~/routes/api/utility-readings-csv";
import { createTestDatabase } from "./test-database";

/*
 * What providers take from the portal (docs/payments.md, "Import and export formats"), on a real
 * database: the residents' readings of a period and the payments that succeeded on a region-local day, each
 * provider seeing only its own meters and bills, as Excel-ready CSV; and the refusals (401, 403, 400).
 * Bills come in through the import; payments are written directly, as the acquirer's outcome leaves them.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
const SEAL = "integration-test-sealing-key";
const KEYS = {
  "energo-x": { id: "energo-x-key", secret: "energo-x-secret" },
  "water-x": { id: "water-x-key", secret: "water-x-secret" },
  "zags-x": { id: "zags-x-key", secret: "zags-x-secret" },
} as const;
type Source = keyof typeof KEYS;
const A = "58ЖЗ000001";
const B = "58ЖЗ000002";
const bills: Record<string, string> = {};

function line(service: string, amount: number) {
  return { service, unit: service === "cold-water" ? "м3" : "кВт·ч", tariff: 556, volume: "10", amount };
}
function bill(billId: string, els: string, amount: number, service: string, serial: string) {
  return {
    billId,
    els,
    period: "2026-11",
    address: "Пенза, ул. Мира, д. 1",
    accessCode: "123456",
    amount,
    lines: [line(service, amount)],
    meters: [{ serial, service, unit: service === "cold-water" ? "м3" : "кВт·ч", reading: "1000" }],
  };
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  for (const [code, key] of Object.entries(KEYS)) {
    await db.registrySource.create({ data: { code, nameRu: code, nameEn: code } });
    await addRegistryKey(db, { sourceCode: code, sealingKey: SEAL, ...key });
  }
  await db.utilityProvider.create({
    data: { code: "energo", nameRu: "Энерго", nameEn: "Energo", inn: "5836000001", sourceCode: "energo-x" },
  });
  await db.utilityProvider.create({
    data: { code: "water", nameRu: "Вода", nameEn: "Water", inn: "5836000002", sourceCode: "water-x" },
  });
  const now = new Date("2026-12-01T06:00:00Z");
  for (const [provider, list] of [
    ["energo", [bill("E1", A, 73_440, "electricity", "Э-1"), bill("E2", B, 12_000, "electricity", "Э-2")]],
    ["water", [bill("W1", A, 18_971, "cold-water", "В-1")]],
  ] as const) {
    const imported = await importBills(db, { providerCode: provider, channel: "api", bills: list, now });
    expect(imported).toMatchObject({ ok: true, taken: list.length });
  }
  for (const b of await db.bill.findMany()) bills[b.providerRef] = b.id;
});
afterAll(() => dispose());

function headersOf(source: Source, body = "", at = new Date()) {
  const key = KEYS[source];
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    "x-registry-source": source,
    "x-registry-key": key.id,
    "x-registry-timestamp": timestamp,
    "x-registry-signature": signBody(key.secret, timestamp, body),
  };
}

const ask = (kind: ExportKind, query: string, headers: Record<string, string> = headersOf("energo-x")) =>
  answerProviderExport(db, { kind, headers, query: new URLSearchParams(query), now: new Date(), sealingKey: SEAL });

async function csvOf(kind: ExportKind, query: string, source: Source = "energo-x") {
  const answer = await ask(kind, query, headersOf(source));
  if (answer.status !== 200) throw new Error(JSON.stringify(answer));
  return answer.csv;
}

describe("GET /api/utility/readings.csv", () => {
  beforeAll(async () => {
    const meter = async (serial: string) => (await db.meter.findFirstOrThrow({ where: { serial } })).id;
    const reading = async (serial: string, period: string, value: string, takenAt: string) =>
      db.meterReading.create({
        data: { meterId: await meter(serial), period, value, takenAt: new Date(takenAt), source: "resident" },
      });
    await reading("Э-2", "2026-11", "1200.000", "2026-11-22T21:30:00Z");
    await reading("Э-1", "2026-11", "1300.250", "2026-11-20T11:05:00Z");
    // Another month, and another provider's meter: not in energo's November.
    await reading("Э-1", "2026-10", "1100.000", "2026-10-20T11:05:00Z");
    await reading("В-1", "2026-11", "45.500", "2026-11-21T08:00:00Z");
  });

  it("lists the residents' readings of the provider's meters for the period, in region time, for Excel", async () => {
    const csv = await csvOf("readings", "period=2026-11");
    expect(csv).toBe(
      "\uFEFF" +
        [
          "els;meter_serial;service;value;taken_at",
          `${A};Э-1;electricity;1300,250;2026-11-20 14:05`,
          // 21:30 UTC is already the next day in Penza.
          `${B};Э-2;electricity;1200,000;2026-11-23 00:30`,
        ].join("\r\n") +
        "\r\n",
    );
    // The providers' own readings (the bills' ones) are not the residents'.
    expect(csv).not.toContain("1000,000");
  });

  it("gives each provider only its own meters, and a header alone for a month without readings", async () => {
    expect(await csvOf("readings", "period=2026-11", "water-x")).toContain(
      `${A};В-1;cold-water;45,500;2026-11-21 11:00`,
    );
    expect(await csvOf("readings", "period=2026-11", "water-x")).not.toContain("Э-1");
    expect(await csvOf("readings", "period=2027-01")).toBe("\uFEFFels;meter_serial;service;value;taken_at\r\n");
  });
});

describe("GET /api/utility/payments.csv", () => {
  beforeAll(async () => {
    let n = 0;
    const payment = async (
      status: string,
      finishedAt: string | null,
      els: string,
      covers: [string, number][],
      fiscal = true,
    ) => {
      n += 1;
      await db.payment.create({
        data: {
          id: `P${n}`,
          idempotencyKey: `key-${n}`,
          els,
          amount: covers.reduce((sum, [, amount]) => sum + amount, 0),
          status,
          finishedAt: finishedAt ? new Date(finishedAt) : null,
          fiscalDrive: fiscal ? "9999078900004321" : null,
          fiscalDocument: fiscal ? `FD${n}` : null,
          fiscalSign: fiscal ? `FP${n}` : null,
          bills: { create: covers.map(([ref, amount]) => ({ billId: bills[ref]!, amount })) },
        },
      });
    };
    await payment("succeeded", "2026-12-01T20:30:00Z", A, [
      ["E1", 73_440],
      ["W1", 18_971],
    ]); // P1: 23:30 in Penza on 1 December
    await payment("succeeded", "2026-12-01T21:30:00Z", B, [["E2", 7_000]]); // P2: already 2 December
    await payment("pending", null, B, [["E2", 5_000]], false); // P3
    await payment("succeeded", "2026-11-30T21:00:00Z", B, [["E2", 5_000]]); // P4: midnight of 1 December
    await payment("declined", "2026-12-01T10:00:00Z", B, [["E2", 5_000]], false); // P5
  });

  it("lists the day's succeeded payments of the provider's bills, in region time, with a total row", async () => {
    expect(await csvOf("payments", "date=2026-12-01")).toBe(
      "\uFEFF" +
        [
          "payment_id;bill_id;els;amount;paid_at;fiscal_document;fiscal_sign",
          `P4;E2;${B};50,00;2026-12-01 00:00;FD4;FP4`,
          `P1;E1;${A};734,40;2026-12-01 23:30;FD1;FP1`,
          "total;2;;784,40;;;",
        ].join("\r\n") +
        "\r\n",
    );
    expect(await csvOf("payments", "date=2026-12-02")).toContain(`P2;E2;${B};70,00;2026-12-02 00:30;FD2;FP2`);
  });

  it("gives each provider only its own bills' part of a payment", async () => {
    const water = await csvOf("payments", "date=2026-12-01", "water-x");
    expect(water.split("\r\n").slice(1, -1)).toEqual([
      `P1;W1;${A};189,71;2026-12-01 23:30;FD1;FP1`,
      "total;1;;189,71;;;",
    ]);
    expect(await csvOf("payments", "date=2026-11-15")).toBe(
      "\uFEFFpayment_id;bill_id;els;amount;paid_at;fiscal_document;fiscal_sign\r\ntotal;0;;0,00;;;\r\n",
    );
  });
});

describe("the exports' refusals", () => {
  it("401 unsigned or signed over anything but the empty body", async () => {
    expect(await ask("readings", "period=2026-11", {})).toEqual({ status: 401, error: "unsigned" });
    expect(await ask("payments", "date=2026-12-01", headersOf("energo-x", "something"))).toEqual({
      status: 401,
      error: "bad-signature",
    });
  });

  it("403 for a source that is no provider", async () => {
    expect(await ask("readings", "period=2026-11", headersOf("zags-x"))).toEqual({
      status: 403,
      error: "not-a-provider",
    });
    expect(await ask("payments", "date=2026-12-01", headersOf("zags-x"))).toEqual({
      status: 403,
      error: "not-a-provider",
    });
  });

  it("400 with a message for a missing or wrong period or date", async () => {
    for (const query of ["", "period=2026-13", "period=2026-1", "period=11.2026"]) {
      const answer = await ask("readings", query);
      expect(answer, query).toMatchObject({
        status: 400,
        error: "bad-query",
        message: expect.stringContaining("YYYY-MM"),
      });
    }
    for (const query of ["", "date=2026-02-30", "date=01.12.2026", "period=2026-12"]) {
      const answer = await ask("payments", query);
      expect(answer, query).toMatchObject({
        status: 400,
        error: "bad-query",
        message: expect.stringContaining("YYYY-MM-DD"),
      });
    }
  });

  it("405 with Allow for anything but GET", () => {
    for (const route of [readingsRoute, paymentsRoute]) {
      const answer = route.action();
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe("GET");
    }
  });

  it("audits each export by codes and counts", async () => {
    const rows = await db.auditEvent.findMany({ where: { action: "utility.export" } });
    expect(
      rows.some((r) => r.result === "ok" && r.subjectId === "energo" && JSON.parse(r.details).kind === "payments"),
    ).toBe(true);
    expect(rows.some((r) => r.result === "denied" && JSON.parse(r.details).error === "not-a-provider")).toBe(true);
    expect(rows.every((r) => !r.details.includes(A))).toBe(true);
  });
});
