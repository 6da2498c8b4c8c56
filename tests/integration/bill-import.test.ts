import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { addRegistryKey } from "~/domain/proactive/registry-intake.server";
import { signBody } from "~/domain/proactive/registry-signature";
import { BILL_ERROR_CODES, MAX_BILLS_PER_REQUEST } from "~/domain/payments/bill-import";
import { hashAccessCode, importBills, receiveBills, type BillImportRow } from "~/domain/payments/bill-import.server";
import * as route from "~/routes/api/utility-bills";
import { readUpTo } from "~/server/request-body.server";
import { createTestDatabase } from "./test-database";

/*
 * Bills from providers (docs/payments.md, "Import") on a real database: the signed API with JSON and
 * CSV, the administrator's CSV import, every check refused with its code, idempotency by (provider,
 * bill id), accounts and meters made on the way, the import's report and audit row, and the route's
 * answer to every kind of bad request — through the domain function the route hands the request's
 * headers and body to, as the registry intake's test does; the route's own part (405, the body's cap) on
 * real Requests.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
const SEAL = "integration-test-sealing-key";

const ENERGO = { id: "energo-test-key-1", secret: "energo-test-secret" };
const WATER = { id: "water-test-key-1", secret: "water-test-secret" };
const ZAGS = { id: "zags-test-key-1", secret: "zags-test-secret" };

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  for (const [code, key] of [
    ["energo-test", ENERGO],
    ["water-test", WATER],
    ["zags-test", ZAGS],
  ] as const) {
    await db.registrySource.create({ data: { code, nameRu: code, nameEn: code } });
    await addRegistryKey(db, { sourceCode: code, sealingKey: SEAL, ...key });
  }
  await db.utilityProvider.create({
    data: {
      code: "energo",
      nameRu: "Энергосбыт (тест)",
      nameEn: "Energo (test)",
      inn: "5836000001",
      sourceCode: "energo-test",
    },
  });
  await db.utilityProvider.create({
    data: {
      code: "water",
      nameRu: "Водоканал (тест)",
      nameEn: "Water (test)",
      inn: "5836000002",
      sourceCode: "water-test",
      dueDay: 20,
    },
  });
});
afterAll(() => dispose());

let n = 0;
/** A valid bill of its own ЕЛС and id: 734,40 ₽ of electricity less a 50 ₽ benefit, and 189,71 ₽ of water. */
function bill(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    billId: `B-${n}`,
    els: `58АБ${String(100_000 + n)}`,
    period: "2026-11",
    address: "Пенза, ул. Московская, д. 5, кв. 12",
    accessCode: "482913",
    amount: 73_440 - 5_000 + 18_971,
    lines: [
      { service: "electricity", unit: "кВт·ч", tariff: 556, volume: "132.086", amount: 73_440, benefit: 5_000 },
      { service: "cold-water", unit: "м3", tariff: 4_517, volume: "4.2", amount: 18_971 },
    ],
    ...overrides,
  };
}

type Options = { contentType?: string; key?: { id: string; secret: string }; source?: string; method?: string };

function request(body: string, options: Options = {}) {
  const { contentType = "application/json", key = ENERGO, source = "energo-test", method = "POST" } = options;
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Request("http://portal.test/api/utility/bills", {
    method,
    headers: {
      "Content-Type": contentType,
      "X-Registry-Source": source,
      "X-Registry-Key": key.id,
      "X-Registry-Timestamp": timestamp,
      "X-Registry-Signature": signBody(key.secret, timestamp, body),
    },
    body: method === "GET" ? undefined : body,
  });
}

/** What the route hands the domain: the headers (lower-case names) and the raw body. */
function post(body: string | null, options: Options = {}, headers?: Record<string, string>) {
  const given = headers ?? Object.fromEntries(request(body ?? "", options).headers.entries());
  return receiveBills(db, { headers: given, body, now: new Date(), sealingKey: SEAL });
}

type Report = { importId: string; taken: number; repeated: number; refused: number; rows: BillImportRow[] };
const sendBills = async (bills: unknown[], options: Options = {}) => {
  const answer = await post(JSON.stringify({ bills }), options);
  expect(answer.status).toBe(200);
  return answer.body as Report;
};

