import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { bumpStatisticsRevision } from "~/domain/indicators/revision.server";
import { isLinked } from "./accounts.server";
import type { AcquirerClient, AcquirerPayment } from "./acquirer-client.server";

/*
 * A payment of utility bills through the acquirer (docs/payments.md, "Paying"). The rules this module keeps:
 * one payment per pay form (its idempotency key, passed on to the acquirer); a bill in one unfinished payment
 * only (Bill.openPaymentId, taken by a conditional update); the outcome only from asking the acquirer, never from
 * the return address or a notification's body; a final state never changes, whoever arrives second finds it
 * final. Everything that can be retried is retried with the same key.
 */
export const OPEN_STATUSES = ["created", "pending"] as const;
export const FINAL_STATUSES = ["succeeded", "declined", "expired"] as const;
export type PaymentStatus = (typeof OPEN_STATUSES)[number] | (typeof FINAL_STATUSES)[number];
export type PaymentTrigger = "create" | "return" | "notification" | "reconcile" | "view";

/** The acquirer as the portal speaks to it (acquirer-client.server.ts); the tests give the demo one. */
export type AcquirerPort = AcquirerClient;
type AcquirerPaymentState = AcquirerPayment;

export type PaymentContext = { db: PrismaClient; acquirer: AcquirerPort; publicUrl: string; now: () => Date };

/** How long the reconciler keeps asking about a payment whose outcome is unknown, and how often. */
export const RECONCILE_FOR_MS = 24 * 60 * 60_000;
export const RECONCILE_EVERY_MS = 60_000;

/** A fresh key for a pay form: shown in the form, so every press of that form is the same payment. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

export type StartOutcome =
  | { kind: "redirect"; url: string; paymentId: string }
  | { kind: "payment"; paymentId: string }
  | { kind: "unavailable"; paymentId: string }
  | { kind: "refused"; error: "no-bills" | "not-payable" | "in-payment"; paymentId?: string };

/**
 * The pay button: a payment of the chosen unpaid bills of one linked account, sent to the acquirer. Pressing the
 * same form again (same key) continues the same payment wherever it is; the caller checked the key's shape.
 */
export async function startPayment(
  ctx: PaymentContext,
  input: { userId: string; email: string; els: string; billIds: string[]; idempotencyKey: string },
): Promise<StartOutcome | null> {
  const { db } = ctx;
  if (!(await isLinked(db, input.userId, input.els))) return null;
  const known = await db.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (known) return known.userId === input.userId ? continuePayment(ctx, known.id) : null;
  const billIds = [...new Set(input.billIds)];
  if (billIds.length === 0) return { kind: "refused", error: "no-bills" };

  const now = ctx.now();
  const paymentId = randomUUID();
  const created = await db
    .$transaction(async (tx) => {
      const bills = await tx.bill.findMany({ where: { id: { in: billIds }, els: input.els } });
      if (bills.length !== billIds.length || bills.some((bill) => bill.paidAt))
        return { error: "not-payable" as const };
      const held = bills.find((bill) => bill.openPaymentId);
      if (held) {
        // Another payer of the same account may be paying it: their payment is not shown to this one.
        const holder = await tx.payment.findUnique({ where: { id: held.openPaymentId! }, select: { userId: true } });
        return {
          error: "in-payment" as const,
          paymentId: holder?.userId === input.userId ? held.openPaymentId! : undefined,
        };
      }
      await tx.payment.create({
        data: {
          id: paymentId,
          idempotencyKey: input.idempotencyKey,
          userId: input.userId,
          els: input.els,
          amount: bills.reduce((sum, bill) => sum + bill.amount, 0),
          status: "created",
          createdAt: now,
          checkAfter: new Date(now.getTime() + RECONCILE_EVERY_MS),
          bills: { create: bills.map((bill) => ({ billId: bill.id, amount: bill.amount })) },
          events: { create: { at: now, trigger: "create", outcome: "created", status: "created" } },
        },
      });
      // Taken only where nobody else took it meanwhile: a bill is in one unfinished payment at a time.
      const taken = await tx.bill.updateMany({
        where: { id: { in: billIds }, openPaymentId: null, paidAt: null },
        data: { openPaymentId: paymentId },
      });
      if (taken.count !== billIds.length) throw new BillTakenMeanwhile();
      return { error: null };
    })
    .catch(async (error: unknown) => {
      // The same form pressed twice at once: the other press wrote the payment (the key is unique).
      const raced = await db.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (raced && raced.userId === input.userId) return { error: null, raced: raced.id };
      if (error instanceof BillTakenMeanwhile) return { error: "in-payment" as const };
      throw error;
    });
  if ("raced" in created && created.raced) return continuePayment(ctx, created.raced);
  if (created.error) return { kind: "refused", ...created };
  return sendToAcquirer(ctx, paymentId, input.email);
}

class BillTakenMeanwhile extends Error {}

