import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { latestMailTo, linkIn } from "./mail";
import { fillRegistration, REGISTRATION_PASSWORD as password } from "./registration";

/*
 * A resident withdraws the consent and deletes the account (152-ФЗ): the page says what goes and
 * what is kept, refuses without the password and the tick, and afterwards the person is signed out
 * and can no longer sign in. Runs with JavaScript on and off (both projects).
 */

test("a resident deletes the account and can no longer sign in", async ({ page, visit, checkA11y }, testInfo) => {
  const email = `leaving-${testInfo.project.name}-${randomUUID().slice(0, 8)}@example.ru`;
  await visit("/register");
  await fillRegistration(page, email);
  await visit(linkIn(await latestMailTo(email, /Подтвердите адрес/), "/confirm-email"));
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");

  await visit("/cabinet/profile");
  await page.getByRole("link", { name: /Удалить учётную запись/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Удаление учётной записи");
  await expect(page.getByRole("heading", { name: "Удаляется сразу" })).toBeVisible();
  await expect(page.getByText("У вас нет поданных заявлений")).toBeVisible();
  await checkA11y();

  // Neither the password nor the tick: both are listed.
  await page.getByRole("button", { name: "Удалить учётную запись" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Исправьте ошибки");
  await expect(summary).toContainText("Пароль: заполните это поле");
  await expect(summary).toContainText("отметьте, что прочитали");
  await checkA11y();

  // A wrong password is refused; nothing is deleted.
  await page.getByLabel("Пароль", { exact: true }).fill("не тот пароль совсем");
  await page.getByLabel(/Я прочитал\(а\)/).check();
  await page.getByRole("button", { name: "Удалить учётную запись" }).click();
  await expect(page.getByRole("alert")).toContainText("пароль не подошёл");
  await expect(page.getByLabel("Пароль", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByLabel(/Я прочитал\(а\)/).check();
  await page.getByRole("button", { name: "Удалить учётную запись" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Учётная запись удалена");
  await expect(page.getByRole("status")).toContainText("Согласие на обработку персональных данных отозвано");
  await checkA11y();

  // Signed out: the cabinet asks to sign in, and the old password no longer opens it.
  await visit("/cabinet");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcabinet/);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert")).toContainText("Неверный адрес почты или пароль");
});

test("staff are not offered account deletion and are refused it", async ({ page, visit }) => {
  await visit("/login");
  await page.getByLabel("Электронная почта").fill("officer.social@demo.gosuslugi58.ru");
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Вход");
  await visit("/cabinet/profile");
  await expect(page.getByRole("link", { name: /Удалить учётную запись/ })).toHaveCount(0);
  const response = await page.request.get("/cabinet/account/delete");
  expect(response.status()).toBe(403);
});
