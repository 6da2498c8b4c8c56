import { request as playwrightRequest, type Page } from "@playwright/test";
import { signBody } from "../../app/domain/proactive/registry-signature";
import { demoRegistryKey } from "../../seeds/registry";
import { expect, test } from "./fixtures";
import { latestMailTo } from "./mail";
import { createResident, portalDb, RESIDENT_PASSWORD } from "./portal-db";
import { PORTAL_URL } from "./ports";
import { signIn } from "./sign-in";

/*
 * Paying utility bills end to end (docs/payments.md), JavaScript on and off: a provider delivers two bills
 * through the signed API, the resident links the account with the bill's access code, pays both through the
 * demo acquirer's own page (a process of its own), is brought back, sees the receipt with its fiscal data,
 * gets it by mail, and sees the bills paid. A declined card leaves them to pay; a meter reading lower than the
 * last one is refused with the last one named.
 */
const ACCESS_CODE = "918273";
const PERIODS = ["2026-09", "2026-10"];

/** A fresh ЕЛС with two unpaid bills, delivered the way a provider does: signed, over HTTP. */
async function deliverBills(label: string) {
  const els = `58ТС${String(Date.now() % 1_000_000).padStart(6, "0")}`.replace(/ТС/, label);
  const body = JSON.stringify({
    bills: PERIODS.map((period, i) => ({
      billId: `e2e-${els}-${period}`,
      els,
      period,
      address: "г. Пенза, ул. Проверочная, д. 7, кв. 3",
      accessCode: ACCESS_CODE,
      amount: 120_000 + i * 10_050,
      lines: [{ service: "electricity", unit: "кВт·ч", tariff: 612, volume: "196.078", amount: 120_000 + i * 10_050 }],
    })),
  });
  const key = demoRegistryKey("penza-energo-demo");
  const timestamp = String(Math.floor(Date.now() / 1000));
  const api = await playwrightRequest.newContext({ baseURL: PORTAL_URL });
  const answer = await api.post("/api/utility/bills", {
    data: body,
    headers: {
      "Content-Type": "application/json",
      "X-Registry-Source": "penza-energo-demo",
      "X-Registry-Key": key.id,
      "X-Registry-Timestamp": timestamp,
      "X-Registry-Signature": signBody(key.secret, timestamp, body),
    },
  });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ taken: 2, refused: 0 });
  await api.dispose();
  return els;
}