/** The same form again, or "try again" after the acquirer could not be reached. */
async function continuePayment(ctx: PaymentContext, paymentId: string): Promise<StartOutcome> {
  const payment = await ctx.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { user: true } });
  if (payment.status === "created") return sendToAcquirer(ctx, paymentId, payment.user?.email ?? "");
  if (payment.status === "pending" && payment.confirmationUrl)
    return { kind: "redirect", url: payment.confirmationUrl, paymentId };
  return { kind: "payment", paymentId };
}

/** Creates the payment at the acquirer with the payment's own key: a repeat after a failure is the same one. */
async function sendToAcquirer(ctx: PaymentContext, paymentId: string, email: string): Promise<StartOutcome> {
  const { db } = ctx;
  const payment = await db.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { bills: { include: { bill: { include: { provider: true } } } } },
  });
  const answer = await ctx.acquirer.createPayment(
    {
      amount: payment.amount,
      description: `ЖКУ, ЕЛС ${payment.els}`,
      returnUrl: `${ctx.publicUrl}/cabinet/payments/return/${payment.id}`,
      notificationUrl: `${ctx.publicUrl}/api/payments/notifications`,
      metadata: { paymentId: payment.id, els: payment.els },
      receipt: {
        email,
        items: payment.bills.map(({ bill, amount }) => ({
          description: `${bill.provider.nameRu}, ${bill.period}`.slice(0, 128),
          amount,
          vat: "none" as const,
        })),
      },
    },
    payment.idempotencyKey,
  );
  const now = ctx.now();
  if (!answer.ok) {
    // A refusal of the request itself (its figures) ends the payment; the acquirer refusing the portal (keys,
    // throttling) says nothing about the payment, which stays to be sent again.
    if (answer.reason === "rejected" && (answer.status === 400 || answer.status === 409 || answer.status === 422)) {
      await finish(ctx, payment.id, { status: "declined", declineReason: "acquirer-rejected" }, "create");
      return { kind: "payment", paymentId };
    }
    await db.payment.update({
      where: { id: payment.id },
      data: {
        checks: { increment: 1 },
        events: { create: { at: now, trigger: "create", outcome: answer.reason, status: payment.status } },
      },
    });
    return { kind: "unavailable", paymentId };
  }
  await db.payment.updateMany({
    where: { id: payment.id, status: "created" },
    data: { status: "pending", acquirerId: answer.payment.id, confirmationUrl: answer.payment.confirmationUrl },
  });
  await db.paymentEvent.create({
    data: { paymentId, at: now, trigger: "create", outcome: "pending", status: "pending" },
  });
  return { kind: "redirect", url: answer.payment.confirmationUrl, paymentId };
}

/**
 * Asks the acquirer where a payment stands and records it: on the payer's return, on a notification, when its page
 * is looked at, and by the reconciler. Returns the payment's state after.
 */
export async function refreshPayment(
  ctx: PaymentContext,
  paymentId: string,
  trigger: PaymentTrigger,
): Promise<PaymentStatus | null> {
  const { db } = ctx;
  const payment = await db.payment.findUnique({ where: { id: paymentId }, include: { user: true } });
  if (!payment) return null;
  if (!isOpen(payment.status)) return payment.status as PaymentStatus;
  const now = ctx.now();
  const nextCheck =
    now.getTime() - payment.createdAt.getTime() < RECONCILE_FOR_MS
      ? new Date(now.getTime() + RECONCILE_EVERY_MS)
      : null;
  if (!payment.acquirerId) {
    // The acquirer never confirmed it took the payment: sent again with the same key.
    await sendToAcquirer(ctx, paymentId, payment.user?.email ?? "");
    const after = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    if (isOpen(after.status)) await db.payment.update({ where: { id: paymentId }, data: { checkAfter: nextCheck } });
    return after.status === "pending" ? refreshPayment(ctx, paymentId, trigger) : (after.status as PaymentStatus);
  }
  const answer = await ctx.acquirer.getPayment(payment.acquirerId);
  const state = answer.ok ? answer.payment : null;
  // The acquirer's answer must be about this very payment, for its amount; anything else is not believed.
  const believed = state && state.amount === payment.amount && state.metadata.paymentId === payment.id ? state : null;
  if (!believed || believed.status === "pending") {
    const outcome = believed ? "pending" : answer.ok ? "mismatch" : answer.reason;
    await db.payment.update({
      where: { id: paymentId },
      data: {
        checks: { increment: 1 },
        checkAfter: nextCheck,
        events: { create: { at: now, trigger, outcome, status: payment.status } },
      },
    });
    return payment.status as PaymentStatus;
  }
  return finish(ctx, paymentId, believed, trigger);
}

function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Moves an unfinished payment to its final state once: the conditional update lets one caller through, the
 * bills are released, and a succeeded payment marks its bills paid and queues its receipt mail.
 */
