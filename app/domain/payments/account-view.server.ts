import type { PrismaClient } from "~/generated/prisma/client";
import { penaltyOn, type Penalty } from "./penalty";
import { checkReading, inReadingWindow, type ReadingError } from "./readings";

/*
 * What a resident sees of a linked account (docs/payments.md, "Accounts and bills"): each bill with what is due
 * by when, the debt and its penalty with the calculation, the meters and their window, and the resident's own
 * payments (another payer's payments of the same account are theirs, only the bills' state is shared).
 */
export type BillState = "paid" | "in-payment" | "due" | "overdue";

export type BillView = {
  id: string;
  period: string;
  provider: { ru: string; en: string };
  amount: number;
  dueDate: string;
  state: BillState;
  paidAt: Date | null;
  penalty: Penalty | null;
  lines: { service: string; unit: string; tariff: number; volume: string; amount: number; benefit: number }[];
};

export type MeterView = {
  id: string;
  service: string;
  serial: string;
  unit: string;
  last: { value: string; period: string; source: string } | null;
  window: { from: number; to: number; open: boolean };
};

const UNPAID_SHOWN = 120;
/** How many months of paid bills a page shows. */
const PAID_PAGE_MONTHS = 6;

function billState(bill: { paidAt: Date | null; openPaymentId: string | null; dueDate: string }, today: string) {
  if (bill.paidAt) return "paid";
  if (bill.openPaymentId) return "in-payment";
  return today > bill.dueDate ? "overdue" : "due";
}

export async function linkedAccounts(db: PrismaClient, userId: string, today: string) {
  const links = await db.accountLink.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    include: {
      account: {
        select: {
          els: true,
          address: true,
          bills: { where: { paidAt: null }, select: { amount: true, dueDate: true, openPaymentId: true } },
        },
      },
    },
  });
  return links.map(({ account, label }) => ({
    els: account.els,
    address: account.address,
    label,
    toPay: account.bills.filter((b) => !b.openPaymentId).reduce((sum, b) => sum + b.amount, 0),
    overdue: account.bills.filter((b) => !b.openPaymentId && today > b.dueDate).length,
    inPayment: account.bills.some((b) => b.openPaymentId),
  }));
}

