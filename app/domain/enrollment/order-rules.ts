import type { Command, Status } from "~/domain/applications/lifecycle";
import { FORBIDDEN_CHARACTERS, parseDate } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";

/*
 * The school's side of first-grade enrollment as rules (docs/enrollment.md, "The school's side"):
 * which applications may have their documents checked and which an enrollment order (распорядительный
 * акт о приёме) may enroll, how an order's number is read, what the resident is told, and which
 * schools a refusal for lack of places offers. Pure: the server module reads what these need and
 * writes what they decide.
 */

/** The refusal's ground in the service's list (seeds/catalogue/education.ts): the only lawful one. */
export const NO_PLACES_GROUND = "no-free-seats";

/** At most this many schools in a refusal's offer. */
export const OFFER_LIMIT = 10;

export const ORDER_NUMBER_MAX_LENGTH = 20;

/*
 * Letters and digits, with single dashes, slashes, dots or spaces between them, as schools number
 * their orders: "45", "45-у", "12/1-о", "ОД-7".
 */
const ORDER_NUMBER = /^[\p{L}\p{N}]+(?:[-/. ][\p{L}\p{N}]+)*$/u;

/**
 * An order's number as it is stored and compared: "№ 45 - у" is "45-у". The sign "№" in front is
 * dropped (it is read before NFKC, which would spell it "No"), spaces are collapsed and removed
 * around dashes and slashes. The letters keep the case the school typed.
 */
export function normalizeOrderNumber(input: string): string {
  return input
    .trim()
    .replace(/^№\s*/, "")
    .normalize("NFKC")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/\s*([-/])\s*/g, "$1")
    .trim();
}

/** What is wrong with a normalised order number (a message key), or null. */
export function orderNumberProblem(number: string): string | null {
  if (number === "") return m("required");
  if (FORBIDDEN_CHARACTERS.test(number)) return m("text.control");
  if (number.length > ORDER_NUMBER_MAX_LENGTH) return m("text.tooLong", { max: ORDER_NUMBER_MAX_LENGTH });
  if (!ORDER_NUMBER.test(number) || !/\p{N}/u.test(number)) return m("enrollment:orders.errors.numberInvalid");
  return null;
}

/** What is wrong with an order's date (YYYY-MM-DD): it is a real date and not after today. */
export function orderDateProblem(date: string, today: string): string | null {
  const parsed = parseDate(date);
  if (!parsed) return m("date.invalid");
  if (parsed > today) return m("date.tooLate", { max: today });
  return null;
}

/** An application of a school's list as the rules need it. */
export type Candidate = {
  applicationId: string;
  number: string;
  /** Still on the list: not withdrawn, not refused. */
  live: boolean;
  status: Status;
  documentsChecked: boolean;
  /** The order that enrolled it, if any (its number and YYYY-MM-DD date). */
  order: { number: string; date: string } | null;
  /** The region date of its receipt. */
  receivedOn: string;
};

export type ProblemReason =
  "notLive" | "documentsNotChecked" | "alreadyEnrolled" | "statusNotAllowed" | "receivedAfterOrderDate";

export type Problem = {
  number: string;
  reason: ProblemReason;
  status?: Status;
  order?: { number: string; date: string };
  receivedOn?: string;
};

/*
 * Statuses in which the school may say the documents were checked against the originals: on the way
 * to review, or in review (an invited parent brings the originals, so an invitation stays as it is).
 * Waiting for the resident's answer or a correction, or decided, it may not.
 */
const CHECKABLE: readonly Status[] = ["sent", "received", "inReview", "invitedToVisit"];

/** The lifecycle commands that bring an application of this status to review ("Принято к рассмотрению"). */
export function stepsToReview(status: Status): Command[] {
  if (status === "sent") return ["acknowledge", "startReview"];
  if (status === "received") return ["startReview"];
  return [];
}

function common(candidate: Candidate): Problem | null {
  if (candidate.order) return { number: candidate.number, reason: "alreadyEnrolled", order: candidate.order };
  if (!candidate.live) return { number: candidate.number, reason: "notLive" };
  return null;
}

/** Why applications of the selection cannot have their documents marked checked; empty when all can. */
export function documentCheckProblems(candidates: readonly Candidate[]): Problem[] {
  return candidates.flatMap((c): Problem[] => {
    const problem = common(c);
    if (problem) return [problem];
    if (!CHECKABLE.includes(c.status)) return [{ number: c.number, reason: "statusNotAllowed", status: c.status }];
    return [];
  });
}

