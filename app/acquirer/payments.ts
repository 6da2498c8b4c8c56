import { checkCard, THREE_DS_CODE, type CardErrors, type CardForm } from "./cards";
import type { Behaviour } from "./control";
import type { FiscalRegister } from "./fiscal";
import type { Notifier } from "./notifier";
import type { DeclineReason, NotificationEvent, PaymentRequest } from "./protocol";
import { newPaymentId, viewOf, type PaymentRecord, type PaymentStore } from "./store";

/*
 * What happens to a payment: created by the merchant, paid on the payment page (or by the control API the
 * way the page would), declined, expired. Every change notifies the merchant. Final states never change.
 */
export type CreateOutcome =
  | { kind: "created" | "replayed"; payment: PaymentRecord }
  /** The key was used with another body. */
  | { kind: "conflict" };

export type PayOutcome =
  | { kind: "invalid"; errors: CardErrors & { code?: string } }
  /** Final, expired or with the bank already: nothing to enter any more. */
  | { kind: "not-payable" }
  /** The card asks for the 3-D Secure code. */
  | { kind: "3ds" }
  /** Done on the page: the payer goes back to the merchant, whatever the outcome. */
  | { kind: "returned" };

export class Payments {
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private readonly bankTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly store: PaymentStore,
    private readonly notifier: Notifier,
    private readonly behaviour: Behaviour,
    private readonly register: FiscalRegister,
  ) {}

  create(request: PaymentRequest, idempotencyKey: string, fingerprint: string, now = new Date()): CreateOutcome {
    const earlier = this.store.findByKey(idempotencyKey);
    if (earlier)
      return earlier.fingerprint === fingerprint ? { kind: "replayed", payment: earlier } : { kind: "conflict" };
    const payment: PaymentRecord = {
      id: newPaymentId(),
      request,
      idempotencyKey,
      fingerprint,
      status: "pending",
      stage: "card",
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.behaviour.settings.expiresInMs),
    };
    this.store.add(payment);
    // A timer rather than a check on access: the merchant must hear of the expiry even if nobody asks.
    const timer = setTimeout(() => this.expireIfDue(payment), payment.expiresAt.getTime() - now.getTime());
    timer.unref();
    this.expiryTimers.set(payment.id, timer);
    return { kind: "created", payment };
  }

  /** The payment, expired first if its time is up (a timer may fire a moment late). */
  find(id: string): PaymentRecord | undefined {
    const payment = this.store.get(id);
    if (payment) this.expireIfDue(payment);
    return payment;
  }

  submitCard(payment: PaymentRecord, form: CardForm, now = new Date()): PayOutcome {
    if (payment.status !== "pending" || payment.stage !== "card") return { kind: "not-payable" };
    const check = checkCard(form, now);
    if (!check.ok) return { kind: "invalid", errors: check.errors };
    switch (check.outcome) {
      case "succeed":
        this.succeed(payment, now);
        return { kind: "returned" };
      case "decline":
        this.decline(payment, "insufficient-funds");
        return { kind: "returned" };
      case "3ds":
        payment.stage = "3ds";
        return { kind: "3ds" };
      case "bank-silent":
        this.sendToSilentBank(payment);
        return { kind: "returned" };
    }
  }

  submitCode(payment: PaymentRecord, code: string): PayOutcome {
    if (payment.status !== "pending" || payment.stage !== "3ds") return { kind: "not-payable" };
    if (code.trim() === "") return { kind: "invalid", errors: { code: "Введите код из SMS" } };
    if (code.trim() === THREE_DS_CODE) this.succeed(payment, new Date());
    else this.decline(payment, "authentication-failed");
    return { kind: "returned" };
  }

  /** Expires a pending payment at once (the control switch); false when it is already final. */
  expire(payment: PaymentRecord): boolean {
    if (payment.status !== "pending") return false;
    this.change(payment, "payment.expired", () => (payment.status = "expired"));
    return true;
  }

  stop(): void {
    for (const timer of [...this.expiryTimers.values(), ...this.bankTimers.values()]) clearTimeout(timer);
    this.expiryTimers.clear();
    this.bankTimers.clear();
  }

  private expireIfDue(payment: PaymentRecord): void {
    // Once the bank has the card the payer has finished: the bank's answer decides, not the clock.
    if (payment.status === "pending" && payment.stage !== "bank" && Date.now() >= payment.expiresAt.getTime()) {
      this.expire(payment);
    }
  }

  /*
   * "The bank does not answer" (docs/payments.md): the payer is returned at once, the payment stays
   * pending and succeeds after timeoutOutcomeMs, the case the portal's reconciler exists for.
   */
  private sendToSilentBank(payment: PaymentRecord): void {
    this.change(payment, "payment.pending", () => (payment.stage = "bank"));
    const timer = setTimeout(() => {
      this.bankTimers.delete(payment.id);
      if (payment.status === "pending") this.succeed(payment, new Date());
    }, this.behaviour.settings.timeoutOutcomeMs);
    timer.unref();
    this.bankTimers.set(payment.id, timer);
  }

  private succeed(payment: PaymentRecord, now: Date): void {
    this.change(payment, "payment.succeeded", () => {
      payment.status = "succeeded";
      payment.paidAt = now;
      payment.receipt = this.register.issue(payment.request.amount, payment.request.receipt.items, now);
    });
  }

  private decline(payment: PaymentRecord, reason: DeclineReason): void {
    this.change(payment, "payment.declined", () => {
      payment.status = "declined";
      payment.declineReason = reason;
    });
  }

  private change(payment: PaymentRecord, event: NotificationEvent, apply: () => void): void {
    const before = viewOf(payment);
    apply();
    if (payment.status !== "pending") this.clearTimers(payment.id);
    this.notifier.notify(event, viewOf(payment), payment.request.notificationUrl, before);
  }

  private clearTimers(id: string): void {
    for (const timers of [this.expiryTimers, this.bankTimers]) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    }
  }
}
