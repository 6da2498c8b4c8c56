import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readJson, sendJson } from "./http";
import type { Notifier } from "./notifier";
import type { Payments } from "./payments";
import { viewOf, type PaymentRecord } from "./store";

/*
 * Test switches of the demo acquirer: make it misbehave the ways a real one does, and pay or expire a
 * payment without a browser. Served under /__control/ only when ACQUIRER_CONTROL=on (the default of the
 * demo; a deployment facing anyone else sets it off). No authentication: the demo listens on 127.0.0.1.
 *
 *   POST /__control/behaviour   JSON, every field optional, merged into the current behaviour; answers it:
 *     statusAnswer      "normal" | "pending" | "error500" | "hang" — how GET /v1/payments/<id> answers:
 *                       the truth; the payment with status "pending" whatever it is; 500; or nothing at
 *                       all (the connection is held for 15 s, then dropped: "never within 10 s").
 *     statusTimes       N: only the next N status requests answer so, then "normal" again.
 *                       Without it (setting statusAnswer clears it) the answer holds until reset.
 *     notify            "normal" | "twice" | "late" | "out-of-order" | "none" — how the next changes are
 *                       notified: once; twice (the second after the first is answered); after
 *                       notifyDelayMs; the final one, then a stale "payment.pending" with the payment as it
 *                       was before; not at all (logged as "suppressed").
 *     notifyTimes       N: only the next N changes are notified so. Without it, until reset.
 *     notifyDelayMs     the delay of "late" (default 5000).
 *     retryDelaysMs     the waits before each retry of a notification not answered 2xx (default
 *                       [1000, 2000, 4000]: three retries); [] means no retries.
 *     expiresInMs       lifetime of payments created from now on (default 15 minutes).
 *     timeoutOutcomeMs  how long after the "bank does not answer" card (4000 0000 0000 0119) its payment
 *                       succeeds (default 20000); read when the card is entered.
 *     Unknown fields or values are refused with 422, so a misspelt switch is not silently ignored.
 *   GET  /__control/behaviour   the current behaviour.
 *   POST /__control/reset       every switch back to its default. Payments and the notification log stay.
 *   POST /__control/payments/<id>/expire   expire a pending payment now (payment.expired is sent); 409 if final.
 *   POST /__control/payments/<id>/pay      `{ card, code?, expiry?, cvc? }`: what the payment page does with
 *                       this card (expiry defaults to a future date, cvc to 123), and with `code` the 3-D
 *                       Secure step too; at the 3-D Secure step `{ code }` alone. Answers `{ next, payment }`
 *                       with next "returned" (the payer would be back at returnUrl) or "3ds"; 422 with the
 *                       page's errors; 409 when the payment cannot be paid any more.
 *   GET  /__control/notifications[?paymentId=…]   every notification: event, url, kind, state, body and
 *                       each attempt's time and answered status (or network error).
 *   GET  /__control/payments    every payment: what GET /v1 answers plus its stage, description and URLs.
 */
export type StatusAnswer = "normal" | "pending" | "error500" | "hang";
export type NotifyMode = "normal" | "twice" | "late" | "out-of-order" | "none";

export type BehaviourSettings = {
  statusAnswer: StatusAnswer;
  statusTimes: number | null;
  notify: NotifyMode;
  notifyTimes: number | null;
  notifyDelayMs: number;
  retryDelaysMs: number[];
  expiresInMs: number;
  timeoutOutcomeMs: number;
};

export const DEFAULT_BEHAVIOUR: Readonly<BehaviourSettings> = Object.freeze({
  statusAnswer: "normal",
  statusTimes: null,
  notify: "normal",
  notifyTimes: null,
  notifyDelayMs: 5_000,
  retryDelaysMs: [1_000, 2_000, 4_000],
  expiresInMs: 15 * 60_000,
  timeoutOutcomeMs: 20_000,
});

const Milliseconds = (max: number) => z.int().min(0).max(max);

const BehaviourChangeSchema = z.strictObject({
  statusAnswer: z.enum(["normal", "pending", "error500", "hang"]).optional(),
  statusTimes: z.int().min(1).max(10_000).optional(),
  notify: z.enum(["normal", "twice", "late", "out-of-order", "none"]).optional(),
  notifyTimes: z.int().min(1).max(10_000).optional(),
  notifyDelayMs: Milliseconds(600_000).optional(),
  retryDelaysMs: z.array(Milliseconds(600_000)).max(10).optional(),
  expiresInMs: Milliseconds(86_400_000).optional(),
  timeoutOutcomeMs: Milliseconds(3_600_000).optional(),
});

/** The acquirer's current behaviour; the API and the notifier consult it, the control API sets it. */
export class Behaviour {
  settings: BehaviourSettings = fresh();

