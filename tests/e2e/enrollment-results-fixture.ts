import { randomInt } from "node:crypto";
import { submitApplication } from "../../app/domain/applications/applications.server";
import {
  checkEnrollmentDocuments,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
} from "../../app/domain/enrollment/enrollment-orders.server";
import { demoStaff } from "../../seeds/accounts";
import { addFirstGrader, saveFirstGradeDraft } from "../support/first-grade";
import { createResident, portalDb } from "./portal-db";

/*
 * First-grade results for the browser tests, made in the test portal's database through the school's
 * own functions (enrollment-orders.server): an application enrolled by an order, and one refused for
 * lack of places with the education authority's offer. Applications are sent in stage 2 of 2027 (open
 * to every child; the instant is passed in, so the campaign other tests move is left alone) and
 * decided a few days later.
 */
const YEAR = 2027;
const STAGE_2 = new Date("2027-07-10T09:00:00Z");
export const ORDER_DAY = "2027-07-15";
const ORDER_NOW = new Date("2027-07-15T09:00:00Z");

/** The child the tests look for: a name that must never appear in a public list. */
export const CHILD = { lastName: "Тестов", firstName: "Глеб" };

const officer = () => demoStaff(portalDb, "officer.education@demo.gosuslugi58.ru");

/**
 * The instants of a campaign year's stage 2 and of its decisions; 2026 is the finished campaign
 * (its stage 2 ended on 5 September 2026), 2027 the running one.
 */
const DATES = {
  2026: { stage2: new Date("2026-07-10T09:00:00Z"), orderNow: new Date("2026-07-15T09:00:00Z") },
  2027: { stage2: STAGE_2, orderNow: ORDER_NOW },
} as const;

/** A resident with a six-year-old and a first-grade application to `school`, received in stage 2. */
async function sentApplication(label: string, school: string, year: keyof typeof DATES = YEAR) {
  const resident = await createResident(label);
  const child = await addFirstGrader(portalDb, resident.userId, CHILD);
  const draftId = await saveFirstGradeDraft(portalDb, resident.userId, { child, school, house: "5" });
  const sent = await submitApplication(portalDb, {
    applicantId: resident.userId,
    draftId,
    ip: "127.0.0.1",
    now: DATES[year].stage2,
  });
  if (!sent.ok) throw new Error(`submission refused: ${JSON.stringify(sent)}`);
  return { resident, applicationId: draftId, number: sent.number, certificate: child.birthCertificate };
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
export async function refusedApplication(school: string, year: keyof typeof DATES = YEAR) {
  await portalDb.schoolSeats.update({
    where: { schoolCode_year: { schoolCode: school, year } },
    data: { classes: 0 },
  });
  const sent = await sentApplication("refused", school, year);
  const { actor, scope } = await officer();
  const refusal = await refuseForLackOfPlaces(portalDb, {
    applicationId: sent.applicationId,
    actor,
    scope,
    explanation: "Все места в первых классах школы заняты.",
    now: DATES[year].orderNow,
  });
  if (!refusal.ok) throw new Error(`refusal refused: ${JSON.stringify(refusal)}`);
  return { ...sent, offer: refusal.offer };
}
