import type { PrismaClient } from "~/generated/prisma/client";
import { getProfile } from "~/domain/accounts/profile.server";
import { getCatalogue } from "~/domain/catalogue/catalogue.server";
import type { Language } from "~/domain/i18n/localized";
import { formatDate, formatMonthName } from "~/domain/region/dates";
import { formatRubles } from "~/domain/region/numbers";
import { familyAnswer, familyFormDefaults, monthRuns } from "./family-entitlement";
import { measuresOfPackage } from "./measure-store.server";
import type { FamilyChild, SupportMeasure } from "./measures";

/*
 * What the entitlement page of a package service shows (docs/social-support.md#entitlement): the
 * service with its category, the family's answer with amounts and dates already in the reader's words
 * (formatted once, on the server), and the form's values from a signed-in resident's profile.
 */

/** The package service of this slug, in the reader's language, with its measures; null when it is not a package. */
export async function findEntitlementService(db: PrismaClient, input: { slug: string; language: Language }) {
  const catalogue = await getCatalogue(db);
  const service = catalogue.serviceBySlug.get(input.slug);
  const measures = service ? await measuresOfPackage(db, service.code) : null;
  if (!service || !measures) return null;
  const category = catalogue.categories.find((c) => c.slug === service.categorySlug);
  return {
    slug: service.slug,
    serviceTitle: service.title[input.language],
    category: category ? { slug: category.slug, title: category.title[input.language] } : null,
    measures,
  };
}

/** The family form's values for the children of the resident's profile; null when the profile has none. */
export async function profileFamilyDefaults(db: PrismaClient, userId: string): Promise<Record<string, string> | null> {
  const { children } = await getProfile(db, userId);
  return children.length > 0 ? familyFormDefaults(children) : null;
}

/** The measures this family is entitled to today, and why not the others, ready to be read. */
export function entitlementAnswer(
  measures: readonly SupportMeasure[],
  children: readonly FamilyChild[],
  today: string,
  language: Language,
) {
  const answer = familyAnswer(measures, children, today);
  const rubles = (kopecks: number) => formatRubles(kopecks, language);
  return {
    date: formatDate(today, language),
    counted: answer.counted,
    needed: answer.needed,
    large: answer.large,
    largeUntil: answer.largeUntil ? formatDate(answer.largeUntil, language) : null,
    measures: answer.measures.map((m) => ({
      code: m.code,
      title: m.title[language],
      entitled: m.entitlement.entitled,
      reason: m.entitlement.entitled ? null : m.entitlement.reason,
      children: m.entitlement.entitled ? m.entitlement.children : 0,
      ages: m.ages,
      amount:
        !m.amount || m.amount.kind === "none"
          ? null
          : m.amount.kind === "share"
            ? { kind: "share" as const, percent: m.amount.percent }
            : {
                kind: m.amount.kind,
                total: rubles(m.amount.totalKopecks),
                each: rubles(m.amount.perChildKopecks),
                months: m.amount.kind === "monthly" ? monthsInWords(m.amount.months, language) : null,
              },
      certificateUntil: m.certificateUntil ? formatDate(m.certificateUntil, language) : null,
    })),
  };
}

export type EntitlementAnswer = ReturnType<typeof entitlementAnswer>;

/** "сентябрь–май" / "September–May". */
function monthsInWords(months: readonly number[], language: Language): string {
  const name = (month: number) => formatMonthName(month, language);
  return monthRuns(months)
    .map(([from, to]) => (from === to ? name(from) : `${name(from)}–${name(to)}`))
    .join(", ");
}
