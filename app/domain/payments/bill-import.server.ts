import { createHash, randomUUID } from "node:crypto";
import { insertRow, sqlValue } from "~/db/group-commit.server";
import { sqliteConnectionOf, type SqliteConnection } from "~/db/sqlite-adapter.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { auditRefusal, authenticateSource } from "~/domain/proactive/source-auth.server";
import {
  BILLS_MAX_BYTES,
  BillsRequestSchema,
  checkBills,
  locateCsvError,
  MAX_BILLS_PER_REQUEST,
  parseBillsCsv,
  type BillError,
  type CheckedBill,
  type CsvFileError,
  type ImportableBill,
} from "./bill-import";
import { bumpStatisticsRevision } from "~/domain/indicators/revision.server";
import { hashAccessCode } from "./access-code";
import { dueDateOf } from "./due-date";

/*
 * Taking bills from providers (docs/payments.md, "Import"): a bill is kept once per (provider, bill id) —
 * the same figures again are "repeated", other figures under the same id are refused — and every request
 * or file is written as one BillImport with its row-by-row report, in one transaction, a refused bill
 * never stopping the others. The accounts (ЕЛС) and meters the bills name are created on the way.
 */

export type BillImportOutcome = "taken" | "repeated" | "refused";
export type BillImportRow = { row: number; billId: string; outcome: BillImportOutcome; errors: BillError[] };
export type BillImportReport = {
  importId: string;
  taken: number;
  repeated: number;
  refused: number;
  rows: BillImportRow[];
};
export type BillImportResult =
  | ({ ok: true } & BillImportReport)
  | { ok: false; error: "unknown-provider" | "too-many-bills"; params?: Record<string, string | number> }
  | ({ ok: false } & CsvFileError);

/** The access code printed on a bill is stored as the cabinet's linking hashes what a payer types. */
export { hashAccessCode };

/** The figures of a bill: the same id with the same figures is the same bill, whatever else came with it. */
function contentHashOf(bill: ImportableBill, dueDate: string): string {
  const figures = [
    bill.els,
    bill.period,
    dueDate,
    bill.amount,
    bill.lines.map((l) => [l.service, l.unit, l.tariff, l.volume, l.amount, l.benefit]),
  ];
  return createHash("sha256").update(JSON.stringify(figures)).digest("hex");
}

export async function importBills(
  db: PrismaClient,
  input: {
    providerCode: string;
    channel: "api" | "csv";
    now: Date;
    /** The administrator who uploaded the file; null for the API. */
    actorId?: string | null;
    /** The signing key of an API request, for the audit trail. */
    keyId?: string | null;
  } & ({ bills: readonly unknown[] } | { csv: string }),
): Promise<BillImportResult> {
  const provider = await db.utilityProvider.findUnique({ where: { code: input.providerCode } });
  if (!provider) return { ok: false, error: "unknown-provider" };
  const tooMany = { ok: false, error: "too-many-bills", params: { max: MAX_BILLS_PER_REQUEST } } as const;
  let checked: CheckedBill[];
  if ("csv" in input) {
    const parsed = parseBillsCsv(input.csv);
    if (!parsed.ok) return parsed;
    checked = parsed.bills;
  } else {
    // Counted before any bill is checked: a request of tiny bills must not keep the server checking them.
    if (input.bills.length > MAX_BILLS_PER_REQUEST) return tooMany;
    checked = checkBills(input.bills);
  }
  if (checked.length > MAX_BILLS_PER_REQUEST) return tooMany;

  const importId = randomUUID();
  const connection = await sqliteConnectionOf(db);
  const report = await connection.transaction(() =>
    writeImport(connection, {
      provider,
      importId,
      checked,
      channel: input.channel,
      now: input.now,
      actorId: input.actorId ?? null,
      keyId: input.keyId ?? null,
    }),
  );
  // "Utility bills paid online" counts issued bills too (docs/indicators.md): the indicators' caches see it.
  if (report.taken > 0) await bumpStatisticsRevision(db);
  return { ok: true, ...report };
}

type ImportWrite = {
  provider: { code: string; dueDay: number | null };
  importId: string;
  checked: CheckedBill[];
  channel: "api" | "csv";
  now: Date;
  actorId: string | null;
  keyId: string | null;
};

/*
 * The import's write, in SQL on Prisma's own connection (docs/decisions/0033): one synchronous IMMEDIATE
 * transaction, so each bill is judged against what is stored — including what this request took before
 * it (the same id twice, an account or meter it made) — and no other writer can slip in between. A Prisma
 * transaction of 5,000 bills held the process's connection, and every other request's queries, for
 * seconds; this takes a fraction of one. Rows are written as Prisma writes them (insertRow, sqlValue).
 */
