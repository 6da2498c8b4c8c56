import { z } from "zod";
import { dateSchema } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import {
  countedChildren,
  entitlements,
  largeFamilyUntil,
  LARGE_FAMILY,
  type Entitlement,
  type FamilyChild,
  type SupportMeasure,
} from "./measures";

/*
 * "Which measures is my family entitled to" before applying (docs/social-support.md#entitlement): a
 * family gives its children's dates of birth — typed, or read from the profile when signed in — and
 * sees every measure of the package with entitled or not, why, and the amount for this family. Pure:
 * the same schema checks the GET form in the browser and in the loader.
 */

/** Rows of the form; a family with more children enters the ten youngest (three are enough). */
export const FAMILY_FORM_ROWS = 10;

const rows = Array.from({ length: FAMILY_FORM_ROWS }, (_, i) => i + 1);
/** The form's field names: `child1` (a date of birth) and `student1` (in full-time education), … */
export const childField = (row: number) => `child${row}`;
export const studentField = (row: number) => `student${row}`;
export const FAMILY_FORM_FIELDS = rows.flatMap((row) => [childField(row), studentField(row)]);

/** The form: each row a date of birth (not in the future) and a tick for full-time education. */
export function familyFormSchema(today: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const row of rows) {
    shape[childField(row)] = dateSchema({ max: "today" }, { today }).optional();
    // A ticked box is sent as "on"; anything else is a crafted request.
    shape[studentField(row)] = z.boolean({ message: m("choice.invalid") }).optional();
  }
  return z.object(shape);
}

/** The family's children from the form's value: a row without a date is ignored, even when ticked. */
export function familyChildren(value: Record<string, unknown>): FamilyChild[] {
  return rows.flatMap((row): FamilyChild[] => {
    const birthDate = value[childField(row)];
    return typeof birthDate === "string" && birthDate
      ? [{ birthDate, fullTimeStudent: value[studentField(row)] === true }]
      : [];
  });
}

/** Whether a query string carries the form (any of its fields, even empty): the family asked. */
export function asksFamilyForm(params: URLSearchParams): boolean {
  return FAMILY_FORM_FIELDS.some((name) => params.has(name));
}

/** The form's initial values for children read from the profile (the youngest first when there are too many). */
export function familyFormDefaults(children: readonly { birthDate: string }[]): Record<string, string> {
  const youngestFirst = [...children].sort((a, b) => b.birthDate.localeCompare(a.birthDate));
  const kept = youngestFirst.slice(0, FAMILY_FORM_ROWS).reverse();
  return Object.fromEntries(kept.map((child, i) => [childField(i + 1), child.birthDate]));
}

/** What a measure brings this family, in numbers the page puts into words. */
export type MeasureAmount =
  | { kind: "none" }
  | { kind: "yearly"; perChildKopecks: number; totalKopecks: number }
  | { kind: "monthly"; perChildKopecks: number; totalKopecks: number; months: number[] }
  | { kind: "share"; percent: number };

export type MeasureAnswer = {
  code: string;
  title: SupportMeasure["title"];
  entitlement: Entitlement;
  /** The ages the measure is for (whole years, `maxYears` not included); null = the family. */
  ages: { minYears: number; maxYears: number } | null;
  /** For the children entitled (per-child amounts multiplied); null when not entitled. */
  amount: MeasureAmount | null;
  /** The measure issues the certificate: valid until this day. */
  certificateUntil: string | null;
};

export type FamilyAnswer = {
  /** The children who count for a large family today, and how many are needed. */
  counted: number;
  needed: number;
  large: boolean;
  /** The last day the family is large on what is known today (the certificate's validity). */
  largeUntil: string | null;
  measures: MeasureAnswer[];
};

export function familyAnswer(
  measures: readonly SupportMeasure[],
  children: readonly FamilyChild[],
  today: string,
): FamilyAnswer {
  const counted = countedChildren(children, today).length;
  const largeUntil = largeFamilyUntil(children, today);
  return {
    counted,
    needed: LARGE_FAMILY.minChildren,
    large: counted >= LARGE_FAMILY.minChildren,
    largeUntil,
    measures: entitlements(measures, children, today).map(({ measure, entitlement }) => ({
      code: measure.code,
      title: measure.title,
      entitlement,
      ages: measure.terms.children ?? null,
      amount: entitlement.entitled ? amountFor(measure, entitlement.children) : null,
      certificateUntil:
        entitlement.entitled && measure.terms.document === "large-family-certificate" ? largeUntil : null,
    })),
  };
}

function amountFor(measure: SupportMeasure, children: number): MeasureAmount {
  const times = measure.terms.children ? children : 1;
  const amount = measure.terms.amount;
  switch (amount.kind) {
    case "none":
      return { kind: "none" };
    case "yearly":
      return { kind: "yearly", perChildKopecks: amount.kopecks, totalKopecks: amount.kopecks * times };
    case "monthly":
      return {
        kind: "monthly",
        perChildKopecks: amount.kopecks,
        totalKopecks: amount.kopecks * times,
        months: amount.months,
      };
    case "share":
      return { kind: "share", percent: amount.percent };
  }
}

/**
 * The months of a monthly measure as runs of consecutive months, across the new year when they
 * go on (September–May is one run: [[9, 5]]); a single month is a run of one.
 */
export function monthRuns(months: readonly number[]): [from: number, to: number][] {
  const set = new Set(months);
  if (set.size === 12) return [[1, 12]];
  const starts = [...set].filter((m) => !set.has(m === 1 ? 12 : m - 1)).sort((a, b) => a - b);
  return starts.map((start) => {
    let end = start;
    while (set.has(end === 12 ? 1 : end + 1)) end = end === 12 ? 1 : end + 1;
    return [start, end];
  });
}
