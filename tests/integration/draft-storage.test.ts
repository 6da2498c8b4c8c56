import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { keepPendingAnswers, restorePendingAnswers } from "~/domain/applications/pending-answers.server";
import { createDraft, getDraft, saveDraftAnswers } from "~/domain/applications/applications.server";
import { seedDemoData } from "../../seeds/demo";
import { createTestDatabase } from "./test-database";

/*
 * Security review, "what is stored": a draft keeps incomplete and wrong answers, but never a value
 * above its field's maximum length or with control characters — whoever saves it.
 */
const SERVICE = "58-SOC-001";
let db: PrismaClient;
let dispose: () => Promise<void>;
let resident: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  resident = (await db.user.findUniqueOrThrow({ where: { email: "large-family@demo.gosuslugi58.ru" } })).id;
});
afterAll(async () => dispose());

describe("what a draft stores", () => {
  it("does not store a 5 MB name or an address with NUL and RLO, and keeps the other answers", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const huge = "А".repeat(5 * 1024 * 1024);
    const saved = await saveDraftAnswers(
      db,
      resident,
      draftId,
      {
        applicantName: huge,
        applicantPhone: "12345",
        address: { locality: "Пенза", street: "ул. Московская\u0000", house: "1\u202e" },
        injected: "not a field of this form",
      },
      "applicant",
    );
    expect(saved).toBe(true);
    const row = await db.application.findUniqueOrThrow({ where: { id: draftId }, select: { answers: true } });
    expect(row.answers.length).toBeLessThan(10_000);
    expect(row.answers).not.toContain("\\u0000");
    expect(row.answers).not.toContain("\u202e");
    const { answers } = (await getDraft(db, resident, draftId))!;
    // The prefilled name stays; the typed 5 MB one was refused.
    expect(answers.applicantName).toBe("Кузнецов Андрей Петрович");
    expect(answers.applicantPhone).toBe("12345");
    expect(answers.address).toEqual({ locality: "Пенза" });
    expect(answers).not.toHaveProperty("injected");
  });

  it("applies the same limits to answers kept over a sign-in", async () => {
    const draftId = await createDraft(db, resident, SERVICE);
    const token = await keepPendingAnswers(db, {
      userId: resident,
      applicationId: draftId,
      step: "applicant",
      answers: { applicantName: "Б".repeat(100_000), applicantPhone: "8 912 345-67-89" },
    });
    expect(await restorePendingAnswers(db, { applicantId: resident, applicationId: draftId, token })).toBe(true);
    const { answers } = (await getDraft(db, resident, draftId))!;
    expect(answers.applicantName).toBe("Кузнецов Андрей Петрович");
    expect(answers.applicantPhone).toBe("8 912 345-67-89");
  });
});
