import { describe, expect, it } from "vitest";
import { compressedObjectStream, jpeg, pdf, png, PNG_SIGNATURE, pngChunk } from "../../../tests/fixtures/documents";
import {
  checkUpload as checkUploadWith,
  looksExecutable,
  safeFileName,
  sniffContentType,
  type UploadCheck,
} from "./file-type";
import type { UploadRules } from "./upload-rules";
import { inflatePdfStream } from "./uploads.server";

const checkUpload = (input: { bytes: Uint8Array; size: number; name: string }, rules: UploadRules) =>
  checkUploadWith(input, rules, inflatePdfStream);

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? Array.from(new TextEncoder().encode(part)) : part)),
  );

const PDF = bytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = png();
const JPEG = jpeg();
const ELF = bytes([0x7f], "ELF", [0x02, 0x01, 0x01, 0x00]);
const MZ = bytes("MZ", [0x90, 0x00, 0x03, 0x00]);
const MACH_O = bytes([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]);
const SCRIPT = bytes("#!/bin/sh\nrm -rf ~\n");
const ZIP = bytes("PK", [0x03, 0x04, 0x14, 0x00]);
const TEXT = bytes("Справка выдана для предъявления по месту требования.\n");

const rules = { accept: ["application/pdf", "image/jpeg", "image/png"], maxSizeMb: 10 } as const;
const MiB = 1024 * 1024;

describe("sniffContentType", () => {
  it.each([
    ["PDF", PDF, "application/pdf"],
    ["PNG", PNG, "image/png"],
    ["JPEG", JPEG, "image/jpeg"],
    ["ELF", ELF, null],
    ["ZIP", ZIP, null],
    ["text", TEXT, null],
    ["nothing", new Uint8Array(), null],
    ["a truncated PNG signature", PNG.slice(0, 4), null],
  ])("%s → %s", (_, input, expected) => {
    expect(sniffContentType(input)).toBe(expected);
  });
});

describe("looksExecutable", () => {
  it.each([
    ["ELF", ELF, true],
    ["MZ", MZ, true],
    ["Mach-O", MACH_O, true],
    ["universal Mach-O", bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), true],
    ["a shell script", SCRIPT, true],
    ["PDF", PDF, false],
    ["PNG", PNG, false],
    ["JPEG", JPEG, false],
    // Not a program, but not an accepted type either: checkUpload reports "type".
    ["ZIP", ZIP, false],
    ["one byte", bytes("M"), false],
  ])("%s → %s", (_, input, expected) => {
    expect(looksExecutable(input)).toBe(expected);
  });
});

describe("safeFileName", () => {
  it.each([
    ["Справка о составе семьи.pdf", "Справка о составе семьи.pdf"],
    ["../../etc/passwd", "passwd"],
    ["..\\..\\boot.ini", "boot.ini"],
    ["C:\\Users\\Иван\\Documents\\паспорт.jpg", "паспорт.jpg"],
    [".htaccess", "htaccess"],
    ["..", "document"],
    ["", "document"],
    ["   ", "document"],
    ["\u0000\u0001", "document"],
    ["скан\u0000.pdf", "скан.pdf"],
    ["line\r\nbreak.pdf", "line break.pdf"],
    ["  много    пробелов\t.pdf  ", "много пробелов .pdf"],
    ["x.exe. . ", "x.exe"],
    ["evil\u202efdp.exe", "evilfdp.exe"],
    // macOS sends decomposed Cyrillic (и + combining breve); shown and stored as one letter.
    ["Заи\u0306ка.png", "Зайка.png"],
  ])("%j → %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it("cuts long names to 120 characters and keeps the extension", () => {
    const name = safeFileName(`${"Очень длинное название документа ".repeat(10)}.pdf`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const name = safeFileName(`${"😀".repeat(200)}.png`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name).toBe(`${"😀".repeat(116)}.png`);
  });
});

