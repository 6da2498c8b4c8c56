import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "./fixtures";
import { RESIDENT_PASSWORD } from "./portal-db";

/** Signs a person in through the sign-in page, as they would (the resident's test password by default). */
export async function signIn(page: Page, email: string, javaScriptEnabled: boolean, password = RESIDENT_PASSWORD) {
  await page.goto("/login");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
