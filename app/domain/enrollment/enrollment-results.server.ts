import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { pick, type Language, type Localized } from "~/domain/i18n/localized";
import { formatShortDate } from "~/domain/region/dates";
import { parseAnswers } from "~/domain/applications/applications.server";
import { loadCampaign } from "./enrollment.server";
import { getSchool, schoolsForAddress } from "./schools.server";
import {
  formatOrdersCursor,
  parseOrdersCursor,
  sortRegistrationNumbers,
  type OrdersCursor,
  type PublicOrder,
} from "./public-orders";

/*
 * What came of first-grade applications, read side (docs/enrollment.md, "Results, public orders and
 * open data"): for the parent, "enrolled by order № … of …" or a refusal for lack of places with the
 * education authority's offer of schools that have free places now; for everyone, a school's orders
 * with the registration numbers each enrolled — never names. The orders themselves are written by the
 * school's side (enrollment-orders.server.ts).
 */

export type OfferedSchool = {
  code: string;
  name: Localized;
  address: string;
  /** Free first-grade places now (places minus children enrolled by orders). */
  freePlaces: number;
  /** Whether the child's address is in the school's assigned territory; absent when the address list does not know the house. */
  inTerritory?: boolean;
};

/** A school a finished campaign's offer named: history, with nothing to apply to any more. */
export type PastOfferedSchool = { code: string; name: Localized; address: string };

export type EnrollmentResult =
  | { kind: "enrolled"; orderNumber: string; orderDate: string; schoolCode: string; campaignYear: number }
  | { kind: "refused"; schoolCode: string; campaignYear: number; finished: false; offer: OfferedSchool[] }
  /** The refusal's campaign is over (its stage 2 ended): what was offered, as history. */
  | { kind: "refused"; schoolCode: string; campaignYear: number; finished: true; offer: PastOfferedSchool[] };

/**
 * Whether a campaign is over: its stage 2 has ended (docs/enrollment.md, "The campaign"). Its offers
 * are history then — a draft made now would be for the next year's campaign, not this one.
 */
export async function campaignIsOver(db: PrismaClient, campaignYear: number, now: Date = new Date()) {
  const campaign = await loadCampaign(db, campaignYear);
  return now.getTime() > campaign.stage2EndsAt.getTime();
}

/** An offer names a handful of schools; more than this is not an offer a parent can read. */
const MAX_OFFERED = 20;

/** The school codes of a refusal's offer (EnrollmentRequest.offer, a JSON array), in the authority's order. */
export function offeredCodes(offer: string | null): string[] {
  if (offer === null) return [];
  try {
    const value: unknown = JSON.parse(offer);
    if (!Array.isArray(value)) return [];
    const codes = value.filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 20);
    return [...new Set(codes)].slice(0, MAX_OFFERED);
  } catch {
    return [];
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * One application's enrollment result, or null while there is none (still on the list, withdrawn, or
 * not a first-grade application). A refusal is one for lack of places exactly when it carries an offer
 * (the only lawful ground, docs/enrollment.md). The offer is shown as it stands now: a school that has filled
 * since the refusal is left out, and each keeps its free places of this moment.
 */
type RequestRow = {
  schoolCode: string;
  campaignYear: number;
  offer: string | null;
  status: string;
  answers: string;
  orderNumber: string | null;
  orderDate: string | null;
  orderSchoolCode: string | null;
  orderCampaignYear: number | null;
};

