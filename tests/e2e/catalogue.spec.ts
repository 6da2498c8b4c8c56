import { expect, test, waitForHydration } from "./fixtures";

// Every test here runs twice: with JavaScript on and with it off (see playwright.config.ts).

test("the home page shows the catalogue in Russian by default", async ({ page, visit, checkA11y }) => {
  await visit("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Государственные и муниципальные услуги Пензенской области",
  );
  const categories = page.getByRole("region", { name: "Категории услуг" });
  await expect(categories.getByRole("link")).toHaveCount(await categories.getByRole("listitem").count());
  expect(await categories.getByRole("listitem").count()).toBeGreaterThanOrEqual(8);
  await expect(categories.getByRole("link", { name: /Образование/ })).toContainText(/\d+ услуг/);
  await expect(
    page.getByRole("region", { name: "Популярные услуги" }).getByRole("link", { name: "Запись в первый класс" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Жизненные ситуации" }).getByRole("link").first()).toBeVisible();
  await checkA11y();
});

test("a resident switches to English and the choice is remembered", async ({
  page,
  visit,
  javaScriptEnabled,
  checkA11y,
}) => {
  await visit("/services/first-grade-enrollment");
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForURL("**/services/first-grade-enrollment");
  if (javaScriptEnabled) await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("First-grade school enrollment");
  await checkA11y();

  // A new page in the same browser stays in English.
  await visit("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("State and municipal services of the Penza region");
  await page.getByRole("button", { name: "Русский" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("a category lists its services", async ({ page, visit, checkA11y }) => {
  await visit("/");
  await page
    .getByRole("region", { name: "Категории услуг" })
    .getByRole("link", { name: /Образование/ })
    .click();
  await expect(page).toHaveURL(/\/categories\/education$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Образование/);
  await expect(page.getByRole("link", { name: "Запись в первый класс" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Навигационная цепочка" })).toBeVisible();
  await checkA11y();
});

test("the service page tells a resident everything needed to decide to apply", async ({ page, visit, checkA11y }) => {
  await visit("/services/first-grade-enrollment");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Запись в первый класс");
  const facts = page.getByRole("complementary");
  await expect(facts).toContainText("5 рабочих дней");
  await expect(facts).toContainText("Бесплатно");
  await expect(facts).toContainText("Министерство образования Пензенской области");
  await expect(page.getByRole("heading", { name: "Какие документы понадобятся" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Кто может подать заявление" })).toBeVisible();
  const refusal = page.getByRole("region", { name: "Основания для отказа" });
  await expect(refusal.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("Полностью онлайн").first()).toBeVisible();
  await checkA11y();
});

for (const query of ["школа", "школу", "запись ребенка в школу", "шкла"]) {
  test(`search «${query}» finds first-grade enrollment first`, async ({ page, visit }) => {
    await visit("/");
    await page.getByRole("searchbox", { name: "Поиск услуг" }).fill(query);
    await page.getByRole("button", { name: "Найти", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("status")).toContainText(/Найден/);
    await expect(page.locator("main h2 a").first()).toHaveText("Запись в первый класс");
  });
}

test("search by a word stem finds the large-family services", async ({ page, visit, checkA11y }) => {
  await visit("/search?q=многодетн");
  const titles = await page.locator("main h2 a").allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(2);
  expect(titles.some((t) => /многодетн/i.test(t))).toBe(true);
  await checkA11y();
});

test("search in English works in the English interface", async ({ page, visit }) => {
  await visit("/search?q=school+enrollment&lng=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("main h2 a").first()).toHaveText("First-grade school enrollment");
});

test("filters are a plain GET form", async ({ page, visit, checkA11y }) => {
  await visit("/search");
  await page.getByLabel("Категория").selectOption({ label: "Социальная поддержка" });
  await page.getByLabel("Только полностью онлайн").check();
  await page.getByRole("button", { name: "Применить" }).click();
  await expect(page).toHaveURL(/category=social-support/);
  await expect(page).toHaveURL(/online=1/);
  const count = await page.locator("main h2 a").count();
  expect(count).toBeGreaterThan(0);
  for (const badge of await page.locator("main li li").allTextContents()) {
    expect(badge).not.toBe("Нужен личный визит");
  }
  await expect(page.getByLabel("Только полностью онлайн")).toBeChecked();
  await checkA11y();
});

test("nothing found says so plainly", async ({ page, visit, checkA11y }) => {
  await visit("/search?q=ываыфвафыва");
  await expect(page.getByRole("status")).toContainText("Ничего не найдено");
  await checkA11y();
});

test("an unknown page is a localized 404", async ({ browser, javaScriptEnabled }) => {
  // Its own page: the browser rightly logs the 404 itself, which the shared page would count as an error.
  const page = await (await browser.newContext({ javaScriptEnabled, locale: "ru-RU" })).newPage();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  const english = await page.goto("/services/no-such-service?lng=en");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
