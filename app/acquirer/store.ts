import { createHash, randomBytes } from "node:crypto";
import type {
  CreatedPaymentView,
  DeclineReason,
  FiscalReceipt,
  PaymentRequest,
  PaymentStatus,
  PaymentView,
} from "./protocol";

/*
 * The demo acquirer's payments, in memory: a demo process forgets them when it stops, as the portal's
 * own payments outlive it (the portal re-sends a payment the acquirer does not know, docs/payments.md).
 */

/*
 * Where a pending payment stands: the payer has the card form, the 3-D Secure code form, or the bank has
 * the card and has not answered (only then the payer has finished, so it no longer expires).
 */
export type PaymentStage = "card" | "3ds" | "bank";

export type PaymentRecord = {
  id: string;
  request: PaymentRequest;
  idempotencyKey: string;
  /** The request's canonical form: the same key with another body is a conflict. */
  fingerprint: string;
  status: PaymentStatus;
  stage: PaymentStage;
  createdAt: Date;
  expiresAt: Date;
  paidAt?: Date;
  declineReason?: DeclineReason;
  receipt?: FiscalReceipt;
};

export class PaymentStore {
  private readonly byId = new Map<string, PaymentRecord>();
  private readonly byKey = new Map<string, PaymentRecord>();

  add(payment: PaymentRecord): void {
    this.byId.set(payment.id, payment);
    this.byKey.set(payment.idempotencyKey, payment);
  }

  get(id: string): PaymentRecord | undefined {
    return this.byId.get(id);
  }

  findByKey(idempotencyKey: string): PaymentRecord | undefined {
    return this.byKey.get(idempotencyKey);
  }

  list(): PaymentRecord[] {
    return [...this.byId.values()];
  }
}

/** Unguessable: the id is in the payer's address, and knowing it is enough to pay. */
export function newPaymentId(): string {
  return `pay_${randomBytes(18).toString("base64url")}`;
}

/** A hash of the JSON with its keys sorted, so the same body sent with other spacing or key order matches. */
export function fingerprintOf(json: unknown): string {
  return createHash("sha256").update(canonical(json)).digest("hex");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function viewOf(payment: PaymentRecord): PaymentView {
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.request.amount,
    metadata: payment.request.metadata,
    createdAt: payment.createdAt.toISOString(),
    expiresAt: payment.expiresAt.toISOString(),
    ...(payment.paidAt && { paidAt: payment.paidAt.toISOString() }),
    ...(payment.declineReason && { declineReason: payment.declineReason }),
    ...(payment.receipt && { receipt: payment.receipt }),
  };
}

export function createdViewOf(payment: PaymentRecord, publicUrl: string): CreatedPaymentView {
  return {
    id: payment.id,
    status: payment.status,
    amount: payment.request.amount,
    confirmationUrl: paymentPageUrl(publicUrl, payment.id),
    createdAt: payment.createdAt.toISOString(),
    expiresAt: payment.expiresAt.toISOString(),
  };
}

/** The payer's page of a payment; `publicUrl` ends with a slash, so an acquirer behind a path prefix works. */
export function paymentPageUrl(publicUrl: string, id: string, step = ""): string {
  return new URL(`pay/${encodeURIComponent(id)}${step}`, publicUrl).href;
}
