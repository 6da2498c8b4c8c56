import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jpeg, pdf, png } from "../../../tests/fixtures/documents";
import { ANSWER_FILE_RULES, InfoAnswerSchema } from "~/domain/applications/resident-forms";
import { FieldSchema } from "~/domain/forms/form-definition";
import { fieldSchema } from "~/domain/forms/form-schema";
import { parseValidationMessage } from "~/domain/forms/validation-message";
import { RESULT_FILE_RULES } from "~/domain/office/office-forms";
import { checkUpload, sniffContentType } from "./file-type";
import {
  acceptAttribute,
  ALLOWED_CONTENT_TYPES,
  DOCUMENT_UPLOAD_RULES,
  MAX_FILES_PER_FIELD,
  maxUploadBytes,
  typeLabels,
  uploadHintParams,
  type AllowedContentType,
} from "./upload-rules";
import { inflatePdfStream } from "./uploads.server";

/*
 * The rules of a document are stated once (upload-rules.ts, docs/decisions/0022-documents-judged-by-bytes.md);
 * these tests fail when one of the places that apply or show them stops following that statement.
 */

// A Record, so a type accepted without a sample here does not compile.
const SAMPLES: Record<AllowedContentType, { bytes: Uint8Array; name: string }> = {
  "application/pdf": { bytes: pdf(), name: "справка.pdf" },
  "image/jpeg": { bytes: jpeg(), name: "фото.jpg" },
  "image/png": { bytes: png(), name: "скан.png" },
};

const fileField = (definition: Record<string, unknown> = {}) =>
  FieldSchema.parse({ kind: "file", name: "proof", label: { ru: "Файл", en: "File" }, ...definition });

/** The keys of the messages the schema gives for a value (their parameters dropped). */
function schemaErrors(schema: ReturnType<typeof fieldSchema>, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => parseValidationMessage(issue.message).key);
}

describe("the accepted types", () => {
  it.each(ALLOWED_CONTENT_TYPES)("%s is a type the server's check of the bytes keeps", (type) => {
    const { bytes, name } = SAMPLES[type];
    expect(sniffContentType(bytes)).toBe(type);
    expect(checkUpload({ bytes, size: bytes.length, name }, DOCUMENT_UPLOAD_RULES, inflatePdfStream)).toMatchObject({
      ok: true,
      contentType: type,
    });
  });

  it("are the ones the file input offers, each with its extensions", () => {
    const accept = acceptAttribute(DOCUMENT_UPLOAD_RULES).split(",");
    expect(accept.filter((entry) => entry.includes("/"))).toEqual([...ALLOWED_CONTENT_TYPES]);
    expect(accept.filter((entry) => entry.startsWith("."))).toEqual([".pdf", ".jpg", ".jpeg", ".png"]);
    // Each extension the picker offers names a file whose bytes the server keeps.
    for (const type of ALLOWED_CONTENT_TYPES) expect(accept).toContain(path.extname(SAMPLES[type].name));
  });

  it("are the ones the browser-side schema lets through, and no other", () => {
    const schema = fieldSchema(fileField(), { today: "2026-01-01" });
    for (const type of ALLOWED_CONTENT_TYPES) {
      expect(schemaErrors(schema, new File([new Uint8Array(10)], "a", { type }))).toEqual([]);
    }
    expect(schemaErrors(schema, new File([new Uint8Array(10)], "a.gif", { type: "image/gif" }))).toEqual(["file.type"]);
  });

  it("are named in the hint beside the input", () => {
    expect(uploadHintParams(DOCUMENT_UPLOAD_RULES)).toEqual({
      max: DOCUMENT_UPLOAD_RULES.maxSizeMb,
      types: "PDF, JPEG, PNG",
    });
    expect(typeLabels({ accept: ["application/pdf"] })).toBe("PDF");
  });

  it.each(["ru", "en"])("are all named by the %s messages that list them", (language) => {
    const read = (namespace: string) =>
      JSON.parse(readFileSync(path.resolve("locales", language, `${namespace}.json`), "utf8")) as {
        file: Record<string, string>;
        start: Record<string, string>;
      };
    const validation = read("validation").file;
    const texts = [
      validation.type!,
      validation.executable!,
      validation.damaged!,
      read("applications").start.documentsTitle!,
    ];
    for (const text of texts) {
      for (const type of ALLOWED_CONTENT_TYPES) {
        const names = [
          typeLabels({ accept: [type] }),
          ...acceptAttribute({ accept: [type] })
            .split(",")
            .slice(1),
        ];
        const named = names.some((name) => text.toUpperCase().includes(name.replace(".", "").toUpperCase()));
        expect(named, `${type} in "${text}"`).toBe(true);
      }
    }
  });
});

describe("the size limit", () => {
  it("is the same boundary in the browser-side schema and in the server's check", () => {
    const rules = { accept: DOCUMENT_UPLOAD_RULES.accept, maxSizeMb: 1 / 1024 };
    const max = maxUploadBytes(rules);
    expect(max).toBe(1024);
    const schema = fieldSchema(fileField(rules), { today: "2026-01-01" });
    const file = (size: number) => new File([new Uint8Array(size)], "a.pdf", { type: "application/pdf" });
    expect(schemaErrors(schema, file(max))).toEqual([]);
    expect(schemaErrors(schema, file(max + 1))).toEqual(["file.tooLarge"]);
    const { bytes, name } = SAMPLES["application/pdf"];
    const server = (size: number) => checkUpload({ bytes, size, name }, rules, inflatePdfStream);
    expect(server(max).ok).toBe(true);
    expect(server(max + 1)).toEqual({ ok: false, error: "tooLarge" });
  });
});

describe("every form that takes documents", () => {
  it("follows the one statement of the rules", () => {
    const field = fileField();
    expect(field.kind === "file" && { accept: field.accept, maxSizeMb: field.maxSizeMb }).toEqual({
      accept: [...DOCUMENT_UPLOAD_RULES.accept],
      maxSizeMb: DOCUMENT_UPLOAD_RULES.maxSizeMb,
    });
    expect(ANSWER_FILE_RULES).toBe(DOCUMENT_UPLOAD_RULES);
    expect(RESULT_FILE_RULES).toBe(DOCUMENT_UPLOAD_RULES);
  });

  it("keeps at most MAX_FILES_PER_FIELD files in a field", () => {
    const files = (count: number) => Array.from({ length: count }, (_, i) => `upload:reference${i}`);
    const answer = (count: number) =>
      InfoAnswerSchema.safeParse({ intent: "answer", text: "Справка приложена", files: files(count) });
    expect(answer(MAX_FILES_PER_FIELD).success).toBe(true);
    const refused = answer(MAX_FILES_PER_FIELD + 1);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => parseValidationMessage(issue.message))).toEqual([
      { key: "file.tooMany", params: { max: MAX_FILES_PER_FIELD } },
    ]);
  });
});
