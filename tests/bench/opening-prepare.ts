import { randomBytes, randomUUID } from "node:crypto";
import { createSession, SESSION_TTL_MS } from "~/domain/accounts/sessions.server";
import { allFields, prefillAnswers, storableAnswers, type ApplicantFacts } from "~/domain/applications/answers";
import { createDraft, getPinnedForm, parseAnswers, saveDraftAnswers } from "~/domain/applications/applications.server";
import { PRIORITY_CLASSES, type PriorityClass } from "~/domain/enrollment/eligibility";
import { FIRST_GRADE_SERVICE_CODE } from "~/domain/enrollment/first-grade-service";
import { NO_PRIORITY_RANK_CLASS } from "~/domain/enrollment/ranking";
import type { FormDefinition } from "~/domain/forms/form-definition";
import { isRequired, isShown } from "~/domain/forms/conditions";
import { testPersonInn, testSnils } from "~/domain/identity/test-data";
import { regionDate } from "~/domain/region/clock";
import type { PrismaClient } from "~/generated/prisma/client";
import { randomToken, tokenHash } from "~/platform/crypto.server";
import { plainAnswer, type PlainValues } from "./plain-answers";

/*
 * The opening minute's data, written straight into the portal's database before the campaign
 * opens: N parents (accounts with a profile, one child of the right age with a birth certificate of
 * their own and a home in the territory of one of the chosen schools, a session per device) and a
 * complete first-grade draft each. The drafts go through the portal's own createDraft and
 * saveDraftAnswers and are checked with the form's own schema, so the bench follows the form as it
 * changes; fields it does not know get a plain valid answer, optional ones none.
 */

export type PriorityAnswer = "none" | PriorityClass;

export type Parent = {
  index: number;
  userId: string;
  draftId: string;
  school: string;
  certificate: string;
  priority: PriorityAnswer;
  /** The rank class the application should get (docs/enrollment.md, "Ranking"). */
  expectedRankClass: number;
  /** `Cookie` header per device: a parent pressing twice uses a second session of the same account. */
  cookies: string[];
};

export type ChosenSchool = {
  code: string;
  houses: { oktmo: string; settlement: string; street: string; house: string }[];
};

/** The schools with the most houses in their assigned territory for the year, with those houses. */
export async function chooseSchools(db: PrismaClient, year: number, count: number): Promise<ChosenSchool[]> {
  const ranked = await db.$queryRawUnsafe<{ schoolCode: string }[]>(
    `SELECT schoolCode FROM TerritoryHouse WHERE year = ? GROUP BY schoolCode ORDER BY COUNT(DISTINCT houseId) DESC, schoolCode LIMIT ?`,
    year,
    count,
  );
  const schools: ChosenSchool[] = [];
  for (const { schoolCode } of ranked) {
    const houses = await db.territoryHouse.findMany({
      where: { schoolCode, year },
      select: { house: { select: { number: true, street: true } } },
      orderBy: { houseId: "asc" },
    });
    schools.push({
      code: schoolCode,
      houses: houses.map(({ house }) => ({
        oktmo: house.street.oktmo,
        settlement: house.street.settlement,
        street: house.street.name,
        house: house.number,
      })),
    });
  }
  return schools;
}

const FIRST_NAMES = ["Артём", "Мария", "Иван", "София", "Михаил", "Анна", "Лев", "Алиса", "Марк", "Ева"];
const PRIORITY_ROTATION: PriorityClass[] = ["first", "sibling", "extraordinary"];

export function expectedRankClass(priority: PriorityAnswer): number {
  return priority === "none" ? NO_PRIORITY_RANK_CLASS : PRIORITY_CLASSES[priority].rank;
}

/** An even spread of `share` over the indexes 0, 1, 2…: index i is in when the running total steps. */
export const inShare = (i: number, share: number) => Math.floor((i + 1) * share) > Math.floor(i * share);

/** What a parent types where the first-grade form asks something the bench does not know. */
const PLAIN: PlainValues = {
  text: "Бенчмарк открытия приёма",
  pastDate: "2015-05-17",
  personName: "Бенчмаркова Вера Сергеевна",
};

type Person = {
  i: number;
  userId: string;
  childId: string;
  school: ChosenSchool;
  home: ChosenSchool["houses"][number];
  born: string;
  priority: PriorityAnswer;
  certificate: string;
  apartment: string;
  email: string;
  devices: number;
};

const PROFILE = {
  lastName: "Бенчмаркова",
  firstName: "Анна",
  middleName: "Сергеевна",
  birthDate: "1990-05-17",
  passportIssuedOn: "2015-06-01",
  passportIssuerCode: "580-001",
};
const profileOf = (p: Person) => ({
  ...PROFILE,
  snils: testSnils(600_000 + p.i),
  inn: testPersonInn(600_000 + p.i),
  phone: `+7901${String(1_000_000 + p.i).padStart(7, "0")}`,
  passportNumber: `5601 ${String(100_000 + p.i).padStart(6, "0")}`,
  addressOktmo: p.home.oktmo,
  addressLocality: p.home.settlement,
  addressStreet: p.home.street,
  addressHouse: p.home.house,
  addressApartment: p.apartment,
});