async function linkAccount(page: Page, els: string, visit: (path: string) => Promise<void>) {
  await visit("/cabinet/payments");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Оплата ЖКУ");
  // A wrong code first: the same answer as for an account that does not exist, and nothing typed is lost.
  await page.getByLabel("Единый лицевой счёт (ЕЛС)").fill(els.toLowerCase().replace(/^(\d\d)/, "$1 "));
  await page.getByLabel("Код доступа").fill("111111");
  await page.getByRole("button", { name: "Добавить счёт" }).click();
  await expect(page.getByRole("alert")).toContainText("Счёт с таким ЕЛС и кодом доступа не найден");
  await expect(page.getByLabel("Единый лицевой счёт (ЕЛС)")).not.toHaveValue("");
  await page.getByLabel("Код доступа").fill(ACCESS_CODE);
  await page.getByRole("button", { name: "Добавить счёт" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`ЕЛС ${els}`);
}

async function payWithCard(page: Page, card: string, checkA11y?: () => Promise<void>) {
  await page.getByRole("button", { name: "Оплатить отмеченные" }).click();
  // The acquirer's own page, on its own port.
  await expect(page).not.toHaveURL(new RegExp(`^${PORTAL_URL}`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkA11y?.();
  await page.getByLabel(/Номер карты/).fill(card);
  await page.getByLabel(/Срок/).fill("12/30");
  await page.getByLabel(/CVC/).fill("123");
  await page.getByRole("button", { name: /Оплатить/ }).click();
  await expect(page).toHaveURL(/\/cabinet\/payments\/receipts\//);
}

test("link an account, pay two bills through the demo acquirer, see the receipt and the bills paid", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const els = await deliverBills(javaScriptEnabled ? "ТС" : "ТН");
  const resident = await createResident("payer");
  await signIn(page, resident.email, javaScriptEnabled, RESIDENT_PASSWORD);
  await linkAccount(page, els, visit);
  await checkA11y();

  await expect(page.getByTestId("account-totals")).toContainText("2\u202F500,50\u00A0₽");
  await expect(page.getByTestId("bill")).toHaveCount(2);
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  await payWithCard(page, "4111 1111 1111 1111", checkA11y);

  await expect(page.getByTestId("payment-status")).toHaveText("Оплачен");
  await expect(page.getByTestId("fiscal-receipt")).toContainText("Кассовый чек");
  await expect(page.getByTestId("fiscal-fn")).toHaveText(/^\d{16}$/);
  await expect(page.getByTestId("payment-bills").getByRole("listitem")).toHaveCount(2);
  await checkA11y();
  const fd = (await page.getByTestId("fiscal-fd").textContent()) ?? "";
  const mail = await latestMailTo(resident.email, /Чек об оплате ЖКУ/);
  expect(mail.text).toContain(`ФД ${fd}`);

  await page.getByRole("link", { name: `ЕЛС ${els}` }).click();
  await expect(page.getByTestId("account-totals")).toContainText("0\u00A0₽");
  await expect(page.getByText("Неоплаченных квитанций нет.")).toBeVisible();
  await expect(page.getByTestId("paid-bills").getByTestId("bill-state")).toHaveText([/^Оплачена/, /^Оплачена/]);
  await expect(page.getByTestId("payment-history")).toContainText("Оплачен");
  expect(await portalDb.bill.count({ where: { els, paidVia: "portal" } })).toBe(2);
});

test("a declined card takes nothing and leaves the bills to pay", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const els = await deliverBills(javaScriptEnabled ? "ДС" : "ДН");
  const resident = await createResident("declined");
  await signIn(page, resident.email, javaScriptEnabled, RESIDENT_PASSWORD);
  await linkAccount(page, els, visit);
  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.getByTestId("payment-status")).toHaveText("Отклонён");
  await expect(page.getByText("Недостаточно средств на карте.")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Вернуться к квитанциям и оплатить снова" }).click();
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  expect(await portalDb.bill.count({ where: { els, paidAt: null, openPaymentId: null } })).toBe(2);
});

test("a meter reading lower than the last one is refused, naming the last one", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const els = await deliverBills(javaScriptEnabled ? "МС" : "МН");
  // A provider of this test whose window is always open, and a meter with its last reading.
  const code = `e2e-water-${javaScriptEnabled ? "js" : "nojs"}`;
  const source = `${code}-source`;
  await portalDb.registrySource.upsert({
    where: { code: source },
    create: { code: source, nameRu: "Вода", nameEn: "Water" },
    update: {},
  });
  await portalDb.utilityProvider.upsert({
    where: { code },
    create: {
      code,
      nameRu: "Водоканал (тест)",
      nameEn: "Water (test)",
      inn: "5836000099",
      sourceCode: source,
      readingsFrom: 1,
      readingsTo: 31,
    },
    update: {},
  });
  await portalDb.meter.create({
    data: {
      id: `meter-${els}`,
      els,
      providerCode: code,
      service: "cold-water",
      serial: `CW-${els}`,
      unit: "м³",
      readings: { create: { value: "100.000", period: "2026-01", source: "provider" } },
    },
  });
  const resident = await createResident("meter");
  await signIn(page, resident.email, javaScriptEnabled, RESIDENT_PASSWORD);
  await linkAccount(page, els, visit);
  const meter = page.getByTestId("meter");
  await meter.getByLabel("Новое показание, м³").fill("90");
  await meter.getByRole("button", { name: "Передать показание" }).click();
  await expect(meter).toContainText("Показание не может быть меньше предыдущего (100)");
  await expect(meter.getByLabel("Новое показание, м³")).toHaveValue("90");
  await expect(meter.getByLabel("Новое показание, м³")).toHaveAttribute("aria-invalid", "true");
  await checkA11y();
  await meter.getByLabel("Новое показание, м³").fill("120,5");
  await meter.getByRole("button", { name: "Передать показание" }).click();
  await expect(meter.getByRole("status")).toHaveText("Показание 120,5 принято.");
  expect(
    await portalDb.meterReading.findFirst({ where: { meterId: `meter-${els}`, source: "resident" } }),
  ).toMatchObject({
    value: "120.500",
  });
});
