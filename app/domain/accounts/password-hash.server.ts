import { hash, verify } from "@node-rs/argon2";

/*
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): about 50 ms a hash here, slow
 * enough to make guessing from a stolen table expensive, fast enough for a sign-in.
 */
const ARGON2ID = 2; // Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFC"));
  } catch {
    return false;
  }
}

/** Spends the time a real check would, so a missing account does not answer faster than a wrong password. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("decoy password that never matches anything");
  await verifyPassword(await decoy, password);
  return false;
}
