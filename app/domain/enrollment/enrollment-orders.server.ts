import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { hasRole, type RoleGrant } from "~/domain/accounts/roles";
import { type Status, parseStatus } from "~/domain/applications/lifecycle";
import {
  applyCommandInTransaction,
  isLostRace,
  type Actor,
  type CommandResult,
} from "~/domain/applications/transitions.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import { parseDate } from "~/domain/forms/form-schema";
import { regionDate } from "~/domain/region/clock";
import { schoolRankedList, type RankedRow } from "./enrollment.server";
import {
  capacityProblem,
  documentCheckProblems,
  enrollmentMessage,
  NO_PLACES_GROUND,
  normalizeOrderNumber,
  orderDateProblem,
  orderNumberProblem,
  orderProblems,
  placesOf,
  rankOffer,
  refusalForLackOfPlacesAllowed,
  refusalMessage,
  sameSelection,
  stepsToReview,
  uniqueSelection,
  type Candidate,
  type OfferedSchool,
  type Places,
  type Problem,
} from "./order-rules";
import { enrolledChildren } from "./schools.server";

/*
 * The school's side of first-grade enrollment (docs/enrollment.md, "The school's side"): documents
 * checked for a selection of the school's list, the enrollment order (распорядительный акт о приёме)
 * as one act over a selection, and the refusal for lack of places with the education authority's
 * offer of schools that have free places. Each act is one transaction: every status change goes
 * through the lifecycle table (applyCommandInTransaction), and either the whole act is written or
 * nothing is. Every function checks the officer's scope itself: school staff act on their own school
 * only, and what is outside the scope is "not found".
 */

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

/** Who acts: a member of staff with their grants. */
export type OrderActor = { id: string; roles: readonly RoleGrant[] };

/** What the officer may touch (staffScope): their departments, and for school staff their schools. */
export type OrderScope = { departmentIds: readonly number[]; schoolCodes: readonly string[] | null };

function lifecycleActor(actor: OrderActor): Actor {
  return { kind: "staff", id: actor.id, role: hasRole(actor.roles, "supervisor") ? "supervisor" : "officer" };
}

export function mayWorkSchool(scope: OrderScope, schoolCode: string): boolean {
  return scope.departmentIds.length > 0 && (!scope.schoolCodes || scope.schoolCodes.includes(schoolCode));
}

/** Thrown inside an act's transaction to roll everything back and answer `result`. */
class ActRefused<T> extends Error {
  constructor(readonly result: T) {
    super("act refused");
  }
}

/** Runs an act in one transaction; a refusal thrown inside, or a lost race, rolls it back. */
async function inOneTransaction<T>(db: PrismaClient, act: (tx: Tx) => Promise<T>, conflict: T): Promise<T> {
  try {
    return await db.$transaction(act);
  } catch (error) {
    if (error instanceof ActRefused) return error.result as T;
    if (isLostRace(error)) return conflict;
    throw error;
  }
}

/** Places, children enrolled by orders and free places of each school for the campaign year. */
export async function freePlaces(db: Db, campaignYear: number, codes: readonly string[]): Promise<Map<string, Places>> {
  const [seats, enrolled] = await Promise.all([
    db.schoolSeats.findMany({ where: { year: campaignYear, schoolCode: { in: [...codes] } } }),
    enrolledChildren(db, codes, campaignYear),
  ]);
  return new Map(
    codes.map((code) => {
      const published = seats.find((s) => s.schoolCode === code);
      return [code, placesOf(published ? published.classes * published.classSize : 0, enrolled.get(code) ?? 0)];
    }),
  );
}

async function placesOfSchool(db: Db, campaignYear: number, schoolCode: string): Promise<Places> {
  return (await freePlaces(db, campaignYear, [schoolCode])).get(schoolCode)!;
}

/**
 * The selected applications of a school's list, in the list's order, or null when any of them is not
 * on that list within the officer's departments (another school's, or no application at all).
 */
