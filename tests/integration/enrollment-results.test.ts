import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  checkSubmission,
  parseAnswers,
  saveDraftAnswers,
  submitApplication,
} from "~/domain/applications/applications.server";
import {
  checkEnrollmentDocuments,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
  type OrderActor,
  type OrderScope,
} from "~/domain/enrollment/enrollment-orders.server";
import {
  allPublicOrders,
  enrollmentResult,
  enrollmentResultView,
  publicOrdersPage,
  publicSchoolOrders,
} from "~/domain/enrollment/enrollment-results.server";
import {
  parseOrdersCursor,
  PUBLIC_ORDER_KEYS,
  publicOrderJson,
  publicOrdersCsv,
} from "~/domain/enrollment/public-orders";
import { reapplyToOfferedSchool, REAPPLIED_FROM_KEY } from "~/domain/enrollment/reapply.server";
import { uploadDirectory, uploadReference } from "~/domain/uploads/uploads.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { createParent, saveFirstGradeDraft } from "../support/first-grade";
import { temporaryUploadDir } from "../support/upload-dir";
import { storePdf } from "./resident-applications";
import { createTestDatabase } from "./test-database";

/*
 * What a parent and the public see of first-grade results: "enrolled by order № … of …", the offer
 * after a refusal for lack of places (as it stands now), the public order lists with registration
 * numbers only, and the one-step application to an offered school with every answer and document
 * carried over. Orders and refusals are made by the school's own functions (enrollment-orders.server).
 *
 * The schools are the three of Башмаковский district: No. 141 and No. 142 are given one place each
 * for 2027, so one order fills them; No. 140 keeps its 50.
 */
const YEAR = 2027;
/** Stage 2 of 2027 is open to every child, whatever the address. */
const STAGE_2 = new Date("2027-07-10T09:00:00Z");
const ORDER_DAY = "2027-07-15";
const ORDER_NOW = new Date("2027-07-15T09:00:00Z");

const uploads = temporaryUploadDir("portal-results-uploads-");

let db: PrismaClient;
let dispose: () => Promise<void>;
let officer: OrderActor;
let scope: OrderScope;

beforeAll(async () => {
  uploads.use();
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  ({ actor: officer, scope } = await demoStaff(db, "officer.education@demo.gosuslugi58.ru"));
  for (const schoolCode of ["141", "142"]) {
    await db.schoolSeats.update({
      where: { schoolCode_year: { schoolCode, year: YEAR } },
      data: { classes: 1, classSize: 1 },
    });
  }
});
afterAll(async () => {
  await dispose();
  uploads.restore();
});

let n = 0;
const PARENT = { lastName: "Результатова", firstName: "Вера", middleName: "Павловна" };
const CHILD = { lastName: "Результатов", firstName: "Степан" };

/** A parent with a full profile and a child of six and a half on 1 September 2027. */
async function parent() {
  n += 1;
  return createParent(db, {
    email: `results-${n}@example.ru`,
    seed: 8100 + n,
    name: PARENT,
    child: { ...CHILD, birthDate: "2021-01-15", birthCertificate: `I-ИЗ ${810000 + n}` },
  });
}

/** A first-grade application sent in stage 2, optionally with a priority claim and its proof attached. */
async function applied(school: string, options: { proof?: boolean } = {}) {
  const { userId, child } = await parent();
  const draftId = await saveFirstGradeDraft(db, userId, {
    child,
    school,
    house: "13",
    // The ground of a first-priority right (the form asks it once "first" is chosen).
    ...(options.proof ? { priority: "first", answers: { firstGround: "police" } } : {}),
  });
  const proof = options.proof ? await storePdf(db, userId, draftId, "priorityProof") : null;
  if (proof) {
    const attached = await saveDraftAnswers(
      db,
      userId,
      draftId,
      { priorityProof: uploadReference(proof.id) },
      "review",
    );
    expect(attached).toBe(true);
  }
  const sent = await submitApplication(db, { applicantId: userId, draftId, ip: "192.0.2.20", now: STAGE_2 });
  if (!sent.ok) throw new Error(`submission refused: ${JSON.stringify(sent)}`);
  return { userId, id: draftId, number: sent.number, certificate: child.birthCertificate, proofId: proof?.id ?? null };
}

async function enrollByOrder(school: string, number: string, applicationIds: string[]) {
  const act = { schoolCode: school, campaignYear: YEAR, applicationIds, actor: officer, scope, now: ORDER_NOW };
  expect(await checkEnrollmentDocuments(db, act)).toMatchObject({ ok: true });
  const order = await issueEnrollmentOrder(db, { ...act, number, date: ORDER_DAY });
  expect(order).toMatchObject({ ok: true });
}

let enrolled: Awaited<ReturnType<typeof applied>>;
let refused: Awaited<ReturnType<typeof applied>>;

