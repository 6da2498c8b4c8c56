import { z } from "zod";
import { ageInYears } from "~/domain/forms/form-schema";

/*
 * The large-family complex service (docs/social-support.md): who counts as a large family, which of
 * the package's measures a family is entitled to, the certificate's validity and a granted measure's
 * payments. Measures are data (SupportMeasure rows, terms validated by MeasureTermsSchema); the rules
 * here read them and know no measure by name.
 */

/** A large family has at least 3 children under 18, or under 23 while in full-time education. */
export const LARGE_FAMILY = { minChildren: 3, adultAge: 18, studentAge: 23 } as const;

const Month = z.number().int().min(1).max(12);

export const MeasureTermsSchema = z.object({
  /** The children the measure is for (ages in whole years, `maxYears` not included); none = the family. */
  children: z.object({ minYears: z.number().int().min(0), maxYears: z.number().int().min(1) }).optional(),
  amount: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    /** Once a year, per child when the measure is for children. */
    z.object({ kind: z.literal("yearly"), kopecks: z.number().int().positive() }),
    /** Every month listed (e.g. September–May), per child when the measure is for children. */
    z.object({ kind: z.literal("monthly"), kopecks: z.number().int().positive(), months: z.array(Month).min(1) }),
    /** A share of each month's housing and utility bill: the amount follows the bill. */
    z.object({ kind: z.literal("share"), percent: z.number().int().min(1).max(100) }),
  ]),
  /** The result document the grant issues. */
  document: z.literal("large-family-certificate").optional(),
  /** How many months ahead a grant schedules its payments. */
  scheduleMonths: z.number().int().min(1).max(36).default(12),
});
export type MeasureTerms = z.infer<typeof MeasureTermsSchema>;

export type SupportMeasure = {
  code: string;
  packageServiceCode: string;
  serviceCode: string;
  position: number;
  title: { ru: string; en: string };
  terms: MeasureTerms;
};

export type FamilyChild = { birthDate: string; fullTimeStudent?: boolean };

/** The day (ISO) a child stops counting for a large family: the 18th birthday, or the 23rd for a student. */
function stopsCounting(child: FamilyChild): string {
  const years = child.fullTimeStudent ? LARGE_FAMILY.studentAge : LARGE_FAMILY.adultAge;
  const [y, rest] = [Number(child.birthDate.slice(0, 4)), child.birthDate.slice(4)];
  // Born on 29 February: the birthday of a common year is 1 March.
  const day = `${String(y + years).padStart(4, "0")}${rest}`;
  return isRealDate(day) ? day : `${String(y + years).padStart(4, "0")}-03-01`;
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The children who count for a large family on `today`: born by then and not yet past the age. */
export function countedChildren<C extends FamilyChild>(children: readonly C[], today: string): C[] {
  return children.filter((c) => c.birthDate <= today && today < stopsCounting(c));
}

export function isLargeFamily(children: readonly FamilyChild[], today: string): boolean {
  return countedChildren(children, today).length >= LARGE_FAMILY.minChildren;
}

/**
 * The last day the family is large on what is known today (the certificate's validity): the day
 * before the third-longest-counting child stops counting. Null when the family is not large today.
 */
export function largeFamilyUntil(children: readonly FamilyChild[], today: string): string | null {
  const ends = countedChildren(children, today).map(stopsCounting).sort().reverse();
  const third = ends[LARGE_FAMILY.minChildren - 1];
  return third ? previousDay(third) : null;
}

export type Entitlement =
  { entitled: true; children: number } | { entitled: false; reason: "not-large-family" | "no-children-of-age" };

/** Whether the family is entitled to the measure on `today`, and for how many children. */
export function entitlement(terms: MeasureTerms, children: readonly FamilyChild[], today: string): Entitlement {
  if (!isLargeFamily(children, today)) return { entitled: false, reason: "not-large-family" };
  const range = terms.children;
  if (!range) return { entitled: true, children: 0 };
  const ofAge = countedChildren(children, today).filter((c) => {
    const age = ageInYears(c.birthDate, today);
    return age >= range.minYears && age < range.maxYears;
  }).length;
  return ofAge > 0 ? { entitled: true, children: ofAge } : { entitled: false, reason: "no-children-of-age" };
}

/** Every measure of a package with the family's entitlement, in the package's order. */
export function entitlements<M extends Pick<SupportMeasure, "position" | "terms">>(
  measures: readonly M[],
  children: readonly FamilyChild[],
  today: string,
): { measure: M; entitlement: Entitlement }[] {
  return [...measures]
    .sort((a, b) => a.position - b.position)
    .map((measure) => ({ measure, entitlement: entitlement(measure.terms, children, today) }));
}

export type ScheduledPayment = {
  month: string;
  amountKopecks: number | null;
  percent: number | null;
  children: number | null;
};

/**
 * The payments of a granted measure, from the month after the decision for `scheduleMonths` months:
 * a yearly amount in the first of them, a monthly one in each month listed, a share in every month.
 * Per-child amounts are multiplied by the children entitled at the decision.
 */
export function paymentSchedule(terms: MeasureTerms, decidedOn: string, children: number): ScheduledPayment[] {
  const perChild = terms.children ? children : 1;
  const months = Array.from({ length: terms.scheduleMonths }, (_, i) => addMonths(decidedOn.slice(0, 7), i + 1));
  const forChildren = terms.children ? children : null;
  switch (terms.amount.kind) {
    case "none":
      return [];
    case "yearly": {
      const amount = terms.amount.kopecks * perChild;
      return months
        .filter((_, i) => i % 12 === 0)
        .map((month) => ({ month, amountKopecks: amount, percent: null, children: forChildren }));
    }
    case "monthly": {
      const { kopecks, months: paid } = terms.amount;
      return months
        .filter((month) => paid.includes(Number(month.slice(5, 7))))
        .map((month) => ({ month, amountKopecks: kopecks * perChild, percent: null, children: forChildren }));
    }
    case "share": {
      const percent = terms.amount.percent;
      return months.map((month) => ({ month, amountKopecks: null, percent, children: null }));
    }
  }
}

/** "YYYY-MM" plus n months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}`;
}

function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
