import type { PrismaClient } from "~/generated/prisma/client";
import { saveConfirmedAccount } from "~/domain/accounts/account-store.server";
import { addChild, saveProfile } from "~/domain/accounts/profile.server";
import {
  createDraft,
  getChildren,
  saveDraftAnswers,
  submitApplication,
} from "~/domain/applications/applications.server";
import { testPersonInn, testSnils } from "~/domain/identity/test-data";
import { FIRST_GRADE_SERVICE_CODE } from "~/domain/enrollment/first-grade-service";
import { decideFinishedCampaign } from "./enrollment-2026-decisions";
import { createRandom } from "./random";

/*
 * The 2026 first-grade campaign, finished (docs/enrollment.md, "Demo data"): parents of three
 * schools applied in both stages, the schools checked documents, issued enrollment orders and
 * refused for lack of places with an offer. Everything goes through the portal's own functions —
 * the submission at its receipt instant in 2026, the orders and refusals at their dates — so the
 * lists, the public orders, the free places and the statistics are what the portal itself would
 * have made. The parents are invented demo accounts without a password (nobody signs in as them).
 *
 * Idempotent: once per database (the "demo-campaign-2026" counter). Not part of `seedDemoData`, which
 * the tests use: `npm run db:seed` and the first start of the portal add it.
 */
const MARKER = "demo-campaign-2026";
const YEAR = 2026;

/** Who applied where: stage-1 applicants from the territory, a few with a priority right, and stage 2. */
export const FINISHED_CAMPAIGN_PLAN = [
  // A popular school: more applicants than its 180 places.
  { school: "112", stage1: 200, priority: 12, stage2: 6, withdrawn: 5 },
  // Places left after stage 1, filled partly in stage 2.
  { school: "115", stage1: 118, priority: 6, stage2: 14, withdrawn: 2 },
  // A village school with 25 places.
  { school: "141", stage1: 9, priority: 0, stage2: 2, withdrawn: 0 },
] as const;

/** The opening of stage 1 of 2026 (1 April 00:00 Moscow) and of stage 2 (6 July 00:00 Moscow). */
const STAGE1_OPENS = Date.parse("2026-03-31T21:00:00.000Z");
const STAGE2_OPENS = Date.parse("2026-07-05T21:00:00.000Z");

const FIRST_NAMES = ["Артём", "Михаил", "Иван", "Матвей", "Лев", "Тимофей", "Марк", "Роман", "Егор", "Фёдор"];
const GIRL_NAMES = ["София", "Анна", "Мария", "Ева", "Виктория", "Алиса", "Полина", "Варвара", "Дарья", "Вера"];
const SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузьмин", "Морозов", "Волков", "Соколов", "Лебедев", "Козлов"];

type Submitted = { applicationId: string; school: string; stage: 1 | 2; withdraw: boolean };

export async function seedFinishedCampaign(db: PrismaClient): Promise<{ applications: number }> {
  if (await db.counter.findUnique({ where: { name: MARKER } })) return { applications: 0 };
  const service = await db.service.findUnique({ where: { code: FIRST_GRADE_SERVICE_CODE }, select: { id: true } });
  if (!service) return { applications: 0 };
  // A fresh demo database loses nothing it cannot make again: the few hundred submissions are
  // written without waiting for the disk each time, then the portal's durability is back.
  await db.$executeRawUnsafe("PRAGMA synchronous = OFF");
  try {
    return await seedApplications(db);
  } finally {
    await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  }
}

