/*
 * `npm run bench:utility`: a provider's monthly file of N bills (default 5,000, four lines each) through the
 * portal's import (parsing, checks, idempotency by content hash, accounts, the report, the audit), against the
 * reference in the same run: the same rows inserted by bare better-sqlite3 in one transaction, with no checks.
 * Then the same file again (all "repeated"), and the cabinet's account page read (bills, penalty, meters) on an
 * account with a year of bills, against a bare SELECT of the same bills. Prints figures and ratios, asserts
 * nothing. Runs in-process on its own database file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createSqliteAdapter } from "~/db/sqlite-adapter.server";
import { saveConfirmedAccount } from "~/domain/accounts/account-store.server";
import { PrismaClient } from "~/generated/prisma/client";
import { accountView } from "~/domain/payments/account-view.server";
import { importBills } from "~/domain/payments/bill-import.server";
import { migrateDatabase } from "~/db/prepare-database.server";
import { seedUtilityPayments } from "../../seeds/utility";
import { numberOption } from "./bench-kit";
import { percentile } from "./load";

const N = numberOption("bills", "BENCH_BILLS", 5_000, 10, 5_000);
const READS = numberOption("reads", "BENCH_READS", 200, 10, 10_000);

const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-utility-"));
const portalUrl = `file:${path.join(dir, "portal.db")}`;
const referenceFile = path.join(dir, "reference.db");
migrateDatabase(process.cwd(), portalUrl);
migrateDatabase(process.cwd(), `file:${referenceFile}`);
const db = new PrismaClient({ adapter: createSqliteAdapter(portalUrl) });
await seedUtilityPayments(db);

const letters = "АБВГДЕЖИКЛМНОПРСТ";
const els = (i: number) => `58${letters[i % 17]}${letters[Math.floor(i / 17) % 17]}${String(i).padStart(6, "0")}`;
const line = (service: string, tariff: number, volume: number) => ({
  service,
  unit: "ед.",
  tariff,
  volume: volume.toFixed(3),
  amount: Math.round(tariff * volume),
});
const bills = Array.from({ length: N }, (_, i) => {
  const lines = [
    line("cold-water", 4050, 4 + (i % 3)),
    line("hot-water", 21000, 2 + (i % 2)),
    line("sewage", 3300, 6 + (i % 4)),
    line("maintenance", 2800, 40 + (i % 30)),
  ];
  return {
    billId: `bench-${i}`,
    els: els(i),
    period: "2026-11",
    address: `г. Пенза, ул. Тестовая, д. ${1 + (i % 90)}, кв. ${1 + (i % 120)}`,
    accessCode: String(100000 + i),
    amount: lines.reduce((sum, l) => sum + l.amount, 0),
    lines,
  };
});

function seconds(start: bigint) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// The reference: the same rows, bare inserts in one transaction.
const reference = new Database(referenceFile);
reference.pragma("journal_mode = WAL");
reference.pragma("synchronous = FULL");
reference.exec(
  `INSERT INTO RegistrySource (code, nameRu, nameEn) VALUES ('bench', 'b', 'b');
   INSERT INTO UtilityProvider (code, nameRu, nameEn, inn, sourceCode) VALUES ('bench', 'b', 'b', '5836000000', 'bench');`,
);
const insertAccount = reference.prepare(
  "INSERT INTO UtilityAccount (els, address, accessCodeHash, createdAt) VALUES (?, ?, ?, ?)",
);
const insertBill = reference.prepare(
  `INSERT INTO Bill (id, providerCode, providerRef, els, period, issuedAt, dueDate, amount, contentHash)
   VALUES (?, 'bench', ?, ?, ?, ?, '2026-12-10', ?, '')`,
);
const insertLine = reference.prepare(
  "INSERT INTO BillLine (billId, service, unit, tariff, volume, amount, benefit) VALUES (?, ?, ?, ?, ?, ?, 0)",
);
let started = process.hrtime.bigint();
reference.transaction(() => {
  const now = Date.now();
  for (const bill of bills) {
    insertAccount.run(bill.els, bill.address, bill.accessCode, now);
    insertBill.run(bill.billId, bill.billId, bill.els, bill.period, now, bill.amount);
    for (const l of bill.lines) insertLine.run(bill.billId, l.service, l.unit, l.tariff, l.volume, l.amount);
  }
})();
const referenceSeconds = seconds(started);

started = process.hrtime.bigint();
const first = await importBills(db, { providerCode: "vodokanal", channel: "api", bills, now: new Date() });
const importSeconds = seconds(started);
started = process.hrtime.bigint();
const again = await importBills(db, { providerCode: "vodokanal", channel: "api", bills, now: new Date() });
const repeatSeconds = seconds(started);
if (!first.ok || !again.ok) throw new Error("the bench's file was refused as a whole");

const readEls = "58АБ123456";
const userId = await saveConfirmedAccount(db, { email: "bench@example.ru", roles: [{ role: "resident" }] });
await db.accountLink.create({ data: { userId, els: readEls } });
const times: number[] = [];
const bareTimes: number[] = [];
const bare = new Database(path.join(dir, "portal.db"), { readonly: true });
const bareQuery = bare.prepare(
  "SELECT * FROM Bill b LEFT JOIN BillLine l ON l.billId = b.id WHERE b.els = ? ORDER BY b.period DESC",
);
{
  for (let i = 0; i < READS; i++) {
    let t = process.hrtime.bigint();
    await accountView(db, { userId, els: readEls, today: "2026-12-02", keyRatePercent: 9.5 });
    times.push(seconds(t) * 1000);
    t = process.hrtime.bigint();
    bareQuery.all(readEls);
    bareTimes.push(seconds(t) * 1000);
  }
}

const rate = (n: number, s: number) => Math.round(n / s);
console.log(`\nUtility bills: a provider's file of ${N} bills × 4 lines`);
console.log(
  `  portal import:        ${importSeconds.toFixed(2)} s = ${rate(N, importSeconds)} bills/s (taken ${first.taken})`,
);
console.log(
  `  same file again:      ${repeatSeconds.toFixed(2)} s = ${rate(N, repeatSeconds)} bills/s (repeated ${again.repeated})`,
);
console.log(`  reference (bare SQL): ${referenceSeconds.toFixed(2)} s = ${rate(N, referenceSeconds)} bills/s`);
console.log(`  ratio portal / reference: ${(referenceSeconds / importSeconds).toFixed(2)}×`);
{
  const p = (list: number[], q: number) =>
    percentile(
      [...list].sort((a, b) => a - b),
      q,
    ).toFixed(2);
  console.log(`\nAccount page read (accountView, ${READS} times, an account with a year of bills of 4 providers)`);
  console.log(`  portal:    p50 ${p(times, 50)} ms, p95 ${p(times, 95)} ms`);
  console.log(`  bare SQL:  p50 ${p(bareTimes, 50)} ms, p95 ${p(bareTimes, 95)} ms`);
}

bare.close();
reference.close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
