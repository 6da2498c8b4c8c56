/*
 * The annex of a municipal act on assigned territories, as a CSV file (what a spreadsheet saves):
 * UTF-8, with or without a BOM, ";" or "," (or a tab) between fields — told from the header row —,
 * fields in double quotes with "" inside, CRLF or LF. The header names the columns, in Russian or in
 * English, in any order; other columns (№ п/п, notes) are ignored:
 *   школа (school code) · ОКТМО (optional: else the school's municipality) · населённый пункт
 *   (optional) · улица · дома
 * Pure: the server imports with it, and its limits are shown on the form. Error strings are keys of
 * the "validation" namespace.
 */

export const ANNEX_MAX_BYTES = 2 * 1024 * 1024;
export const ANNEX_MAX_ROWS = 5_000;
/** A field longer than this is no school code, street or house list: cut for the report. */
const FIELD_MAX_LENGTH = 4_000;

export type AnnexColumn = "school" | "oktmo" | "settlement" | "street" | "houses";
const REQUIRED_COLUMNS: readonly AnnexColumn[] = ["school", "street", "houses"];

/** Header words, compared lower-case with ё as е and punctuation dropped. */
const HEADER_NAMES: Record<string, AnnexColumn> = {
  школа: "school",
  "код школы": "school",
  "номер школы": "school",
  "школа код": "school",
  оо: "school",
  school: "school",
  "school code": "school",
  октмо: "oktmo",
  "код октмо": "oktmo",
  oktmo: "oktmo",
  municipality: "oktmo",
  "населенный пункт": "settlement",
  "нас пункт": "settlement",
  нп: "settlement",
  settlement: "settlement",
  locality: "settlement",
  улица: "street",
  street: "street",
  дома: "houses",
  дом: "houses",
  "номера домов": "houses",
  "номер дома": "houses",
  houses: "houses",
  "house numbers": "houses",
};

const COLUMN_HEADERS: Record<AnnexColumn, string> = {
  school: "школа / school",
  oktmo: "ОКТМО / oktmo",
  settlement: "населённый пункт / settlement",
  street: "улица / street",
  houses: "дома / houses",
};

export type AnnexRow = {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  school: string;
  oktmo: string;
  settlement: string;
  street: string;
  houses: string;
};

export type AnnexParseResult =
  | { ok: true; rows: AnnexRow[]; columns: AnnexColumn[] }
  | { ok: false; error: string; params?: Record<string, string | number> };

type CsvRecord = { line: number; fields: string[] };

function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/gu, "е")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** The separator of the header line: the most frequent of ";", ",", tab outside quotes (";" on a tie). */
export function detectSeparator(headerLine: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch] += 1;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[","] > counts[";"] ? "," : ";";
}

/** RFC 4180 records, each with the line it starts on; null when a quote is never closed. */
function readRecords(text: string, separator: string): { records: CsvRecord[] } | { unclosedAt: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === "\n") line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      // A quote opens a field only at its start (spaces before it are dropped).
      field = "";
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line += 1;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) return { unclosedAt: quoteLine };
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return { records };
}

const isBlank = (record: CsvRecord) => record.fields.every((f) => f.trim() === "");

/** Bytes of the text in UTF-8. */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The rows of an annex, or why the whole file is refused. */
export function parseTerritoryAnnex(csv: string): AnnexParseResult {
  if (utf8Length(csv) > ANNEX_MAX_BYTES) return { ok: false, error: "territoryImport.tooLarge", params: { max: 2 } };
  const text = csv.startsWith("\uFEFF") ? csv.slice(1) : csv;
  const firstLine = text.split(/\r?\n|\r/u).find((l) => l.trim() !== "");
  if (firstLine === undefined) return { ok: false, error: "territoryImport.empty" };
  const read = readRecords(text, detectSeparator(firstLine));
  if ("unclosedAt" in read)
    return { ok: false, error: "territoryImport.unclosedQuote", params: { line: read.unclosedAt } };
  const records = read.records.filter((r) => !isBlank(r));
  const [header, ...body] = records;
  if (!header) return { ok: false, error: "territoryImport.empty" };

  const positions = new Map<AnnexColumn, number>();
  header.fields.forEach((name, index) => {
    const column = HEADER_NAMES[headerKey(name)];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  if (positions.size === 0) return { ok: false, error: "territoryImport.noHeader" };
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    // The header words in both languages: the file may use either.
    return {
      ok: false,
      error: "territoryImport.missingColumns",
      params: { columns: missing.map((c) => COLUMN_HEADERS[c]).join(", ") },
    };
  }
  if (body.length > ANNEX_MAX_ROWS) {
    return { ok: false, error: "territoryImport.tooManyRows", params: { max: ANNEX_MAX_ROWS } };
  }
  const value = (record: CsvRecord, column: AnnexColumn) => {
    const index = positions.get(column);
    return index === undefined ? "" : (record.fields[index] ?? "").trim().slice(0, FIELD_MAX_LENGTH);
  };
  return {
    ok: true,
    columns: [...positions.keys()],
    rows: body.map((record) => ({
      line: record.line,
      school: value(record, "school"),
      oktmo: value(record, "oktmo"),
      settlement: value(record, "settlement"),
      street: value(record, "street"),
      houses: value(record, "houses"),
    })),
  };
}
