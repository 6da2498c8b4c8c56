/*
 * Active content in a PDF: scripts, actions run on opening or on events, launched programs,
 * embedded files, Flash/3D rich media and XFA forms. A document a resident sends to a department
 * needs none of them, and an officer's viewer may run them. The check reads every name in the
 * file, with "#xx" escapes decoded (so "/J#61vaScript" is "/JavaScript"), and the names inside
 * FlateDecode streams too (object streams hide dictionaries there), inflated within a budget.
 * Pure: the server passes the inflater (node:zlib), so this file stays importable anywhere.
 */

/**
 * Inflates one FlateDecode stream (as much of it as decodes, like a lenient reader): the bytes,
 * "overBudget" when they would be more than `maxBytes`, or null when nothing decodes.
 */
export type Inflate = (data: Uint8Array, maxBytes: number) => Uint8Array | "overBudget" | null;

/** Names that make a PDF active. /OpenAction itself is harmless ("open at page 1") unless it runs a script or a program, which the names below catch. */
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "AA", "RichMedia", "XFA"]);

/** How much inflated data one upload may produce in total before the check gives up (and refuses). */
export const INFLATE_BUDGET_BYTES = 64 * 1024 * 1024;

export type PdfCheck = { ok: true } | { ok: false; error: "activeContent" | "damaged" };

/** Bytes as a string of one character per byte, so offsets agree. */
function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

// A name: a solidus and regular characters up to whitespace or a delimiter (ISO 32000-1, 7.3.5).
const NAME = /\/([^\s()<>[\]{}/%\0]*)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The names in a piece of PDF syntax, escapes decoded. */
export function pdfNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(NAME)) names.add(decodeName(match[1]!));
  return names;
}

function hasActiveName(text: string): boolean {
  for (const name of pdfNames(text)) if (ACTIVE_NAMES.has(name)) return true;
  return false;
}

const STREAM = /stream\r?\n/g;

/** Whether the PDF carries active content; streams compressed with FlateDecode are looked into. */
export function checkPdf(bytes: Uint8Array, inflate: Inflate): PdfCheck {
  const text = latin1(bytes);
  if (hasActiveName(text)) return { ok: false, error: "activeContent" };
  let budget = INFLATE_BUDGET_BYTES;
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    // The stream's dictionary: what precedes "stream" since the object began.
    const objectStart = Math.max(text.lastIndexOf(" obj", match.index), match.index - 4096, 0);
    const dictionary = pdfNames(text.slice(objectStart, match.index));
    // Pictures are the bulk of a scan and hold no PDF syntax: not worth the budget.
    if (dictionary.has("Image") && !dictionary.has("ObjStm")) continue;
    if (!dictionary.has("FlateDecode") && !dictionary.has("Fl")) continue;
    const inflated = inflate(bytes.subarray(start, end), budget);
    if (!inflated) continue;
    // Beyond the budget the file cannot be checked, so it is not kept (a "zip bomb" ends here too).
    if (inflated === "overBudget") return { ok: false, error: "damaged" };
    budget -= inflated.length;
    if (hasActiveName(latin1(inflated))) return { ok: false, error: "activeContent" };
  }
  return { ok: true };
}