describe("POST /api/utility/bills with JSON", () => {
  it("takes valid bills with their lines, due date, account and meters, and writes the import and its audit", async () => {
    const first = bill({ meters: [{ serial: "ЭЛ-0001", service: "electricity", unit: "кВт·ч", reading: "1234.5" }] });
    const second = bill({ dueDate: "2026-12-15", issuedAt: "2026-12-01T09:00:00+03:00" });
    const report = await sendBills([first, second]);
    expect(report).toMatchObject({ taken: 2, repeated: 0, refused: 0 });
    expect(report.rows).toEqual([
      { row: 1, billId: first.billId, outcome: "taken", errors: [] },
      { row: 2, billId: second.billId, outcome: "taken", errors: [] },
    ]);

    const stored = await db.bill.findUniqueOrThrow({
      where: { providerCode_providerRef: { providerCode: "energo", providerRef: first.billId } },
      include: { lines: { orderBy: { id: "asc" } } },
    });
    expect(stored).toMatchObject({ els: first.els, period: "2026-11", dueDate: "2026-12-10", amount: 87_411 });
    expect(stored.importId).toBe(report.importId);
    expect(stored.lines.map((l) => [l.service, l.tariff, l.volume, l.amount, l.benefit])).toEqual([
      ["electricity", 556, "132.086", 73_440, 5_000],
      ["cold-water", 4_517, "4.200", 18_971, 0],
    ]);
    const own = await db.bill.findFirstOrThrow({ where: { providerRef: second.billId } });
    expect(own.dueDate).toBe("2026-12-15");
    expect(own.issuedAt.toISOString()).toBe("2026-12-01T06:00:00.000Z");

    const account = await db.utilityAccount.findUniqueOrThrow({ where: { els: first.els } });
    expect(account.address).toBe(first.address);
    expect(account.accessCodeHash).toBe(hashAccessCode(first.els, "482913"));
    expect(account.accessCodeHash).not.toContain("482913");

    const meter = await db.meter.findUniqueOrThrow({
      where: { providerCode_serial: { providerCode: "energo", serial: "ЭЛ-0001" } },
      include: { readings: true },
    });
    expect(meter).toMatchObject({ els: first.els, service: "electricity", unit: "кВт·ч" });
    expect(meter.readings.map((r) => [r.source, r.period, r.value])).toEqual([["provider", "2026-11", "1234.500"]]);

    const imported = await db.billImport.findUniqueOrThrow({ where: { id: report.importId } });
    expect(imported).toMatchObject({ providerCode: "energo", channel: "api", taken: 2, repeated: 0, refused: 0 });
    expect(JSON.parse(imported.report)).toEqual(report.rows);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "utility.import", subjectId: report.importId },
    });
    expect(JSON.parse(audit.details)).toEqual({
      provider: "energo",
      channel: "api",
      key: ENERGO.id,
      taken: 2,
      repeated: 0,
      refused: 0,
    });
  });

  it("uses the provider's own due day when the bill gives none", async () => {
    const water = bill();
    await sendBills([water], { key: WATER, source: "water-test" });
    expect((await db.bill.findFirstOrThrow({ where: { providerRef: water.billId } })).dueDate).toBe("2026-12-20");
  });

  it("answers the same bill again as repeated and stores nothing new; the same id with other figures is refused", async () => {
    const same = bill({ meters: [{ serial: "ЭЛ-0002", service: "electricity", unit: "кВт·ч", reading: "10" }] });
    await sendBills([same]);
    const counts = async () => ({
      bills: await db.bill.count(),
      lines: await db.billLine.count(),
      accounts: await db.utilityAccount.count(),
      meters: await db.meter.count(),
      readings: await db.meterReading.count(),
    });
    const before = await counts();
    // Other words around the same figures (a new issue date) are still the same bill.
    const again = await sendBills([{ ...same, issuedAt: "2026-12-02T12:00:00+03:00" }]);
    expect(again).toMatchObject({ taken: 0, repeated: 1, refused: 0 });
    expect(again.rows[0]).toEqual({ row: 1, billId: same.billId, outcome: "repeated", errors: [] });
    expect(await counts()).toEqual(before);

    const changed = await sendBills([
      { ...same, amount: same.amount + 100, lines: [{ ...same.lines[0], amount: 73_540 }, same.lines[1]] },
    ]);
    expect(changed.rows[0]).toEqual({
      row: 1,
      billId: same.billId,
      outcome: "refused",
      errors: [{ field: "billId", code: "bill-id-reused" }],
    });
    expect(await counts()).toEqual(before);
    // Bill ids are the provider's own: another provider may use the same one.
    expect((await sendBills([{ ...same, meters: [] }], { key: WATER, source: "water-test" })).taken).toBe(1);
  });

  it("does not let a refused bill block the others", async () => {
    const good = [bill(), bill()];
    const report = await sendBills([good[0], bill({ els: "58АБ12" }), good[1]]);
    expect(report).toMatchObject({ taken: 2, refused: 1 });
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [1, "taken"],
      [2, "refused"],
      [3, "taken"],
    ]);
    expect(await db.bill.count({ where: { providerRef: { in: good.map((b) => b.billId) } } })).toBe(2);
  });

  it("updates a known account from a newer bill, not from an older one", async () => {
    const november = bill();
    await sendBills([november]);
    const december = bill({
      els: november.els,
      period: "2026-12",
      address: "Пенза, ул. Московская, д. 5, кв. 12А",
      accessCode: "99887766",
    });
    await sendBills([december]);
    let account = await db.utilityAccount.findUniqueOrThrow({ where: { els: november.els } });
    expect(account.address).toBe("Пенза, ул. Московская, д. 5, кв. 12А");
    expect(account.accessCodeHash).toBe(hashAccessCode(november.els, "99887766"));
    // October's bill, delivered late, keeps December's address and code.
    await sendBills([bill({ els: november.els, period: "2026-10", address: "старый адрес", accessCode: "111111" })]);
    account = await db.utilityAccount.findUniqueOrThrow({ where: { els: november.els } });
    expect(account.address).toBe("Пенза, ул. Московская, д. 5, кв. 12А");
    expect(await db.bill.count({ where: { els: november.els } })).toBe(3);
  });

  it("refuses a meter that belongs to another account", async () => {
    const meters = [{ serial: "ХВС-777", service: "cold-water", unit: "м3", reading: "5.5" }];
    await sendBills([bill({ meters })]);
    const report = await sendBills([bill({ meters })]);
    expect(report.rows[0]!.errors).toEqual([{ field: "meters.0.serial", code: "meter-other-account" }]);
  });

  // Each check, with the field it names: a bill changed in one way from a valid one.
  const checks: [string, (b: ReturnType<typeof bill>) => Record<string, unknown>, { field: string; code: string }][] = [
    ["ЕЛС format", (b) => ({ ...b, els: "58-12-123456" }), { field: "els", code: "els-format" }],
    ["period format", (b) => ({ ...b, period: "2026-13" }), { field: "period", code: "period-format" }],
    ["due date not a real date", (b) => ({ ...b, dueDate: "2026-02-30" }), { field: "dueDate", code: "date-format" }],
    [
      "due date within the period",
      (b) => ({ ...b, dueDate: "2026-11-30" }),
      { field: "dueDate", code: "due-date-not-after-period" },
    ],
    ["amount not whole kopecks", (b) => ({ ...b, amount: 874.11 }), { field: "amount", code: "not-integer" }],
    [
      "negative line amount",
      (b) => ({ ...b, lines: [{ ...b.lines[0], amount: -1 }, b.lines[1]] }),
      { field: "lines.0.amount", code: "negative" },
    ],
    [
      "tariff not an integer",
      (b) => ({ ...b, lines: [{ ...b.lines[0], tariff: 5.56 }, b.lines[1]] }),
      { field: "lines.0.tariff", code: "not-integer" },
    ],
    [
      "benefit over the line amount",
      (b) => ({ ...b, amount: 0, lines: [{ ...b.lines[1], benefit: 20_000 }] }),
      { field: "lines.0.benefit", code: "benefit-exceeds-amount" },
    ],
    [
      "amount not the lines' sum",
      (b) => ({ ...b, amount: b.amount + 1 }),
      { field: "amount", code: "amount-mismatch" },
    ],
    ["no lines", (b) => ({ ...b, lines: [] }), { field: "lines", code: "no-lines" }],
    [
      "access code too short",
      (b) => ({ ...b, accessCode: "12345" }),
      { field: "accessCode", code: "access-code-format" },
    ],
    [
      "access code too long",
      (b) => ({ ...b, accessCode: "1234567890123" }),
      { field: "accessCode", code: "access-code-format" },
    ],
    [
      "access code not digits",
      (b) => ({ ...b, accessCode: "12345a" }),
      { field: "accessCode", code: "access-code-format" },
    ],
    [
      "unknown service",
      (b) => ({ ...b, lines: [{ ...b.lines[0], service: "internet" }, b.lines[1]] }),
      { field: "lines.0.service", code: "service-unknown" },
    ],
    [
      "volume not a decimal",
      (b) => ({ ...b, lines: [{ ...b.lines[0], volume: "1.2345" }, b.lines[1]] }),
      { field: "lines.0.volume", code: "decimal-format" },
    ],
    ["missing address", (b) => ({ ...b, address: "  " }), { field: "address", code: "required" }],
    ["missing bill id", ({ billId: _, ...b }) => b, { field: "billId", code: "required" }],
    ["a number where text goes", (b) => ({ ...b, els: 5812345678 }), { field: "els", code: "invalid-type" }],
    ["issue date not ISO", (b) => ({ ...b, issuedAt: "01.12.2026" }), { field: "issuedAt", code: "datetime-format" }],
    [
      "a meter named twice",
      (b) => ({
        ...b,
        meters: [
          { serial: "Д-1", service: "gas", unit: "м3", reading: "1" },
          { serial: "Д-1", service: "gas", unit: "м3", reading: "2" },
        ],
      }),
      { field: "meters.1.serial", code: "meter-duplicate" },
    ],
  ];

  it.each(checks)("refuses a bill: %s", async (_name, change, error) => {
    const wrong = change(bill());
    const report = await sendBills([wrong]);
    expect(report).toMatchObject({ taken: 0, refused: 1 });
    expect(report.rows[0]!.outcome).toBe("refused");
    expect(report.rows[0]!.errors).toEqual([error]);
    expect(await db.bill.count({ where: { providerRef: String(wrong.billId) } })).toBe(0);
  });

  it("names every error of a bill at once", async () => {
    const report = await sendBills([{ ...bill(), els: "x", period: "2026/11", accessCode: "1", amount: -5 }]);
    expect(report.rows[0]!.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(
      ["accessCode:access-code-format", "amount:negative", "els:els-format", "period:period-format"].sort(),
    );
  });

  it(`refuses more than ${MAX_BILLS_PER_REQUEST} bills in one request, whole`, async () => {
    const before = await db.billImport.count();
    const many = Array.from({ length: MAX_BILLS_PER_REQUEST + 1 }, () => ({}));
    expect(await post(JSON.stringify({ bills: many }))).toEqual({
      status: 422,
      body: { error: "too-many-bills", params: { max: MAX_BILLS_PER_REQUEST } },
    });
    expect(await db.billImport.count()).toBe(before);
  });
});

