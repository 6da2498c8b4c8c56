import type { PrismaClient } from "~/generated/prisma/client";
import { applyCommand } from "~/domain/applications/transitions.server";
import {
  checkEnrollmentDocuments,
  issueEnrollmentOrder,
  refuseForLackOfPlaces,
} from "~/domain/enrollment/enrollment-orders.server";
import { demoStaff } from "./accounts";

/*
 * The decisions of the finished 2026 campaign (enrollment-2026.ts), made by the demo officers
 * through the same functions the office pages call, at the dates they would have been made:
 * withdrawals in May, documents checked and the stage-1 orders on 1–3 July (due 3 working days
 * after 30 June), refusals for lack of places with the authority's offer, and stage-2 orders within
 * 5 working days of receipt.
 */
type Staff = Awaited<ReturnType<typeof demoStaff>>;
type Submitted = { applicationId: string; school: string; stage: 1 | 2; withdraw: boolean };

const OFFICER = "officer.education@demo.gosuslugi58.ru";
const SCHOOL_112 = "school112@demo.gosuslugi58.ru";

export async function decideFinishedCampaign(db: PrismaClient, year: number, submitted: readonly Submitted[]) {
  for (const s of submitted.filter((s) => s.withdraw)) {
    const application = await db.application.findUniqueOrThrow({ where: { id: s.applicationId } });
    const result = await applyCommand(db, {
      applicationId: s.applicationId,
      command: "withdraw",
      actor: { kind: "resident", id: application.applicantId, role: "resident" },
      now: new Date(`${year}-05-14T09:30:00.000Z`),
    });
    if (!result.ok) throw new Error(`the 2026 demo withdrawal failed: ${result.error}`);
  }
  const schools = [...new Set(submitted.map((s) => s.school))];
  for (const [i, school] of schools.entries()) {
    const staff = await demoStaff(db, school === "112" ? SCHOOL_112 : OFFICER);
    const live = (stage: 1 | 2) => submitted.filter((s) => s.school === school && s.stage === stage && !s.withdraw);
    // Stage 1: the school's whole list in the ranking's order, enrolled up to its places.
    const ranked = await db.enrollmentRequest.findMany({
      where: { campaignYear: year, schoolCode: school, live: true, stage: 1 },
      orderBy: [{ rankClass: "asc" }, { sequence: "asc" }],
      select: { applicationId: true },
    });
    const seats = await db.schoolSeats.findUniqueOrThrow({
      where: { schoolCode_year: { schoolCode: school, year } },
    });
    const places = seats.classes * seats.classSize;
    const enrolled = ranked.slice(0, places).map((r) => r.applicationId);
    const beyond = ranked.slice(places).map((r) => r.applicationId);
    await act(db, staff, school, year, enrolled, `${i + 1}-у`, `${year}-07-02`, new Date(`${year}-07-01T07:00:00Z`));
    const explanation =
      "Все места в первых классах школы заняты детьми, стоящими в списке выше. Вы можете подать заявление в школу, где есть свободные места.";
    await refuse(db, staff, beyond, explanation, new Date(`${year}-07-02T11:00:00Z`));
    // Stage 2: what came after 6 July, enrolled by one order within its 5 working days while places
    // last, the rest refused with an offer.
    const second = live(2).map((s) => s.applicationId);
    const free = Math.max(0, places - enrolled.length);
    const stage2Date = `${year}-07-10`;
    await act(
      db,
      staff,
      school,
      year,
      second.slice(0, free),
      `${i + 1}-у/2`,
      stage2Date,
      new Date(`${year}-07-09T07:00:00Z`),
    );
    await refuse(db, staff, second.slice(free), explanation, new Date(`${stage2Date}T11:00:00Z`));
  }
}

async function refuse(db: PrismaClient, staff: Staff, applicationIds: string[], explanation: string, now: Date) {
  for (const applicationId of applicationIds) {
    const refusal = await refuseForLackOfPlaces(db, { applicationId, ...staff, explanation, now });
    if (!refusal.ok) throw new Error(`the 2026 demo refusal failed: ${refusal.error}`);
  }
}

async function act(
  db: PrismaClient,
  staff: Staff,
  schoolCode: string,
  campaignYear: number,
  applicationIds: string[],
  number: string,
  date: string,
  checkedAt: Date,
) {
  if (applicationIds.length === 0) return;
  const checked = await checkEnrollmentDocuments(db, {
    schoolCode,
    campaignYear,
    applicationIds,
    ...staff,
    now: checkedAt,
  });
  if (!checked.ok) throw new Error(`the 2026 demo documents check failed: ${checked.error}`);
  const order = await issueEnrollmentOrder(db, {
    schoolCode,
    campaignYear,
    number,
    date,
    applicationIds,
    ...staff,
    now: new Date(`${date}T08:00:00Z`),
  });
  if (!order.ok) throw new Error(`the 2026 demo order ${number} failed: ${order.error}`);
}
