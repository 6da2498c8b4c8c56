import { z } from "zod";
import { checkEls } from "~/domain/identity/documents";
import { PERIOD } from "./due-date";

/*
 * Bills as providers deliver them (docs/payments.md, "Import" and "Import and export formats"): the
 * JSON of the signed API, and the CSV an accountant exports from Excel, read into the same shape and
 * judged by the same checks. Pure: the server stores what passes, the admin form shows the limits.
 * Every error is a code with the field it is about (a JSON path, or for CSV the column and line), so
 * the report can be read by a program and shown in words in either language.
 */

export const UTILITY_SERVICES = [
  "heating",
  "hot-water",
  "cold-water",
  "sewage",
  "electricity",
  "gas",
  "waste",
  "maintenance",
  "capital-repair",
] as const;
export type UtilityService = (typeof UTILITY_SERVICES)[number];

/** What a meter can measure (Meter.service). */
export const METERED_SERVICES = ["cold-water", "hot-water", "electricity", "gas"] as const;

/** A request or an uploaded file. */
export const BILLS_MAX_BYTES = 2 * 1024 * 1024;
export const MAX_BILLS_PER_REQUEST = 5_000;
/** 10 million roubles: above any flat's bill, and well inside the database's 32-bit integers. */
export const MAX_KOPECKS = 1_000_000_000;
const MAX_LINES = 50;
const MAX_METERS = 20;

export const BILL_ERROR_CODES = [
  "required",
  "invalid-type",
  "too-long",
  "control-characters",
  "bill-id-format",
  "els-format",
  "period-format",
  "date-format",
  "due-date-not-after-period",
  "datetime-format",
  "access-code-format",
  "not-integer",
  "negative",
  "too-large",
  "service-unknown",
  "decimal-format",
  "serial-format",
  "benefit-exceeds-amount",
  "amount-mismatch",
  "no-lines",
  "too-many",
  "meter-duplicate",
  // CSV only.
  "money-format",
  "csv-columns",
  "csv-rows-disagree",
  // Found against what is stored.
  "bill-id-reused",
  "meter-other-account",
  "meter-service-changed",
] as const;
export type BillErrorCode = (typeof BILL_ERROR_CODES)[number];

/** `line`: the CSV line the error is on (the header is line 1); absent for JSON. */
export type BillError = { field: string; code: BillErrorCode; line?: number };

// --- The JSON shape --------------------------------------------------------------------------

const isCode = (text: string): text is BillErrorCode => (BILL_ERROR_CODES as readonly string[]).includes(text);

/** A line of text: runs of white space become one space; invisible and control characters are refused. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/gu, " ").trim())
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        .max(max, { error: "too-long" })
        .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), { error: "control-characters" }),
    );

const kopecks = z
  .number()
  .int({ error: "not-integer" })
  .min(0, { error: "negative" })
  .max(MAX_KOPECKS, { error: "too-large" });

/** "12.345": up to nine digits, a point and up to three decimals; stored with exactly three. */
const DECIMAL = /^\d{1,9}(\.\d{1,3})?$/;
const decimal = z
  .string()
  .regex(DECIMAL, { error: "decimal-format" })
  .transform((value) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return `${BigInt(whole).toString()}.${fraction.padEnd(3, "0")}`;
  });