  /** How to answer this status request; counts it against statusTimes. */
  takeStatusAnswer(): StatusAnswer {
    const answer = this.settings.statusAnswer;
    if (answer !== "normal" && this.settings.statusTimes !== null) {
      this.settings.statusTimes -= 1;
      if (this.settings.statusTimes <= 0) Object.assign(this.settings, { statusAnswer: "normal", statusTimes: null });
    }
    return answer;
  }

  /** How to notify this change; counts it against notifyTimes. */
  takeNotifyMode(): NotifyMode {
    const mode = this.settings.notify;
    if (mode !== "normal" && this.settings.notifyTimes !== null) {
      this.settings.notifyTimes -= 1;
      if (this.settings.notifyTimes <= 0) Object.assign(this.settings, { notify: "normal", notifyTimes: null });
    }
    return mode;
  }

  change(change: z.infer<typeof BehaviourChangeSchema>): void {
    const next = { ...this.settings };
    // A new answer or mode starts without the count of the previous one.
    if (change.statusAnswer !== undefined) next.statusTimes = null;
    if (change.notify !== undefined) next.notifyTimes = null;
    for (const [key, value] of Object.entries(change)) if (value !== undefined) Object.assign(next, { [key]: value });
    this.settings = next;
  }

  reset(): void {
    this.settings = fresh();
  }
}

function fresh(): BehaviourSettings {
  return { ...DEFAULT_BEHAVIOUR, retryDelaysMs: [...DEFAULT_BEHAVIOUR.retryDelaysMs] };
}

const PaySchema = z.strictObject({
  card: z.string().max(40).optional(),
  expiry: z.string().max(10).optional(),
  cvc: z.string().max(10).optional(),
  code: z.string().max(20).optional(),
});

export type ControlDeps = { behaviour: Behaviour; payments: Payments; notifier: Notifier };

export async function handleControl(
  deps: ControlDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const route = `${req.method} ${path}`;
  if (route === "GET /__control/behaviour") return sendJson(res, 200, { behaviour: deps.behaviour.settings });
  if (route === "POST /__control/behaviour") {
    const body = await readJson(req, res, {});
    if (!body.ok) return;
    const change = BehaviourChangeSchema.safeParse(body.value);
    if (!change.success) return sendJson(res, 422, { error: "invalid-behaviour", issues: change.error.issues });
    deps.behaviour.change(change.data);
    return sendJson(res, 200, { behaviour: deps.behaviour.settings });
  }
  if (route === "POST /__control/reset") {
    deps.behaviour.reset();
    return sendJson(res, 200, { behaviour: deps.behaviour.settings });
  }
  if (route === "GET /__control/notifications") {
    return sendJson(res, 200, { notifications: deps.notifier.log(url.searchParams.get("paymentId") ?? undefined) });
  }
  if (route === "GET /__control/payments") {
    return sendJson(res, 200, { payments: deps.payments.store.list().map(describe) });
  }
  const action = /^\/__control\/payments\/([^/]+)\/(expire|pay)$/.exec(path);
  if (req.method === "POST" && action) {
    const payment = deps.payments.find(decodeURIComponent(action[1]!));
    if (!payment) return sendJson(res, 404, { error: "not-found" });
    if (action[2] === "expire") {
      const expired = deps.payments.expire(payment);
      return sendJson(res, expired ? 200 : 409, { payment: viewOf(payment) });
    }
    const body = await readJson(req, res, {});
    if (!body.ok) return;
    const input = PaySchema.safeParse(body.value);
    if (!input.success) return sendJson(res, 422, { error: "invalid-request", issues: input.error.issues });
    return pay(deps.payments, payment, input.data, res);
  }
  sendJson(res, 404, { error: "not-found" });
}

function pay(payments: Payments, payment: PaymentRecord, input: z.infer<typeof PaySchema>, res: ServerResponse): void {
  let outcome =
    payment.stage === "3ds" && input.card === undefined
      ? { kind: "3ds" as const }
      : payments.submitCard(payment, {
          card: input.card ?? "",
          expiry: input.expiry ?? futureExpiry(),
          cvc: input.cvc ?? "123",
        });
  if (outcome.kind === "3ds" && input.code !== undefined) outcome = payments.submitCode(payment, input.code);
  if (outcome.kind === "invalid") return sendJson(res, 422, { error: "invalid-card", errors: outcome.errors });
  if (outcome.kind === "not-payable") return sendJson(res, 409, { error: "not-payable", payment: viewOf(payment) });
  sendJson(res, 200, { next: outcome.kind, payment: viewOf(payment) });
}

function futureExpiry(): string {
  return `12/${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, "0")}`;
}

function describe(payment: PaymentRecord) {
  return {
    ...viewOf(payment),
    stage: payment.stage,
    description: payment.request.description,
    returnUrl: payment.request.returnUrl,
    notificationUrl: payment.request.notificationUrl,
  };
}
