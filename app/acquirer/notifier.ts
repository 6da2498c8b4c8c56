import { createHmac } from "node:crypto";
import type { Behaviour } from "./control";
import type { NotificationEvent, PaymentView } from "./protocol";

/*
 * Notifications of payment changes (docs/payments.md, "Notifications"): `{ event, payment }` POSTed to the
 * payment's notificationUrl, signed with HMAC-SHA256 over the raw body, retried on anything but a 2xx.
 * The control switches (control.ts) make them arrive twice, late, out of order or not at all, the ways a
 * real acquirer's do, so the portal's handling of each is tested against real HTTP.
 */
export const SIGNATURE_HEADER = "X-Acquirer-Signature";

/** How long one attempt may take before it counts as failed. */
const ATTEMPT_TIMEOUT_MS = 5_000;

/** The log of what was sent is for tests and the curious; a long-running demo keeps only the latest. */
const LOG_LIMIT = 1_000;

export type DeliveryAttempt = { at: string; status?: number; error?: string };

export type Delivery = {
  id: number;
  paymentId: string;
  event: NotificationEvent;
  url: string;
  /** `duplicate` (notify: twice), `late`, `stale` (a pending one after the final, notify: out-of-order). */
  kind: "normal" | "duplicate" | "late" | "stale";
  state: "scheduled" | "delivered" | "failed" | "suppressed";
  body: string;
  attempts: DeliveryAttempt[];
};

export function signatureOf(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export class Notifier {
  private readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly secret: string,
    private readonly behaviour: Behaviour,
  ) {}

  /** Tells the merchant of a change; `before` is the payment as it was, for a stale notification. */
  notify(event: NotificationEvent, payment: PaymentView, url: string, before?: PaymentView): void {
    const mode = this.behaviour.takeNotifyMode();
    if (mode === "none") {
      this.record(event, payment, url, "normal", "suppressed");
    } else if (mode === "twice") {
      const first = this.record(event, payment, url, "normal");
      void this.deliver(first).then(() => this.deliver(this.record(event, payment, url, "duplicate")));
    } else if (mode === "late") {
      void this.deliver(this.record(event, payment, url, "late"), this.behaviour.settings.notifyDelayMs);
    } else if (mode === "out-of-order" && before && event !== "payment.pending") {
      const final = this.record(event, payment, url, "normal");
      void this.deliver(final).then(() =>
        this.deliver(this.record("payment.pending", { ...before, status: "pending" }, url, "stale")),
      );
    } else {
      void this.deliver(this.record(event, payment, url, "normal"));
    }
  }

  log(paymentId?: string): Delivery[] {
    return paymentId ? this.deliveries.filter((delivery) => delivery.paymentId === paymentId) : [...this.deliveries];
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private record(
    event: NotificationEvent,
    payment: PaymentView,
    url: string,
    kind: Delivery["kind"],
    state: Delivery["state"] = "scheduled",
  ): Delivery {
    const delivery: Delivery = {
      id: this.nextId++,
      paymentId: payment.id,
      event,
      url,
      kind,
      state,
      body: JSON.stringify({ event, payment }),
      attempts: [],
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > LOG_LIMIT) this.deliveries.shift();
    return delivery;
  }

  /** Resolves when the delivery is answered with a 2xx or given up after the last retry. */
  private async deliver(delivery: Delivery, delayMs = 0): Promise<void> {
    if (delayMs > 0) await this.wait(delayMs);
    for (let attempt = 0; !this.stopped; attempt++) {
      const result = await this.attempt(delivery);
      delivery.attempts.push(result);
      if (result.status !== undefined && result.status >= 200 && result.status < 300) {
        delivery.state = "delivered";
        return;
      }
      const retryIn = this.behaviour.settings.retryDelaysMs[attempt];
      if (retryIn === undefined) {
        delivery.state = "failed";
        return;
      }
      await this.wait(retryIn);
    }
  }

  private async attempt(delivery: Delivery): Promise<DeliveryAttempt> {
    const at = new Date().toISOString();
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          [SIGNATURE_HEADER]: signatureOf(this.secret, delivery.body),
          "User-Agent": "demo-acquirer",
        },
        body: delivery.body,
        redirect: "manual",
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { at, status: response.status };
    } catch (error) {
      return { at, error: describeFailure(error) };
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** A network failure's code (ECONNREFUSED, TimeoutError…), never the request. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    if (cause && typeof cause.code === "string") return cause.code;
    return error.name;
  }
  return "unknown";
}