async function loadCandidates(
  tx: Tx,
  input: { schoolCode: string; campaignYear: number; applicationIds: string[]; scope: OrderScope },
): Promise<Candidate[] | null> {
  const rows = await tx.enrollmentRequest.findMany({
    where: {
      applicationId: { in: input.applicationIds },
      schoolCode: input.schoolCode,
      campaignYear: input.campaignYear,
      application: { departmentId: { in: [...input.scope.departmentIds] }, number: { not: null } },
    },
    orderBy: [{ stage: "asc" }, { rankClass: "asc" }, { sequence: "asc" }],
    select: {
      applicationId: true,
      live: true,
      documentsCheckedAt: true,
      order: { select: { number: true, date: true } },
      application: { select: { number: true, status: true, receivedAt: true } },
    },
  });
  if (rows.length !== input.applicationIds.length) return null;
  return rows.map((row) => ({
    applicationId: row.applicationId,
    number: row.application.number!,
    live: row.live,
    status: parseStatus(row.application.status),
    documentsChecked: row.documentsCheckedAt !== null,
    order: row.order,
    receivedOn: regionDate(row.application.receivedAt ?? new Date(0)),
  }));
}

// --- Documents checked -------------------------------------------------------------------------

export type DocumentsCheckResult =
  | { ok: true; checked: number; alreadyChecked: number }
  | { ok: false; error: "not-found" | "nothing-selected" | "conflict" }
  | { ok: false; error: "ineligible"; problems: Problem[] };

/**
 * The school marks the documents of a selection checked against the originals: each application is
 * brought to review ("Принято к рассмотрению", acknowledge then startReview as its status needs; the
 * resident is notified of each change as of any) and its documentsCheckedAt/By are set. All in one
 * transaction; if any selected application cannot be checked, nothing is written and the result
 * names which and why. Checking again what is already checked changes nothing.
 */
export async function checkEnrollmentDocuments(
  db: PrismaClient,
  input: {
    schoolCode: string;
    campaignYear: number;
    applicationIds: readonly string[];
    actor: OrderActor;
    scope: OrderScope;
    now?: Date;
  },
): Promise<DocumentsCheckResult> {
  const applicationIds = uniqueSelection(input.applicationIds);
  if (!mayWorkSchool(input.scope, input.schoolCode)) return { ok: false, error: "not-found" };
  if (applicationIds.length === 0) return { ok: false, error: "nothing-selected" };
  const now = input.now ?? new Date();
  // Read before the transaction: on the shared connection nothing else runs while one is open.
  const calendar = await loadProductionCalendar(db);
  const actor = lifecycleActor(input.actor);
  return inOneTransaction<DocumentsCheckResult>(
    db,
    async (tx) => {
      const candidates = await loadCandidates(tx, { ...input, applicationIds });
      if (!candidates) return { ok: false, error: "not-found" };
      const problems = documentCheckProblems(candidates);
      if (problems.length > 0) return { ok: false, error: "ineligible", problems };
      let checked = 0;
      for (const candidate of candidates) {
        const moved = await bringToReview(tx, { ...candidate, actor, now, calendar, notifyLast: true });
        if (!moved.ok) throw new ActRefused<DocumentsCheckResult>(refusedMove(moved, candidate));
        if (candidate.documentsChecked) continue;
        await tx.enrollmentRequest.update({
          where: { applicationId: candidate.applicationId },
          data: { documentsCheckedAt: now, documentsCheckedBy: input.actor.id },
        });
        checked += 1;
      }
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "enrollment.documentsChecked",
        subjectType: "school",
        subjectId: input.schoolCode,
        details: { year: input.campaignYear, numbers: candidates.map((c) => c.number).join(", ") },
      });
      return { ok: true, checked, alreadyChecked: candidates.length - checked };
    },
    { ok: false, error: "conflict" },
  );
}

/**
 * Brings an application to review ("Принято к рассмотрению") through the lifecycle: acknowledge, then
 * startReview, as its status needs. The resident hears of the last change only when `notifyLast`
 * (one act, one notification), else of none: the act's own decision follows.
 */
