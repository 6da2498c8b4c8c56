import { personInnWithChecksum } from "./inn";
import { formatSnils, snilsChecksum } from "./snils";

/*
 * Identifiers for demo and test people. They pass the checksums but are built from a reserved
 * prefix ("9" in front), so anyone reading the data can tell they were generated: never a real
 * person's number by design of the seed, and always marked as test data where shown.
 */
export function testSnils(n: number): string {
  const body = String(900_000_000 + (n % 100_000_000)).padStart(9, "0");
  return formatSnils(body + snilsChecksum(body));
}

export function testPersonInn(n: number): string {
  // 58 — the region's code, 99 — a tax office number that does not exist.
  return personInnWithChecksum("5899" + String(n % 1_000_000).padStart(6, "0"));
}