describe("the parent's result", () => {
  it("is 'enrolled by order № … of …' once an order enrolls the child", async () => {
    enrolled = await applied("141");
    expect(await enrollmentResult(db, enrolled.id)).toBeNull();
    await enrollByOrder("141", "45-у", [enrolled.id]);
    expect(await enrollmentResult(db, enrolled.id)).toEqual({
      kind: "enrolled",
      orderNumber: "45-у",
      orderDate: ORDER_DAY,
      schoolCode: "141",
      campaignYear: YEAR,
    });
    expect(await enrollmentResultView(db, enrolled.id, "ru")).toMatchObject({ orderDate: "15.07.2027" });
    const application = await db.application.findUniqueOrThrow({ where: { id: enrolled.id } });
    expect(application.status).toBe("completed");
  });

  it("after a refusal for lack of places is the offer: schools with free places now, and the territory", async () => {
    refused = await applied("141", { proof: true });
    const refusal = await refuseForLackOfPlaces(db, {
      applicationId: refused.id,
      actor: officer,
      scope,
      explanation: "Все места в первых классах заняты детьми, стоящими в списке выше.",
      now: ORDER_NOW,
    });
    expect(refusal).toMatchObject({ ok: true, to: "refused" });
    if (!refusal.ok) return;
    expect(refusal.offer).toEqual(expect.arrayContaining(["140", "142"]));
    const result = await enrollmentResult(db, refused.id);
    expect(result?.kind).toBe("refused");
    if (result?.kind !== "refused") return;
    expect(result.schoolCode).toBe("141");
    expect(result.offer.map((s) => s.code)).toEqual(refusal.offer.filter((c) => ["140", "142"].includes(c)));
    const school140 = result.offer.find((s) => s.code === "140")!;
    expect(school140).toMatchObject({ freePlaces: 50, inTerritory: false });
    expect(school140.name.ru).toContain("Башмаково");
    expect(result.offer.find((s) => s.code === "142")).toMatchObject({ freePlaces: 1 });
  });

  it("drops an offered school that has filled since the refusal", async () => {
    const other = await applied("142");
    await enrollByOrder("142", "7", [other.id]);
    const result = await enrollmentResult(db, refused.id);
    expect(result?.kind === "refused" && result.offer.map((s) => s.code)).toEqual(["140"]);
  });
});

describe("the public order lists", () => {
  it("list each order with the registration numbers it enrolled, and nothing else", async () => {
    const published = await publicSchoolOrders(db, { code: "141", year: YEAR });
    expect(published).toEqual({
      school: "141",
      year: YEAR,
      years: [],
      orders: [{ number: "45-у", date: ORDER_DAY, registrationNumbers: [enrolled.number] }],
      next: null,
    });
    const json = JSON.parse(JSON.stringify(published!.orders.map(publicOrderJson))) as Record<string, unknown>[];
    for (const order of json) expect(Object.keys(order).sort()).toEqual([...PUBLIC_ORDER_KEYS].sort());
    const text = JSON.stringify(published);
    for (const personal of [
      PARENT.lastName,
      PARENT.firstName,
      CHILD.lastName,
      CHILD.firstName,
      "2021-01-15",
      enrolled.certificate,
      "810",
      "+7900",
    ]) {
      expect(text).not.toContain(personal);
    }
    // The refused child is in no order of the school.
    expect(text).not.toContain(refused.number);
  });

  it("as CSV: a header, one row per enrolled child, `;` between cells", async () => {
    const csv = publicOrdersCsv(await allPublicOrders(db, { schoolCode: "141", year: YEAR }));
    expect(csv).toBe(`order_number;order_date;registration_number\r\n45-у;${ORDER_DAY};${enrolled.number}\r\n`);
  });

  it("are empty for a year without orders and absent for an unknown school", async () => {
    expect(await publicSchoolOrders(db, { code: "141", year: 2026 })).toMatchObject({ orders: [], years: [YEAR] });
    expect(await publicSchoolOrders(db, { code: "9999", year: YEAR })).toBeNull();
  });

  it("page through many orders by date, then as issued", async () => {
    // Orders that enrolled nobody, written directly: only their order on the page matters here.
    for (const [number, date] of [
      ["П-1", ORDER_DAY],
      ["П-2", ORDER_DAY],
      ["П-3", "2027-07-01"],
    ] as const) {
      await db.enrollmentOrder.create({ data: { schoolCode: "140", campaignYear: YEAR, number, date } });
    }
    const first = await publicOrdersPage(db, { schoolCode: "140", year: YEAR, take: 2 });
    expect(first.orders.map((o) => o.number)).toEqual(["П-3", "П-1"]);
    const second = await publicOrdersPage(db, {
      schoolCode: "140",
      year: YEAR,
      take: 2,
      after: parseOrdersCursor(first.next),
    });
    expect(second).toEqual({ orders: [{ number: "П-2", date: ORDER_DAY, registrationNumbers: [] }], next: null });
    await db.enrollmentOrder.deleteMany({ where: { schoolCode: "140" } });
  });
});

