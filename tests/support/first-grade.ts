import { randomInt } from "node:crypto";
import { saveConfirmedAccount } from "../../app/domain/accounts/account-store.server";
import { addChild, saveProfile } from "../../app/domain/accounts/profile.server";
import { createDraft, saveDraftAnswers } from "../../app/domain/applications/applications.server";
import { FIRST_GRADE_SERVICE_CODE } from "../../app/domain/enrollment/first-grade-service";
import { testPersonInn, testSnils } from "../../app/domain/identity/test-data";
import type { PrismaClient } from "../../app/generated/prisma/client";

/*
 * A parent, a child of first-grade age and a complete first-grade draft, for the integration tests
 * (each on its own database) and the browser tests (on the test portal's, with the parent from
 * tests/e2e/portal-db.ts). Everyone lives on ул. Московская in Пенза, whose houses the demo territories
 * share out (seeds/territories-data.ts): houses 5 and 13 are school No. 112's, 57 is No. 100's.
 */
type ChildInput = Parameters<typeof addChild>[2];
type PersonName = { lastName: string; firstName: string; middleName?: string };

/** The child as the first-grade form names it: chosen by id, with the birth certificate it carries. */
export type FirstGrader = { id: string; birthCertificate: string };

/**
 * Adds a child to the parent's profile: by default Тестов Глеб, born 20 November 2020 (six years and
 * nine months old on 1 September 2027), with a birth certificate of his own.
 */
export async function addFirstGrader(
  db: PrismaClient,
  userId: string,
  child: Partial<ChildInput> = {},
): Promise<FirstGrader> {
  const value = {
    lastName: "Тестов",
    firstName: "Глеб",
    birthDate: "2020-11-20",
    birthCertificate: `I-ИЗ ${randomInt(100_000, 999_999)}`,
    ...child,
  };
  return { id: await addChild(db, userId, value), birthCertificate: value.birthCertificate };
}

/**
 * A confirmed resident with a full profile (Родителева Анна Сергеевна unless named otherwise) at
 * `house` (13 by default) on ул. Московская, and the one child given.
 */
export async function createParent(
  db: PrismaClient,
  input: {
    email: string;
    /** Makes the parent's СНИЛС and ИНН their own: unique within the database. */
    seed: number;
    name?: PersonName;
    house?: string;
    apartment?: string;
    child: ChildInput;
  },
): Promise<{ userId: string; child: FirstGrader }> {
  const userId = await saveConfirmedAccount(db, { email: input.email, roles: [{ role: "resident" }] });
  await saveProfile(db, userId, {
    ...(input.name ?? { lastName: "Родителева", firstName: "Анна", middleName: "Сергеевна" }),
    birthDate: "1990-05-05",
    snils: testSnils(input.seed),
    inn: testPersonInn(input.seed),
    phone: "+79001234567",
    passportNumber: "5610 123456",
    passportIssuedOn: "2012-06-01",
    passportIssuerCode: "580-001",
    addressOktmo: "56701000",
    addressLocality: "Пенза",
    addressStreet: "ул. Московская",
    addressHouse: input.house ?? "13",
    ...(input.apartment ? { addressApartment: input.apartment } : {}),
  });
  return { userId, child: await addFirstGrader(db, userId, input.child) };
}

/**
 * A first-grade draft with every answer the form requires — the child, the school, no priority
 * right unless one is given, Russian, the declarations — and `answers` on top, saved as at the
 * review step. Without `house` the child's address stays the one the draft took from the profile.
 */
export async function saveFirstGradeDraft(
  db: PrismaClient,
  userId: string,
  input: {
    child: FirstGrader;
    school: string;
    /** The child's house on ул. Московская, Пенза. */
    house?: string;
    priority?: string;
    answers?: Record<string, unknown>;
  },
): Promise<string> {
  const draftId = await createDraft(db, userId, FIRST_GRADE_SERVICE_CODE);
  const saved = await saveDraftAnswers(
    db,
    userId,
    draftId,
    {
      child: input.child.id,
      birthCertificate: input.child.birthCertificate,
      ...(input.house ? { childAddress: { locality: "Пенза", street: "ул. Московская", house: input.house } } : {}),
      school: input.school,
      priority: input.priority ?? "none",
      language: "ru",
      charterAcknowledged: "on",
      accuracyConfirmed: "on",
      personalDataConsent: "on",
      ...input.answers,
    },
    "review",
  );
  if (!saved) throw new Error(`the first-grade draft ${draftId} was not saved`);
  return draftId;
}
