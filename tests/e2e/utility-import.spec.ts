import type { Page } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { signBody } from "../../app/domain/proactive/registry-signature";
import { demoRegistryKey } from "../../seeds/registry";
import { expect, test } from "./fixtures";
import { portalDb } from "./portal-db";
import { PORTAL_URL } from "./ports";

/*
 * Utility bills from providers (docs/payments.md, "Import and export formats"): an administrator uploads
 * an accountant's CSV with a good and a bad bill and reads the report — which bill was refused, on which
 * line, and why — then finds the import among the recent ones; a file that is not UTF-8 is refused at the
 * top of the form. And, over real HTTP, the provider's signed API and exports. Each run (JavaScript on and
 * off, at the same time) uses bill ids and ЕЛС of its own, with the demo provider «Пензаэнергосбыт».
 */

const HEADER = "bill_id;els;period;due_date;address;access_code;service;unit;tariff;volume;amount;benefit";
const PROVIDER = "Пензаэнергосбыт";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill("admin@demo.gosuslugi58.ru");
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
}

/** Six digits of its own for each run's bill ids and ЕЛС. */
const unique = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");

async function chooseProvider(page: Page) {
  const select = page.getByLabel("Поставщик", { exact: true });
  const value = await select.locator("option", { hasText: PROVIDER }).first().getAttribute("value");
  expect(value, `the demo seed's provider «${PROVIDER}»`).toBeTruthy();
  await select.selectOption(value ?? "");
}

test("an administrator uploads a provider's CSV and reads which bill was refused and why", async ({
  page,
  visit,
  checkA11y,
}) => {
  const run = unique();
  await signIn(page);
  await visit("/admin/utility/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Загрузка счетов за ЖКУ");
  await checkA11y();

  // A file saved as "CSV (Windows)" in Windows-1251: refused at the top, nothing imported.
  await chooseProvider(page);
  await page.getByLabel("Файл CSV").setInputFiles({
    name: "bills-1251.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0xcf, 0xe5, 0xed, 0xe7, 0xe0, 0x3b, 0x0d, 0x0a]),
  });
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByRole("alert")).toContainText("Файл CSV: файл не в кодировке UTF-8");
  await checkA11y();

  const good = `E2E-${run}-1`;
  const bad = `E2E-${run}-2`;
  const csv = [
    "\uFEFF" + HEADER,
    `${good};58ТЕ${run};2026-11;;"Пенза, ул. Тестовая, д. 1; кв. 2";482913;electricity;кВт·ч;5,56;132;733,92;`,
    `${bad};58ТЕ${run.slice(1)};2026-11;;Пенза, ул. Тестовая, д. 3;482913;electricity;кВт·ч;5,56;10;55,60;`,
  ].join("\r\n");
  await chooseProvider(page);
  await page
    .getByLabel("Файл CSV")
    .setInputFiles({ name: "bills.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Загрузить" }).click();

  await expect(page).toHaveURL(/\/admin\/utility\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Отчёт о загрузке счетов");
  await expect(page.getByText(`Поставщик: ${PROVIDER}`)).toBeVisible();
  const counts = page.getByRole("status");
  await expect(counts).toContainText("Принято счетов: 1");
  await expect(counts).toContainText("Уже были загружены раньше: 0");
  await expect(counts).toContainText("Отклонено: 1");
  const rows = page.getByRole("table").getByRole("row");
  // The header, then the one refused bill, by its line of the file.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText("3");
  await expect(rows.nth(1)).toContainText(bad);
  await expect(rows.nth(1)).toContainText("строка 3, ЕЛС (els): ЕЛС — 2 цифры, 2 буквы и 6 цифр");
  await checkA11y();
  const reportUrl = page.url();

  expect(await portalDb.bill.count({ where: { providerRef: good } })).toBe(1);
  expect(await portalDb.bill.count({ where: { providerRef: bad } })).toBe(0);

  // The import is among the recent ones, and leads back to its report.
  await page.getByRole("link", { name: "Загрузить ещё файл" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Загрузка счетов за ЖКУ");
  const links = page.getByRole("link", { name: /^Отчёт о загрузке/ });
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((nodes) => nodes.map((n) => (n as HTMLAnchorElement).href));
  expect(hrefs).toContain(reportUrl);
});

test.describe("the provider's signed API over HTTP", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "HTTP checks run once");

  test("takes a signed bill once, refuses the unsigned, and exports the day's payments", async () => {
    const api = await playwrightRequest.newContext({ baseURL: PORTAL_URL });
    const key = demoRegistryKey("penza-energo-demo");
    const signed = (body: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        "X-Registry-Source": "penza-energo-demo",
        "X-Registry-Key": key.id,
        "X-Registry-Timestamp": timestamp,
        "X-Registry-Signature": signBody(key.secret, timestamp, body),
      };
    };
    const run = unique();
    const body = JSON.stringify({
      bills: [
        {
          billId: `E2E-API-${run}`,
          els: `58ТА${run}`,
          period: "2026-11",
          address: "Пенза, ул. Тестовая, д. 7",
          accessCode: "123456",
          amount: 73_392,
          lines: [{ service: "electricity", unit: "кВт·ч", tariff: 556, volume: "132", amount: 73_392 }],
        },
      ],
    });
    const post = (data: string, headers: Record<string, string>) =>
      api.post("/api/utility/bills", { data, headers: { "Content-Type": "application/json", ...headers } });
    const taken = await post(body, signed(body));
    expect(taken.status()).toBe(200);
    expect(await taken.json()).toMatchObject({ taken: 1, repeated: 0, refused: 0 });
    const again = await post(body, signed(body));
    expect(await again.json()).toMatchObject({ taken: 0, repeated: 1, refused: 0 });
    const unsigned = await post(body, {});
    expect(unsigned.status()).toBe(401);
    expect((await api.get("/api/utility/bills")).status()).toBe(405);

    const exported = await api.get("/api/utility/payments.csv?date=2026-12-01", { headers: signed("") });
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toContain("text/csv");
    const text = (await exported.body()).toString("utf8");
    expect(text.startsWith("\uFEFFpayment_id;bill_id;els;amount;paid_at;fiscal_document;fiscal_sign\r\n")).toBe(true);
    expect(text).toMatch(/\r\ntotal;\d+;;\d+,\d\d;;;\r\n$/);
    expect((await api.get("/api/utility/readings.csv?period=2026-13", { headers: signed("") })).status()).toBe(400);
    expect((await api.get("/api/utility/readings.csv?period=2026-11")).status()).toBe(401);
    await api.dispose();
  });
});
