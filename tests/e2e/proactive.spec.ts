import { randomUUID } from "node:crypto";
import { testSnils } from "../../app/domain/identity/test-data";
import { DEMO_PASSWORD } from "../../seeds/accounts";
import { receiveLifeEvent } from "../support/life-events";
import { expect, test } from "./fixtures";
import { portalDb } from "./portal-db";
import { signIn } from "./sign-in";

/*
 * Proactive measures (docs/proactive.md), with JavaScript on and off: ЗАГС reports the demo parent's
 * new baby; the parent finds the offers in the cabinet, reads why they came, confirms the child
 * allowance in one step and finds the application sent to the ministry among their applications.
 */
const PARENT = "parent@demo.gosuslugi58.ru";

test("a birth's offers are shown with their reason; confirming one sends its application", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const childName = `Тест${randomUUID().slice(0, 4)}`;
  const { outcome } = await receiveLifeEvent(portalDb, {
    eventId: `e2e-${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    type: "birth",
    parent: { snils: testSnils(1), lastName: "Смирнова", firstName: "Елена", birthDate: "1989-04-12" },
    child: {
      lastName: "Смирнов",
      firstName: childName,
      birthDate: new Date().toISOString().slice(0, 10),
      birthCertificate: `I-ИЗ ${String(100000 + Math.floor(Math.random() * 800000))}`,
      birthOrder: 1,
    },
  });
  const allowance = outcome.offers.find((o) => o.ruleCode === "birth-child-allowance")!;
  expect(allowance.mode).toBe("offer");

  await signIn(page, PARENT, javaScriptEnabled, DEMO_PASSWORD);
  await visit("/cabinet");
  await expect(page.getByTestId("open-offers")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Предложения и назначения" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Предложения и назначения");
  const item = page.getByTestId("offer").filter({ hasText: childName }).filter({ hasText: "пособие" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Органы ЗАГС зарегистрировали рождение ребёнка");
  await expect(item).toContainText("Подтвердить можно до");
  await checkA11y();

  await visit(`/cabinet/offers/${allowance.id}`);
  await expect(page.getByTestId("offer-status")).toHaveAttribute("data-status", "offered");
  await checkA11y();
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByRole("status")).toContainText("заявление отправлено в ведомство");
  await expect(page.getByTestId("offer-status")).toHaveAttribute("data-status", "accepted");
  await expect(page.getByRole("button", { name: "Подтвердить" })).toHaveCount(0);
  await checkA11y();

  const offer = await portalDb.proactiveOffer.findUniqueOrThrow({
    where: { id: allowance.id },
    include: { application: true },
  });
  const number = offer.application!.number!;
  expect(offer.application).toMatchObject({ channel: "proactive", status: "sent" });

  await page.getByRole("link", { name: `Заявление № ${number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cabinet/applications/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ежемесячное пособие на ребёнка");
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "sent");
  await visit("/cabinet/applications");
  await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible();
});

test("someone else's offer is not found", async ({ page, javaScriptEnabled }) => {
  const { outcome } = await receiveLifeEvent(portalDb, {
    eventId: `e2e-${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    type: "benefit-status",
    person: { snils: testSnils(2), lastName: "Кузнецов", firstName: "Андрей", birthDate: "1984-11-03" },
    category: "large-family",
    validFrom: new Date().toISOString().slice(0, 10),
  });
  await signIn(page, PARENT, javaScriptEnabled, DEMO_PASSWORD);
  // Asked as a request: the browser rightly logs a 404 page, which the shared page would count as an error.
  const response = await page.request.get(`/cabinet/offers/${outcome.offers[0]!.id}`, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});
