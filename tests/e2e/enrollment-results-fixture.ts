import { randomInt } from "node:crypto";
import { addChild } from "../../app/domain/accounts/profile.server";
import { createDraft, saveDraftAnswers, submitApplication } from "../../app/domain/applications/applications.server";
import {
  checkEnrollmentDocuments,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
  type OrderActor,
  type OrderScope,
} from "../../app/domain/enrollment/enrollment-orders.server";
import { createResident, portalDb } from "./portal-db";

/*
 * First-grade results for the browser tests, made in the test portal's database through the school's
 * own functions (enrollment-orders.server): an application enrolled by an order, and one refused for
 * lack of places with the education authority's offer. Applications are sent in stage 2 of 2027 (open
 * to every child; the instant is passed in, so the campaign other tests move is left alone) and
 * decided a few days later.
 */
const SERVICE = "58-EDU-001";
const YEAR = 2027;
const STAGE_2 = new Date("2027-07-10T09:00:00Z");
export const ORDER_DAY = "2027-07-15";
const ORDER_NOW = new Date("2027-07-15T09:00:00Z");

/** The child the tests look for: a name that must never appear in a public list. */
export const CHILD = { lastName: "Тестов", firstName: "Глеб" };

async function officer(): Promise<{ actor: OrderActor; scope: OrderScope }> {
  const user = await portalDb.user.findUniqueOrThrow({ where: { email: "officer.education@demo.gosuslugi58.ru" } });
  const service = await portalDb.service.findUniqueOrThrow({
    where: { code: SERVICE },
    select: { departmentId: true },
  });
  return {
    actor: { id: user.id, roles: [{ role: "officer", departmentCode: "minobr", schoolCode: null }] },
    scope: { departmentIds: [service.departmentId], schoolCodes: null },
  };
}

/** A resident with a six-year-old and a first-grade application to `school`, received in stage 2. */
async function sentApplication(label: string, school: string) {
  const resident = await createResident(label);
  const certificate = `I-ИЗ ${randomInt(100_000, 999_999)}`;
  await addChild(portalDb, resident.userId, { ...CHILD, birthDate: "2020-11-20", birthCertificate: certificate });
  const child = await portalDb.child.findFirstOrThrow({
    where: { userId: resident.userId, firstName: CHILD.firstName },
  });
  const draftId = await createDraft(portalDb, resident.userId, SERVICE);
  const answers = {
    child: child.id,
    birthCertificate: certificate,
    childAddress: { locality: "Пенза", street: "ул. Московская", house: "5" },
    school,
    priority: "none",
    language: "ru",
    charterAcknowledged: "on",
    accuracyConfirmed: "on",
    personalDataConsent: "on",
  };
  await saveDraftAnswers(portalDb, resident.userId, draftId, answers, "review");
  const sent = await submitApplication(portalDb, {
    applicantId: resident.userId,
    draftId,
    ip: "127.0.0.1",
    now: STAGE_2,
  });
  if (!sent.ok) throw new Error(`submission refused: ${JSON.stringify(sent)}`);
  return { resident, applicationId: draftId, number: sent.number, certificate };
}

/** An application to `school` enrolled by an order of its own number (unique per run). */
export async function enrolledApplication(school: string) {
  const sent = await sentApplication("enrolled", school);
  const { actor, scope } = await officer();
  const act = { schoolCode: school, campaignYear: YEAR, applicationIds: [sent.applicationId], actor, scope };
  const checked = await checkEnrollmentDocuments(portalDb, { ...act, now: ORDER_NOW });
  if (!checked.ok) throw new Error(`documents not checked: ${JSON.stringify(checked)}`);
  const orderNumber = `${randomInt(100, 999_999)}-у`;
  const order = await issueEnrollmentOrder(portalDb, { ...act, number: orderNumber, date: ORDER_DAY, now: ORDER_NOW });
  if (!order.ok) throw new Error(`order refused: ${JSON.stringify(order)}`);
  return { ...sent, orderNumber };
}

/**
 * An application refused for lack of places at `school`, which is given no first-grade places for the
 * year (so every child on its list is beyond them); the offer is the municipality's schools with places.
 */
export async function refusedApplication(school: string) {
  await portalDb.schoolSeats.update({
    where: { schoolCode_year: { schoolCode: school, year: YEAR } },
    data: { classes: 0 },
  });
  const sent = await sentApplication("refused", school);
  const { actor, scope } = await officer();
  const refusal = await refuseForLackOfPlaces(portalDb, {
    applicationId: sent.applicationId,
    actor,
    scope,
    explanation: "Все места в первых классах школы заняты.",
    now: ORDER_NOW,
  });
  if (!refusal.ok) throw new Error(`refusal refused: ${JSON.stringify(refusal)}`);
  return { ...sent, offer: refusal.offer };
}
