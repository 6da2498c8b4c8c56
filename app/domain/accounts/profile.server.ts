import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { linkOffersToProfile } from "~/domain/proactive/person-match.server";
import type { ChildValue, ProfileValue } from "./profile-forms";

type ChildInput = Omit<ChildValue, "middleName" | "snils"> & { middleName?: string; snils?: string };

/*
 * The resident's profile and children. Every read and write is scoped to the owner: a child that
 * is not the user's is "not found", never "forbidden", so ids cannot be probed.
 */
const optionalText = (value: string | undefined | null): string | null => (value ? value : null);

export async function getProfile(db: PrismaClient, userId: string) {
  const [profile, children] = await Promise.all([
    db.profile.findUnique({ where: { userId } }),
    db.child.findMany({ where: { userId }, orderBy: { birthDate: "asc" } }),
  ]);
  return { profile, children };
}

export async function saveProfile(db: PrismaClient, userId: string, value: ProfileValue): Promise<void> {
  const data = {
    lastName: value.lastName,
    firstName: value.firstName,
    middleName: optionalText(value.middleName),
    birthDate: value.birthDate,
    snils: value.snils,
    inn: optionalText(value.inn),
    phone: value.phone,
    passportNumber: value.passportNumber,
    passportIssuedOn: value.passportIssuedOn,
    passportIssuerCode: value.passportIssuerCode,
    addressOktmo: value.addressOktmo,
    addressLocality: value.addressLocality,
    addressStreet: value.addressStreet,
    addressHouse: value.addressHouse,
    addressApartment: optionalText(value.addressApartment),
  };
  await db.profile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  // Measures assigned or offered before the person had an account become theirs (docs/proactive.md).
  await linkOffersToProfile(db, userId);
}

export async function addChild(db: PrismaClient, userId: string, value: ChildInput): Promise<string> {
  const id = randomUUID();
  await db.child.create({
    data: {
      id,
      userId,
      lastName: value.lastName,
      firstName: value.firstName,
      middleName: optionalText(value.middleName),
      birthDate: value.birthDate,
      birthCertificate: value.birthCertificate,
      snils: optionalText(value.snils),
    },
  });
  return id;
}

/** Removes one of the user's children; false when there is no such child of theirs. */
export async function removeChild(db: PrismaClient, userId: string, childId: string): Promise<boolean> {
  return (await db.child.deleteMany({ where: { id: childId, userId } })).count === 1;
}
