import type { PrismaClient } from "~/generated/prisma/client";
import { importBills } from "~/domain/payments/bill-import.server";
import { regionDate } from "~/domain/region/clock";
import { addRegistryKey } from "~/domain/proactive/registry-intake.server";
import { env } from "~/env.server";
import { demoRegistryKey } from "./registry";

/*
 * The demo's housing and utility payments (docs/payments.md, README "Paying utility bills"): four providers, each
 * a signing source with a fixed demo key, and three accounts with a year of bills up to last month, delivered
 * through the same import the providers use. The demo parent has linked the first account, which carries a debt
 * old enough for both penalty rates. Idempotent: bills are kept once per (provider, bill id).
 */
export const DEMO_PROVIDERS = [
  { code: "penza-energo", nameRu: "Пензаэнергосбыт", nameEn: "Penza Energy Retail", inn: "5836000010", dueDay: null },
  { code: "vodokanal", nameRu: "Горводоканал", nameEn: "City Water Utility", inn: "5836000020", dueDay: null },
  {
    code: "uk-domservice",
    nameRu: "УК «Домсервис»",
    nameEn: "Domservice management company",
    inn: "5836000030",
    dueDay: null,
  },
  {
    code: "capital-repair",
    nameRu: "Фонд капитального ремонта",
    nameEn: "Capital repair fund",
    inn: "5836000040",
    dueDay: 20,
  },
] as const;

/** The demo accounts with their access codes, printed in the README. */
export const DEMO_UTILITY_ACCOUNTS = [
  { els: "58АБ123456", accessCode: "482913", address: "г. Пенза, ул. Московская, д. 12, кв. 34", area: 54 },
  { els: "58ВГ654321", accessCode: "715204", address: "г. Пенза, ул. Суворова, д. 45, кв. 7", area: 38 },
  { els: "58ЕЖ000777", accessCode: "306118", address: "г. Кузнецк, ул. Ленина, д. 3, кв. 15", area: 71 },
] as const;

/** The months of the first account left unpaid: five months ago (over 90 days late) and last month. */
const UNPAID_MONTHS_AGO = [5, 1];

const providerSource = (code: string) => `${code}-demo`;

function monthsBefore(today: string, back: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 - back;
  const date = new Date(Date.UTC(year, month, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

type Line = { service: string; unit: string; tariff: number; volume: string; amount: number; benefit?: number };
const line = (service: string, unit: string, tariff: number, volume: number): Line => ({
  service,
  unit,
  tariff,
  volume: volume.toFixed(3),
  amount: Math.round(tariff * volume),
});

/** A plausible month of one provider for one flat: more electricity and heating in winter. */
function linesOf(provider: string, period: string, area: number, seed: number): Line[] {
  const month = Number(period.slice(5, 7));
  const winter = month <= 4 || month >= 10;
  switch (provider) {
    case "penza-energo":
      return [line("electricity", "кВт·ч", 612, (winter ? 210 : 150) + (seed % 40))];
    case "vodokanal":
      return [
        line("cold-water", "м³", 4050, 4 + (seed % 3)),
        line("hot-water", "м³", 21000, 2 + (seed % 2)),
        line("sewage", "м³", 3300, 6 + (seed % 3) + (seed % 2)),
      ];
    case "uk-domservice":
      return [line("maintenance", "м²", 2800, area), ...(winter ? [line("heating", "Гкал", 230000, area / 45)] : [])];
    default:
      return [line("capital-repair", "м²", 960, area)];
  }
}

export async function seedUtilityPayments(db: PrismaClient, now = new Date(), sealingKey = env().REGISTRY_SEALING_KEY) {
  for (const provider of DEMO_PROVIDERS) {
    const source = { code: providerSource(provider.code), nameRu: provider.nameRu, nameEn: provider.nameEn };
    await db.registrySource.upsert({ where: { code: source.code }, create: source, update: source });
    const key = demoRegistryKey(source.code);
    if (!(await db.registryKey.findUnique({ where: { id: key.id } })))
      await addRegistryKey(db, { sourceCode: source.code, sealingKey, ...key });
    const row = { ...provider, sourceCode: source.code };
    await db.utilityProvider.upsert({ where: { code: provider.code }, create: row, update: row });
  }

  const today = regionDate(now);
  for (const [index, account] of DEMO_UTILITY_ACCOUNTS.entries()) {
    for (const provider of DEMO_PROVIDERS) {
      const bills = Array.from({ length: 12 }, (_, i) => {
        const period = monthsBefore(today, 12 - i);
        const lines = linesOf(provider.code, period, account.area, index * 7 + i);
        const meters =
          provider.code === "penza-energo"
            ? [
                {
                  serial: `E-${account.els}`,
                  service: "electricity",
                  unit: "кВт·ч",
                  reading: (8000 + i * 190).toFixed(3),
                },
              ]
            : provider.code === "vodokanal"
              ? [
                  { serial: `C-${account.els}`, service: "cold-water", unit: "м³", reading: (300 + i * 5).toFixed(3) },
                  { serial: `H-${account.els}`, service: "hot-water", unit: "м³", reading: (150 + i * 3).toFixed(3) },
                ]
              : [];
        return {
          billId: `${provider.code}-${account.els}-${period}`,
          els: account.els,
          period,
          address: account.address,
          accessCode: account.accessCode,
          amount: lines.reduce((sum, l) => sum + l.amount - (l.benefit ?? 0), 0),
          lines,
          meters,
        };
      });
      const report = await importBills(db, { providerCode: provider.code, channel: "api", bills, now });
      // The demo's own bills must all be taken; a refusal here is a mistake in this file.
      if (!report.ok || report.refused > 0) throw new Error(`the demo bills of ${provider.code} were refused`);
    }
  }

  // Paid before the portal took payments (the providers' own records): all but the first account's unpaid months,
  // and the second account's last month.
  const unpaid = new Set([
    ...UNPAID_MONTHS_AGO.map((back) => `${DEMO_UTILITY_ACCOUNTS[0].els}:${monthsBefore(today, back)}`),
    `${DEMO_UTILITY_ACCOUNTS[1].els}:${monthsBefore(today, 1)}`,
  ]);
  const bills = await db.bill.findMany({
    where: { els: { in: DEMO_UTILITY_ACCOUNTS.map((a) => a.els) }, paidAt: null, openPaymentId: null },
    select: { id: true, els: true, period: true, dueDate: true },
  });
  // One write per due date (the providers record payments on it), not one per bill.
  const paidOn = new Map<string, string[]>();
  for (const bill of bills) {
    if (unpaid.has(`${bill.els}:${bill.period}`)) continue;
    paidOn.set(bill.dueDate, [...(paidOn.get(bill.dueDate) ?? []), bill.id]);
  }
  await db.$transaction(
    [...paidOn].map(([dueDate, ids]) =>
      db.bill.updateMany({
        where: { id: { in: ids } },
        data: { paidAt: new Date(`${dueDate}T09:00:00+03:00`), paidVia: "provider" },
      }),
    ),
  );

  const parent = await db.user.findUnique({ where: { email: "parent@demo.gosuslugi58.ru" } });
  if (parent) {
    const els = DEMO_UTILITY_ACCOUNTS[0].els;
    await db.accountLink.upsert({
      where: { userId_els: { userId: parent.id, els } },
      create: { userId: parent.id, els, label: "Моя квартира" },
      update: {},
    });
  }
}
