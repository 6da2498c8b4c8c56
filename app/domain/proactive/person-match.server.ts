import type { PrismaClient } from "~/generated/prisma/client";
import type { Tx } from "~/domain/applications/transitions.server";

/*
 * Whose account an event's measures belong to. A profile's СНИЛС is typed by its owner and not
 * verified by the portal, so the СНИЛС alone would let anyone claim another person's measures by
 * typing their number: the birth date the registry reported must match too, and a СНИЛС on two
 * profiles matches neither (docs/proactive.md).
 */
export async function accountOf(
  tx: Tx | PrismaClient,
  person: { snils: string; birthDate: string },
): Promise<{ userId: string; municipality: string | null } | null> {
  const profiles = await tx.profile.findMany({
    where: { snils: person.snils },
    select: { userId: true, birthDate: true, addressOktmo: true },
    take: 2,
  });
  if (profiles.length !== 1 || profiles[0]!.birthDate !== person.birthDate) return null;
  return { userId: profiles[0]!.userId, municipality: profiles[0]!.addressOktmo || null };
}

/**
 * On saving a profile: the offers and assignments made for this СНИЛС before the person had an
 * account (or had given it) become theirs, with the cases already opened for them. Offers already
 * someone's stay theirs.
 */
export async function linkOffersToProfile(db: PrismaClient, userId: string): Promise<number> {
  const profile = await db.profile.findUnique({ where: { userId }, select: { snils: true, birthDate: true } });
  if (!profile) return 0;
  const account = await accountOf(db, profile);
  if (account?.userId !== userId) return 0;
  const waiting = await db.proactiveOffer.findMany({
    where: { snils: profile.snils, userId: null },
    select: { id: true, prefill: true, applicationId: true },
  });
  const mine = waiting.filter((offer) => birthDateOf(offer.prefill) === profile.birthDate);
  if (mine.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const offer of mine) {
      const linked = await tx.proactiveOffer.updateMany({ where: { id: offer.id, userId: null }, data: { userId } });
      if (linked.count === 1 && offer.applicationId) {
        await tx.application.updateMany({
          where: { id: offer.applicationId, applicantId: null },
          // The municipality stays as it was received: the case's statistics keep one municipality.
          data: { applicantId: userId },
        });
      }
    }
  });
  return mine.length;
}

function birthDateOf(prefill: string): string | null {
  try {
    const value = (JSON.parse(prefill) as { applicantBirthDate?: unknown }).applicantBirthDate;
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
