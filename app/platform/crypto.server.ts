import { createHash, randomBytes } from "node:crypto";

/** An unguessable token for cookies and e-mailed links (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: a leaked table must not let anyone in. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