export async function enrollmentResult(
  db: PrismaClient,
  applicationId: string,
  now: Date = new Date(),
): Promise<EnrollmentResult | null> {
  // In SQL: the application page asks on every reload, and at the opening parents reload (0037).
  const connection = await sqliteConnectionOf(db);
  const request = await connection.read(
    () =>
      connection
        .statement(
          `SELECT r."schoolCode", r."campaignYear", r."offer", a."status", a."answers",
                  o."number" AS "orderNumber", o."date" AS "orderDate",
                  o."schoolCode" AS "orderSchoolCode", o."campaignYear" AS "orderCampaignYear"
             FROM "EnrollmentRequest" r
             JOIN "Application" a ON a."id" = r."applicationId"
             LEFT JOIN "EnrollmentOrder" o ON o."id" = r."orderId"
            WHERE r."applicationId" = ?`,
        )
        .get(applicationId) as RequestRow | undefined,
  );
  if (!request) return null;
  if (request.orderNumber !== null) {
    return {
      kind: "enrolled",
      orderNumber: request.orderNumber,
      orderDate: request.orderDate!,
      schoolCode: request.orderSchoolCode!,
      campaignYear: request.orderCampaignYear!,
    };
  }
  if (request.status !== "refused" || request.offer === null) return null;
  const codes = offeredCodes(request.offer).filter((code) => code !== request.schoolCode);
  if (await campaignIsOver(db, request.campaignYear, now)) {
    const offer: PastOfferedSchool[] = [];
    for (const code of codes) {
      const school = await getSchool(db, code, request.campaignYear);
      if (school) offer.push({ code: school.code, name: school.name, address: school.address });
    }
    return {
      kind: "refused",
      schoolCode: request.schoolCode,
      campaignYear: request.campaignYear,
      finished: true,
      offer,
    };
  }
  return {
    kind: "refused",
    schoolCode: request.schoolCode,
    campaignYear: request.campaignYear,
    finished: false,
    offer: await offerNow(db, {
      codes,
      year: request.campaignYear,
      answers: parseAnswers(request.answers),
    }),
  };
}

export type EnrollmentResultView =
  | { kind: "enrolled"; orderNumber: string; orderDate: string; schoolCode: string; campaignYear: number }
  | {
      kind: "refused";
      schoolCode: string;
      campaignYear: number;
      /** The campaign is over: the offer is history (no free places, no button). */
      finished: boolean;
      /** Free places and territory only while the campaign runs. */
      offer: { code: string; name: string; address: string; freePlaces?: number; inTerritory?: boolean }[];
    };

/** The same for the parent's page, in the page's language: the order's date as on documents ("03.07.2027"). */
export async function enrollmentResultView(
  db: PrismaClient,
  applicationId: string,
  language: Language,
  now: Date = new Date(),
): Promise<EnrollmentResultView | null> {
  const result = await enrollmentResult(db, applicationId, now);
  if (!result) return null;
  if (result.kind === "enrolled") return { ...result, orderDate: formatShortDate(result.orderDate, language) };
  return {
    kind: "refused",
    schoolCode: result.schoolCode,
    campaignYear: result.campaignYear,
    finished: result.finished,
    offer: result.offer.map((school) => ({ ...school, name: pick(school.name, language) })),
  };
}

/** The offered schools that still have free places, with whether the child's house is in their territory. */
async function offerNow(
  db: PrismaClient,
  input: { codes: string[]; year: number; answers: Record<string, unknown> },
): Promise<OfferedSchool[]> {
  if (input.codes.length === 0) return [];
  const address = (input.answers.childAddress ?? {}) as Record<string, unknown>;
  const territory = str(address.street)
    ? await schoolsForAddress(db, {
        settlement: str(address.locality) || undefined,
        street: str(address.street),
        house: str(address.house),
        year: input.year,
      })
    : null;
  const assigned = territory?.match === "found" ? new Set(territory.schools.map((s) => s.code)) : null;
  const offered: OfferedSchool[] = [];
  // Free places through the schools module, the one place they are counted (enrolledChildren).
  for (const code of input.codes) {
    const school = await getSchool(db, code, input.year);
    if (!school || !school.freeSeats || school.freeSeats <= 0) continue;
    offered.push({
      code: school.code,
      name: school.name,
      address: school.address,
      freePlaces: school.freeSeats,
      ...(assigned ? { inTerritory: assigned.has(school.code) } : {}),
    });
  }
  return offered;
}

// --- Public order lists --------------------------------------------------------------------------

export const ORDERS_PAGE_SIZE = 50;
/** Bound on the pages one open-data file reads: far more orders than a school issues in a year. */
const MAX_ORDER_PAGES = 40;

export type PublicOrdersPage = { orders: PublicOrder[]; next: string | null };