/** A real calendar date "YYYY-MM-DD" (not 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** The last day of a period "YYYY-MM" as "YYYY-MM-DD". */
export function lastDayOf(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, "0")}`;
}

const els = z.string().transform((value, ctx) => {
  const checked = checkEls(value);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: "els-format" });
    return z.NEVER;
  }
  return checked.value;
});

/** The provider's own id: letters, digits and . _ / - , as billing systems number their documents. */
const BILL_ID = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$/u;
/** A meter's factory number. */
const SERIAL = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,39}$/u;

const service = z.enum(UTILITY_SERVICES, {
  error: (issue) => (issue.input === undefined ? "required" : "service-unknown"),
});
const meteredService = z.enum(METERED_SERVICES, {
  error: (issue) => (issue.input === undefined ? "required" : "service-unknown"),
});

export const BillLineSchema = z.object({
  service,
  unit: text(20),
  /** Kopecks per unit. */
  tariff: kopecks,
  volume: decimal,
  amount: kopecks,
  /** Kopecks subtracted from the amount. */
  benefit: kopecks.optional().default(0),
});

export const BillMeterSchema = z.object({
  serial: z.string().trim().regex(SERIAL, { error: "serial-format" }),
  service: meteredService,
  unit: text(20),
  reading: decimal,
});

/** One bill (платёжный документ) as JSON; amounts in kopecks. */
export const BillSchema = z.object({
  billId: z.string().trim().regex(BILL_ID, { error: "bill-id-format" }),
  els,
  period: z.string().trim().regex(PERIOD, { error: "period-format" }),
  /** Null: the default, the 10th of the next month (or the provider's own day). */
  dueDate: z.string().trim().refine(isRealDate, { error: "date-format" }).optional(),
  issuedAt: z.iso.datetime({ offset: true, error: "datetime-format" }).optional(),
  address: text(300),
  accessCode: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, { error: "access-code-format" }),
  amount: kopecks,
  lines: z.array(BillLineSchema).min(1, { error: "no-lines" }).max(MAX_LINES, { error: "too-many" }),
  meters: z.array(BillMeterSchema).max(MAX_METERS, { error: "too-many" }).optional().default([]),
});
export type ImportableBill = z.output<typeof BillSchema>;

/** The request's envelope: anything else is refused whole (422), before any bill is looked at. */
export const BillsRequestSchema = z.object({ bills: z.array(z.unknown()) });

/** One bill of a request or file, judged: `bill` is set only when there are no errors. */
export type CheckedBill = {
  /** The bill's place in `bills` counted from 1; in a CSV file, the line of its first row. */
  row: number;
  billId: string;
  bill: ImportableBill | null;
  errors: BillError[];
  /** CSV: the file line of each of the bill's lines, for errors found later (bill-id-reused). */
  csvLines?: number[];
};

/** Type errors read the same whatever the schema: a missing field is "required", a wrong type "invalid-type". */
function codeOfIssue(issue: z.core.$ZodIssue): BillErrorCode {
  if (isCode(issue.message)) return issue.message;
  return issue.code === "invalid_type" && issue.input === undefined ? "required" : "invalid-type";
}

/** Kopecks the field checks take: only these are compared and added up. */
const isKopecks = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_KOPECKS;
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** What the field checks cannot see: the due date against the period, benefits and the total. */
function crossChecks(raw: Record<string, unknown>): BillError[] {
  const errors: BillError[] = [];
  const { period, dueDate } = raw;
  if (typeof period === "string" && PERIOD.test(period.trim()) && typeof dueDate === "string") {
    const due = dueDate.trim();
    if (isRealDate(due) && due <= lastDayOf(period.trim()))
      errors.push({ field: "dueDate", code: "due-date-not-after-period" });
  }
  const lines = Array.isArray(raw.lines) ? raw.lines.map(record) : [];
  let total = 0;
  let countable = lines.length > 0;
  lines.forEach((line, index) => {
    const benefit = line.benefit === undefined ? 0 : line.benefit;
    if (isKopecks(line.amount) && isKopecks(benefit)) {
      total += line.amount - benefit;
      if (benefit > line.amount) {
        errors.push({ field: `lines.${index}.benefit`, code: "benefit-exceeds-amount" });
        // The total of a wrong line is no total: the line is what to correct.
        countable = false;
      }
    } else countable = false;
  });
  if (countable && isKopecks(raw.amount) && raw.amount !== total)
    errors.push({ field: "amount", code: "amount-mismatch" });
  const meters = Array.isArray(raw.meters) ? raw.meters.map(record) : [];
  const serials = new Set<string>();
  meters.forEach((meter, index) => {
    if (typeof meter.serial !== "string") return;
    const serial = meter.serial.trim();
    if (serials.has(serial)) errors.push({ field: `meters.${index}.serial`, code: "meter-duplicate" });
    serials.add(serial);
  });
  return errors;
}

/** The provider's id of a bill as far as it can be read, for the report. */
function billIdOf(raw: Record<string, unknown>): string {
  return typeof raw.billId === "string" ? raw.billId.trim().slice(0, 64) : "";
}

/** Checks one bill of a JSON request: every error at once, each once. */
export function checkBill(input: unknown, row: number): CheckedBill {
  const raw = record(input);
  // With the input in the issues, a field that is missing and one of the wrong type read differently.
  const parsed = BillSchema.safeParse(input, { reportInput: true });
  const errors: BillError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "bill", code: codeOfIssue(issue) }));
  errors.push(...crossChecks(raw));
  const unique = dedupe(errors);
  return {
    row,
    billId: billIdOf(raw),
    bill: parsed.success && unique.length === 0 ? parsed.data : null,
    errors: unique,
  };
}

function dedupe(errors: BillError[]): BillError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.line ?? ""}|${e.field}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function checkBills(bills: readonly unknown[]): CheckedBill[] {
  return bills.map((bill, index) => checkBill(bill, index + 1));
}

// --- CSV ---------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  "bill_id",
  "els",
  "period",
  "due_date",
  "address",
  "access_code",
  "service",
  "unit",
  "tariff",
  "volume",
  "amount",
  "benefit",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns every row of one bill repeats, and the JSON field each one fills. */
const BILL_COLUMNS = {
  bill_id: "billId",
  els: "els",
  period: "period",
  due_date: "dueDate",
  address: "address",
  access_code: "accessCode",
} as const satisfies Partial<Record<CsvColumn, string>>;
const JSON_TO_CSV: Record<string, CsvColumn> = Object.fromEntries(
  Object.entries(BILL_COLUMNS).map(([column, field]) => [field, column as CsvColumn]),
);

export type CsvFileError = {
  error: "csv-empty" | "csv-header" | "csv-quote";
  params?: Record<string, string | number>;
};
export type CsvBillsResult = { ok: true; bills: CheckedBill[] } | ({ ok: false } & CsvFileError);

type CsvRecord = { line: number; fields: string[] };

/** RFC 4180 records separated by ";", each with the line it starts on; or the line of a quote never closed. */
function readRecords(text: string): { records: CsvRecord[] } | { unclosedAt: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line += 1;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      // A quote opens a field only at its start (Excel writes none elsewhere).
      field = "";
      quoted = true;
      quoteLine = line;
    } else if (ch === ";") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) return { unclosedAt: quoteLine };
  if (field !== "" || fields.length > 0) endRecord();
  return { records };
}

/** Roubles as an accountant writes them ("734,40", "1 234.5", "12") in kopecks; null when it is not money. */
export function parseRoubles(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/gu, "");
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** "11.2026" → "2026-11"; "10.12.2026" → "2026-12-10": the forms a Russian Excel turns these cells into. */
const fromRussianPeriod = (value: string) =>
  value.replace(/^(\d{1,2})\.(\d{4})$/, (_, m: string, y: string) => `${y}-${m.padStart(2, "0")}`);
const fromRussianDate = (value: string) =>
  value.replace(
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
    (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`,
  );