describe("checkUpload", () => {
  const cases: [string, { bytes: Uint8Array; size?: number; name: string }, UploadCheck][] = [
    [
      "a PDF",
      { bytes: PDF, name: "Справка о составе семьи.pdf" },
      { ok: true, contentType: "application/pdf", fileName: "Справка о составе семьи.pdf" },
    ],
    ["a PNG", { bytes: PNG, name: "scan.png" }, { ok: true, contentType: "image/png", fileName: "scan.png" }],
    ["a JPEG", { bytes: JPEG, name: "фото.JPG" }, { ok: true, contentType: "image/jpeg", fileName: "фото.JPG" }],
    [
      "a PNG saved as .jpg: the bytes win",
      { bytes: PNG, name: "scan.jpg" },
      { ok: true, contentType: "image/png", fileName: "scan.jpg" },
    ],
    ["an ELF renamed to .pdf", { bytes: ELF, name: "справка.pdf" }, { ok: false, error: "executable" }],
    ["an MZ renamed to .pdf", { bytes: MZ, name: "invoice.pdf" }, { ok: false, error: "executable" }],
    ["a script renamed to .png", { bytes: SCRIPT, name: "photo.png" }, { ok: false, error: "executable" }],
    ["PDF bytes named .exe", { bytes: PDF, name: "справка.pdf.exe" }, { ok: false, error: "executable" }],
    ["PDF bytes named .BAT", { bytes: PDF, name: "run.BAT" }, { ok: false, error: "executable" }],
    ["PDF bytes named .exe with a trailing dot", { bytes: PDF, name: "run.exe." }, { ok: false, error: "executable" }],
    ["a text file named .png", { bytes: TEXT, name: "scan.png" }, { ok: false, error: "type" }],
    ["a ZIP named .pdf", { bytes: ZIP, name: "docs.pdf" }, { ok: false, error: "type" }],
    ["an empty file", { bytes: new Uint8Array(), name: "empty.pdf" }, { ok: false, error: "empty" }],
    ["an oversized file", { bytes: PDF, size: 10 * MiB + 1, name: "big.pdf" }, { ok: false, error: "tooLarge" }],
    [
      "exactly the limit",
      { bytes: PDF, size: 10 * MiB, name: "ok.pdf" },
      { ok: true, contentType: "application/pdf", fileName: "ok.pdf" },
    ],
    ["a Unix path", { bytes: PDF, name: "../../etc/passwd.pdf" }, { ok: false, error: "name" }],
    ["a Windows path", { bytes: PDF, name: "C:\\evil\\x.pdf" }, { ok: false, error: "name" }],
    ["a parent reference", { bytes: PDF, name: ".." }, { ok: false, error: "name" }],
    [
      "two dots inside a name are not a path",
      { bytes: PDF, name: "отчёт..итог.pdf" },
      { ok: true, contentType: "application/pdf", fileName: "отчёт..итог.pdf" },
    ],
  ];

  it.each(cases)("%s", (_, input, expected) => {
    expect(
      checkUpload({ bytes: input.bytes, size: input.size ?? input.bytes.length, name: input.name }, rules),
    ).toEqual(expected);
  });

  it("refuses a type the field does not accept", () => {
    expect(
      checkUpload({ bytes: PNG, size: PNG.length, name: "scan.png" }, { accept: ["application/pdf"], maxSizeMb: 5 }),
    ).toEqual({ ok: false, error: "type" });
  });

  it("counts the limit in MiB", () => {
    const small: UploadRules = { accept: ["application/pdf"], maxSizeMb: 0.5 };
    expect(checkUpload({ bytes: PDF, size: 512 * 1024, name: "a.pdf" }, small).ok).toBe(true);
    expect(checkUpload({ bytes: PDF, size: 512 * 1024 + 1, name: "a.pdf" }, small)).toEqual({
      ok: false,
      error: "tooLarge",
    });
  });
});