const HEADER = "bill_id;els;period;due_date;address;access_code;service;unit;tariff;volume;amount;benefit";

describe("bills as CSV", () => {
  it("groups the rows of one bill_id, reads roubles and quotes, and names the line of each error", async () => {
    const csv = [
      "\uFEFF" + HEADER,
      'К-1;58ВГ000001;2026-11;;"Пенза; ул. Мира, д. 1";123456;electricity;кВт·ч;5,56;132;733,92;',
      "К-2;58ВГ000002;11.2026;15.12.2026;Пенза, ул. Мира, д. 2;654321;gas;м3;7.34;10,5;77,07;10",
      'К-1;58ВГ000001;2026-11;;"Пенза; ул. Мира, д. 1";123456;cold-water;м3;45,17;4,2;189,71;50,00',
      "К-3;58ВГ000003;2026-11;;Пенза, ул. Мира, д. 3;111222;heating;Гкал;2 345,67;1,2;2814,80;3000",
      "К-4;58ВГ000004;2026-11;;Пенза, ул. Мира, д. 4;333444;waste;чел;abc;1;1,00;",
      "К-4;58ВГ000005;2026-11;;Пенза, ул. Мира, д. 4;333444;sewage;м3;10,00;1;10,00;",
      "",
    ].join("\r\n");
    const answer = await post(csv, { contentType: "text/csv; charset=utf-8" });
    expect(answer.status).toBe(200);
    const report = answer.body as Report;
    expect(report).toMatchObject({ taken: 2, refused: 2 });
    expect(report.rows).toEqual([
      { row: 2, billId: "К-1", outcome: "taken", errors: [] },
      { row: 3, billId: "К-2", outcome: "taken", errors: [] },
      {
        row: 5,
        billId: "К-3",
        outcome: "refused",
        errors: [{ field: "benefit", code: "benefit-exceeds-amount", line: 5 }],
      },
      {
        row: 6,
        billId: "К-4",
        outcome: "refused",
        errors: [
          { field: "tariff", code: "money-format", line: 6 },
          { field: "els", code: "csv-rows-disagree", line: 7 },
        ],
      },
    ]);
    const k1 = await db.bill.findFirstOrThrow({ where: { providerRef: "К-1" }, include: { lines: true } });
    expect(k1).toMatchObject({ els: "58ВГ000001", amount: 73_392 + 18_971 - 5_000, dueDate: "2026-12-10" });
    expect(k1.lines.map((l) => [l.service, l.tariff, l.volume, l.amount, l.benefit]).sort()).toEqual(
      [
        ["electricity", 556, "132.000", 73_392, 0],
        ["cold-water", 4_517, "4.200", 18_971, 5_000],
      ].sort(),
    );
    expect((await db.utilityAccount.findUniqueOrThrow({ where: { els: "58ВГ000001" } })).address).toBe(
      "Пенза; ул. Мира, д. 1",
    );
    const k2 = await db.bill.findFirstOrThrow({ where: { providerRef: "К-2" } });
    expect(k2).toMatchObject({ period: "2026-11", dueDate: "2026-12-15", amount: 7_707 - 1_000 });
  });

  it("is the administrator's upload too: channel csv, the actor in the audit, the same bill again repeated", async () => {
    const csv = `${HEADER}\nА-1;58ДЕ000001;2026-11;;Пенза, ул. Мира, д. 9;123456;maintenance;м2;25,10;54,3;1362,93;\n`;
    const first = await importBills(db, {
      providerCode: "energo",
      channel: "csv",
      csv,
      now: new Date(),
      actorId: null,
    });
    expect(first).toMatchObject({ ok: true, taken: 1 });
    const again = await importBills(db, {
      providerCode: "energo",
      channel: "csv",
      csv,
      now: new Date(),
      actorId: null,
    });
    expect(again).toMatchObject({ ok: true, taken: 0, repeated: 1 });
    const changed = csv.replace("1362,93", "1362,94");
    const refused = await importBills(db, { providerCode: "energo", channel: "csv", csv: changed, now: new Date() });
    expect(refused.ok && refused.rows[0]).toEqual({
      row: 2,
      billId: "А-1",
      outcome: "refused",
      errors: [{ field: "bill_id", code: "bill-id-reused", line: 2 }],
    });
    if (!first.ok) throw new Error("not imported");
    expect((await db.billImport.findUniqueOrThrow({ where: { id: first.importId } })).channel).toBe("csv");
  });

  it("refuses a file whose header is not the columns, or that has no bill, whole", async () => {
    expect(await post("bill;els\nx;y\n", { contentType: "text/csv" })).toEqual({
      status: 422,
      body: {
        error: "csv-header",
        params: { columns: "bill_id;period;due_date;address;access_code;service;unit;tariff;volume;amount;benefit" },
      },
    });
    expect((await post(`${HEADER}\n`, { contentType: "text/csv" })).body).toEqual({ error: "csv-empty" });
    expect((await post(`${HEADER}\n"A;`, { contentType: "text/csv" })).body).toEqual({
      error: "csv-quote",
      params: { line: 2 },
    });
    expect(await importBills(db, { providerCode: "nobody", channel: "csv", csv: HEADER, now: new Date() })).toEqual({
      ok: false,
      error: "unknown-provider",
    });
  });
});

