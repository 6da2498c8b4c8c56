import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAcquirer, type RunningAcquirer } from "~/acquirer/start-acquirer";
import type { PrismaClient } from "~/generated/prisma/client";
import { saveConfirmedAccount } from "~/domain/accounts/account-store.server";
import { linkAccount, unlinkAccount } from "~/domain/payments/accounts.server";
import { accountView } from "~/domain/payments/account-view.server";
import { acquirerClient } from "~/domain/payments/acquirer-client.server";
import {
  newIdempotencyKey,
  receivePaymentNotification,
  reconcilePayments,
  refreshPayment,
  startPayment,
  type PaymentContext,
} from "~/domain/payments/payments.server";
import { mailPendingReceipts } from "~/mail/receipt-mail.server";
import { paymentForPayer } from "~/domain/payments/receipt-view.server";
import { indicatorsForPeriod } from "~/domain/indicators/indicators.server";
import { parsePeriod } from "~/domain/indicators/periods";
import { regionDate } from "~/domain/region/clock";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_UTILITY_ACCOUNTS } from "../../seeds/utility";
import { freePortSync } from "../support/free-port";
import { createTestDatabase } from "./test-database";

/*
 * Paying utility bills against the real demo acquirer, a process of its own (docs/payments.md, "Paying"): every
 * outcome and every misbehaviour ends with one payment in one state, and a bill shown paid only when it is. The
 * acquirer's notifications reach this test's HTTP server, which hands them to the same domain function as the
 * portal's route.
 */
const SECRET = "integration-notification-secret";
const API_KEY = "integration-api-key";
const CARDS = {
  success: "4111111111111111",
  decline: "4000000000000002",
  threeDs: "4000000000003220",
  silent: "4000000000000119",
};

let db: PrismaClient;
let dispose: () => Promise<void>;
let acquirer: RunningAcquirer;
let receiver: Server;
let ctx: PaymentContext;
let payer: { id: string; email: string };
let sequence = 0;

const resident = (email: string) =>
  saveConfirmedAccount(db, { email, password: "длинный пароль для теста", roles: [{ role: "resident" }] });

