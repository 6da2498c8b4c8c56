import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/*
 * Secrets the portal must read back (the registry sources' signing secrets, docs/proactive.md) are kept
 * sealed with AES-256-GCM, so a copy of the database alone does not let anyone sign as a source. The
 * portal has no secret of its own to key this from (sessions are random tokens stored hashed), hence
 * REGISTRY_SEALING_KEY; the passphrase is stretched to 256 bits by SHA-256.
 */
const sealingKey = (passphrase: string) => createHash("sha256").update(passphrase).digest();

/** A secret sealed for storage: iv.tag.ciphertext, base64url. */
export function sealSecret(secret: string, passphrase: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(passphrase), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
}

/** The secret back, or null when the seal was made with another key or was tampered with. */
export function openSecret(sealed: string, passphrase: string): string | null {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !data) return null;
  try {
    // A full 16-byte tag only: GCM would otherwise accept a truncated one.
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(passphrase), iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
