import { randomUUID } from "node:crypto";
import path from "node:path";
import { saveConfirmedAccount } from "../../app/domain/accounts/account-store.server";
import { addChild, saveProfile } from "../../app/domain/accounts/profile.server";
import { createDraft, saveDraftAnswers, submitApplication } from "../../app/domain/applications/applications.server";
import type { Command } from "../../app/domain/applications/lifecycle";
import { applyCommand } from "../../app/domain/applications/transitions.server";
import { testPersonInn, testSnils } from "../../app/domain/identity/test-data";
import { regionDate } from "../../app/domain/region/clock";
import { createSqliteAdapter } from "../../app/db/sqlite-adapter.server";
import { PrismaClient } from "../../app/generated/prisma/client";

/*
 * The browser tests' way into the test portal's database: people made for one test, and the
 * department's side of an application driven through the same domain API the back office uses.
 */
export const portalDb = new PrismaClient({
  adapter: createSqliteAdapter(`file:${path.join("tests", ".tmp", "e2e.db")}`),
});

export const RESIDENT_PASSWORD = "тестовый пароль для заявлений";

let counter = 0;
const yearsAgo = (years: number, monthDay: string) => `${Number(regionDate().slice(0, 4)) - years}-${monthDay}`;

/** A confirmed resident with a full profile and three children (14, 11 and 8 years old). */
export async function createResident(label: string) {
  counter += 1;
  const n = 500 + Math.floor(Math.random() * 400_000);
  const email = `${label}-${randomUUID().slice(0, 8)}@example.ru`;
  const userId = await saveConfirmedAccount(portalDb, {
    email,
    password: RESIDENT_PASSWORD,
    roles: [{ role: "resident" }],
  });
  await saveProfile(portalDb, userId, {
    lastName: "Тестова",
    firstName: "Ольга",
    middleName: "Ивановна",
    birthDate: "1985-03-04",
    snils: testSnils(n),
    inn: testPersonInn(n),
    phone: "+79001234567",
    passportNumber: "5600 123456",
    passportIssuedOn: "2015-06-01",
    passportIssuerCode: "580-001",
    addressOktmo: "56701000",
    addressLocality: "Пенза",
    addressStreet: "ул. Московская",
    addressHouse: "5",
  });
  const children = [
    { firstName: "Анна", age: 14 },
    { firstName: "Иван", age: 11 },
    { firstName: "Пётр", age: 8 },
  ];
  for (const [i, child] of children.entries()) {
    await addChild(portalDb, userId, {
      lastName: "Тестов",
      firstName: child.firstName,
      birthDate: yearsAgo(child.age, "02-10"),
      birthCertificate: `I-ИЗ ${String(200000 + counter * 10 + i)}`,
    });
  }
  return { userId, email, snils: testSnils(n) };
}

/** The department acts on an application, as the back office will. */
export async function departmentActs(number: string, command: Command, reason?: string, ground?: string) {
  const application = await portalDb.application.findUniqueOrThrow({ where: { number } });
  const actor = { kind: "staff" as const, id: null, role: "officer" };
  const result = await applyCommand(portalDb, { applicationId: application.id, command, actor, reason, ground });
  if (!result.ok) throw new Error(`${command} refused: ${result.error}`);
}

/** A school-diary application (Ministry of Education) for the resident's middle child, submitted through the domain. */
export function submitDiaryApplication(resident: { userId: string; snils: string }) {
  return submitThroughDomain(resident, "58-EDU-004", (children) => ({
    applicantName: "Тестова Ольга Ивановна",
    applicantSnils: resident.snils,
    applicantPhone: "+79001234567",
    child: children[1]!.id,
    accuracyConfirmed: true,
    personalDataConsent: true,
  }));
}

/** A new resident with a school-diary application just submitted: the start of the back office's work. */
export async function newDiaryApplication(label: string) {
  const resident = await createResident(label);
  return { resident, number: await submitDiaryApplication(resident) };
}

/** A submitted application made through the domain API, for tests about what comes after. */
export async function submitThroughDomain(
  resident: { userId: string },
  serviceCode: string,
  answers: (children: { id: string }[]) => Record<string, unknown>,
) {
  const children = await portalDb.child.findMany({ where: { userId: resident.userId }, orderBy: { birthDate: "asc" } });
  const draftId = await createDraft(portalDb, resident.userId, serviceCode);
  await saveDraftAnswers(portalDb, resident.userId, draftId, answers(children), "review");
  const result = await submitApplication(portalDb, { applicantId: resident.userId, draftId, ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return result.number;
}
