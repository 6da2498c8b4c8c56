import { createHash } from "node:crypto";

/*
 * The access code printed on a bill proves that whoever links an account holds its bill (docs/payments.md,
 * "Linking"). Only its hash is kept, salted with the ЕЛС so equal codes of two accounts differ.
 */
export function hashAccessCode(els: string, code: string): string {
  return createHash("sha256").update(`${els}:${code.trim()}`).digest("hex");
}
