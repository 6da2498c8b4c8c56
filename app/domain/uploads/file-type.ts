/*
 * What an uploaded document is, decided from its bytes. The browser's Content-Type and the file's
 * extension are whatever the sender says they are, so only the magic bytes choose the type; the
 * name is kept for people to read, cleaned so it can never act as a path. Pure: the form may run
 * the same checks in the browser before sending.
 */

import { checkJpeg, checkPng } from "./image-check";
import { checkPdf, type Inflate } from "./pdf-check";
import { ALLOWED_CONTENT_TYPES, exceedsMaxSize, type AllowedContentType, type UploadRules } from "./upload-rules";

export type UploadError =
  | "empty"
  | "tooLarge"
  | "type"
  | "executable"
  | "name"
  | "activeContent"
  | "damaged"
  | "dimensions"
  | "onlyOne"
  | "tooMany";

export type UploadCheck =
  { ok: true; contentType: AllowedContentType; fileName: string } | { ok: false; error: UploadError };

const MAX_NAME_LENGTH = 120;
const FALLBACK_NAME = "document";

// Keyed by the accepted types (upload-rules.ts): a type accepted there cannot compile without its bytes here.
const MAGIC: Record<AllowedContentType, readonly number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows PE, DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (also Java class files)
  [0x23, 0x21], // #! script
];

/*
 * Names that Windows or a phone would run on a double click. Refused whatever the bytes say: a
 * colleague downloading "справка.pdf.exe" should never be one click away from running it. ZIP-based
 * archives and office documents are simply not an accepted type, so they need no entry here.
 */
const EXECUTABLE_EXTENSIONS = new Set([
  "exe",
  "bat",
  "cmd",
  "sh",
  "js",
  "msi",
  "scr",
  "com",
  "ps1",
  "vbs",
  "jar",
  "apk",
  // The same family, as dangerous and as easy to rename to.
  "pif",
  "hta",
  "wsf",
  "vbe",
  "jse",
  "cpl",
  "dll",
  "lnk",
  "reg",
]);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** The document type the bytes announce, or null when they are nothing the portal accepts. */
export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  return ALLOWED_CONTENT_TYPES.find((type) => startsWith(bytes, MAGIC[type])) ?? null;
}

/** Whether the bytes are a program or a script, whatever the file is called. */
export function looksExecutable(bytes: Uint8Array): boolean {
  return EXECUTABLE_SIGNATURES.some((magic) => startsWith(bytes, magic));
}

// C0 and C1 controls (NUL included), and the bidirectional overrides that make "exe.pdf" display
// as "fdp.exe" or the reverse.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function extensionOf(name: string): string {
  const match = /\.([\p{L}\p{N}]{1,10})$/u.exec(name);
  return match?.[1] ?? "";
}

/** Cut to the length limit in characters (not UTF-16 units), keeping the extension. */
function truncate(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const extension = extensionOf(name);
  const suffix = extension ? `.${extension}` : "";
  const stem = chars.slice(0, MAX_NAME_LENGTH - Array.from(suffix).length).join("");
  return stem.trimEnd() + suffix;
}

/**
 * The name to show and offer on download: the last path segment only, without control characters,
 * leading dots (hidden files, "..") or trailing dots and spaces (which Windows drops, turning
 * "x.exe." into "x.exe"), whitespace collapsed, Cyrillic kept, at most 120 characters.
 */
export function safeFileName(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // Tabs and line breaks become spaces first, so "a\nb" does not turn into "ab".
    .replace(/\s/g, " ")
    .replace(INVISIBLE, "")
    .replace(/ {2,}/g, " ")
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  return cleaned ? truncate(cleaned) : FALLBACK_NAME;
}

/** Whether the name tries to point somewhere else (a directory part or a parent reference). */
function hasPathComponent(name: string): boolean {
  return /[/\\]/.test(name) || name.trim() === "..";
}

/** Past the magic bytes: the structure of the declared type, and no active content in a PDF. */
function checkContent(contentType: AllowedContentType, bytes: Uint8Array, inflate: Inflate): UploadError | null {
  switch (contentType) {
    case "application/pdf": {
      const pdf = checkPdf(bytes, inflate);
      return pdf.ok ? null : pdf.error;
    }
    case "image/png": {
      const png = checkPng(bytes);
      return png.ok ? null : png.error;
    }
    case "image/jpeg": {
      const jpeg = checkJpeg(bytes);
      return jpeg.ok ? null : jpeg.error;
    }
  }
}

/**
 * Everything the portal checks before keeping an uploaded document. `inflate` decompresses the
 * FlateDecode streams of a PDF (node:zlib on the server, see uploads.server.ts).
 */
export function checkUpload(
  input: { bytes: Uint8Array; size: number; name: string },
  rules: UploadRules,
  inflate: Inflate,
): UploadCheck {
  const size = Math.max(input.size, input.bytes.length);
  if (size === 0) return { ok: false, error: "empty" };
  if (exceedsMaxSize(size, rules)) return { ok: false, error: "tooLarge" };

  const fileName = safeFileName(input.name);
  if (looksExecutable(input.bytes) || EXECUTABLE_EXTENSIONS.has(extensionOf(fileName).toLowerCase())) {
    return { ok: false, error: "executable" };
  }
  // Refused rather than silently cleaned: such a name is crafted, not a document's title, and the
  // sender gets a clear message instead of a file renamed behind their back.
  if (hasPathComponent(input.name)) return { ok: false, error: "name" };

  // The extension may disagree with the bytes (a scan saved as .jpg that is a PNG): the bytes win.
  const contentType = sniffContentType(input.bytes);
  if (!contentType || !rules.accept.includes(contentType)) return { ok: false, error: "type" };
  const problem = checkContent(contentType, input.bytes, inflate);
  if (problem) return { ok: false, error: problem };
  return { ok: true, contentType, fileName };
}