/** JSON with sorted keys: two answer objects compared whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Parents, children, sessions and drafts. The first `verified` parents go through the portal's own
 * functions one by one (createSession, createDraft, saveDraftAnswers) — tens of milliseconds each,
 * too slow for 10,000 on a shared machine — and the rest are written in bulk with the same pure
 * functions those use (prefillAnswers, storableAnswers) and the same session rows. The bulk rows of
 * the verified parents are compared with what the portal's functions stored for them; if they
 * differ (the portal changed how a draft is written), every parent goes the slow way.
 */
export async function prepareParents(
  db: PrismaClient,
  options: {
    n: number;
    schools: ChosenSchool[];
    /** Share of parents who press twice, from a second device. */
    double: number;
    /** Share of parents claiming a priority right (the rest answer "none"). */
    priority: number;
    run: string;
    progress?: (done: number) => void;
  },
): Promise<{ parents: Parent[]; form: FormDefinition; slug: string; bulk: boolean }> {
  const service = await db.service.findUnique({ where: { code: FIRST_GRADE_SERVICE_CODE } });
  if (!service?.published) throw new Error(`${FIRST_GRADE_SERVICE_CODE} is not in the database or not published.`);
  const form = await getPinnedForm(db, service.id, service.currentVersion);
  const fields = allFields(form);
  const requiredFile = fields.find((f) => f.kind === "file" && f.required !== false);
  if (requiredFile)
    throw new Error(`The first-grade form now requires a file (${requiredFile.name}): teach the bench.`);
  const today = regionDate();
  const lastStep = form.steps.at(-1)!.id;
  const { sessionCookieHeader } = await import("~/server/auth.server");
  const cookie = async (token: string) => (await sessionCookieHeader(token, null)).split(";")[0]!;

  const people: Person[] = Array.from({ length: options.n }, (_, i) => {
    const school = options.schools[i % options.schools.length]!;
    return {
      i,
      userId: randomUUID(),
      childId: randomUUID(),
      school,
      home: school.houses[Math.floor(i / options.schools.length) % school.houses.length]!,
      born: new Date(Date.UTC(2020, 0, 1) + (i % 366) * 86_400_000).toISOString().slice(0, 10),
      priority: inShare(i, options.priority) ? PRIORITY_ROTATION[i % PRIORITY_ROTATION.length]! : "none",
      certificate: `XV-БН ${String(100_000 + i).padStart(6, "0")}`,
      apartment: String(1 + i),
      email: `opening-${options.run}-${i}@bench.example`,
      devices: inShare(i, options.double) ? 2 : 1,
    };
  });

  /** The answers a parent types, field by field as the form asks them. */
  const typedAnswers = (p: Person) => {
    const known: Record<string, unknown> = {
      child: p.childId,
      birthCertificate: p.certificate,
      childAddress: { locality: p.home.settlement, street: p.home.street, house: p.home.house, apartment: p.apartment },
      school: p.school.code,
      priority: p.priority,
      // Grounds valid at any school, so the class is the one claimed (a boarding-only ground is not).
      extraordinaryGround: "fallenServiceman",
      firstGround: "serviceman",
      siblingName: "Бенчмаркова Вера Сергеевна",
      siblingBirthDate: "2017-03-01",
    };
    // A field asked only on a condition (shownWhen) gets an answer only while it is asked, an
    // optional one none, as most parents leave it.
    const answers: Record<string, unknown> = {};
    const lookup = (name: string) => answers[name];
    for (const field of fields) {
      if (!isShown(field, lookup)) continue;
      const value = Object.hasOwn(known, field.name)
        ? known[field.name]
        : isRequired(field, lookup)
          ? plainAnswer(field, today, PLAIN)
          : undefined;
      if (value !== undefined) answers[field.name] = value;
    }
    return answers;
  };

  const writePeople = async (tx: PrismaClient, list: Person[]) => {
    await tx.user.createMany({
      data: list.map((p) => ({ id: p.userId, email: p.email, emailVerifiedAt: new Date() })),
    });
    await tx.profile.createMany({ data: list.map((p) => ({ userId: p.userId, ...profileOf(p) })) });
    await tx.child.createMany({
      data: list.map((p) => ({
        id: p.childId,
        userId: p.userId,
        lastName: "Бенчмарков",
        firstName: FIRST_NAMES[p.i % FIRST_NAMES.length]!,
        birthDate: p.born,
        birthCertificate: p.certificate,
      })),
    });
  };
  const parentOf = (p: Person, draftId: string, cookies: string[]): Parent => ({
    index: p.i,
    userId: p.userId,
    draftId,
    school: p.school.code,
    certificate: p.certificate,
    priority: p.priority,
    expectedRankClass: expectedRankClass(p.priority),
    cookies,
  });

  /** The portal's own way, one parent at a time. */
  const slowly = async (list: Person[]): Promise<Parent[]> => {
    const out: Parent[] = [];
    for (let from = 0; from < list.length; from += 250) {
      const chunk = list.slice(from, from + 250);
      const made = await db.$transaction(
        async (transaction) => {
          // The domain functions take a client; inside the transaction its client serves as one.
          const tx = transaction as unknown as PrismaClient;
          await writePeople(tx, chunk);
          const done: Parent[] = [];
          for (const p of chunk) {
            const draftId = await createDraft(tx, p.userId, FIRST_GRADE_SERVICE_CODE);
            if (!(await saveDraftAnswers(tx, p.userId, draftId, typedAnswers(p), lastStep)))
              throw new Error(`Could not save the draft of parent ${p.i}.`);
            const cookies: string[] = [];
            for (let d = 0; d < p.devices; d++)
              cookies.push(await cookie((await createSession(tx, p.userId, false)).token));
            done.push(parentOf(p, draftId, cookies));
          }
          return done;
        },
        { timeout: 600_000, maxWait: 10_000 },
      );
      out.push(...made);
      options.progress?.(out.length);
    }
    return out;
  };

  /** What createDraft and saveDraftAnswers store for a parent, computed here. */
  const draftAnswers = (p: Person) => {
    const profile = profileOf(p);
    const facts: ApplicantFacts = {
      fullName: [profile.lastName, profile.firstName, profile.middleName].join(" "),
      snils: profile.snils,
      inn: profile.inn,
      phone: profile.phone,
      email: p.email,
      passport: {
        number: profile.passportNumber,
        issuedOn: profile.passportIssuedOn,
        issuerCode: profile.passportIssuerCode,
      },
      address: { locality: p.home.settlement, street: p.home.street, house: p.home.house, apartment: p.apartment },
    };
    return { ...prefillAnswers(form, facts), ...storableAnswers(fields, typedAnswers(p)).answers };
  };

  const verified = await slowly(people.slice(0, Math.min(options.n, 40)));
  const stored = await db.application.findMany({
    where: { id: { in: verified.map((v) => v.draftId) } },
    select: { id: true, answers: true, currentStep: true, serviceVersion: true },
  });
  const storedById = new Map(stored.map((r) => [r.id, r]));
  const differences = verified.flatMap((v) => {
    const row = storedById.get(v.draftId);
    const expected = canonical(draftAnswers(people[v.index]!));
    const actual = row ? canonical(parseAnswers(row.answers)) : "none";
    return expected === actual && row?.currentStep === lastStep && row.serviceVersion === service.currentVersion
      ? []
      : [`parent ${v.index}: stored ${actual}, bulk ${expected}`];
  });
  if (differences.length > 0) {
    console.warn(`The bulk drafts differ from the portal's (${differences[0]}): writing every draft the slow way.`);
    return {
      parents: [...verified, ...(await slowly(people.slice(verified.length)))],
      form,
      slug: service.slug,
      bulk: false,
    };
  }

  const parents = [...verified];
  const rest = people.slice(verified.length);
  for (let from = 0; from < rest.length; from += 1000) {
    const chunk = rest.slice(from, from + 1000);
    const now = new Date();
    const made = chunk.map((p) => ({
      p,
      draftId: randomBytes(12).toString("base64url"),
      tokens: Array.from({ length: p.devices }, () => randomToken()),
    }));
    await db.$transaction(
      async (transaction) => {
        const tx = transaction as unknown as PrismaClient;
        await writePeople(tx, chunk);
        await tx.application.createMany({
          data: made.map(({ p, draftId }) => ({
            id: draftId,
            serviceId: service.id,
            serviceVersion: service.currentVersion,
            departmentId: service.departmentId,
            applicantId: p.userId,
            answers: JSON.stringify(draftAnswers(p)),
            currentStep: lastStep,
          })),
        });
        await tx.session.createMany({
          data: made.flatMap(({ p, tokens }) =>
            tokens.map((token) => ({
              idHash: tokenHash(token),
              userId: p.userId,
              remember: false,
              expiresAt: new Date(now.getTime() + SESSION_TTL_MS.short),
              lastSeenAt: now,
            })),
          ),
        });
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
    for (const { p, draftId, tokens } of made) {
      const cookies: string[] = [];
      for (const token of tokens) cookies.push(await cookie(token));
      parents.push(parentOf(p, draftId, cookies));
    }
    options.progress?.(parents.length);
  }
  return { parents, form, slug: service.slug, bulk: true };
}