async function seedApplications(db: PrismaClient): Promise<{ applications: number }> {
  const random = createRandom(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const submitted: Submitted[] = [];
  let n = 0;
  for (const plan of FINISHED_CAMPAIGN_PLAN) {
    const houses = await territoryHouses(db, plan.school);
    const elsewhere = await housesOutside(db, plan.school);
    const total = plan.stage1 + plan.stage2;
    for (let i = 0; i < total; i++) {
      n += 1;
      const stage = i < plan.stage1 ? 1 : 2;
      // Stage 1 is a burst at the opening (most parents sent prepared drafts in its first minutes),
      // stage 2 a trickle over its first days.
      const at =
        stage === 1
          ? STAGE1_OPENS + Math.floor(i < plan.stage1 * 0.7 ? random() * 180_000 : random() * 40 * 86_400_000)
          : STAGE2_OPENS + Math.floor(random() * 3 * 86_400_000);
      const house = stage === 1 ? pick(houses) : pick(elsewhere);
      const girl = random() < 0.5;
      const surname = pick(SURNAMES);
      const userId = await saveConfirmedAccount(db, {
        email: `parent-2026-${String(n).padStart(4, "0")}@demo.gosuslugi58.ru`,
        roles: [{ role: "resident" }],
      });
      await saveProfile(db, userId, {
        lastName: girl ? `${surname}а` : surname,
        firstName: girl ? "Ольга" : "Сергей",
        middleName: girl ? "Игоревна" : "Андреевич",
        birthDate: "1991-03-14",
        snils: testSnils(20_000 + n),
        inn: testPersonInn(20_000 + n),
        phone: `+7902${String(1_000_000 + n).padStart(7, "0")}`,
        passportNumber: `5615 ${String(200_000 + n).padStart(6, "0")}`,
        passportIssuedOn: "2011-04-01",
        passportIssuerCode: "580-001",
        addressOktmo: house.oktmo,
        addressLocality: house.settlement,
        addressStreet: house.street,
        addressHouse: house.number,
      });
      const certificate = `II-ИЗ ${String(600_000 + n)}`;
      await addChild(db, userId, {
        lastName: girl ? `${surname}а` : surname,
        firstName: girl ? pick(GIRL_NAMES) : pick(FIRST_NAMES),
        // Six and a half to eight on 1 September 2026.
        birthDate: `2019-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
        birthCertificate: certificate,
      });
      const child = (await getChildren(db, userId))[0]!;
      const draftId = await createDraft(db, userId, FIRST_GRADE_SERVICE_CODE);
      const priority = stage === 1 && i < plan.priority ? (i % 3 === 2 ? "sibling" : "first") : "none";
      const answers = {
        child: child.id,
        birthCertificate: certificate,
        childAddress: { locality: house.settlement, street: house.street, house: house.number },
        school: plan.school,
        priority,
        ...(priority === "first" ? { firstGround: i % 2 === 0 ? "police" : "serviceman" } : {}),
        ...(priority === "sibling"
          ? {
              siblingName: `${surname} ${girl ? "Кирилл" : "Ксения"} ${girl ? "Андреевич" : "Андреевна"}`,
              siblingBirthDate: "2016-05-10",
              siblingClass: "3Б",
            }
          : {}),
        language: "ru",
        charterAcknowledged: "on",
        accuracyConfirmed: "on",
        personalDataConsent: "on",
      };
      if (!(await saveDraftAnswers(db, userId, draftId, answers, "review"))) {
        throw new Error(`the 2026 demo draft ${n} does not pass the first-grade form`);
      }
      const result = await submitApplication(db, { applicantId: userId, draftId, ip: "127.0.0.1", now: new Date(at) });
      if (!result.ok) throw new Error(`the 2026 demo application ${n} was not accepted: ${JSON.stringify(result)}`);
      submitted.push({
        applicationId: draftId,
        school: plan.school,
        stage,
        withdraw: stage === 1 && i >= plan.stage1 - plan.withdrawn,
      });
    }
  }
  await decideFinishedCampaign(db, YEAR, submitted);
  // What these parents were told in 2026 was mailed then: the mailer must not send it now.
  await db.notification.updateMany({
    where: { applicationId: { in: submitted.map((s) => s.applicationId) }, mailedAt: null },
    data: { mailedAt: new Date() },
  });
  await db.counter.create({ data: { name: MARKER, value: 1 } });
  return { applications: submitted.length };
}

type SeedHouse = { oktmo: string; settlement: string; street: string; number: string };

/** Houses of the address list assigned to the school for 2026. */
async function territoryHouses(db: PrismaClient, schoolCode: string): Promise<SeedHouse[]> {
  const rows = await db.territoryHouse.findMany({
    where: { schoolCode, year: YEAR },
    take: 400,
    select: { house: { select: { number: true, street: { select: { oktmo: true, settlement: true, name: true } } } } },
  });
  if (rows.length === 0) throw new Error(`school ${schoolCode} has no 2026 territory in the seed`);
  return rows.map((r) => ({
    oktmo: r.house.street.oktmo,
    settlement: r.house.street.settlement,
    street: r.house.street.name,
    number: r.house.number,
  }));
}

/** Houses of the same municipality outside the school's territory: stage-2 applicants live there. */
async function housesOutside(db: PrismaClient, schoolCode: string): Promise<SeedHouse[]> {
  const school = await db.school.findUniqueOrThrow({ where: { code: schoolCode }, select: { oktmo: true } });
  const rows = await db.house.findMany({
    where: { street: { oktmo: school.oktmo }, territory: { none: { schoolCode, year: YEAR } } },
    take: 200,
    select: { number: true, street: { select: { oktmo: true, settlement: true, name: true } } },
  });
  if (rows.length === 0) return territoryHouses(db, schoolCode);
  return rows.map((r) => ({
    oktmo: r.street.oktmo,
    settlement: r.street.settlement,
    street: r.street.name,
    number: r.number,
  }));
}