describe("the route's answers", () => {
  const valid = () => JSON.stringify({ bills: [bill()] });

  it("401 unsigned or badly signed, 403 for a source that is no provider", async () => {
    expect(await post(valid(), {}, { "content-type": "application/json" })).toEqual({
      status: 401,
      body: { error: "unsigned" },
    });
    expect(await post(valid(), { key: { id: ENERGO.id, secret: "wrong" } })).toEqual({
      status: 401,
      body: { error: "bad-signature" },
    });
    expect(await post(valid(), { key: ZAGS, source: "zags-test" })).toEqual({
      status: 403,
      body: { error: "not-a-provider" },
    });
  });

  it("400 for malformed JSON, 415 for another content type, 422 without a bills array", async () => {
    expect(await post('{"bills": [', {})).toEqual({ status: 400, body: { error: "malformed-json" } });
    expect(await post(valid(), { contentType: "text/plain" })).toEqual({
      status: 415,
      body: { error: "unsupported-content-type" },
    });
    expect((await post(valid(), { contentType: "application/json; charset=windows-1251" })).status).toBe(415);
    expect(await post(JSON.stringify({ bill: [] }))).toEqual({ status: 422, body: { error: "invalid-request" } });
    expect(await post(JSON.stringify([bill()]))).toEqual({ status: 422, body: { error: "invalid-request" } });
  });

  it("413 for a body over 2 MB, however it is sent", async () => {
    const huge = JSON.stringify({ bills: [bill({ note: "x".repeat(2 * 1024 * 1024) })] });
    expect(await post(huge)).toEqual({ status: 413, body: { error: "too-large" } });
    // The route reads at most 2 MB of a stream without a length, and says so with null.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = new Request("http://portal.test/api/utility/bills", {
      method: "POST",
      body: chunks,
      duplex: "half",
    } as RequestInit);
    const body = await readUpTo(streamed, 2 * 1024 * 1024);
    expect(body).toBeNull();
    expect(await post(body)).toEqual({ status: 413, body: { error: "too-large" } });
  });

  it("200 with the report", async () => {
    const answer = await post(valid());
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(["importId", "refused", "repeated", "rows", "taken"]);
  });

  it("405 with Allow for anything but POST", async () => {
    const get = route.loader();
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const put = await route.action({ request: request(valid(), { method: "PUT" }) } as Parameters<
      typeof route.action
    >[0]);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST");
  });

  it("audits refusals by codes, and no import ever records an address or an access code", async () => {
    const rows = await db.auditEvent.findMany({ where: { action: "utility.import" } });
    expect(rows.some((r) => r.result === "denied" && JSON.parse(r.details).error === "not-a-provider")).toBe(true);
    expect(rows.some((r) => r.result === "denied" && JSON.parse(r.details).status === 413)).toBe(true);
    expect(rows.every((r) => !r.details.includes("Пенза") && !r.details.includes("482913"))).toBe(true);
    const reports = await db.billImport.findMany({ select: { report: true } });
    expect(reports.every((r) => !r.report.includes("Пенза") && !r.report.includes("482913"))).toBe(true);
  });
});

describe("the report's words", () => {
  it("has a reason in both languages for every error code", () => {
    for (const language of ["ru", "en"]) {
      const texts = JSON.parse(readFileSync(`locales/${language}/payments-admin.json`, "utf8")) as {
        reasons: Record<string, string>;
      };
      for (const code of BILL_ERROR_CODES) expect(texts.reasons[code], `${language}: ${code}`).toBeTruthy();
    }
  });
});
