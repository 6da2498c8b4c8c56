import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  createDraft,
  saveDraftAnswers,
  submitApplication,
  getChildren,
} from "~/domain/applications/applications.server";
import { rateApplication } from "~/domain/applications/ratings.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import type { IndicatorValue } from "~/domain/indicators/compute";
import { indicatorsForPeriod, type Slice } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { seedDemoData } from "../../seeds/demo";
import { createTestDatabase } from "./test-database";

/*
 * The indicators from the real pipeline: an application submitted, decided and rated through the
 * domain moves exactly the figures it should, in the same transaction as the change.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
let resident: string;
const staff: Actor = { kind: "staff", id: null, role: "officer" };

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  resident = (await db.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } })).id;
});
afterAll(() => dispose());

async function schoolDiary() {
  const draftId = await createDraft(db, resident, "58-EDU-004");
  const children = await getChildren(db, resident);
  await saveDraftAnswers(
    db,
    resident,
    draftId,
    {
      child: children.find((c) => c.birthDate < `${Number(regionDate().slice(0, 4)) - 7}`)!.id,
      accuracyConfirmed: true,
      personalDataConsent: true,
    },
    "review",
  );
  const result = await submitApplication(db, { applicantId: resident, draftId, ip: "192.0.2.1" });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return draftId;
}

const month = () => parsePeriod(regionDate().slice(0, 7))!;
const read = async (slice: Slice = { service: "58-EDU-004" }) =>
  Object.fromEntries((await indicatorsForPeriod(db, month(), slice)).map((v) => [v.code, v])) as Record<
    string,
    IndicatorValue
  >;

describe("indicators from live applications", () => {
  it("move by exactly one submission, one decision on time and one rating", async () => {
    const before = await read();
    const id = await schoolDiary();
    const submitted = await read();
    expect(submitted["e-applications"]!.numerator).toBe(before["e-applications"]!.numerator! + 1);
    expect(submitted["decided-on-time"]!.denominator).toBe(before["decided-on-time"]!.denominator);

    for (const command of ["acknowledge", "startReview", "complete"] as const) {
      expect(await applyCommand(db, { applicationId: id, command, actor: staff })).toMatchObject({ ok: true });
    }
    const decided = await read();
    expect(decided["decided-on-time"]!.denominator).toBe(before["decided-on-time"]!.denominator! + 1);
    expect(decided["decided-on-time"]!.numerator).toBe(before["decided-on-time"]!.numerator! + 1);
    expect(decided["no-visit"]!.denominator).toBe(before["no-visit"]!.denominator! + 1);
    expect(decided["processing-time"]!.denominator).toBe(before["processing-time"]!.denominator! + 1);

    expect(await rateApplication(db, { applicantId: resident, applicationId: id, score: 5 })).toBe("ok");
    const rated = await read();
    expect(rated.satisfaction!.extra.ratings).toBe((before.satisfaction!.extra.ratings ?? 0) + 1);
    expect(rated.satisfaction!.numerator).toBe((before.satisfaction!.numerator ?? 0) + 5);
  });

  it("keep the statistics when the application and its person are deleted", async () => {
    const id = await schoolDiary();
    const before = await read();
    await db.application.delete({ where: { id } });
    expect(await read()).toEqual(before);
    expect(await db.statEvent.count({ where: { applicationRef: id } })).toBeGreaterThan(0);
  });

  it("slice by department: another department's figures do not move", async () => {
    const social = await read({ department: "mintrud" });
    await schoolDiary();
    expect(await read({ department: "mintrud" })).toEqual(social);
  });
});
