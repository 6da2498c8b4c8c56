import { z } from "zod";

/*
 * The shapes of the acquirer protocol (docs/payments.md, "The acquirer protocol") as the demo acquirer
 * speaks them. The portal's client (app/domain/payments/acquirer-client.server.ts) keeps its own copy on
 * purpose: a real acquirer is another company's system, so neither side imports the other.
 */

/*
 * VAT codes of a receipt item (ставка НДС, 54-ФЗ tag 1199) and their rates in percent; `none` is "без НДС",
 * the code for housing and utility services paid through an agent. 22 % is the general rate from 2026,
 * 20 % stays for corrections of earlier periods, 5 % and 7 % are the simplified-taxation rates.
 */
export const VAT_RATES = { none: null, vat0: 0, vat5: 5, vat7: 7, vat10: 10, vat20: 20, vat22: 22 } as const;
export type VatCode = keyof typeof VAT_RATES;
export const VAT_CODES = Object.keys(VAT_RATES) as [VatCode, ...VatCode[]];

export type PaymentStatus = "pending" | "succeeded" | "declined" | "expired";
export type DeclineReason = "insufficient-funds" | "authentication-failed";
export type NotificationEvent = "payment.pending" | "payment.succeeded" | "payment.declined" | "payment.expired";

/** A billion roubles in kopecks: far above any utility bill, well inside a safe integer. */
const MAX_AMOUNT = 100_000_000_000;

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);

const ReceiptItemSchema = z.object({
  // 128 characters is the limit of an item's name (предмет расчёта, tag 1030) in a fiscal document.
  description: z.string().trim().min(1).max(128),
  amount: z.int().min(1).max(MAX_AMOUNT),
  vat: z.enum(VAT_CODES),
});

export const PaymentRequestSchema = z
  .object({
    amount: z.int().min(1, "must be at least 1 kopeck").max(MAX_AMOUNT),
    description: z.string().trim().min(1).max(128),
    returnUrl: HttpUrlSchema,
    notificationUrl: HttpUrlSchema,
    metadata: z
      .record(z.string().min(1).max(64), z.string().max(512))
      .refine((metadata) => Object.keys(metadata).length <= 16, "at most 16 keys")
      .default({}),
    receipt: z.object({
      email: z.email().max(254),
      items: z.array(ReceiptItemSchema).min(1).max(100),
    }),
  })
  .check((ctx) => {
    const sum = ctx.value.receipt.items.reduce((total, item) => total + item.amount, 0);
    if (sum !== ctx.value.amount) {
      ctx.issues.push({
        code: "custom",
        path: ["receipt", "items"],
        message: `the items sum to ${sum}, not to the amount ${ctx.value.amount}`,
        input: ctx.value.receipt.items,
      });
    }
  });
export type PaymentRequest = z.infer<typeof PaymentRequestSchema>;
export type ReceiptItem = PaymentRequest["receipt"]["items"][number];

/** The receipt's VAT per rate: the items' total at that rate and the tax in it (0 for `none`). */
export type VatTotal = { vat: VatCode; amount: number; tax: number };

/** The 54-ФЗ fiscal data of a succeeded payment, as the fiscal service returns it. */
export type FiscalReceipt = {
  /** ФН: the fiscal drive's number, 16 digits. */
  fn: string;
  /** ФД: the fiscal document's number, rising. */
  fd: number;
  /** ФП: the document's fiscal sign, 10 digits. */
  fp: string;
  fiscalAt: string;
  amount: number;
  vat: VatTotal[];
  items: ReceiptItem[];
};

/** What `GET /v1/payments/<id>` answers, and the `payment` of every notification. */
export type PaymentView = {
  id: string;
  status: PaymentStatus;
  amount: number;
  metadata: Record<string, string>;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  declineReason?: DeclineReason;
  receipt?: FiscalReceipt;
};

/** What `POST /v1/payments` answers. */
export type CreatedPaymentView = {
  id: string;
  status: PaymentStatus;
  amount: number;
  confirmationUrl: string;
  createdAt: string;
  expiresAt: string;
};