export async function accountView(
  db: PrismaClient,
  input: { userId: string; els: string; today: string; keyRatePercent: number; paidBefore?: string | null },
) {
  const link = await db.accountLink.findUnique({
    where: { userId_els: { userId: input.userId, els: input.els } },
    include: { account: true },
  });
  if (!link) return null;
  const billQuery = {
    include: { provider: { select: { nameRu: true, nameEn: true } }, lines: { orderBy: { id: "asc" as const } } },
    orderBy: [{ period: "desc" as const }, { providerCode: "asc" as const }],
  };
  const [unpaidBills, paidPeriods, meters, payments] = await Promise.all([
    // Everything still owed, whatever its age: that is what the pay form offers.
    db.bill.findMany({ ...billQuery, where: { els: input.els, paidAt: null }, take: UNPAID_SHOWN }),
    // The months of paid bills a page at a time, newest first (keyset on the period: the index on (els, period)).
    db.bill.groupBy({
      by: ["period"],
      where: {
        els: input.els,
        paidAt: { not: null },
        ...(input.paidBefore ? { period: { lt: input.paidBefore } } : {}),
      },
      orderBy: { period: "desc" },
      take: PAID_PAGE_MONTHS + 1,
    }),
    db.meter.findMany({
      where: { els: input.els },
      orderBy: [{ service: "asc" }, { serial: "asc" }],
      include: {
        provider: { select: { readingsFrom: true, readingsTo: true } },
        readings: { orderBy: [{ period: "desc" }, { takenAt: "desc" }], take: 1 },
      },
    }),
    db.payment.findMany({
      where: { els: input.els, userId: input.userId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, amount: true, status: true, createdAt: true, finishedAt: true },
    }),
  ]);
  const paidMonths = paidPeriods.slice(0, PAID_PAGE_MONTHS).map((row) => row.period);
  const paidShown = await db.bill.findMany({
    ...billQuery,
    where: { els: input.els, paidAt: { not: null }, period: { in: paidMonths } },
  });
  const morePaid = paidPeriods.length > PAID_PAGE_MONTHS;
  const toView = (bill: (typeof unpaidBills)[number]): BillView => {
    const state = billState(bill, input.today);
    return {
      id: bill.id,
      period: bill.period,
      provider: { ru: bill.provider.nameRu, en: bill.provider.nameEn },
      amount: bill.amount,
      dueDate: bill.dueDate,
      state,
      paidAt: bill.paidAt,
      penalty:
        state === "overdue"
          ? penaltyOn({
              debt: bill.amount,
              dueDate: bill.dueDate,
              on: input.today,
              keyRatePercent: input.keyRatePercent,
            })
          : null,
      lines: bill.lines.map(({ service, unit, tariff, volume, amount, benefit }) => ({
        service,
        unit,
        tariff,
        volume,
        amount,
        benefit,
      })),
    };
  };
  const unpaidViews = unpaidBills.map(toView);
  const unpaid = unpaidViews.filter((bill) => bill.state === "due" || bill.state === "overdue");
  return {
    els: link.account.els,
    address: link.account.address,
    label: link.label,
    bills: unpaidViews,
    paidBills: paidShown.map(toView),
    /** The keyset of the next page of paid bills: periods before this one. */
    earlierPaid: morePaid ? paidMonths.at(-1)! : null,
    totals: {
      toPay: unpaid.reduce((sum, bill) => sum + bill.amount, 0),
      debt: unpaid.filter((bill) => bill.state === "overdue").reduce((sum, bill) => sum + bill.amount, 0),
      penalty: unpaid.reduce((sum, bill) => sum + (bill.penalty?.amount ?? 0), 0),
    },
    meters: meters.map((meter): MeterView => ({
      id: meter.id,
      service: meter.service,
      serial: meter.serial,
      unit: meter.unit,
      last: meter.readings[0]
        ? { value: meter.readings[0].value, period: meter.readings[0].period, source: meter.readings[0].source }
        : null,
      window: {
        from: meter.provider.readingsFrom,
        to: meter.provider.readingsTo,
        open: inReadingWindow(input.today, { from: meter.provider.readingsFrom, to: meter.provider.readingsTo }),
      },
    })),
    payments,
  };
}

export type AccountView = NonNullable<Awaited<ReturnType<typeof accountView>>>;

/**
 * A resident's reading of a meter of a linked account for this month; a second one in the same month replaces
 * the first (a typo corrected), and still may not be lower than the reading before it.
 */
export async function submitReading(
  db: PrismaClient,
  input: { userId: string; els: string; meterId: string; value: string; today: string; now: Date },
): Promise<
  | { ok: true; value: string }
  | { ok: false; error: ReadingError; last?: string; window: { from: number; to: number } }
  | null
> {
  const meter = await db.meter.findFirst({
    where: { id: input.meterId, els: input.els, account: { links: { some: { userId: input.userId } } } },
    include: { provider: { select: { readingsFrom: true, readingsTo: true } } },
  });
  if (!meter) return null;
  const period = input.today.slice(0, 7);
  // The last reading before this month's own (which this one may replace).
  const previous = await db.meterReading.findFirst({
    where: { meterId: meter.id, NOT: { period, source: "resident" } },
    orderBy: [{ period: "desc" }, { takenAt: "desc" }],
  });
  const window = { from: meter.provider.readingsFrom, to: meter.provider.readingsTo };
  const checked = checkReading({ value: input.value, last: previous?.value ?? null, today: input.today, window });
  if (!checked.ok) return { ...checked, last: previous?.value, window };
  await db.meterReading.upsert({
    where: { meterId_period_source: { meterId: meter.id, period, source: "resident" } },
    create: {
      meterId: meter.id,
      period,
      source: "resident",
      value: checked.value,
      userId: input.userId,
      takenAt: input.now,
    },
    update: { value: checked.value, userId: input.userId, takenAt: input.now },
  });
  return checked;
}
