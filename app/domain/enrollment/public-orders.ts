/*
 * The public side of enrollment orders (docs/enrollment.md, "Results, public orders and open data"):
 * a school's orders for a campaign year, each with the registration numbers it enrolled, as the
 * school page, the JSON and the CSV publish them. Registration numbers only — never a name, a birth
 * date or anything else about the child or the parent (docs/enrollment.md: lists are published by
 * registration number). Pure, so the browser and the tests share it.
 */

/** One order as it is published: its number and date, and whom it enrolled by registration number. */
export type PublicOrder = {
  number: string;
  /** YYYY-MM-DD, as the school dated it. */
  date: string;
  /** The applications' registration numbers, sorted. */
  registrationNumbers: string[];
};

/** The keys of a published order, and nothing else: the open data's promise, checked by the tests. */
export const PUBLIC_ORDER_KEYS = [
  "number",
  "date",
  "registrationNumbers",
] as const satisfies readonly (keyof PublicOrder)[];

export const MIN_ORDER_YEAR = 2000;
export const MAX_ORDER_YEAR = 2100;

/**
 * The campaign year asked for: the default when none is given, null when what was given is not a
 * year (the API answers 400; the page falls back to the default).
 */
export function parseOrdersYear(value: string | null, defaultYear: number): number | null {
  if (value === null || value === "") return defaultYear;
  if (!/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_ORDER_YEAR && year <= MAX_ORDER_YEAR ? year : null;
}

/** Where a page of orders ends: the last order's date and id (orders are read by date, then id). */
export type OrdersCursor = { date: string; id: number };

export function formatOrdersCursor(cursor: OrdersCursor): string {
  return `${cursor.date}.${cursor.id}`;
}

/** A cursor from a URL; anything else is the first page (docs/security.md §7). */
export function parseOrdersCursor(value: string | null | undefined): OrdersCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2})\.(\d{1,9})$/.exec(value ?? "");
  if (!match) return null;
  return { date: match[1]!, id: Number(match[2]) };
}

/** Registration numbers in their natural order: "58-2027-0000012-3" before "58-2027-0000112-0". */
export function sortRegistrationNumbers(numbers: readonly string[]): string[] {
  return [...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export const CSV_HEADER = ["order_number", "order_date", "registration_number"] as const;

const cell = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Open data as CSV: UTF-8, a header, `;` between cells, one row per enrolled registration number
 * (an order that enrolled nobody still has its row, with the number empty).
 */
export function publicOrdersCsv(orders: readonly PublicOrder[]): string {
  const lines = [CSV_HEADER.join(";")];
  for (const order of orders) {
    const numbers = order.registrationNumbers.length > 0 ? order.registrationNumbers : [""];
    for (const number of numbers) lines.push([order.number, order.date, number].map(cell).join(";"));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The published shape of one order, built key by key so nothing else can slip into the open data. */
export function publicOrderJson(order: PublicOrder): PublicOrder {
  return { number: order.number, date: order.date, registrationNumbers: [...order.registrationNumbers] };
}