async function bringToReview(
  tx: Tx,
  input: {
    applicationId: string;
    status: Status;
    actor: Actor;
    now: Date;
    calendar: ProductionCalendar;
    notifyLast: boolean;
  },
): Promise<{ ok: true } | Extract<CommandResult, { ok: false }>> {
  const steps = stepsToReview(input.status);
  for (const [i, command] of steps.entries()) {
    const moved = await applyCommandInTransaction(
      tx,
      {
        applicationId: input.applicationId,
        command,
        actor: input.actor,
        notify: input.notifyLast && i === steps.length - 1,
      },
      { now: input.now, calendar: input.calendar },
    );
    if (!moved.ok) return moved;
  }
  return { ok: true };
}

/** A lifecycle command refused in the middle of an act: someone changed the application meanwhile. */
function refusedMove(
  result: Extract<CommandResult, { ok: false }>,
  candidate: Candidate,
): { ok: false; error: "conflict" } | { ok: false; error: "ineligible"; problems: Problem[] } {
  return result.error === "conflict"
    ? { ok: false, error: "conflict" }
    : {
        ok: false,
        error: "ineligible",
        problems: [{ number: candidate.number, reason: "statusNotAllowed", status: candidate.status }],
      };
}

// --- The enrollment order ----------------------------------------------------------------------

export type IssuedOrder = { id: number; number: string; date: string; enrolled: number };

export type OrderResult =
  | { ok: true; order: IssuedOrder; replayed: boolean }
  | { ok: false; error: "not-found" | "nothing-selected" | "conflict" }
  | { ok: false; error: "invalid-number" | "invalid-date"; message: string }
  | { ok: false; error: "duplicate-number"; number: string; date: string }
  | { ok: false; error: "over-capacity"; selected: number; free: number }
  | { ok: false; error: "ineligible"; problems: Problem[] };

/**
 * An enrollment order as one act, in one transaction: the order (number and date) is created, and
 * each selected application — on the school's list of that year, still live, documents checked, not
 * in an order yet, in review, received by the order's date — is completed through the lifecycle with
 * the department's message "Зачислен(а) в 1 класс приказом № … от …" and linked to the order. If any
 * selected application is not eligible, nothing is written and the result names which and why. The
 * order cannot enroll more children than the school has free places. The same number and date with
 * the same selection again (a repeated submission) answers the order already issued; the same number
 * for anything else is refused.
 */
export async function issueEnrollmentOrder(
  db: PrismaClient,
  input: {
    schoolCode: string;
    campaignYear: number;
    number: string;
    date: string;
    applicationIds: readonly string[];
    actor: OrderActor;
    scope: OrderScope;
    now?: Date;
  },
): Promise<OrderResult> {
  const applicationIds = uniqueSelection(input.applicationIds);
  if (!mayWorkSchool(input.scope, input.schoolCode)) return { ok: false, error: "not-found" };
  if (applicationIds.length === 0) return { ok: false, error: "nothing-selected" };
  const now = input.now ?? new Date();
  const number = normalizeOrderNumber(input.number);
  const numberProblem = orderNumberProblem(number);
  if (numberProblem) return { ok: false, error: "invalid-number", message: numberProblem };
  const dateProblem = orderDateProblem(input.date, regionDate(now));
  if (dateProblem) return { ok: false, error: "invalid-date", message: dateProblem };
  const date = parseDate(input.date)!;
  const calendar = await loadProductionCalendar(db);
  const { schoolCode, campaignYear } = input;
  return inOneTransaction<OrderResult>(
    db,
    async (tx) => {
      const existing = await tx.enrollmentOrder.findUnique({
        where: { schoolCode_campaignYear_number: { schoolCode, campaignYear, number } },
        include: { requests: { select: { applicationId: true } } },
      });
      if (existing) {
        const enrolled = existing.requests.map((r) => r.applicationId);
        if (existing.date === date && sameSelection(enrolled, applicationIds)) {
          const order = { id: existing.id, number, date, enrolled: enrolled.length };
          return { ok: true, order, replayed: true };
        }
        return { ok: false, error: "duplicate-number", number, date: existing.date };
      }
      const candidates = await loadCandidates(tx, { ...input, applicationIds });
      if (!candidates) return { ok: false, error: "not-found" };
      const problems = orderProblems(candidates, date);
      if (problems.length > 0) return { ok: false, error: "ineligible", problems };
      const overCapacity = capacityProblem(candidates.length, await placesOfSchool(tx, campaignYear, schoolCode));
      if (overCapacity) return { ok: false, error: "over-capacity", ...overCapacity };
      const order = await tx.enrollmentOrder.create({
        data: { schoolCode, campaignYear, number, date, issuedById: input.actor.id, createdAt: now },
      });
      await enrollByOrder(tx, { order, candidates, actor: lifecycleActor(input.actor), now, calendar });
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "enrollment.order",
        subjectType: "school",
        subjectId: schoolCode,
        details: { year: campaignYear, order: number, date, numbers: candidates.map((c) => c.number).join(", ") },
      });
      return { ok: true, order: { id: order.id, number, date, enrolled: candidates.length }, replayed: false };
    },
    { ok: false, error: "conflict" },
  );
}