describe("applying to an offered school in one step", () => {
  let draftId: string;

  it("makes a draft with every answer carried over, the new school, and its own copy of each document", async () => {
    const result = await reapplyToOfferedSchool(db, {
      applicantId: refused.userId,
      number: refused.number,
      schoolCode: "140",
    });
    expect(result).toMatchObject({ ok: true, created: true, slug: "first-grade-enrollment" });
    if (!result.ok) return;
    draftId = result.draftId;
    const [draft, original] = await Promise.all([
      db.application.findUniqueOrThrow({ where: { id: draftId }, include: { uploads: true } }),
      db.application.findUniqueOrThrow({ where: { id: refused.id }, include: { uploads: true } }),
    ]);
    expect(draft).toMatchObject({ status: "draft", applicantId: refused.userId, number: null });
    const answers = parseAnswers(draft.answers);
    const before = parseAnswers(original.answers);
    expect(answers.school).toBe("140");
    expect(answers[REAPPLIED_FROM_KEY]).toBe(refused.id);
    for (const field of [
      "child",
      "birthCertificate",
      "childAddress",
      "priority",
      "firstGround",
      "language",
      "passport",
      "applicantName",
      "charterAcknowledged",
    ]) {
      expect(answers[field], field).toEqual(before[field]);
    }
    // The proof is a new upload owned by the draft, with the same bytes in a file of its own.
    expect(draft.uploads).toHaveLength(1);
    const copy = draft.uploads[0]!;
    const source = original.uploads.find((u) => u.id === refused.proofId)!;
    expect(answers.priorityProof).toBe(uploadReference(copy.id));
    expect(copy).toMatchObject({
      ownerId: refused.userId,
      field: "priorityProof",
      fileName: source.fileName,
      sha256: source.sha256,
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.storedName).not.toBe(source.storedName);
    const dir = uploadDirectory();
    expect(readFileSync(path.join(dir, copy.storedName))).toEqual(readFileSync(path.join(dir, source.storedName)));
    // Complete as it stands: the review page sends it with one press.
    expect(await checkSubmission(db, { applicantId: refused.userId, draftId, now: STAGE_2 })).toMatchObject({
      ok: true,
    });
  });

  it("a second press goes to the same draft", async () => {
    const again = await reapplyToOfferedSchool(db, {
      applicantId: refused.userId,
      number: refused.number,
      schoolCode: "140",
    });
    expect(again).toEqual({ ok: true, draftId, slug: "first-grade-enrollment", created: false });
    expect(await db.application.count({ where: { applicantId: refused.userId, status: "draft" } })).toBe(1);
    expect(await db.upload.count({ where: { applicationId: draftId } })).toBe(1);
  });

  it("two presses at the same moment make one draft", async () => {
    const other = await applied("141");
    await refuseForLackOfPlaces(db, {
      applicationId: other.id,
      actor: officer,
      scope,
      explanation: "Мест нет.",
      now: ORDER_NOW,
    });
    const both = await Promise.all([
      reapplyToOfferedSchool(db, { applicantId: other.userId, number: other.number, schoolCode: "140" }),
      reapplyToOfferedSchool(db, { applicantId: other.userId, number: other.number, schoolCode: "140" }),
    ]);
    const ids = both.map((r) => (r.ok ? r.draftId : null));
    expect(ids[0]).not.toBeNull();
    expect(ids[1]).toBe(ids[0]);
    expect(both.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await db.application.count({ where: { applicantId: other.userId, status: "draft" } })).toBe(1);
  });

  it("is not found for a stranger, and refused for a school not offered, filled since, or no refusal", async () => {
    const stranger = await parent();
    expect(
      await reapplyToOfferedSchool(db, { applicantId: stranger.userId, number: refused.number, schoolCode: "140" }),
    ).toEqual({ ok: false, error: "not-found" });
    expect(
      await reapplyToOfferedSchool(db, { applicantId: refused.userId, number: refused.number, schoolCode: "112" }),
    ).toEqual({ ok: false, error: "not-offered" });
    expect(
      await reapplyToOfferedSchool(db, { applicantId: refused.userId, number: refused.number, schoolCode: "141" }),
    ).toEqual({ ok: false, error: "not-offered" });
    expect(
      await reapplyToOfferedSchool(db, { applicantId: refused.userId, number: refused.number, schoolCode: "142" }),
    ).toEqual({ ok: false, error: "no-free-places" });
    expect(
      await reapplyToOfferedSchool(db, { applicantId: enrolled.userId, number: enrolled.number, schoolCode: "140" }),
    ).toEqual({ ok: false, error: "not-refused" });
    expect(await db.application.count({ where: { applicantId: stranger.userId } })).toBe(0);
  });

  it("the draft is sent to the new school's list; the refused application keeps its own document", async () => {
    const sent = await submitApplication(db, { applicantId: refused.userId, draftId, ip: "192.0.2.20", now: STAGE_2 });
    expect(sent).toMatchObject({ ok: true, alreadySubmitted: false });
    const request = await db.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: draftId } });
    expect(request).toMatchObject({
      schoolCode: "140",
      childCertificate: refused.certificate,
      rankClass: 1,
      live: true,
    });
    const source = await db.upload.findUniqueOrThrow({ where: { id: refused.proofId! } });
    expect(source.applicationId).toBe(refused.id);
    expect(existsSync(path.join(uploadDirectory(), source.storedName))).toBe(true);
  });
});