async function finish(
  ctx: PaymentContext,
  paymentId: string,
  state: Pick<AcquirerPaymentState, "status" | "declineReason" | "receipt">,
  trigger: PaymentTrigger,
): Promise<PaymentStatus> {
  const now = ctx.now();
  const status = state.status as PaymentStatus;
  return ctx.db.$transaction(async (tx) => {
    const receipt = state.status === "succeeded" ? state.receipt : undefined;
    const moved = await tx.payment.updateMany({
      where: { id: paymentId, status: { in: [...OPEN_STATUSES] } },
      data: {
        status,
        finishedAt: now,
        checkAfter: null,
        declineReason: state.status === "succeeded" ? null : (state.declineReason ?? null),
        fiscalDrive: receipt?.fn ?? null,
        fiscalDocument: receipt ? String(receipt.fd) : null,
        fiscalSign: receipt?.fp ?? null,
        fiscalAt: receipt ? new Date(receipt.fiscalAt) : null,
        vat: receipt ? JSON.stringify(receipt.vat) : null,
      },
    });
    if (moved.count === 0) {
      const current = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
      return current.status as PaymentStatus;
    }
    await tx.paymentEvent.create({ data: { paymentId, at: now, trigger, outcome: status, status } });
    const billIds = (await tx.paymentBill.findMany({ where: { paymentId } })).map((row) => row.billId);
    if (status === "succeeded") {
      await tx.bill.updateMany({
        where: { id: { in: billIds }, paidAt: null },
        data: { paidAt: now, paidVia: "portal" },
      });
      // "Utility bills paid online" counts it (docs/indicators.md): the indicators' caches see a new revision.
      await bumpStatisticsRevision(tx);
    }
    await tx.bill.updateMany({
      where: { id: { in: billIds }, openPaymentId: paymentId },
      data: { openPaymentId: null },
    });
    return status;
  });
}

/** One pass of the reconciler: every unfinished payment whose time to ask has come. */
export async function reconcilePayments(ctx: PaymentContext, limit = 50): Promise<number> {
  const due = await ctx.db.payment.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, checkAfter: { lte: ctx.now() } },
    orderBy: { checkAfter: "asc" },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) await refreshPayment(ctx, id, "reconcile");
  return due.length;
}

/**
 * A notification whose signature was right: only a hint that something changed. The payment is found by the
 * acquirer's id, or by our own id in its metadata when it arrives before the create call's answer was stored,
 * and then the acquirer is asked. Null when neither is ours (the acquirer is told 404 and may retry).
 */
export async function takeNotification(
  ctx: PaymentContext,
  notice: { acquirerId: string; paymentId?: string },
): Promise<PaymentStatus | null> {
  const payment =
    (await ctx.db.payment.findUnique({ where: { acquirerId: notice.acquirerId }, select: { id: true } })) ??
    (notice.paymentId
      ? await ctx.db.payment.findUnique({ where: { id: notice.paymentId }, select: { id: true } })
      : null);
  return payment ? refreshPayment(ctx, payment.id, "notification") : null;
}

/**
 * POST /api/payments/notifications (docs/payments.md, "Outcome only from the acquirer"): believed only with the
 * right HMAC over the raw body, and even then only as a reason to ask the acquirer.
 */
export async function receivePaymentNotification(
  ctx: PaymentContext,
  input: { body: string; signature: string | null },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const check = ctx.acquirer.verifyNotification(input.body, input.signature);
  if (!check.ok) {
    await recordAudit(ctx.db, {
      actorId: null,
      action: "payment.notification",
      result: "denied",
      details: { error: check.reason },
    });
    return { status: check.reason === "malformed" ? 400 : 401, body: { error: check.reason } };
  }
  const { payment } = check.notification;
  const status = await takeNotification(ctx, { acquirerId: payment.id, paymentId: payment.metadata.paymentId });
  return status === null ? { status: 404, body: { error: "unknown-payment" } } : { status: 200, body: { status } };
}

/** Runs the reconciler every `intervalMs` in this process; one pass at a time. */
export function startPaymentReconciler(ctx: PaymentContext, onError: (error: unknown) => void, intervalMs = 15_000) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcilePayments(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** "Try again" on a payment the acquirer did not take: the payer's own, sent again with its own key. */
export async function retryPayment(
  ctx: PaymentContext,
  input: { userId: string; paymentId: string },
): Promise<StartOutcome | null> {
  const payment = await ctx.db.payment.findFirst({ where: { id: input.paymentId, userId: input.userId } });
  return payment ? continuePayment(ctx, payment.id) : null;
}

/**
 * The payer's own payment, after asking the acquirer once more while its outcome is unknown (the payer's
 * return, or a look at its page: docs/payments.md). Null when it is not this payer's.
 */
export async function payersPaymentRefreshed(
  ctx: PaymentContext,
  input: { userId: string; paymentId: string; trigger: "return" | "view" },
): Promise<string | null> {
  const payment = await ctx.db.payment.findFirst({
    where: { id: input.paymentId, userId: input.userId },
    select: { id: true, status: true },
  });
  if (!payment) return null;
  if (payment.status === "pending" || input.trigger === "return") await refreshPayment(ctx, payment.id, input.trigger);
  return payment.id;
}