async function enrollByOrder(
  tx: Tx,
  input: {
    order: { id: number; number: string; date: string };
    candidates: Candidate[];
    actor: Actor;
    now: Date;
    calendar: ProductionCalendar;
  },
) {
  const reason = enrollmentMessage(input.order);
  for (const candidate of input.candidates) {
    const completed = await applyCommandInTransaction(
      tx,
      { applicationId: candidate.applicationId, command: "complete", actor: input.actor, reason },
      { now: input.now, calendar: input.calendar },
    );
    if (!completed.ok) throw new ActRefused<OrderResult>(refusedMove(completed, candidate));
    const linked = await tx.enrollmentRequest.updateMany({
      where: { applicationId: candidate.applicationId, orderId: null, live: true },
      data: { orderId: input.order.id },
    });
    if (linked.count !== 1) throw new ActRefused<OrderResult>({ ok: false, error: "conflict" });
  }
}

// --- Refusal for lack of places ----------------------------------------------------------------

export type RefusalResult =
  | (Extract<CommandResult, { ok: true }> & { offer: string[] })
  | Extract<CommandResult, { ok: false }>
  /** The child's place among those not yet enrolled is within the free places: no lawful refusal. */
  | { ok: false; error: "places-free"; free: number; position: number };

/** Whether an application stands (or stood) on a school's first-grade list: its refusal goes through here. */
export async function isOnSchoolList(db: Db, applicationId: string): Promise<boolean> {
  return (await db.enrollmentRequest.count({ where: { applicationId } })) === 1;
}

/**
 * Refusal is lawful only for lack of places (ground NO_PLACES_GROUND, the service's only one), and
 * only while the children ahead on the list who are not yet enrolled take every free place. It carries
 * the education authority's offer: schools of the refused school's municipality with free places for
 * the year now (most first, at most OFFER_LIMIT; the region's if the municipality has none), other
 * than the refused one and those the child already stands on the list of. The offer is stored on the
 * EnrollmentRequest and named in the message the resident reads, in the refusal's transaction.
 */