describe("past the magic bytes (security review)", () => {
  const check = (input: Uint8Array, name = "document.pdf") =>
    checkUpload({ bytes: input, size: input.length, name }, rules);
  const refused = (error: string) => ({ ok: false, error });

  it.each([
    [
      "an OpenAction that runs JavaScript",
      pdf({ catalogue: "/OpenAction 3 0 R", objects: ["<< /S /JavaScript /JS (app.alert(1)) >>"] }),
    ],
    ["the name written with #xx escapes", pdf({ catalogue: "/OpenAction << /S /J#61vaScript /J#53 (x) >>" })],
    ["a document-level script in the name tree", pdf({ catalogue: "/Names << /JavaScript 3 0 R >>" })],
    ["a Launch action", pdf({ catalogue: "/OpenAction << /S /Launch /F (cmd.exe) >>" })],
    [
      "an embedded file",
      pdf({ catalogue: "/Names << /EmbeddedFiles 3 0 R >>", objects: ["<< /Type /EmbeddedFile >>"] }),
    ],
    ["additional actions on a page", pdf({ objects: ["<< /Type /Page /AA << /O 4 0 R >> >>"] })],
    ["rich media", pdf({ objects: ["<< /Type /Annot /Subtype /RichMedia >>"] })],
    ["an XFA form", pdf({ catalogue: "/AcroForm << /XFA 3 0 R >>" })],
    [
      "a script hidden in a FlateDecode object stream",
      pdf({
        catalogue: "/OpenAction 10 0 R",
        objects: [compressedObjectStream("<< /S /JavaScript /JS (app.alert(1)) >>")],
      }),
    ],
    [
      "an escaped name inside a compressed object stream",
      pdf({ objects: [compressedObjectStream("<< /S /#4Aava#53cript /JS (x) >>")] }),
    ],
  ])("refuses a PDF with %s", (_, input) => {
    expect(check(input)).toEqual(refused("activeContent"));
  });

  it("keeps a PDF whose OpenAction only opens a page, and one with a compressed stream of plain objects", () => {
    expect(check(pdf({ catalogue: "/OpenAction [3 0 R /Fit]" })).ok).toBe(true);
    expect(
      check(pdf({ objects: [compressedObjectStream("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")] })).ok,
    ).toBe(true);
    // Names that merely begin like an active one are other names.
    expect(check(pdf({ catalogue: "/JSON (x) /AAA 1 /Launcher 2" })).ok).toBe(true);
  });

  it("refuses PNG magic bytes followed by HTML", () => {
    const html = new TextEncoder().encode("<html><script>alert(document.cookie)</script></html>");
    const polyglot = new Uint8Array([...PNG_SIGNATURE, ...html]);
    expect(check(polyglot, "scan.png")).toEqual(refused("damaged"));
    // HTML after a whole PNG is refused too: nothing may follow IEND.
    expect(check(png({ after: html }), "scan.png")).toEqual(refused("damaged"));
  });

  it("checks the PNG chunk structure and CRCs", () => {
    const good = png({ width: 640, height: 480 });
    expect(check(good, "scan.png")).toEqual({ ok: true, contentType: "image/png", fileName: "scan.png" });
    const corrupted = good.slice();
    corrupted[20] = corrupted[20]! ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(check(corrupted, "scan.png")).toEqual(refused("damaged"));
    expect(check(good.slice(0, good.length - 12), "scan.png")).toEqual(refused("damaged")); // no IEND
    const noData = new Uint8Array([...PNG_SIGNATURE, ...good.slice(8, 33), ...pngChunk("IEND")]);
    expect(check(noData, "scan.png")).toEqual(refused("damaged"));
  });

  it("refuses pictures of absurd dimensions", () => {
    expect(check(png({ width: 20_001, height: 1 }), "a.png")).toEqual(refused("dimensions"));
    expect(check(png({ width: 12_000, height: 12_000 }), "a.png")).toEqual(refused("dimensions"));
    expect(check(png({ width: 0, height: 10 }), "a.png")).toEqual(refused("damaged"));
    expect(check(png({ width: 20_000, height: 5_000 }), "a.png").ok).toBe(true);
    expect(check(jpeg({ width: 30_000, height: 100 }), "a.jpg")).toEqual(refused("dimensions"));
    expect(check(jpeg({ width: 4_000, height: 3_000 }), "a.jpg").ok).toBe(true);
  });

  it("walks the JPEG markers", () => {
    expect(check(jpeg(), "photo.jpg")).toEqual({ ok: true, contentType: "image/jpeg", fileName: "photo.jpg" });
    expect(check(jpeg({ withEnd: false }), "photo.jpg")).toEqual(refused("damaged"));
    const html = new TextEncoder().encode("<html><script>alert(1)</script>");
    expect(check(new Uint8Array([0xff, 0xd8, 0xff, ...html]), "photo.jpg")).toEqual(refused("damaged"));
    // A frame header claiming more bytes than the file has.
    expect(check(new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x40, 0x00, 0x08]), "photo.jpg")).toEqual(refused("damaged"));
  });
});