/*
 * Statuses an order may enroll from: in review, or invited to visit (the lifecycle's `complete` is
 * allowed from both).
 */
const ENROLLABLE: readonly Status[] = ["inReview", "invitedToVisit"];

/**
 * Why applications of the selection cannot be enrolled by an order of this date; empty when all can.
 * Each must still be on the list, not in an order already, have its documents checked, be in review,
 * and have been received on or before the order's date.
 */
export function orderProblems(candidates: readonly Candidate[], orderDate: string): Problem[] {
  return candidates.flatMap((c): Problem[] => {
    const problem = common(c);
    if (problem) return [problem];
    // Unchecked documents first: that is what the school has left to do (it also brings it to review).
    if (!c.documentsChecked) return [{ number: c.number, reason: "documentsNotChecked" }];
    if (!ENROLLABLE.includes(c.status)) return [{ number: c.number, reason: "statusNotAllowed", status: c.status }];
    if (c.receivedOn > orderDate)
      return [{ number: c.number, reason: "receivedAfterOrderDate", receivedOn: c.receivedOn }];
    return [];
  });
}

/** A problem as a message for the error summary (a key of the enrollment namespace with parameters). */
export function problemMessage(problem: Problem): string {
  return m(`enrollment:orders.problem.${problem.reason}`, {
    number: problem.number,
    ...(problem.status ? { status: problem.status } : {}),
    ...(problem.order ? { order: problem.order.number, date: problem.order.date } : {}),
    ...(problem.receivedOn ? { received: problem.receivedOn } : {}),
  });
}

/** The applications selected, each once, in the order given. */
export function uniqueSelection(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Whether two selections hold the same applications (a repeated submission of the same order). */
export function sameSelection(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

export type Places = { seats: number; enrolled: number; free: number };

export function placesOf(seats: number, enrolled: number): Places {
  return { seats, enrolled, free: Math.max(0, seats - enrolled) };
}

/** An order cannot enroll more children than the school has free places. */
export function capacityProblem(selected: number, places: Places): { selected: number; free: number } | null {
  return selected > places.free ? { selected, free: places.free } : null;
}

/**
 * A refusal for lack of places is lawful only when there is no place for the child: the children
 * ahead of it on the list who are not yet enrolled take every free place. While the child's place
 * among those not enrolled is within the free places, it is not refused but waits for its order.
 */
export function refusalForLackOfPlacesAllowed(positionAmongNotEnrolled: number, places: Places): boolean {
  return positionAmongNotEnrolled > places.free;
}

/** dd.mm.yyyy, as on documents. */
export function documentDate(isoDate: string): string {
  const [y, mo, d] = isoDate.split("-");
  return `${d}.${mo}.${y}`;
}

/** The department's message to the resident when an order enrolls the child: the one wording. */
export function enrollmentMessage(order: { number: string; date: string }): string {
  return `Зачислен(а) в 1 класс приказом № ${order.number} от ${documentDate(order.date)}`;
}

export type OfferedSchool = { code: string; name: string };

/** The refusal the resident reads: the explanation, then the schools offered (or that there are none now). */
export function refusalMessage(explanation: string, offered: readonly OfferedSchool[]): string {
  const offer =
    offered.length > 0
      ? [
          "Свободные места в 1 классе сейчас есть в школах:",
          ...offered.map((s) => `— ${s.name} (№ ${s.code})`),
          "Вы можете подать заявление в одну из них.",
        ].join("\n")
      : "Свободных мест в других школах сейчас нет; управление образования сообщит, когда они появятся.";
  return `${explanation.trim()}\n\n${offer}`;
}

export type SchoolWithPlaces = { code: string; oktmo: string; free: number };

/**
 * The education authority's offer on a refusal: schools with free places for the year, other than
 * the refused one and those the child already stands on the list of — of the same municipality, most
 * free places first (then by code), at most OFFER_LIMIT; if the municipality has none, the region's.
 */
export function rankOffer(
  schools: readonly SchoolWithPlaces[],
  refused: { code: string; oktmo: string },
  excluded: ReadonlySet<string> = new Set(),
): string[] {
  const open = schools
    .filter((s) => s.free > 0 && s.code !== refused.code && !excluded.has(s.code))
    .sort((a, b) => b.free - a.free || a.code.localeCompare(b.code, "en", { numeric: true }));
  const near = open.filter((s) => s.oktmo === refused.oktmo);
  return (near.length > 0 ? near : open).slice(0, OFFER_LIMIT).map((s) => s.code);
}
