/*
 * `npm run demo:event -- birth|pregnancy|benefit-status [--email parent@demo.gosuslugi58.ru] [--snils "…"]
 * [--order 3] [--category large-family] [--url http://localhost:3000]`: sends a signed demo life event, as ЗАГС, the clinic or ЕГИССО would
 * (docs/proactive.md, "Intake"), for a demo resident (by default the demo parent), and prints the answer.
 * Then sign in as that resident and open /cabinet/offers. `--snils` names someone else (e.g. a person not
 * registered yet, who gets the offer on registering with that СНИЛС); the name stays the demo resident's.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { signBody } from "~/domain/proactive/registry-signature";
import { testSnils } from "~/domain/identity/test-data";
import { DEMO_ACCOUNTS } from "./accounts";
import { demoRegistryKey } from "./registry";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string", default: "parent@demo.gosuslugi58.ru" },
    snils: { type: "string" },
    order: { type: "string", default: "3" },
    category: { type: "string", default: "large-family" },
    url: { type: "string", default: process.env.PORTAL_URL ?? "http://localhost:3000" },
  },
});
const type = positionals[0] ?? "birth";
const person = DEMO_ACCOUNTS.find((a) => a.email === values.email)?.profile;
if (!person) {
  const known = DEMO_ACCOUNTS.filter((a) => a.profile).map((a) => a.email);
  console.error(`No demo resident ${values.email}. Demo residents: ${known.join(", ")}`);
  process.exit(2);
}
const who = {
  snils: values.snils ?? testSnils(person.n),
  lastName: person.lastName,
  firstName: person.firstName,
  middleName: person.middleName,
  birthDate: person.birthDate,
};
const today = new Date().toISOString().slice(0, 10);
const common = { eventId: `demo-${randomUUID()}`, occurredAt: new Date().toISOString() };
const SOURCES: Record<string, string> = {
  birth: "zags-demo",
  pregnancy: "clinic-demo",
  "benefit-status": "egisso-demo",
};
const source = SOURCES[type];
if (!source) throw new Error(`unknown event type ${type}: birth, pregnancy or benefit-status`);
const event =
  type === "birth"
    ? {
        ...common,
        type,
        parent: who,
        child: {
          lastName: person.lastName,
          firstName: "Новорождённый",
          birthDate: today,
          birthCertificate: `I-ИЗ ${String(Math.floor(100_000 + Math.random() * 899_999))}`,
          birthOrder: Number(values.order),
        },
      }
    : type === "pregnancy"
      ? { ...common, type, person: who, registeredOn: today }
      : { ...common, type, person: who, category: values.category, validFrom: today };

const body = JSON.stringify(event);
const key = demoRegistryKey(source);
const timestamp = String(Math.floor(Date.now() / 1000));
const response = await fetch(new URL("/api/registry/events", values.url), {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "X-Registry-Source": source,
    "X-Registry-Key": key.id,
    "X-Registry-Timestamp": timestamp,
    "X-Registry-Signature": signBody(key.secret, timestamp, body),
  },
  body,
});
console.log(`${response.status} ${JSON.stringify(await response.json())}`);
process.exit(response.ok ? 0 : 1);
