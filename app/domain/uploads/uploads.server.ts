import { createHash, randomBytes } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { constants as zlib, inflateSync } from "node:zlib";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseFile } from "~/db/sqlite-adapter.server";
import { UPLOAD_REFERENCE } from "~/domain/forms/form-schema";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/platform/logger.server";
import { checkUpload, type UploadError } from "./file-type";
import type { Inflate } from "./pdf-check";
import { exceedsMaxSize, type UploadRules } from "./upload-rules";

/*
 * Documents residents attach to applications and messages (прилагаемые документы). The bytes live
 * in a private folder under a random name with no extension, so nothing about the sender, the
 * document or its type can be read from the disk and no web server can ever serve them directly;
 * the row keeps the cleaned display name and the type sniffed from the bytes. Who may read a file
 * is the route's decision (owner, or staff of the application's department).
 *
 * File names are personal data ("Справка о доходах Иванова.pdf"): they are never logged.
 */

/** A PrismaClient or the client inside $transaction, so callers can attach within their own. */
type Db = PrismaClient | Prisma.TransactionClient;

export interface UploadSummary {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export type StoreUploadResult = { ok: true; upload: UploadSummary } | { ok: false; error: UploadError };

const SUMMARY = { id: true, fileName: true, contentType: true, size: true } as const;

/**
 * Where the bytes are kept: UPLOAD_DIR, or an "uploads" folder beside the SQLite file, so the
 * browser-test portal and each integration test keep their own files next to their own database.
 */
export function uploadDirectory(): string {
  const dir = path.resolve(process.env.UPLOAD_DIR ?? path.join(path.dirname(databaseFile()), "uploads"));
  // Anything under public/ is served to anyone who guesses the name: fail loudly instead.
  const publicDir = path.resolve("public");
  if (dir === publicDir || dir.startsWith(publicDir + path.sep)) {
    throw new Error("UPLOAD_DIR must not be inside public/: uploaded documents are private");
  }
  return dir;
}

async function ensureUploadDirectory(): Promise<string> {
  const dir = uploadDirectory();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const randomName = (bytes: number) => randomBytes(bytes).toString("base64url");

/**
 * A FlateDecode stream, inflated as far as it goes (a truncated stream still yields what a viewer
 * would show), never beyond the budget.
 */
export const inflatePdfStream: Inflate = (data, maxBytes) => {
  try {
    const out = inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, maxBytes) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      return "overBudget";
    return null;
  }
};

/**
 * Checks and keeps one uploaded file. The size is checked before the body is read into memory,
 * the type from the bytes; a refused file never touches the disk.
 */
export async function storeUpload(
  db: Db,
  input: {
    /** Null for a document the department adds to an application whose applicant deleted the account. */
    ownerId: string | null;
    applicationId?: string | null;
    field?: string | null;
    file: File;
    rules: UploadRules;
  },
): Promise<StoreUploadResult> {
  const { file, rules } = input;
  if (exceedsMaxSize(file.size, rules)) return { ok: false, error: "tooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkUpload({ bytes, size: bytes.byteLength, name: file.name }, rules, inflatePdfStream);
  if (!checked.ok) return checked;

  const dir = await ensureUploadDirectory();
  const storedName = randomName(24);
  const filePath = path.join(dir, storedName);
  // "wx": never overwrite an existing file, however unlikely a collision of 192 random bits is.
  await writeFile(filePath, bytes, { flag: "wx", mode: 0o600 });
  try {
    const upload = await db.upload.create({
      data: {
        id: randomName(18),
        ownerId: input.ownerId,
        applicationId: input.applicationId ?? null,
        field: input.field ?? null,
        fileName: checked.fileName,
        contentType: checked.contentType,
        size: bytes.byteLength,
        storedName,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
      select: SUMMARY,
    });
    return { ok: true, upload };
  } catch (error) {
    // No row, no file: an orphan on disk would be a document nobody can find or delete.
    await rm(filePath, { force: true });
    throw error;
  }
}

/** How an answer in the application's form refers to a stored file. */
export function uploadReference(id: string): string {
  return `upload:${id}`;
}

/** The upload id in a form answer, or null when the value is not a reference. */
export function parseUploadReference(value: string): string | null {
  return UPLOAD_REFERENCE.test(value) ? value.slice("upload:".length) : null;
}

/**
 * The uploads among `ids` that this owner made for this application. The form sends references
 * back as plain strings; anything not returned here (someone else's file, another application's)
 * must be refused.
 */
export async function findOwnUploads(
  db: Db,
  ownerId: string,
  applicationId: string,
  ids: readonly string[],
): Promise<(UploadSummary & { field: string | null; messageId: number | null })[]> {
  if (ids.length === 0) return [];
  return db.upload.findMany({
    where: { id: { in: [...new Set(ids)] }, ownerId, applicationId },
    select: { ...SUMMARY, field: true, messageId: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Links uploads to the message they were sent with. Only uploads of the message's own application
 * that are not yet attached elsewhere are linked; returns how many were.
 */
export async function attachUploadsToMessage(db: Db, ids: readonly string[], messageId: number): Promise<number> {
  if (ids.length === 0) return 0;
  const message = await db.applicationMessage.findUniqueOrThrow({
    where: { id: messageId },
    select: { applicationId: true },
  });
  const { count } = await db.upload.updateMany({
    where: { id: { in: [...new Set(ids)] }, applicationId: message.applicationId, messageId: null },
    data: { messageId },
  });
  return count;
}

export interface OpenedUpload {
  row: {
    id: string;
    ownerId: string | null;
    applicationId: string | null;
    messageId: number | null;
    field: string | null;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    createdAt: Date;
  };
  /** For the route's check: the owner, or staff of this department, may read the file. */
  applicationId: string | null;
  departmentId: number | null;
  stream: () => ReadStream;
}

/** A stored file and what the route needs to decide who may read it; null when there is none. */
export async function openUpload(db: Db, id: string): Promise<OpenedUpload | null> {
  const found = await db.upload.findUnique({
    where: { id },
    select: {
      id: true,
      ownerId: true,
      applicationId: true,
      messageId: true,
      field: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      createdAt: true,
      storedName: true,
      application: { select: { departmentId: true } },
    },
  });
  if (!found) return null;
  const { storedName, application, ...row } = found;
  const filePath = path.join(uploadDirectory(), storedName);
  try {
    await stat(filePath);
  } catch {
    // A row without its file is an operations problem (a lost volume, a restore without files).
    logger.error({ uploadId: row.id }, "uploaded file is missing from the upload directory");
    return null;
  }
  return {
    row,
    applicationId: row.applicationId,
    departmentId: application?.departmentId ?? null,
    stream: () => createReadStream(filePath),
  };
}

/**
 * Deletes the owner's upload, row and bytes, while it can still be taken back: not yet sent with a
 * message and belonging to no application or to one still in draft. Once submitted, a document is
 * part of the case file.
 */
export async function removeUpload(db: Db, ownerId: string, id: string): Promise<boolean> {
  const removable = {
    id,
    ownerId,
    messageId: null,
    OR: [{ applicationId: null }, { application: { status: "draft" } }],
  } satisfies Prisma.UploadWhereInput;
  const found = await db.upload.findFirst({ where: removable, select: { storedName: true } });
  if (!found) return false;
  // The same conditions again: the application may have been submitted in between.
  const { count } = await db.upload.deleteMany({ where: removable });
  if (count === 0) return false;
  await rm(path.join(uploadDirectory(), found.storedName), { force: true });
  return true;
}

/**
 * Removes files stored for an answer that was then refused (a mistake in the text, a status that
 * changed): only the owner's, and only those attached to nothing yet.
 */
export async function discardUnattachedUploads(
  db: Db,
  ownerId: string | null,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const where = { id: { in: [...ids] }, ownerId, messageId: null, field: null } satisfies Prisma.UploadWhereInput;
  const rows = await db.upload.findMany({ where, select: { storedName: true } });
  const { count } = await db.upload.deleteMany({ where });
  for (const row of rows) await rm(path.join(uploadDirectory(), row.storedName), { force: true });
  return count;
}

/** The stored files of uploads whose rows are gone (a deleted draft): removed from the disk. */
export async function removeStoredFiles(storedNames: readonly string[]): Promise<void> {
  for (const name of storedNames) await rm(path.join(uploadDirectory(), name), { force: true });
}