type GroupedBill = { billId: string; rows: { line: number; values: Record<CsvColumn, string> }[]; errors: BillError[] };

/** A file's bills, rows of one bill_id grouped (wherever they are), each judged like a JSON bill. */
export function parseBillsCsv(csv: string): CsvBillsResult {
  const text = csv.startsWith("\uFEFF") ? csv.slice(1) : csv;
  const read = readRecords(text);
  if ("unclosedAt" in read) return { ok: false, error: "csv-quote", params: { line: read.unclosedAt } };
  const records = read.records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [header, ...body] = records;
  if (!header) return { ok: false, error: "csv-empty" };
  const positions = new Map<CsvColumn, number>();
  header.fields.forEach((name, index) => {
    const column = name.trim().toLowerCase() as CsvColumn;
    if ((CSV_COLUMNS as readonly string[]).includes(column) && !positions.has(column)) positions.set(column, index);
  });
  const missing = CSV_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) return { ok: false, error: "csv-header", params: { columns: missing.join(";") } };
  if (body.length === 0) return { ok: false, error: "csv-empty" };

  const groups = new Map<string, GroupedBill>();
  const orphans: CheckedBill[] = [];
  for (const r of body) {
    const values = Object.fromEntries(
      CSV_COLUMNS.map((c) => [c, (r.fields[positions.get(c)!] ?? "").trim()]),
    ) as Record<CsvColumn, string>;
    if (!values.bill_id) {
      orphans.push({
        row: r.line,
        billId: "",
        bill: null,
        errors: [{ field: "bill_id", code: "required", line: r.line }],
      });
      continue;
    }
    const group = groups.get(values.bill_id) ?? { billId: values.bill_id, rows: [], errors: [] };
    groups.set(values.bill_id, group);
    if (r.fields.length > header.fields.length && r.fields.slice(header.fields.length).some((f) => f.trim() !== ""))
      group.errors.push({ field: "row", code: "csv-columns", line: r.line });
    group.rows.push({ line: r.line, values });
  }
  const bills = [...groups.values()].map(checkCsvBill);
  return { ok: true, bills: [...bills, ...orphans].sort((a, b) => a.row - b.row) };
}

