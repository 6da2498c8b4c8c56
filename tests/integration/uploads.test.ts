import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  attachUploadsToMessage,
  findOwnUploads,
  openUpload,
  parseUploadReference,
  removeUpload,
  storeUpload,
  uploadDirectory,
  uploadReference,
} from "~/domain/uploads/uploads.server";
import { storeStepFiles } from "~/domain/applications/step-input.server";
import { StepSchema } from "~/domain/forms/form-definition";
import { seedDemoData } from "../../seeds/demo";
import { pdf } from "../fixtures/documents";
import { temporaryUploadDir } from "../support/upload-dir";
import { validationMessage } from "~/domain/forms/validation-message";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;
const uploads = temporaryUploadDir("portal-uploads-");

beforeAll(async () => {
  uploads.use();
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
});
afterAll(async () => {
  await dispose();
  uploads.restore();
});

const rules = { accept: ["application/pdf", "image/jpeg", "image/png"], maxSizeMb: 1 } as const;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
const filesOnDisk = () => readdirSync(uploads.dir);

let sequence = 0;
async function createResident() {
  sequence += 1;
  return db.user.create({ data: { id: `uploads-user-${sequence}`, email: `uploads-${sequence}@example.ru` } });
}
async function createDraft(applicantId: string) {
  sequence += 1;
  const service = await db.service.findFirstOrThrow({ orderBy: { id: "asc" } });
  return db.application.create({
    data: {
      id: `uploads-application-${sequence}`,
      serviceId: service.id,
      serviceVersion: service.currentVersion,
      departmentId: service.departmentId,
      applicantId,
    },
  });
}
async function storePdf(ownerId: string, applicationId: string, name = "Справка о составе семьи.pdf") {
  const result = await storeUpload(db, {
    ownerId,
    applicationId,
    field: "familyCertificate",
    file: new File([PDF], name, { type: "application/pdf" }),
    rules,
  });
  if (!result.ok) throw new Error(`upload refused: ${result.error}`);
  return result.upload;
}
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe("document uploads", () => {
  it("keeps the folder from UPLOAD_DIR", () => {
    expect(uploadDirectory()).toBe(path.resolve(uploads.dir));
  });

  it("stores a PDF under a random name and reads it back byte for byte", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const upload = await storePdf(resident.id, draft.id);
    expect(upload).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      fileName: "Справка о составе семьи.pdf",
      contentType: "application/pdf",
      size: PDF.length,
    });

    const opened = await openUpload(db, upload.id);
    expect(opened).not.toBeNull();
    expect(opened!.row.ownerId).toBe(resident.id);
    expect(opened!.row.field).toBe("familyCertificate");
    expect(opened!.row.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(opened!.applicationId).toBe(draft.id);
    expect(opened!.departmentId).toBe(draft.departmentId);
    expect(await readAll(opened!.stream())).toEqual(Buffer.from(PDF));

    // Nothing about the document on disk: a random name, no extension, owner-only permissions.
    const { storedName } = await db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect(storedName).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(filesOnDisk()).toContain(storedName);
    if (process.platform !== "win32") {
      expect(statSync(path.join(uploads.dir, storedName)).mode & 0o777).toBe(0o600);
      expect(statSync(uploads.dir).mode & 0o077).toBe(0);
    }
  });

  it("refuses a renamed executable and writes nothing", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const before = filesOnDisk();
    const result = await storeUpload(db, {
      ownerId: resident.id,
      applicationId: draft.id,
      field: "familyCertificate",
      file: new File([ELF], "справка.pdf", { type: "application/pdf" }),
      rules,
    });
    expect(result).toEqual({ ok: false, error: "executable" });
    expect(filesOnDisk()).toEqual(before);
    expect(await db.upload.count({ where: { ownerId: resident.id } })).toBe(0);
  });

  it("refuses an oversized file without reading it", async () => {
    const resident = await createResident();
    const file = new File([new Uint8Array(1024 * 1024 + 1)], "big.pdf", { type: "application/pdf" });
    const read = vi.spyOn(file, "arrayBuffer");
    const before = filesOnDisk();
    const result = await storeUpload(db, { ownerId: resident.id, applicationId: null, file, rules });
    expect(result).toEqual({ ok: false, error: "tooLarge" });
    expect(read).not.toHaveBeenCalled();
    expect(filesOnDisk()).toEqual(before);
  });

  it("refuses a path in the file name", async () => {
    const resident = await createResident();
    const result = await storeUpload(db, {
      ownerId: resident.id,
      file: new File([PDF], "../../etc/passwd.pdf", { type: "application/pdf" }),
      rules,
    });
    expect(result).toEqual({ ok: false, error: "name" });
  });

  it("removes the file again when the row cannot be saved", async () => {
    const before = filesOnDisk();
    await expect(storeUpload(db, { ownerId: "no-such-user", file: new File([PDF], "a.pdf"), rules })).rejects.toThrow();
    expect(filesOnDisk()).toEqual(before);
  });

  it("finds only the owner's uploads of that application", async () => {
    const owner = await createResident();
    const other = await createResident();
    const draft = await createDraft(owner.id);
    const otherDraft = await createDraft(other.id);
    const ownOtherDraft = await createDraft(owner.id);
    const mine = await storePdf(owner.id, draft.id);
    const theirs = await storePdf(other.id, otherDraft.id);
    const elsewhere = await storePdf(owner.id, ownOtherDraft.id);

    const found = await findOwnUploads(db, owner.id, draft.id, [mine.id, theirs.id, elsewhere.id, mine.id, "missing"]);
    expect(found.map((u) => u.id)).toEqual([mine.id]);
    expect(await findOwnUploads(db, other.id, draft.id, [mine.id])).toEqual([]);
    expect(await findOwnUploads(db, owner.id, draft.id, [])).toEqual([]);
  });

  it("round-trips a form reference and rejects anything else", async () => {
    const resident = await createResident();
    const upload = await storePdf(resident.id, (await createDraft(resident.id)).id);
    expect(parseUploadReference(uploadReference(upload.id))).toBe(upload.id);
    expect(parseUploadReference("upload:../../etc")).toBeNull();
    expect(parseUploadReference(upload.id)).toBeNull();
    expect(parseUploadReference("upload:short")).toBeNull();
  });

  it("attaches uploads to a message of their own application only", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const otherDraft = await createDraft(resident.id);
    const own = await storePdf(resident.id, draft.id);
    const foreign = await storePdf(resident.id, otherDraft.id);
    const message = await db.applicationMessage.create({
      data: { applicationId: draft.id, author: "applicant", authorId: resident.id, text: "Прилагаю справку" },
    });
    expect(await attachUploadsToMessage(db, [own.id, foreign.id], message.id)).toBe(1);
    expect((await openUpload(db, own.id))!.row.messageId).toBe(message.id);
    expect((await openUpload(db, foreign.id))!.row.messageId).toBeNull();
    // Sent with a message, it is part of the case file and cannot be taken back.
    expect(await removeUpload(db, resident.id, own.id)).toBe(false);
  });

  it("removes a draft's upload with its file, for the owner only and only while in draft", async () => {
    const owner = await createResident();
    const other = await createResident();
    const draft = await createDraft(owner.id);
    const upload = await storePdf(owner.id, draft.id);
    const { storedName } = await db.upload.findUniqueOrThrow({ where: { id: upload.id } });

    expect(await removeUpload(db, other.id, upload.id)).toBe(false);
    expect(filesOnDisk()).toContain(storedName);

    expect(await removeUpload(db, owner.id, upload.id)).toBe(true);
    expect(filesOnDisk()).not.toContain(storedName);
    expect(await db.upload.findUnique({ where: { id: upload.id } })).toBeNull();
    expect(await openUpload(db, upload.id)).toBeNull();
    expect(await removeUpload(db, owner.id, upload.id)).toBe(false);

    const submitted = await storePdf(owner.id, draft.id);
    await db.application.update({ where: { id: draft.id }, data: { status: "registered" } });
    expect(await removeUpload(db, owner.id, submitted.id)).toBe(false);
    expect(await openUpload(db, submitted.id)).not.toBeNull();
  });
});