async function control(path: string, body?: unknown) {
  const response = await fetch(`${acquirer.url}/__control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<Record<string, unknown>>;
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  // The demo departments and accounts (the parent who has linked the first account), then the providers and bills.
  await seedDemoData(db);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const header = request.headers["x-acquirer-signature"];
      void receivePaymentNotification(ctx, {
        body: Buffer.concat(chunks).toString("utf8"),
        signature: typeof header === "string" ? header : null,
      }).then((answer) => {
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = freePortSync();
  acquirer = await startAcquirer({ port, apiKey: API_KEY, notificationSecret: SECRET });
  ctx = {
    db,
    acquirer: acquirerClient({ url: acquirer.url, apiKey: API_KEY, notificationSecret: SECRET, timeoutMs: 1_500 }),
    publicUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    now: () => new Date(),
  };
}, 60_000);

afterAll(async () => {
  await acquirer?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  await dispose();
});

beforeEach(async () => {
  await control("reset", {});
  await control("behaviour", { retryDelaysMs: [200, 400] });
});

/** A fresh payer with a fresh account of two unpaid bills, delivered through the providers' import. */
async function payerWithBills() {
  sequence += 1;
  const email = `payer-${sequence}-${Date.now()}@example.ru`;
  const user = { id: await resident(email) };
  payer = { id: user.id, email };
  const els = `58ПЛ${String(100000 + sequence).slice(-6)}`;
  const { importBills } = await import("~/domain/payments/bill-import.server");
  await importBills(db, {
    providerCode: "penza-energo",
    channel: "api",
    now: new Date(),
    bills: ["2026-09", "2026-10"].map((period) => ({
      billId: `test-${els}-${period}`,
      els,
      period,
      address: "г. Пенза, ул. Тестовая, д. 1, кв. 1",
      accessCode: "123456",
      amount: 150_000,
      lines: [{ service: "electricity", unit: "кВт·ч", tariff: 612, volume: "245.098", amount: 150_000 }],
    })),
  });
  expect(await linkAccount(db, { userId: user.id, els, accessCode: "123456", now: new Date() })).toEqual({
    ok: true,
    els,
  });
  const bills = await db.bill.findMany({ where: { els }, orderBy: { period: "asc" } });
  return { els, billIds: bills.map((b) => b.id) };
}

async function pay(els: string, billIds: string[], key = newIdempotencyKey()) {
  const outcome = await startPayment(ctx, { userId: payer.id, email: payer.email, els, billIds, idempotencyKey: key });
  expect(outcome?.kind).toBe("redirect");
  if (outcome?.kind !== "redirect") throw new Error("no redirect");
  const payment = await db.payment.findUniqueOrThrow({ where: { id: outcome.paymentId } });
  return { outcome, payment, key };
}

const finalEvents = (paymentId: string) =>
  db.paymentEvent.count({ where: { paymentId, outcome: { in: ["succeeded", "declined", "expired"] } } });

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("linking an account", () => {
  it("needs the access code; a wrong code and an unknown account get the same answer; unlinking keeps the bills", async () => {
    const user = { id: await resident(`linker-${Date.now()}@example.ru`) };
    const [first] = DEMO_UTILITY_ACCOUNTS;
    const now = new Date();
    expect(await linkAccount(db, { userId: user.id, els: first.els, accessCode: "000000", now })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await linkAccount(db, { userId: user.id, els: "58ЯЯ999999", accessCode: first.accessCode, now })).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await linkAccount(db, { userId: user.id, els: first.els, accessCode: first.accessCode, now })).toMatchObject(
      { ok: true },
    );
    // The demo parent linked it too: one account, several payers.
    expect(await db.accountLink.count({ where: { els: first.els } })).toBe(2);
    expect(await linkAccount(db, { userId: user.id, els: first.els, accessCode: first.accessCode, now })).toMatchObject(
      {
        error: "already-linked",
      },
    );
    expect(await unlinkAccount(db, { userId: user.id, els: first.els })).toBe(true);
    expect(
      await accountView(db, { userId: user.id, els: first.els, today: regionDate(), keyRatePercent: 9.5 }),
    ).toBeNull();
    expect(await db.bill.count({ where: { els: first.els } })).toBeGreaterThan(0);
  });

  it("locks after five wrong codes", async () => {
    const user = { id: await resident(`guesser-${Date.now()}@example.ru`) };
    const [first] = DEMO_UTILITY_ACCOUNTS;
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await linkAccount(db, { userId: user.id, els: first.els, accessCode: `00000${i}`, now });
    expect(await linkAccount(db, { userId: user.id, els: first.els, accessCode: first.accessCode, now })).toMatchObject(
      {
        ok: false,
        error: "throttled",
      },
    );
  });

  it("the demo parent's account shows a debt with both penalty rates", async () => {
    const parent = await db.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } });
    const view = await accountView(db, {
      userId: parent.id,
      els: DEMO_UTILITY_ACCOUNTS[0].els,
      today: regionDate(),
      keyRatePercent: 9.5,
    });
    const overdue = view!.bills.filter((b) => b.state === "overdue");
    expect(overdue.some((b) => b.penalty!.bands.map((band) => band.divisor).join() === "300,130")).toBe(true);
    expect(view!.totals.penalty).toBeGreaterThan(0);
    expect(view!.meters.length).toBe(3);
  });
});

describe("paying", () => {
  it("two bills in one payment: paid card → succeeded, bills paid, receipt with fiscal data, mail, indicator", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment } = await pay(els, billIds);
    expect(payment).toMatchObject({ status: "pending", amount: 300_000 });
    expect(await db.bill.count({ where: { id: { in: billIds }, openPaymentId: payment.id } })).toBe(2);
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.success });
    expect(await refreshPayment(ctx, payment.id, "return")).toBe("succeeded");
    const bills = await db.bill.findMany({ where: { id: { in: billIds } } });
    expect(bills.every((b) => b.paidVia === "portal" && b.paidAt && !b.openPaymentId)).toBe(true);
    const receipt = await paymentForPayer(db, payer.id, payment.id);
    expect(receipt!.fiscal).toMatchObject({
      drive: expect.stringMatching(/^\d{16}$/),
      sign: expect.stringMatching(/^\d{10}$/),
    });
    expect(await mailPendingReceipts(db, "http://portal.test")).toBeGreaterThanOrEqual(1);
    const mail = await db.mailboxMessage.findFirstOrThrow({ where: { to: payer.email } });
    expect(mail.text).toContain(`ФД ${receipt!.fiscal!.document}`);
    expect(mail.text).toContain("3\u202F000\u00A0₽");
    const period = parsePeriod("2026-10")!;
    const indicator = (await indicatorsForPeriod(db, period)).find((v) => v.code === "utility-bills-online")!;
    expect(indicator.numerator).toBeGreaterThanOrEqual(1);
    expect(indicator.denominator).toBeGreaterThan(indicator.numerator!);
  });

  it("a declined card: nothing paid, the bills free for another payment", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment } = await pay(els, billIds);
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.decline });
    expect(await refreshPayment(ctx, payment.id, "return")).toBe("declined");
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      declineReason: "insufficient-funds",
    });
    expect(await db.bill.count({ where: { id: { in: billIds }, paidAt: null, openPaymentId: null } })).toBe(2);
    const again = await pay(els, billIds);
    expect(again.payment.id).not.toBe(payment.id);
  });

  it("3-D Secure: the right code pays, a wrong one declines", async () => {
    const { els, billIds } = await payerWithBills();
    const first = await pay(els, [billIds[0]!]);
    await control(`payments/${first.payment.acquirerId}/pay`, { card: CARDS.threeDs, code: "123456" });
    expect(await refreshPayment(ctx, first.payment.id, "return")).toBe("succeeded");
    const second = await pay(els, [billIds[1]!]);
    await control(`payments/${second.payment.acquirerId}/pay`, { card: CARDS.threeDs, code: "000000" });
    expect(await refreshPayment(ctx, second.payment.id, "return")).toBe("declined");
  });

  it("a double click: the same form pressed twice at once is one payment, here and at the acquirer", async () => {
    const { els, billIds } = await payerWithBills();
    const key = newIdempotencyKey();
    const presses = await Promise.all(
      [1, 2, 3].map(() =>
        startPayment(ctx, { userId: payer.id, email: payer.email, els, billIds, idempotencyKey: key }),
      ),
    );
    const ids = new Set(presses.map((p) => (p && "paymentId" in p ? p.paymentId : null)));
    expect(ids.size).toBe(1);
    expect(await db.payment.count({ where: { els } })).toBe(1);
    const acquirerPayments = (await control("payments")) as unknown as { payments?: unknown[] } | unknown[];
    const list = Array.isArray(acquirerPayments) ? acquirerPayments : (acquirerPayments.payments ?? []);
    const [payment] = await db.payment.findMany({ where: { els } });
    expect(list.filter((p) => (p as { id: string }).id === payment!.acquirerId).length).toBe(1);
    const mine = list.filter((p) => (p as { metadata?: { paymentId?: string } }).metadata?.paymentId === payment!.id);
    expect(mine.length).toBe(1);
  });

  it("two devices with two forms for the same bills: one payment, the other sent to it", async () => {
    const { els, billIds } = await payerWithBills();
    const [a, b] = await Promise.all(
      [newIdempotencyKey(), newIdempotencyKey()].map((key) =>
        startPayment(ctx, { userId: payer.id, email: payer.email, els, billIds, idempotencyKey: key }),
      ),
    );
    const kinds = [a!.kind, b!.kind].sort();
    expect(kinds).toEqual(["redirect", "refused"]);
    expect(await db.payment.count({ where: { els } })).toBe(1);
  });

  it("the notification arrives before the payer returns: paid without the return, and the return finds it final", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment } = await pay(els, billIds);
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.success });
    const after = await until(
      () => db.payment.findUniqueOrThrow({ where: { id: payment.id } }),
      (p) => p.status === "succeeded",
    );
    expect(after.status).toBe("succeeded");
    expect(await refreshPayment(ctx, payment.id, "return")).toBe("succeeded");
    expect(await finalEvents(payment.id)).toBe(1);
  });

  it("a notification delivered twice, and a stale one after the final: one final state, once", async () => {
    const { els, billIds } = await payerWithBills();
    await control("behaviour", { notify: "twice" });
    const first = await pay(els, [billIds[0]!]);
    await control(`payments/${first.payment.acquirerId}/pay`, { card: CARDS.success });
    await until(
      async () =>
        ((await control(`notifications?paymentId=${first.payment.acquirerId}`)) as { notifications?: unknown[] })
          .notifications?.length ?? 0,
      (n) => n >= 2,
    );
    await until(
      () => finalEvents(first.payment.id),
      (n) => n >= 1,
    );
    expect(await finalEvents(first.payment.id)).toBe(1);

    await control("behaviour", { notify: "out-of-order" });
    const second = await pay(els, [billIds[1]!]);
    await control(`payments/${second.payment.acquirerId}/pay`, { card: CARDS.success });
    await until(
      () => finalEvents(second.payment.id),
      (n) => n >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await db.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).status).toBe("succeeded");
    expect(await finalEvents(second.payment.id)).toBe(1);
  });

  it("a late notification after the payer's return finds the payment final and changes nothing", async () => {
    const { els, billIds } = await payerWithBills();
    await control("behaviour", { notify: "late", notifyDelayMs: 700 });
    const { payment } = await pay(els, billIds);
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.success });
    expect(await refreshPayment(ctx, payment.id, "return")).toBe("succeeded");
    await until(
      async () => {
        const log = (await control(`notifications?paymentId=${payment.acquirerId}`)) as {
          notifications?: { attempts?: { status?: number }[] }[];
        };
        return log.notifications?.some((n) => n.attempts?.some((a) => a.status === 200)) ?? false;
      },
      (answered) => answered,
    );
    expect(await finalEvents(payment.id)).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("succeeded");
  });

  it("a notification with a wrong signature is refused and changes nothing", async () => {
    const body = JSON.stringify({ event: "payment.succeeded", payment: { id: "forged" } });
    expect(await receivePaymentNotification(ctx, { body, signature: "sha256=00" })).toMatchObject({ status: 401 });
  });

  it("the acquirer answers pending or 500, or hangs: the payment stays pending until asked again", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment } = await pay(els, billIds);
    await control("behaviour", { notify: "none" });
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.success });
    for (const statusAnswer of ["pending", "error500", "hang"]) {
      await control("behaviour", { statusAnswer });
      expect(await refreshPayment(ctx, payment.id, "return")).toBe("pending");
    }
    expect(await db.bill.count({ where: { id: { in: billIds }, paidAt: null } })).toBe(2);
    const outcomes = (await db.paymentEvent.findMany({ where: { paymentId: payment.id, trigger: "return" } })).map(
      (e) => e.outcome,
    );
    expect(outcomes).toEqual(["pending", "server-error", "timeout"]);
    await control("behaviour", { statusAnswer: "normal" });
    // The reconciler asks again once the payment's time has come.
    await db.payment.update({ where: { id: payment.id }, data: { checkAfter: new Date(Date.now() - 1000) } });
    await reconcilePayments(ctx);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("succeeded");
  }, 30_000);

  it("the acquirer is down when the payer presses pay: kept, sent again with its key, then paid", async () => {
    const { els, billIds } = await payerWithBills();
    const down: PaymentContext = {
      ...ctx,
      acquirer: acquirerClient({
        url: `http://127.0.0.1:${freePortSync()}`,
        apiKey: API_KEY,
        notificationSecret: SECRET,
      }),
    };
    const key = newIdempotencyKey();
    const outcome = await startPayment(down, {
      userId: payer.id,
      email: payer.email,
      els,
      billIds,
      idempotencyKey: key,
    });
    expect(outcome?.kind).toBe("unavailable");
    const paymentId = outcome && "paymentId" in outcome ? outcome.paymentId! : "";
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("created");
    // The bills stay held: a second payment of them would risk paying twice.
    expect(await db.bill.count({ where: { id: { in: billIds }, openPaymentId: paymentId } })).toBe(2);
    await db.payment.update({ where: { id: paymentId }, data: { checkAfter: new Date(Date.now() - 1000) } });
    await reconcilePayments(ctx);
    const sent = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(sent.status).toBe("pending");
    // Pressing the same form again goes to the same payment at the acquirer.
    const again = await startPayment(ctx, { userId: payer.id, email: payer.email, els, billIds, idempotencyKey: key });
    expect(again).toMatchObject({ kind: "redirect", paymentId });
    await control(`payments/${sent.acquirerId}/pay`, { card: CARDS.success });
    expect(await refreshPayment(ctx, paymentId, "return")).toBe("succeeded");
  });

  it("a payment never finished expires: nothing paid, bills free", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment } = await pay(els, billIds);
    await control(`payments/${payment.acquirerId}/expire`, {});
    const after = await until(
      () => db.payment.findUniqueOrThrow({ where: { id: payment.id } }),
      (p) => p.status === "expired",
    );
    expect(after.status).toBe("expired");
    expect(await db.bill.count({ where: { id: { in: billIds }, paidAt: null, openPaymentId: null } })).toBe(2);
  });

  it("the bank does not answer: the payer is back with the payment pending, paid later", async () => {
    const { els, billIds } = await payerWithBills();
    await control("behaviour", { timeoutOutcomeMs: 1_000 });
    const { payment } = await pay(els, billIds);
    await control(`payments/${payment.acquirerId}/pay`, { card: CARDS.silent });
    expect(await refreshPayment(ctx, payment.id, "return")).toBe("pending");
    const after = await until(
      () => db.payment.findUniqueOrThrow({ where: { id: payment.id } }),
      (p) => p.status === "succeeded",
    );
    expect(after.status).toBe("succeeded");
  });

  it("another resident cannot pay, see or continue someone's payment", async () => {
    const { els, billIds } = await payerWithBills();
    const { payment, key } = await pay(els, billIds);
    const owner = payer;
    const other = { id: await resident(`other-${Date.now()}@example.ru`) };
    expect(
      await startPayment(ctx, {
        userId: other.id,
        email: "x@example.ru",
        els,
        billIds,
        idempotencyKey: newIdempotencyKey(),
      }),
    ).toBeNull();
    expect(
      await startPayment(ctx, { userId: other.id, email: "x@example.ru", els, billIds, idempotencyKey: key }),
    ).toBeNull();
    expect(await paymentForPayer(db, other.id, payment.id)).toBeNull();
    expect(await paymentForPayer(db, owner.id, payment.id)).not.toBeNull();
  });
});