export async function refuseForLackOfPlaces(
  db: PrismaClient,
  input: {
    applicationId: string;
    actor: OrderActor;
    scope: OrderScope;
    explanation: string;
    /** The ground the officer chose, if the form asks: anything but NO_PLACES_GROUND is refused. */
    ground?: string;
    expectedVersion?: number;
    idempotencyKey?: string;
    now?: Date;
  },
): Promise<RefusalResult> {
  const { scope } = input;
  const application = await db.application.findFirst({
    where: {
      id: input.applicationId,
      number: { not: null },
      departmentId: { in: [...scope.departmentIds] },
      ...(scope.schoolCodes ? { schoolCode: { in: [...scope.schoolCodes] } } : {}),
    },
    select: { number: true, enrollment: { select: { schoolCode: true } } },
  });
  if (!application?.enrollment) return { ok: false, error: "not-found" };
  if (!input.explanation.trim()) return { ok: false, error: "reason-required" };
  if (input.ground !== undefined && input.ground !== NO_PLACES_GROUND) return { ok: false, error: "unknown-ground" };
  const now = input.now ?? new Date();
  const calendar = await loadProductionCalendar(db);
  const actor = lifecycleActor(input.actor);
  return inOneTransaction<RefusalResult>(
    db,
    async (tx) => {
      let expectedVersion = input.expectedVersion;
      const request = await tx.enrollmentRequest.findUniqueOrThrow({ where: { applicationId: input.applicationId } });
      const school = await tx.school.findUniqueOrThrow({
        where: { code: request.schoolCode },
        select: { code: true, oktmo: true },
      });
      let offered: OfferedSchool[] = [];
      // Off the list already (refused, withdrawn) or enrolled: the lifecycle answers (a replay, or
      // "not allowed now").
      if (request.live && request.orderId === null) {
        const places = await placesOfSchool(tx, request.campaignYear, request.schoolCode);
        const position = await placeAmongNotEnrolled(tx, request);
        if (!refusalForLackOfPlacesAllowed(position, places))
          return { ok: false, error: "places-free", free: places.free, position };
        offered = await offerFor(tx, { refused: school, campaignYear: request.campaignYear, child: request });
        // A child beyond the places is refused without its documents being checked: the refusal is
        // the department's decision on it, so it is registered and taken into review first.
        const current = await tx.application.findUniqueOrThrow({
          where: { id: input.applicationId },
          select: { status: true, version: true },
        });
        if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
          return { ok: false, error: "conflict" };
        const moved = await bringToReview(tx, {
          applicationId: input.applicationId,
          status: parseStatus(current.status),
          actor,
          now,
          calendar,
          notifyLast: false,
        });
        if (!moved.ok) throw new ActRefused<RefusalResult>(moved);
        if (stepsToReview(parseStatus(current.status)).length > 0) expectedVersion = undefined;
      }
      const refused = await applyCommandInTransaction(
        tx,
        {
          applicationId: input.applicationId,
          command: "refuse",
          actor,
          ground: NO_PLACES_GROUND,
          reason: refusalMessage(input.explanation, offered),
          expectedVersion,
          idempotencyKey: input.idempotencyKey,
        },
        { now, calendar },
      );
      // Roll back the steps to review too: the refusal is one act.
      if (!refused.ok) throw new ActRefused<RefusalResult>(refused);
      if (refused.replayed) return { ...refused, offer: parseOffer(request.offer) };
      const offer = offered.map((s) => s.code);
      await tx.enrollmentRequest.update({
        where: { applicationId: input.applicationId },
        data: { offer: JSON.stringify(offer) },
      });
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "application.refuse",
        subjectType: "application",
        subjectId: application.number,
        details: { from: refused.from, to: refused.to, ground: NO_PLACES_GROUND, offer: offer.join(", ") },
      });
      return { ...refused, offer };
    },
    { ok: false, error: "conflict" },
  );
}

function parseOffer(json: string | null): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** 1 + the live applications ranked ahead of this one on its list that no order has enrolled yet. */
async function placeAmongNotEnrolled(
  tx: Tx,
  request: { campaignYear: number; schoolCode: string; stage: number; rankClass: number; sequence: number },
): Promise<number> {
  const ahead = await tx.enrollmentRequest.count({
    where: {
      campaignYear: request.campaignYear,
      schoolCode: request.schoolCode,
      live: true,
      orderId: null,
      OR: [
        { stage: { lt: request.stage } },
        { stage: request.stage, rankClass: { lt: request.rankClass } },
        { stage: request.stage, rankClass: request.rankClass, sequence: { lt: request.sequence } },
      ],
    },
  });
  return ahead + 1;
}

