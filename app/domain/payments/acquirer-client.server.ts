import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/*
 * The portal's side of the acquirer protocol (docs/payments.md, "The acquirer protocol"). Every expected
 * failure is a value, not a throw: an acquirer that cannot be reached, is slow, answers 5xx or garbage
 * leaves the outcome unknown, and the portal keeps the payment pending for the reconciler rather than
 * guessing. Only `rejected` (a 4xx) means the acquirer understood and refused the request.
 */
export const ACQUIRER_STATUSES = ["pending", "succeeded", "declined", "expired"] as const;
export type AcquirerStatus = (typeof ACQUIRER_STATUSES)[number];

/** VAT codes of a receipt item (54-ФЗ); `none` ("без НДС") is the code of housing and utility services. */
export const VAT_CODES = ["none", "vat0", "vat5", "vat7", "vat10", "vat20", "vat22"] as const;
export type VatCode = (typeof VAT_CODES)[number];

export const NOTIFICATION_EVENTS = [
  "payment.pending",
  "payment.succeeded",
  "payment.declined",
  "payment.expired",
] as const;
export type AcquirerEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The header of a notification's signature: `sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export const SIGNATURE_HEADER = "x-acquirer-signature";

const DEFAULT_TIMEOUT_MS = 5_000;

const Timestamp = z.iso.datetime({ offset: true });
const Kopecks = z.int().min(0);

const ReceiptItemSchema = z.object({ description: z.string(), amount: Kopecks, vat: z.enum(VAT_CODES) });

export const FiscalReceiptSchema = z.object({
  /** ФН: the fiscal drive's number. */
  fn: z.string().regex(/^\d{16}$/),
  /** ФД: the fiscal document's number. */
  fd: z.int().min(1),
  /** ФП: the document's fiscal sign. */
  fp: z.string().regex(/^\d{10}$/),
  fiscalAt: Timestamp,
  amount: Kopecks,
  /** Per VAT rate: the items' total at that rate and the tax in it (0 for `none`). */
  vat: z.array(z.object({ vat: z.enum(VAT_CODES), amount: Kopecks, tax: Kopecks })),
  items: z.array(ReceiptItemSchema),
});
export type FiscalReceipt = z.infer<typeof FiscalReceiptSchema>;

export const AcquirerPaymentSchema = z.object({
  id: z.string().min(1),
  status: z.enum(ACQUIRER_STATUSES),
  amount: Kopecks,
  metadata: z.record(z.string(), z.string()).default({}),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  paidAt: Timestamp.optional(),
  /** Why the bank refused: the demo acquirer says `insufficient-funds` or `authentication-failed`. */
  declineReason: z.string().optional(),
  receipt: FiscalReceiptSchema.optional(),
});
export type AcquirerPayment = z.infer<typeof AcquirerPaymentSchema>;

const CreatedPaymentSchema = z.object({
  id: z.string().min(1),
  // A replay of the same key answers the payment as it is now, which may be final already.
  status: z.enum(ACQUIRER_STATUSES),
  amount: Kopecks,
  confirmationUrl: z.url({ protocol: /^https?$/ }),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type AcquirerCreatedPayment = z.infer<typeof CreatedPaymentSchema>;

const NotificationSchema = z.object({ event: z.enum(NOTIFICATION_EVENTS), payment: AcquirerPaymentSchema });
export type AcquirerNotification = z.infer<typeof NotificationSchema>;

export type CreatePaymentInput = {
  /** Kopecks, at least 1; the receipt's items must sum to it. */
  amount: number;
  description: string;
  /** Where the payer comes back to, unchanged, whatever happened. */
  returnUrl: string;
  notificationUrl: string;
  /** Up to 16 string values the acquirer keeps and returns (e.g. the portal's payment id). */
  metadata?: Record<string, string>;
  receipt: { email: string; items: { description: string; amount: number; vat: VatCode }[] };
};

export type AcquirerFailure = {
  ok: false;
  /*
   * unreachable: no connection (refused, reset, DNS); timeout: no answer in time; server-error: a 5xx or an
   * answer that is not the protocol's — for all three the outcome is unknown. rejected: a 4xx.
   */
  reason: "unreachable" | "timeout" | "server-error" | "rejected";
  status?: number;
};
export type AcquirerResult<T> = { ok: true; payment: T } | AcquirerFailure;

export type NotificationCheck =
  { ok: true; notification: AcquirerNotification } | { ok: false; reason: "bad-signature" | "malformed" };

export type AcquirerConfig = { url: string; apiKey: string; notificationSecret: string; timeoutMs?: number };

export type AcquirerClient = {
  createPayment(input: CreatePaymentInput, idempotencyKey: string): Promise<AcquirerResult<AcquirerCreatedPayment>>;
  getPayment(id: string): Promise<AcquirerResult<AcquirerPayment>>;
  /*
   * Whether a notification is the acquirer's: the HMAC over the exact bytes received. Even a genuine one is
   * only a hint to ask getPayment (docs/payments.md: the portal never reads the outcome from it).
   */
  verifyNotification(rawBody: string | Uint8Array, signatureHeader: string | null | undefined): NotificationCheck;
};

export function acquirerClient(config: AcquirerConfig): AcquirerClient {
  const base = config.url.endsWith("/") ? config.url : `${config.url}/`;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<T>(
    path: string,
    init: RequestInit & { headers: Record<string, string> },
    schema: z.ZodType<T>,
  ): Promise<AcquirerResult<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, base), {
        ...init,
        headers: { Accept: "application/json", Authorization: `Bearer ${config.apiKey}`, ...init.headers },
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return { ok: false, reason: isTimeout(error) ? "timeout" : "unreachable" };
    }
    const status = response.status;
    if (status >= 400 && status < 500) return { ok: false, reason: "rejected", status };
    if (status < 200 || status >= 300) return { ok: false, reason: "server-error", status };
    const payment = schema.safeParse(parseJson(text));
    return payment.success ? { ok: true, payment: payment.data } : { ok: false, reason: "server-error", status };
  }

  return {
    createPayment(input, idempotencyKey) {
      return call(
        "v1/payments",
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
          body: JSON.stringify(input),
        },
        CreatedPaymentSchema,
      );
    },
    getPayment(id) {
      return call(`v1/payments/${encodeURIComponent(id)}`, { method: "GET", headers: {} }, AcquirerPaymentSchema);
    },
    verifyNotification(rawBody, signatureHeader) {
      const given = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader?.trim() ?? "")?.[1];
      const expected = createHmac("sha256", config.notificationSecret).update(rawBody).digest();
      if (!given || !timingSafeEqual(Buffer.from(given, "hex"), expected))
        return { ok: false, reason: "bad-signature" };
      const body = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
      const notification = NotificationSchema.safeParse(parseJson(body));
      return notification.success ? { ok: true, notification: notification.data } : { ok: false, reason: "malformed" };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** AbortSignal.timeout's TimeoutError, or undici's own header or body timeouts. */
function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError") return true;
  const code = (error as Error & { cause?: { code?: unknown } }).cause?.code;
  return code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" || code === "UND_ERR_CONNECT_TIMEOUT";
}
