import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BROKEN_PORTAL_URL } from "./ports";

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
}

test("an officer sees the office with only their own department", async ({ page, checkA11y }) => {
  await signIn(page, "officer.education@demo.gosuslugi58.ru");
  // From the cabinet's own list (the header has the same link since staff find their work there too).
  await page.getByRole("main").getByRole("link", { name: "Рабочий кабинет" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Очереди заявлений");
  await expect(page.getByText(/Министерство образования/).first()).toBeVisible();
  await expect(page.getByText("Министерство труда")).toHaveCount(0);
  await checkA11y();
});

test("an administrator invites a staff member and the change is in the audit log", async ({
  page,
  checkA11y,
}, testInfo) => {
  await signIn(page, "admin@demo.gosuslugi58.ru");
  // From the cabinet's own list (the header has the same link since staff find their work there too).
  await page.getByRole("main").getByRole("link", { name: "Администрирование" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Администрирование");
  await checkA11y();
  await page.getByRole("link", { name: "Пригласить сотрудника" }).click();
  await checkA11y();

  const email = `officer-${testInfo.project.name}-${randomUUID().slice(0, 8)}@example.ru`;
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Роль").selectOption("officer");
  await page.getByRole("button", { name: "Пригласить" }).click();
  await expect(page.getByRole("alert")).toContainText("для специалиста и руководителя выберите ведомство");
  await expect(page.getByLabel("Электронная почта")).toHaveValue(email);

  await page.getByLabel("Ведомство").selectOption("mintrud");
  await page.getByRole("button", { name: "Пригласить" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(email);
  await expect(page.getByRole("listitem").filter({ hasText: "специалист ведомства · mintrud" })).toBeVisible();
  await checkA11y();

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "staff.invited" }).first()).toBeVisible();
  // Opening the person's page showed their e-mail: that access is on record too.
  await expect(page.getByRole("cell", { name: "personal-data.viewed" }).first()).toBeVisible();
  await checkA11y();
});

test("the demo mailbox exists only where no SMTP server is configured", async ({ page, request, checkA11y }) => {
  // The second test portal runs without SMTP_URL (its database is damaged, but not the mailbox's table).
  await page.goto(`${BROKEN_PORTAL_URL}/dev/mailbox`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Демо-почта");
  await checkA11y();
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});
