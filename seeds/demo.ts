import type { PrismaClient } from "~/generated/prisma/client";
import {
  saveCategory,
  saveDepartment,
  saveLifeSituation,
  saveService,
} from "~/domain/catalogue/catalogue-store.server";
import { seedProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { seedDemoAccounts } from "./accounts";
import { seedStatisticsHistory } from "./history";
import { seedFinishedCampaign } from "./enrollment-2026";
import { seedSchools } from "./schools";
import { categories, departments, lifeSituations, services } from "./catalogue/index";
import { largeFamilyMeasures } from "./catalogue/large-family-measures";
import { saveSupportMeasure } from "~/domain/social/measure-store.server";
import { saveProactiveRule } from "~/domain/proactive/rule-store.server";
import { proactiveRules } from "./proactive-rules";
import { seedRegistrySources } from "./registry";
import { seedUtilityPayments } from "./utility";

/**
 * Everything a newcomer needs to see the portal working: the demo catalogue, demo accounts, the
 * production calendar and the statistics history; with `finishedCampaign`, also the 2026 first-grade
 * campaign with its lists, orders and refusals (a few seconds more, so the tests leave it out).
 */
export async function seedDemoData(
  db: PrismaClient,
  options: { finishedCampaign?: boolean } = {},
): Promise<{ services: number; accounts: number }> {
  for (const department of departments) await saveDepartment(db, department);
  for (const category of categories) await saveCategory(db, category);
  for (const situation of lifeSituations) await saveLifeSituation(db, situation);
  for (const service of services) await saveService(db, service);
  // The large-family package's measures: data the complex service reads (docs/social-support.md).
  for (const measure of largeFamilyMeasures) await saveSupportMeasure(db, measure);
  // What life events become: measures assigned or offered without an application (docs/proactive.md).
  for (const rule of proactiveRules) await saveProactiveRule(db, rule);
  // The systems that report life events, with their demo signing keys (README, "Proactive services").
  await seedRegistrySources(db);
  // Schools with first-grade places, the address list, assigned territories and campaigns.
  await seedSchools(db);
  const accounts = await seedDemoAccounts(db);
  // Utility providers and three accounts with a year of bills; the demo parent has linked one (docs/payments.md).
  await seedUtilityPayments(db);
  // Real data rather than a demo: the calendar deadlines are counted in (idempotent, keeps admins' edits).
  await seedProductionCalendar(db);
  // The anonymised statistics since 2016, so the indicators have history (idempotent: once per database).
  await seedStatisticsHistory(db);
  if (options.finishedCampaign) await seedFinishedCampaign(db);
  return { services: services.length, accounts };
}