/**
 * A page of a school's orders for a campaign year, by date and then as issued, each with the
 * registration numbers it enrolled. Two indexed reads: the orders by (campaignYear, schoolCode, date)
 * from the cursor on, and the requests of those orders by orderId. Only numbers are selected.
 */
export async function publicOrdersPage(
  db: PrismaClient,
  input: { schoolCode: string; year: number; after?: OrdersCursor | null; take?: number },
): Promise<PublicOrdersPage> {
  const take = Math.min(Math.max(1, Math.floor(input.take ?? ORDERS_PAGE_SIZE)), ORDERS_PAGE_SIZE);
  const after = input.after;
  const rows = await db.enrollmentOrder.findMany({
    where: {
      campaignYear: input.year,
      schoolCode: input.schoolCode,
      ...(after ? { OR: [{ date: { gt: after.date } }, { date: after.date, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    select: { id: true, number: true, date: true },
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const enrolled =
    page.length === 0
      ? []
      : await db.enrollmentRequest.findMany({
          where: { orderId: { in: page.map((o) => o.id) } },
          select: { orderId: true, application: { select: { number: true } } },
        });
  const numbers = new Map<number, string[]>();
  for (const row of enrolled) {
    if (row.orderId === null || !row.application.number) continue;
    numbers.set(row.orderId, [...(numbers.get(row.orderId) ?? []), row.application.number]);
  }
  const last = page.at(-1);
  return {
    orders: page.map((o) => ({
      number: o.number,
      date: o.date,
      registrationNumbers: sortRegistrationNumbers(numbers.get(o.id) ?? []),
    })),
    next: rows.length > take && last ? formatOrdersCursor({ date: last.date, id: last.id }) : null,
  };
}

/** Every order of a school's campaign year (bounded), for the CSV file. */
export async function allPublicOrders(db: PrismaClient, input: { schoolCode: string; year: number }) {
  const orders: PublicOrder[] = [];
  let after: OrdersCursor | null = null;
  for (let round = 0; round < MAX_ORDER_PAGES; round++) {
    const page = await publicOrdersPage(db, { ...input, after });
    orders.push(...page.orders);
    if (!page.next) break;
    after = parseOrdersCursor(page.next);
  }
  return orders;
}

/** The campaign years in which the school issued orders, newest first (by the (schoolCode, …) unique index). */
export async function schoolOrderYears(db: PrismaClient, schoolCode: string): Promise<number[]> {
  const rows = await db.enrollmentOrder.findMany({
    where: { schoolCode },
    select: { campaignYear: true },
    distinct: ["campaignYear"],
    orderBy: { campaignYear: "desc" },
  });
  return rows.map((r) => r.campaignYear);
}

/** Whether a school of this code exists (the open data answers 404 otherwise). */
export async function schoolExists(db: PrismaClient, code: string): Promise<boolean> {
  if (code.length === 0 || code.length > 20) return false;
  return (await db.school.count({ where: { code } })) === 1;
}

export type PublicSchoolOrders = {
  school: string;
  year: number;
  /** Other campaign years with orders, newest first. */
  years: number[];
} & PublicOrdersPage;

/** What the school page and the open data publish of a school's orders for a year; null for an unknown school. */
export async function publicSchoolOrders(
  db: PrismaClient,
  input: { code: string; year: number; after?: OrdersCursor | null },
): Promise<PublicSchoolOrders | null> {
  if (!(await schoolExists(db, input.code))) return null;
  const [page, years] = await Promise.all([
    publicOrdersPage(db, { schoolCode: input.code, year: input.year, after: input.after }),
    schoolOrderYears(db, input.code),
  ]);
  return { school: input.code, year: input.year, years: years.filter((y) => y !== input.year), ...page };
}

/** The same for the school page: each order's date also as on documents ("03.07.2027"). */
export async function schoolOrdersView(
  db: PrismaClient,
  input: { code: string; year: number; after?: OrdersCursor | null; language: Language },
) {
  const found = await publicSchoolOrders(db, input);
  if (!found) return null;
  return {
    ...found,
    orders: found.orders.map((o) => ({ ...o, dateText: formatShortDate(o.date, input.language) })),
  };
}
