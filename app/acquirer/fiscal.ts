import { createHmac } from "node:crypto";
import { VAT_RATES, type FiscalReceipt, type ReceiptItem, type VatTotal } from "./protocol";

/*
 * The demo fiscal service (54-ФЗ): what a cash register with its fiscal drive (ФН) and the fiscal data
 * operator would return for an online payment. The numbers look and behave like real ones — a fixed
 * 16-digit drive number, document numbers that only rise, a 10-digit fiscal sign that depends on the
 * document — so the portal's receipt page and mail are built on realistic data.
 */

/** ФН: the drive of the demo register. */
export const FISCAL_DRIVE_NUMBER = "9960440300123456";

// The drive's own key: the fiscal sign is a MAC the tax service can check, here an HMAC nobody checks.
const FISCAL_DRIVE_KEY = "demo-fiscal-drive-key";

// Document numbers start from the seconds since this day, so they keep rising across restarts of the
// demo process too (unless it issued more than one receipt a second on average, which a demo does not).
const NUMBERING_START = Date.UTC(2026, 0, 1);

export class FiscalRegister {
  private lastDocument = 0;

  issue(amount: number, items: ReceiptItem[], at: Date): FiscalReceipt {
    const fd = Math.max(this.lastDocument + 1, Math.floor((at.getTime() - NUMBERING_START) / 1000));
    this.lastDocument = fd;
    const fiscalAt = at.toISOString();
    const fp = fiscalSign([FISCAL_DRIVE_NUMBER, fd, fiscalAt, amount, JSON.stringify(items)].join("|"));
    return { fn: FISCAL_DRIVE_NUMBER, fd, fp, fiscalAt, amount, vat: vatTotals(items), items };
  }
}

/** ФП: a 32-bit MAC of the document written as 10 digits, as a fiscal drive prints it. */
function fiscalSign(document: string): string {
  const mac = createHmac("sha256", FISCAL_DRIVE_KEY).update(document).digest();
  return String(mac.readUInt32BE(0)).padStart(10, "0");
}

/** The receipt's totals per VAT rate; prices include the tax, so it is amount × rate / (100 + rate). */
export function vatTotals(items: ReceiptItem[]): VatTotal[] {
  const totals = new Map<ReceiptItem["vat"], number>();
  for (const item of items) totals.set(item.vat, (totals.get(item.vat) ?? 0) + item.amount);
  return [...totals].map(([vat, amount]) => {
    const rate = VAT_RATES[vat];
    return { vat, amount, tax: rate === null ? 0 : Math.round((amount * rate) / (100 + rate)) };
  });
}