function writeImport(connection: SqliteConnection, input: ImportWrite): BillImportReport {
  const { provider, importId, now } = input;
  const sql = (text: string) => connection.statement(text);
  insertRow(connection, "BillImport", {
    id: importId,
    providerCode: provider.code,
    channel: input.channel,
    receivedAt: now,
    taken: 0,
    repeated: 0,
    refused: 0,
    report: "[]",
  });
  const rows: BillImportRow[] = [];
  for (const item of input.checked) {
    const bill = item.bill;
    if (!bill) {
      rows.push({ row: item.row, billId: item.billId, outcome: "refused", errors: item.errors });
      continue;
    }
    const refuse = (errors: BillError[]) =>
      rows.push({
        row: item.row,
        billId: item.billId,
        outcome: "refused",
        errors: errors.map((e) => locateCsvError(e, item.csvLines)),
      });
    const dueDate = bill.dueDate ?? dueDateOf(bill.period, provider.dueDay);
    const contentHash = contentHashOf(bill, dueDate);
    const stored = sql(`SELECT "contentHash" FROM "Bill" WHERE "providerCode" = ? AND "providerRef" = ?`).get(
      provider.code,
      bill.billId,
    ) as { contentHash: string } | undefined;
    if (stored) {
      if (stored.contentHash === contentHash)
        rows.push({ row: item.row, billId: bill.billId, outcome: "repeated", errors: [] });
      else refuse([{ field: "billId", code: "bill-id-reused" }]);
      continue;
    }
    const meterOf = (serial: string) =>
      sql(`SELECT "id", "els", "service" FROM "Meter" WHERE "providerCode" = ? AND "serial" = ?`).get(
        provider.code,
        serial,
      ) as { id: string; els: string; service: string } | undefined;
    const meterErrors = bill.meters.flatMap((m, index): BillError[] => {
      const meter = meterOf(m.serial);
      if (!meter) return [];
      if (meter.els !== bill.els) return [{ field: `meters.${index}.serial`, code: "meter-other-account" }];
      if (meter.service !== m.service) return [{ field: `meters.${index}.service`, code: "meter-service-changed" }];
      return [];
    });
    if (meterErrors.length > 0) {
      refuse(meterErrors);
      continue;
    }

    writeAccount(connection, bill, now);
    const billId = randomUUID();
    const issuedAt = bill.issuedAt ? new Date(bill.issuedAt) : now;
    insertRow(connection, "Bill", {
      id: billId,
      providerCode: provider.code,
      providerRef: bill.billId,
      els: bill.els,
      period: bill.period,
      issuedAt,
      dueDate,
      amount: bill.amount,
      contentHash,
      importId,
    });
    for (const line of bill.lines) insertRow(connection, "BillLine", { billId, ...line });
    for (const m of bill.meters) {
      let meterId = meterOf(m.serial)?.id;
      if (!meterId) {
        meterId = randomUUID();
        insertRow(connection, "Meter", {
          id: meterId,
          els: bill.els,
          providerCode: provider.code,
          service: m.service,
          serial: m.serial,
          unit: m.unit,
        });
      }
      // The provider's reading of the period the bill is for: a later bill of the same period corrects it.
      sql(
        `INSERT INTO "MeterReading" ("meterId", "period", "source", "value", "takenAt") VALUES (?, ?, 'provider', ?, ?)
         ON CONFLICT ("meterId", "period", "source") DO UPDATE SET "value" = excluded."value", "takenAt" = excluded."takenAt"`,
      ).run(meterId, bill.period, m.reading, sqlValue(issuedAt));
    }
    rows.push({ row: item.row, billId: bill.billId, outcome: "taken", errors: [] });
  }

  const count = (outcome: BillImportOutcome) => rows.filter((r) => r.outcome === outcome).length;
  const counts = { taken: count("taken"), repeated: count("repeated"), refused: count("refused") };
  sql(`UPDATE "BillImport" SET "taken" = ?, "repeated" = ?, "refused" = ?, "report" = ? WHERE "id" = ?`).run(
    counts.taken,
    counts.repeated,
    counts.refused,
    JSON.stringify(rows),
    importId,
  );
  // As recordAudit writes it: counts and ids, never an address or an access code.
  insertRow(connection, "AuditEvent", {
    at: new Date(),
    actorId: input.actorId,
    action: "utility.import",
    subjectType: "bill-import",
    subjectId: importId,
    result: "ok",
    details: JSON.stringify({ provider: provider.code, channel: input.channel, key: input.keyId, ...counts }),
  });
  return { importId, ...counts, rows };
}

/*
 * The bill's account: made from its first bill; a known one takes the address and access code of a bill at
 * least as new as any it has (by any provider), so an old bill delivered late does not undo a new one.
 * Called before the bill is stored.
 */
