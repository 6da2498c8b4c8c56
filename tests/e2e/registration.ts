import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The password the browser tests register new residents with. */
export const REGISTRATION_PASSWORD = "зелёный трамвай едет в Пензу";

/** Fills in and sends the registration form on the current page, up to "check your e-mail". */
export async function fillRegistration(page: Page, email: string, password = REGISTRATION_PASSWORD) {
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Новый пароль").fill(password);
  await page.getByLabel("Пароль ещё раз").fill(password);
  await page.getByLabel("Даю согласие на обработку персональных данных").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте почту");
}