function checkCsvBill(group: GroupedBill): CheckedBill {
  const [first, ...others] = group.rows as [GroupedBill["rows"][number], ...GroupedBill["rows"]];
  const errors: BillError[] = [...group.errors];
  for (const other of others)
    for (const column of Object.keys(BILL_COLUMNS) as (keyof typeof BILL_COLUMNS)[])
      if (other.values[column] !== first.values[column])
        errors.push({ field: column, code: "csv-rows-disagree", line: other.line });

  // Empty is left out: "required" for a tariff or amount, 0 for a benefit.
  const money = (value: string, column: CsvColumn, line: number): unknown => {
    if (value === "") return undefined;
    if (/^-/.test(value)) {
      errors.push({ field: column, code: "negative", line });
      return value;
    }
    const parsed = parseRoubles(value);
    if (parsed === null) errors.push({ field: column, code: "money-format", line });
    return parsed ?? value;
  };
  const lines = group.rows.map(({ line, values }) => ({
    service: values.service || undefined,
    unit: values.unit || undefined,
    tariff: money(values.tariff, "tariff", line),
    volume: values.volume ? values.volume.replace(",", ".") : undefined,
    amount: money(values.amount, "amount", line),
    benefit: money(values.benefit, "benefit", line),
  }));
  // The file has no bill total: it is the lines' sum, so only a line can be wrong.
  const total = lines.every((l) => isKopecks(l.amount) && (l.benefit === undefined || isKopecks(l.benefit)))
    ? lines.reduce((sum, l) => sum + (l.amount as number) - ((l.benefit as number | undefined) ?? 0), 0)
    : 0;
  const v = first.values;
  const raw = {
    billId: v.bill_id,
    els: v.els || undefined,
    period: v.period ? fromRussianPeriod(v.period) : undefined,
    dueDate: v.due_date ? fromRussianDate(v.due_date) : undefined,
    address: v.address || undefined,
    accessCode: v.access_code || undefined,
    amount: Math.max(total, 0),
    lines,
  };
  const csvLines = group.rows.map((r) => r.line);
  const checked = checkBill(raw, first.line);
  const located = checked.errors
    .filter((e) => !(e.field === "amount" && e.code !== "too-large"))
    .map((e) => locateCsvError(e, csvLines));
  // An error the file's reading already named (money that is not money) is not named twice.
  const named = new Set(errors.map((e) => `${e.line}|${e.field}`));
  const all = dedupe([...errors, ...located.filter((e) => !named.has(`${e.line}|${e.field}`))]).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  return {
    row: first.line,
    billId: group.billId.slice(0, 64),
    bill: all.length === 0 ? checked.bill : null,
    errors: all,
    csvLines,
  };
}

/** A JSON field's error as the CSV column and line it comes from. */
export function locateCsvError(error: BillError, csvLines: readonly number[] | undefined): BillError {
  if (!csvLines || csvLines.length === 0) return error;
  const lineField = /^lines\.(\d+)\.(\w+)$/.exec(error.field);
  if (lineField) {
    const line = csvLines[Number(lineField[1])] ?? csvLines[0];
    return { field: lineField[2]!, code: error.code, line };
  }
  return { field: JSON_TO_CSV[error.field] ?? error.field, code: error.code, line: csvLines[0] };
}

// --- The administrator's upload form --------------------------------------------------------------

/** Messages are i18n keys (validation-message.ts), here of the "payments-admin" namespace. */
export const BillUploadSchema = z.object({
  provider: z
    .string({ message: "payments-admin:upload.providerRequired" })
    .trim()
    .min(1, { message: "payments-admin:upload.providerRequired" })
    .max(60, { message: "payments-admin:upload.unknownProvider" }),
  file: z
    .instanceof(File, { message: "payments-admin:upload.fileRequired" })
    .refine((f) => f.size <= BILLS_MAX_BYTES, { message: "payments-admin:upload.tooLarge" }),
});
