import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { regionDateTime } from "~/domain/calendar/working-days";
import { auditRefusal, authenticateSource } from "~/domain/proactive/source-auth.server";
import { isRealDate } from "./bill-import";
import { isPeriod } from "./due-date";

/*
 * What providers take from the portal (docs/payments.md, "Meter readings" and "Reconciliation"): the
 * residents' meter readings of a period and the payments that succeeded on a day, each as a CSV a
 * Russian Excel opens as it is — ";" between cells, a decimal comma, UTF-8 with a byte-order mark. A GET
 * signed like a registry source's request, over the empty body; a provider sees only its own meters and bills.
 */

export type ExportKind = "readings" | "payments";
export type ExportAnswer =
  { status: 200; csv: string; filename: string } | { status: 400 | 401 | 403; error: string; message?: string };

export const READINGS_COLUMNS = ["els", "meter_serial", "service", "value", "taken_at"] as const;
export const PAYMENTS_COLUMNS = [
  "payment_id",
  "bill_id",
  "els",
  "amount",
  "paid_at",
  "fiscal_document",
  "fiscal_sign",
] as const;

export async function answerProviderExport(
  db: PrismaClient,
  input: {
    kind: ExportKind;
    headers: Record<string, string | undefined>;
    query: URLSearchParams;
    now: Date;
    sealingKey: string;
  },
): Promise<ExportAnswer> {
  const audit = auditRefusal(db, "utility.export", input.headers);
  const refuse = async (status: 400 | 401 | 403, error: string, message?: string): Promise<ExportAnswer> => {
    await audit(status, error, { kind: input.kind });
    return message ? { status, error, message } : { status, error };
  };
  const signed = await authenticateSource(db, {
    headers: input.headers,
    body: "",
    now: input.now,
    sealingKey: input.sealingKey,
  });
  if (!signed.ok) return refuse(401, signed.error);
  const provider = await db.utilityProvider.findUnique({ where: { sourceCode: signed.source } });
  if (!provider) return refuse(403, "not-a-provider");

  let csv: string;
  let rows: number;
  let filename: string;
  if (input.kind === "readings") {
    const period = input.query.get("period") ?? "";
    if (!isPeriod(period)) return refuse(400, "bad-query", "period must be a month as YYYY-MM, e.g. ?period=2026-11");
    ({ csv, rows } = await readingsCsv(db, provider.code, period));
    filename = `readings-${provider.code}-${period}.csv`;
  } else {
    const date = input.query.get("date") ?? "";
    if (!isRealDate(date)) return refuse(400, "bad-query", "date must be a day as YYYY-MM-DD, e.g. ?date=2026-12-01");
    ({ csv, rows } = await paymentsCsv(db, provider.code, date));
    filename = `payments-${provider.code}-${date}.csv`;
  }
  await recordAudit(db, {
    actorId: null,
    action: "utility.export",
    subjectType: "utility-provider",
    subjectId: provider.code,
    details: { kind: input.kind, rows, key: signed.keyId },
  });
  return { status: 200, csv, filename };
}

/** The residents' readings of the provider's meters for a period: one per meter, the resident's latest. */
export async function readingsCsv(
  db: PrismaClient,
  providerCode: string,
  period: string,
): Promise<{ csv: string; rows: number }> {
  const readings = await db.meterReading.findMany({
    where: { period, source: "resident", meter: { providerCode } },
    select: { value: true, takenAt: true, meter: { select: { els: true, serial: true, service: true } } },
    orderBy: [{ meter: { els: "asc" } }, { meter: { serial: "asc" } }],
  });
  const lines = readings.map((r) => [
    r.meter.els,
    r.meter.serial,
    r.meter.service,
    decimalComma(r.value),
    regionStamp(r.takenAt),
  ]);
  return { csv: toExcelCsv(READINGS_COLUMNS, lines), rows: lines.length };
}

/**
 * The payments that succeeded on a region-local day (by when the acquirer said so), one row per bill of
 * this provider a payment covered, with the amount paid on it; then a total row: "total", the number of
 * rows, and the sum.
 */
export async function paymentsCsv(
  db: PrismaClient,
  providerCode: string,
  date: string,
): Promise<{ csv: string; rows: number }> {
  // The region's day lies within the UTC days either side of it, whatever its offset; read by its own clock.
  const day = Date.parse(`${date}T00:00:00Z`);
  const paid = await db.paymentBill.findMany({
    where: {
      bill: { providerCode },
      payment: {
        status: "succeeded",
        finishedAt: { gte: new Date(day - 86_400_000), lt: new Date(day + 2 * 86_400_000) },
      },
    },
    select: {
      amount: true,
      bill: { select: { providerRef: true, els: true } },
      payment: { select: { id: true, finishedAt: true, fiscalDocument: true, fiscalSign: true } },
    },
  });
  const onDay = paid
    .filter((p) => p.payment.finishedAt && regionDateTime(p.payment.finishedAt).date === date)
    .sort(
      (a, b) =>
        a.payment.finishedAt!.getTime() - b.payment.finishedAt!.getTime() ||
        a.payment.id.localeCompare(b.payment.id) ||
        a.bill.providerRef.localeCompare(b.bill.providerRef),
    );
  const lines = onDay.map((p) => [
    p.payment.id,
    p.bill.providerRef,
    p.bill.els,
    roubles(p.amount),
    regionStamp(p.payment.finishedAt!),
    p.payment.fiscalDocument ?? "",
    p.payment.fiscalSign ?? "",
  ]);
  const total = onDay.reduce((sum, p) => sum + p.amount, 0);
  lines.push(["total", String(onDay.length), "", roubles(total), "", "", ""]);
  return { csv: toExcelCsv(PAYMENTS_COLUMNS, lines), rows: onDay.length };
}

/** Kopecks as roubles with a decimal comma: 73440 → "734,40". */
export function roubles(kopecks: number): string {
  return `${Math.trunc(kopecks / 100)},${String(kopecks % 100).padStart(2, "0")}`;
}

const decimalComma = (value: string) => value.replace(".", ",");

/** "2026-12-01 14:05": the region's wall clock, which a Russian Excel reads as a date and time. */
function regionStamp(instant: Date): string {
  const { date, time } = regionDateTime(instant);
  return `${date} ${time}`;
}

function cell(value: string): string {
  // A cell starting like a formula is read as text (no value of these exports starts so; kept as a guard).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toExcelCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
