import { z } from "zod";
import type { Localized } from "~/domain/i18n/localized";
import type { LifeEvent, LifeEventType } from "./life-events";

/*
 * Proactive rules are data (ProactiveRule rows, seeded by seeds/proactive-rules.ts): which event
 * gives rise to which service's measure, assigned at once or offered to confirm, and on what
 * condition (docs/proactive.md "Rules, offers and assignments"). This module only judges them: it
 * reads no database, so the same table-driven test covers every rule.
 */

/** What an event must also say for the rule to apply; an empty condition always applies. */
export const RuleConditionSchema = z
  .object({
    /** A birth: the child's place among the parent's children at least this (3 = a large family). */
    birthOrderAtLeast: z.number().int().min(1).max(30).optional(),
    /** A benefit status: the category ЕГИССО recorded (e.g. large-family). */
    benefitCategory: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

export const RULE_MODES = ["assign", "offer"] as const;
export type RuleMode = (typeof RULE_MODES)[number];

export type ProactiveRuleData = {
  code: string;
  eventType: LifeEventType;
  serviceCode: string;
  /** assign: the case is opened at once and the resident may decline; offer: opened when confirmed. */
  mode: RuleMode;
  condition: RuleCondition;
  /** Calendar days the resident has to answer (decline an assignment, confirm an offer). */
  answerDays: number;
  position: number;
  title: Localized;
};

/** A stored rule as the judge reads it, or null when its row is unreadable (it then applies to nothing). */
export function readRule(row: {
  code: string;
  eventType: string;
  serviceCode: string;
  mode: string;
  condition: string;
  answerDays: number;
  position: number;
  titleRu: string;
  titleEn: string;
}): ProactiveRuleData | null {
  if (!(RULE_MODES as readonly string[]).includes(row.mode)) return null;
  if (!["birth", "pregnancy", "benefit-status"].includes(row.eventType)) return null;
  let condition: unknown;
  try {
    condition = JSON.parse(row.condition);
  } catch {
    return null;
  }
  const parsed = RuleConditionSchema.safeParse(condition);
  if (!parsed.success) return null;
  return {
    code: row.code,
    eventType: row.eventType as LifeEventType,
    serviceCode: row.serviceCode,
    mode: row.mode as RuleMode,
    condition: parsed.data,
    answerDays: row.answerDays,
    position: row.position,
    title: { ru: row.titleRu, en: row.titleEn },
  };
}

/** Whether the event meets the condition. A condition about another kind of event is not met. */
export function conditionHolds(condition: RuleCondition, event: LifeEvent): boolean {
  if (condition.birthOrderAtLeast !== undefined) {
    if (event.type !== "birth" || event.child.birthOrder < condition.birthOrderAtLeast) return false;
  }
  if (condition.benefitCategory !== undefined) {
    if (event.type !== "benefit-status" || event.category !== condition.benefitCategory) return false;
  }
  return true;
}

/** The rules an event sets off, in their order. */
export function matchingRules<R extends ProactiveRuleData>(rules: readonly R[], event: LifeEvent): R[] {
  return rules
    .filter((rule) => rule.eventType === event.type && conditionHolds(rule.condition, event))
    .sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

const fullName = (p: { lastName: string; firstName: string; middleName?: string }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");

/**
 * The answers the event gives the case, under the field names of the services' forms where they
 * have them (applicantName, applicantSnils, status, category), plus what the department needs of the
 * event itself (the child, the dates). Nothing beyond what the event carried.
 */
export function prefillFor(event: LifeEvent): Record<string, string | number> {
  const person = event.type === "birth" ? event.parent : event.person;
  const base = { applicantName: fullName(person), applicantSnils: person.snils, applicantBirthDate: person.birthDate };
  switch (event.type) {
    case "birth":
      return {
        ...base,
        childName: fullName(event.child),
        childBirthDate: event.child.birthDate,
        childBirthCertificate: event.child.birthCertificate,
        childBirthOrder: event.child.birthOrder,
      };
    case "pregnancy":
      return {
        ...base,
        status: "pregnant",
        pregnancyRegisteredOn: event.registeredOn,
        ...(event.expectedBirthDate ? { expectedBirthDate: event.expectedBirthDate } : {}),
      };
    case "benefit-status":
      return { ...base, category: event.category, benefitValidFrom: event.validFrom };
  }
}

/** The region's offset from UTC (Moscow time has no summer time since 2014). */
const REGION_OFFSET = "+03:00";

/** Until when the resident may answer: the end of the region's day `answerDays` calendar days after `today`. */
export function answerByOf(today: string, answerDays: number): Date {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + answerDays);
  return new Date(`${day.toISOString().slice(0, 10)}T23:59:59.999${REGION_OFFSET}`);
}

export type OfferStatus = "offered" | "assigned" | "accepted" | "declined" | "expired";

/**
 * The status as the resident sees it at `now`: an offer not confirmed by its date has expired
 * (computed when read, not by a sweep, so it is right to the second). An assignment not declined by
 * its date simply stands: the case goes on.
 */
export function effectiveStatus(offer: { status: string; answerBy: Date }, now: Date): OfferStatus {
  if (offer.status === "offered" && now.getTime() > offer.answerBy.getTime()) return "expired";
  return offer.status as OfferStatus;
}

/** Whether the resident may still answer: confirm or decline an offer, decline an assignment. */
export function canAnswer(offer: { status: string; answerBy: Date }, now: Date): boolean {
  const status = effectiveStatus(offer, now);
  return (status === "offered" || status === "assigned") && now.getTime() <= offer.answerBy.getTime();
}