function writeAccount(connection: SqliteConnection, bill: ImportableBill, now: Date): void {
  const sql = (text: string) => connection.statement(text);
  const accessCodeHash = hashAccessCode(bill.els, bill.accessCode);
  const account = sql(`SELECT "address", "accessCodeHash" FROM "UtilityAccount" WHERE "els" = ?`).get(bill.els) as
    { address: string; accessCodeHash: string } | undefined;
  if (!account) {
    insertRow(connection, "UtilityAccount", { els: bill.els, address: bill.address, accessCodeHash, createdAt: now });
    return;
  }
  const newest = sql(`SELECT MAX("period") AS "period" FROM "Bill" WHERE "els" = ?`).get(bill.els) as {
    period: string | null;
  };
  if (bill.period < (newest.period ?? "")) return;
  if (account.address === bill.address && account.accessCodeHash === accessCodeHash) return;
  sql(`UPDATE "UtilityAccount" SET "address" = ?, "accessCodeHash" = ? WHERE "els" = ?`).run(
    bill.address,
    accessCodeHash,
    bill.els,
  );
}

// --- The signed API ------------------------------------------------------------------------------

export type ApiAnswer = { status: number; body: Record<string, unknown> };

/**
 * POST /api/utility/bills: a provider's bills as JSON or CSV, signed like a registry source's events.
 * `body` is the raw body, or null when the route stopped reading it past BILLS_MAX_BYTES.
 */
export async function receiveBills(
  db: PrismaClient,
  input: { headers: Record<string, string | undefined>; body: string | null; now: Date; sealingKey: string },
): Promise<ApiAnswer> {
  const audit = auditRefusal(db, "utility.import", input.headers);
  const refuse = async (status: number, error: string, details: Record<string, unknown> = {}) => {
    await audit(status, error);
    return { status, body: { error, ...details } };
  };
  const body = input.body;
  if (body === null || Buffer.byteLength(body) > BILLS_MAX_BYTES) return refuse(413, "too-large");
  const signed = await authenticateSource(db, { ...input, body });
  if (!signed.ok) return refuse(signed.status, signed.error);
  const provider = await db.utilityProvider.findUnique({ where: { sourceCode: signed.source } });
  if (!provider) return refuse(403, "not-a-provider");

  const format = formatOf(input.headers["content-type"]);
  if (!format) return refuse(415, "unsupported-content-type");
  let bills: unknown[] | null = null;
  if (format === "json") {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return refuse(400, "malformed-json");
    }
    const envelope = BillsRequestSchema.safeParse(json);
    if (!envelope.success) return refuse(422, "invalid-request");
    bills = envelope.data.bills;
  }
  const result = await importBills(db, {
    providerCode: provider.code,
    channel: "api",
    now: input.now,
    keyId: signed.keyId,
    ...(bills ? { bills } : { csv: body }),
  });
  if (!result.ok) return refuse(422, result.error, result.params ? { params: result.params } : {});
  const { ok: _ok, ...report } = result;
  return { status: 200, body: report };
}

/** "json" or "csv" by the Content-Type; null for anything else (or a charset other than UTF-8). */
function formatOf(contentType: string | undefined): "json" | "csv" | null {
  const [essence = "", ...parameters] = (contentType ?? "").split(";");
  const charset = parameters
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/^"(.*)"$/, "$1");
  if (charset && charset !== "utf-8" && charset !== "utf8") return null;
  const type = essence.trim().toLowerCase();
  return type === "application/json" ? "json" : type === "text/csv" ? "csv" : null;
}

// --- The administrator's pages ------------------------------------------------------------------

export function listUtilityProviders(db: PrismaClient) {
  return db.utilityProvider.findMany({
    select: { code: true, nameRu: true, nameEn: true },
    orderBy: { nameRu: "asc" },
  });
}

export const RECENT_IMPORTS_PAGE = 20;

/** The newest imports first, a page at a time: `before` is the id of the last one of the page before. */
export async function listBillImports(db: PrismaClient, before?: string) {
  const cursor = before
    ? await db.billImport.findUnique({ where: { id: before }, select: { receivedAt: true, id: true } })
    : null;
  const imports = await db.billImport.findMany({
    where: cursor
      ? { OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }] }
      : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: RECENT_IMPORTS_PAGE + 1,
    select: {
      id: true,
      channel: true,
      receivedAt: true,
      taken: true,
      repeated: true,
      refused: true,
      provider: { select: { nameRu: true, nameEn: true } },
    },
  });
  const page = imports.slice(0, RECENT_IMPORTS_PAGE);
  return { imports: page, next: imports.length > RECENT_IMPORTS_PAGE ? page[page.length - 1]!.id : null };
}

/** One import with its report; null when there is none. */
export async function getBillImport(db: PrismaClient, id: string) {
  const found = await db.billImport.findUnique({
    where: { id },
    include: { provider: { select: { nameRu: true, nameEn: true } } },
  });
  if (!found) return null;
  const { report, ...rest } = found;
  return { ...rest, rows: JSON.parse(report) as BillImportRow[] };
}