describe("files posted with a step (security review)", () => {
  const step = StepSchema.parse({
    id: "documents",
    title: { ru: "Документы", en: "Documents" },
    fields: [
      { kind: "file", name: "passportScan", label: { ru: "Паспорт", en: "Passport" } },
      { kind: "file", name: "certificates", label: { ru: "Справки", en: "Certificates" }, multiple: true },
    ],
  });
  const pdfFile = (n: number) => new File([PDF], `scan-${n}.pdf`, { type: "application/pdf" });
  const referencesOf = (formData: FormData, name: string) => formData.getAll(name).map(String);

  it("keeps no orphan rows or files when 20 files are posted into a one-file field", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const before = filesOnDisk();
    const formData = new FormData();
    for (let n = 0; n < 20; n++) formData.append("passportScan", pdfFile(n));

    const errors = await storeStepFiles(db, { ownerId: resident.id, applicationId: draft.id, step, formData });

    expect(errors.passportScan).toEqual(["file.onlyOne"]);
    expect(await db.upload.count({ where: { applicationId: draft.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
    expect(referencesOf(formData, "passportScan")).toEqual([]);
  });

  it("replaces the file of a one-file field, deleting the old one in the same request", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const first = new FormData();
    first.append("passportScan", pdfFile(1));
    await storeStepFiles(db, { ownerId: resident.id, applicationId: draft.id, step, formData: first });
    const [old] = referencesOf(first, "passportScan");
    const oldRow = await db.upload.findFirstOrThrow({ where: { applicationId: draft.id } });

    const second = new FormData();
    second.append("passportScan", old!);
    second.append("passportScan", pdfFile(2));
    expect(await storeStepFiles(db, { ownerId: resident.id, applicationId: draft.id, step, formData: second })).toEqual(
      {},
    );
    const rows = await db.upload.findMany({ where: { applicationId: draft.id } });
    expect(rows).toHaveLength(1);
    expect(referencesOf(second, "passportScan")).toEqual([uploadReference(rows[0]!.id)]);
    expect(filesOnDisk()).not.toContain(oldRow.storedName);
    expect(filesOnDisk()).toContain(rows[0]!.storedName);
  });

  it("stores none of a batch that would take a field of several over its limit", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const before = filesOnDisk();
    const formData = new FormData();
    for (let n = 0; n < 21; n++) formData.append("certificates", pdfFile(n));
    const errors = await storeStepFiles(db, { ownerId: resident.id, applicationId: draft.id, step, formData });
    expect(errors.certificates).toEqual([validationMessage("file.tooMany", { max: 20 })]);
    expect(await db.upload.count({ where: { applicationId: draft.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });

  it("refuses a PDF with a script and writes nothing", async () => {
    const resident = await createResident();
    const draft = await createDraft(resident.id);
    const before = filesOnDisk();
    const formData = new FormData();
    const script = pdf({ catalogue: "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>" });
    formData.append("passportScan", new File([script], "паспорт.pdf", { type: "application/pdf" }));
    const errors = await storeStepFiles(db, { ownerId: resident.id, applicationId: draft.id, step, formData });
    expect(errors.passportScan).toEqual([validationMessage("file.activeContent", { max: 10 })]);
    expect(await db.upload.count({ where: { applicationId: draft.id } })).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });
});
