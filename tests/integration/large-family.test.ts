import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { getChildren } from "~/domain/applications/applications.server";
import { getApplicationPage } from "~/domain/applications/application-view.server";
import { applyCommand, type Actor } from "~/domain/applications/transitions.server";
import { seedDemoData } from "../../seeds/demo";
import { decided, LARGE_FAMILY, SOCIAL_OFFICER, submitted, userIdOf } from "./resident-applications";
import { createTestDatabase } from "./test-database";

/*
 * One application, several measures (docs/social-support.md), on a real database: the demo large
 * family (children of 14, 11, 8 and 4) asks for every measure of the package; each opens as its own
 * case in its department with its own number and deadline; one refusal leaves the others standing;
 * granted measures bring their payments and the status its certificate.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
let resident: string;
let social: Actor;
let education: Actor;
const NOW = new Date("2026-12-02T09:00:00Z");
const ALL = ["utility-compensation", "school-clothing", "school-transport", "school-meals", "preschool-payment"];

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  resident = await userIdOf(db, LARGE_FAMILY);
  social = { kind: "staff", id: await userIdOf(db, SOCIAL_OFFICER), role: "officer" };
  education = { kind: "staff", id: await userIdOf(db, "officer.education@demo.gosuslugi58.ru"), role: "officer" };
});
afterAll(() => dispose());

async function casesOf(parentId: string) {
  return db.application.findMany({
    where: { OR: [{ id: parentId }, { parentId }] },
    include: { department: true, service: true },
    orderBy: { sequence: "asc" },
  });
}

describe("the large-family package", () => {
  it("opens a case per measure asked for, each in its department with its own number and deadline", async () => {
    const children = await getChildren(db, resident);
    const { id } = await submitted(db, resident, NOW, { fourthChild: children[3]!.id, measures: ALL });
    const cases = await casesOf(id);
    expect(cases.map((c) => c.measureCode)).toEqual(["large-family-status", ...ALL]);
    expect(cases.map((c) => c.department.code)).toEqual([
      "mintrud",
      "mintrud",
      "mintrud",
      "mintrud",
      "minobr",
      "mintrud",
    ]);
    expect(cases.map((c) => c.service.code)).toEqual([
      "58-SOC-001",
      "58-SOC-003",
      "58-SOC-002",
      "58-TRN-002",
      "58-EDU-007",
      "58-SOC-002",
    ]);
    expect(new Set(cases.map((c) => c.number)).size).toBe(6);
    expect(cases.every((c) => c.status === "sent" && c.deadline && c.receivedAt)).toBe(true);
    // Only the package application is a row of the resident's list; one notification for it.
    expect(await db.notification.count({ where: { applicationId: { in: cases.slice(1).map((c) => c.id) } } })).toBe(0);
  });

  it("a refusal of one measure leaves the others; granted ones bring payments and the certificate", async () => {
    const children = await getChildren(db, resident);
    const { id, number } = await submitted(db, resident, NOW, { fourthChild: children[3]!.id, measures: ALL });
    const cases = await casesOf(id);
    const of = (code: string) => cases.find((c) => c.measureCode === code)!;

    // The education department refuses the meals; social protection grants the rest.
    for (const command of ["acknowledge", "startReview"] as const) {
      expect(
        (await applyCommand(db, { applicationId: of("school-meals").id, command, actor: education, now: NOW })).ok,
      ).toBe(true);
    }
    const refusal = await applyCommand(db, {
      applicationId: of("school-meals").id,
      command: "refuse",
      actor: education,
      reason: "Справка о составе семьи не подтверждена",
      ground: "not-eligible",
      now: NOW,
    });
    expect(refusal).toMatchObject({ ok: true });
    for (const code of [
      "large-family-status",
      "school-clothing",
      "school-transport",
      "preschool-payment",
      "utility-compensation",
    ]) {
      await decided(db, of(code).id, social, NOW);
    }
    const after = await casesOf(id);
    expect(Object.fromEntries(after.map((c) => [c.measureCode, c.status]))).toEqual({
      "large-family-status": "completed",
      "utility-compensation": "completed",
      "school-clothing": "completed",
      "school-transport": "completed",
      "school-meals": "refused",
      "preschool-payment": "completed",
    });

    const payments = async (code: string) =>
      db.paymentScheduleEntry.findMany({ where: { applicationId: of(code).id }, orderBy: { month: "asc" } });
    // Three schoolchildren (14, 11, 8): 3 × 5,000 ₽ once in the year, 3 × 594 ₽ in each school month.
    expect((await payments("school-clothing")).map((p) => [p.month, p.amountKopecks, p.children])).toEqual([
      ["2027-01", 1_500_000, 3],
    ]);
    const transport = await payments("school-transport");
    expect(transport.map((p) => p.month)).toEqual([
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-09",
      "2027-10",
      "2027-11",
      "2027-12",
    ]);
    expect(transport.every((p) => p.amountKopecks === 178_200)).toBe(true);
    // One child under 6 (4 years old).
    expect((await payments("preschool-payment")).map((p) => p.amountKopecks)).toEqual([61_000]);
    expect((await payments("utility-compensation")).every((p) => p.percent === 30 && p.amountKopecks === null)).toBe(
      true,
    );
    expect(await payments("school-meals")).toEqual([]);

    // The certificate: valid until the day before the third-youngest child (11 now) turns 18.
    const certificate = await db.resultDocument.findUniqueOrThrow({ where: { applicationId: id } });
    expect(certificate.number).toMatch(/^58-МС-2026-\d{6}$/);
    const eleven = children.find((c) => c.name.includes("Иван"))!;
    const eighteenth = `${Number(eleven.birthDate.slice(0, 4)) + 18}${eleven.birthDate.slice(4)}`;
    expect(certificate.validUntil < eighteenth).toBe(true);
    expect(certificate.validUntil >= `${Number(eighteenth.slice(0, 4))}-01-01`).toBe(true);

    // The resident's one page: every measure's status, the refusal's words, the certificate.
    const page = await getApplicationPage(db, { applicantId: resident, number, language: "ru", now: NOW });
    expect(page?.package?.kind).toBe("package");
    if (page?.package?.kind !== "package") throw new Error("no package view");
    expect(page.package.measures.map((m) => [m.code, m.status])).toEqual([
      ["large-family-status", "completed"],
      ["utility-compensation", "completed"],
      ["school-clothing", "completed"],
      ["school-transport", "completed"],
      ["school-meals", "refused"],
      ["preschool-payment", "completed"],
    ]);
    expect(page.package.measures.find((m) => m.code === "school-meals")!.refusal?.reason).toBe(
      "Справка о составе семьи не подтверждена",
    );
    expect(page.package.certificate?.number).toBe(certificate.number);
    // One timeline: the meals' refusal is in the package's history, named by its measure.
    expect(page.timeline).toContainEqual(
      expect.objectContaining({ status: "refused", measure: "Бесплатное питание в школе" }),
    );
    expect(page.package.measures.find((m) => m.code === "school-clothing")!.payments[0]!.amount).toBe(
      "15\u202F000\u00A0₽",
    );
  });

  it("opens no case for a measure the family has no children for, and says why", async () => {
    const { id, number } = await submitted(db, resident, NOW, { measures: ["preschool-payment", "school-meals"] });
    // The three children chosen are 14, 11 and 8: nobody under 6.
    expect((await casesOf(id)).map((c) => c.measureCode)).toEqual(["large-family-status", "school-meals"]);
    const page = await getApplicationPage(db, { applicantId: resident, number, language: "ru", now: NOW });
    if (page?.package?.kind !== "package") throw new Error("no package view");
    expect(page.package.notOpened).toContainEqual({
      title: "610 ₽ в год на каждого ребёнка до 6 лет",
      reason: "no-children-of-age",
    });
    expect(page.package.notOpened).toContainEqual({
      title: "Компенсация 30% платы за жильё и коммунальные услуги",
      reason: "not-asked",
    });
  });

  it("shows a measure's request for information on the package page, with the way to answer it", async () => {
    const { id, number } = await submitted(db, resident, NOW, { measures: ["school-transport"] });
    const transport = (await casesOf(id)).find((c) => c.measureCode === "school-transport")!;
    for (const command of ["acknowledge", "startReview"] as const) {
      expect((await applyCommand(db, { applicationId: transport.id, command, actor: social, now: NOW })).ok).toBe(true);
    }
    const asked = await applyCommand(db, {
      applicationId: transport.id,
      command: "requestInfo",
      actor: social,
      reason: "Приложите справку из школы о проезде",
      now: NOW,
    });
    expect(asked.ok).toBe(true);
    const page = await getApplicationPage(db, { applicantId: resident, number, language: "ru", now: NOW });
    if (page?.package?.kind !== "package") throw new Error("no package view");
    const measure = page.package.measures.find((m) => m.code === "school-transport")!;
    expect(measure).toMatchObject({ status: "waitingForInfo", request: "Приложите справку из школы о проезде" });
    expect(page.package.measures.find((m) => m.own)!.request).toBeNull();
    // The measure's own page is where it is answered, and it leads back to the package.
    const own = await getApplicationPage(db, {
      applicantId: resident,
      number: transport.number!,
      language: "ru",
      now: NOW,
    });
    expect(own?.package).toEqual({ kind: "measure", packageNumber: number, title: expect.stringContaining("594") });
    expect(own?.commands).toContain("provideInfo");
  });
});