async function offerFor(
  tx: Tx,
  input: { refused: { code: string; oktmo: string }; campaignYear: number; child: { childCertificate: string } },
): Promise<OfferedSchool[]> {
  const schools = await tx.school.findMany({
    where: { code: { not: input.refused.code }, seats: { some: { year: input.campaignYear } } },
    select: { code: true, oktmo: true, name: true },
  });
  const places = await freePlaces(
    tx,
    input.campaignYear,
    schools.map((s) => s.code),
  );
  const standsOn = await tx.enrollmentRequest.findMany({
    where: { childCertificate: input.child.childCertificate, campaignYear: input.campaignYear, live: true },
    select: { schoolCode: true },
  });
  const codes = rankOffer(
    schools.map((s) => ({ code: s.code, oktmo: s.oktmo, free: places.get(s.code)?.free ?? 0 })),
    input.refused,
    new Set(standsOn.map((s) => s.schoolCode)),
  );
  return codes.map((code) => ({ code, name: schools.find((s) => s.code === code)!.name }));
}

// --- What the school's list page shows ---------------------------------------------------------

export type OrderListRow = RankedRow & {
  applicationId: string;
  /** The application's order deadline, YYYY-MM-DD. */
  deadline: string | null;
  /** When the documents were checked (region date), or null. */
  documentsCheckedOn: string | null;
  /** The order that enrolled it. */
  order: { number: string; date: string } | null;
};

/**
 * A school's ranked list with what the school's acts need: each application's id (to select it),
 * whether its documents were checked, the order that enrolled it, and the school's places for the
 * year. Null when the school is outside the officer's scope.
 */
export async function schoolOrderList(
  db: PrismaClient,
  input: { schoolCode: string; campaignYear: number; scope: OrderScope },
): Promise<{ rows: OrderListRow[]; places: Places } | null> {
  if (!mayWorkSchool(input.scope, input.schoolCode)) return null;
  const ranked = await schoolRankedList(db, {
    schoolCode: input.schoolCode,
    campaignYear: input.campaignYear,
    departmentIds: [...input.scope.departmentIds],
    schoolCodes: input.scope.schoolCodes ? [...input.scope.schoolCodes] : null,
  });
  if (!ranked) return null;
  const extras = await db.enrollmentRequest.findMany({
    where: {
      campaignYear: input.campaignYear,
      schoolCode: input.schoolCode,
      application: { number: { in: ranked.map((r) => r.number) } },
    },
    select: {
      applicationId: true,
      documentsCheckedAt: true,
      order: { select: { number: true, date: true } },
      application: { select: { number: true, deadline: true } },
    },
  });
  const byNumber = new Map(extras.map((e) => [e.application.number, e]));
  const rows = ranked.flatMap((row) => {
    const extra = byNumber.get(row.number);
    if (!extra) return [];
    return [
      {
        ...row,
        applicationId: extra.applicationId,
        deadline: extra.application.deadline,
        documentsCheckedOn: extra.documentsCheckedAt ? regionDate(extra.documentsCheckedAt) : null,
        order: extra.order,
      },
    ];
  });
  return { rows, places: await placesOfSchool(db, input.campaignYear, input.schoolCode) };
}

/** An order of the school, with the number of children it enrolled (the page's notice after issuing). */
export async function findSchoolOrder(
  db: PrismaClient,
  input: { orderId: number; schoolCode: string; campaignYear: number; scope: OrderScope },
): Promise<IssuedOrder | null> {
  if (!mayWorkSchool(input.scope, input.schoolCode)) return null;
  const order = await db.enrollmentOrder.findFirst({
    where: { id: input.orderId, schoolCode: input.schoolCode, campaignYear: input.campaignYear },
    include: { _count: { select: { requests: true } } },
  });
  return order ? { id: order.id, number: order.number, date: order.date, enrolled: order._count.requests } : null;
}
