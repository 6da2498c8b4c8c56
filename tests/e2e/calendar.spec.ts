import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
}

test("an administrator enters a day off in the production calendar, is told about a wrong date, and removes the day", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  // The JavaScript-on and -off runs share one portal and run at the same time: each edits its own date.
  const day = javaScriptEnabled
    ? { typed: "31.12.2027", words: "31 декабря 2027 г.", weekday: "пятница" }
    : { typed: "30.12.2027", words: "30 декабря 2027 г.", weekday: "четверг" };
  const note = `Перенос выходного (проверка, ${javaScriptEnabled ? "js" : "no-js"})`;

  await signIn(page, "admin@demo.gosuslugi58.ru");
  await visit("/admin");
  await expect(page.getByRole("link", { name: "Производственный календарь" })).toHaveAttribute(
    "href",
    "/admin/calendar",
  );
  await visit("/admin/calendar?year=2027");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Производственный календарь");
  await expect(page.getByRole("link", { name: "2027", exact: true })).toHaveAttribute("aria-current", "page");
  // 2027 is seeded with the art. 112 holidays only, until its decree is entered.
  await expect(page.getByRole("row").filter({ hasText: "4 ноября 2027 г." })).toContainText("День народного единства");
  await checkA11y();

  const date = page.getByLabel("Дата", { exact: true });
  const kind = page.getByLabel("Вид дня");
  const save = page.getByRole("button", { name: "Сохранить день" });

  // 31 February does not exist: the error is said in words, at the top and by the field.
  await date.fill("31.02.2027");
  await kind.selectOption("off");
  await save.click();
  await expect(page.getByRole("alert")).toContainText("Дата: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveValue("31.02.2027");
  await checkA11y();

  await date.fill(day.typed);
  await kind.selectOption("off");
  await page.getByLabel("Примечание").fill(note);
  await save.click();
  await expect(page).toHaveURL(/\/admin\/calendar\?year=2027$/);
  const row = page.getByRole("row").filter({ hasText: day.words });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(day.weekday);
  await expect(row).toContainText("Выходной: праздник или перенос");
  await expect(row).toContainText(note);
  await checkA11y();

  // "Change" fills the form with the day as it is stored.
  await row.getByRole("link", { name: `Изменить ${day.words}` }).click();
  await expect(date).toHaveValue(day.typed);
  await expect(kind).toHaveValue("off");
  await expect(page.getByLabel("Примечание")).toHaveValue(note);

  await page
    .getByRole("row")
    .filter({ hasText: day.words })
    .getByRole("button", { name: `Удалить ${day.words}` })
    .click();
  await expect(page).toHaveURL(/\/admin\/calendar\?year=2027$/);
  await expect(page.getByRole("row").filter({ hasText: day.words })).toHaveCount(0);
});
