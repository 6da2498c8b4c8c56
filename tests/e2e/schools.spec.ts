import { expect, test } from "./fixtures";

// Every test here runs twice: with JavaScript on and with it off (see playwright.config.ts).
// The demo parent (seeds/accounts.ts) lives at г. Пенза, ул. Московская, 11: schools 112 and 115.

const PARENT_ADDRESS = "Пенза, ул. Московская, 11";
const BOTH_SCHOOLS = /Этот адрес закреплён за школами № 112 и № 115/;

test("a parent checks the address from the first-grade service page", async ({ page, visit, checkA11y }) => {
  await visit("/services/first-grade-enrollment");
  const lookup = page.getByRole("region", { name: "Найдите школу по своему адресу" });
  await expect(lookup).toBeVisible();
  await checkA11y();

  await lookup.getByLabel("Адрес одной строкой").fill(PARENT_ADDRESS);
  await lookup.getByRole("button", { name: "Найти школы" }).click();
  await expect(page).toHaveURL(/\/schools\?address=/);
  const answer = page.getByRole("region", { name: "Результат проверки адреса" });
  await expect(answer).toContainText(BOTH_SCHOOLS);
  await expect(answer.getByRole("link", { name: "МБОУ СОШ № 112 г. Пензы (демо)" })).toBeVisible();
  await expect(answer.getByRole("link", { name: "МБОУ СОШ № 115 г. Пензы (демо)" })).toBeVisible();
  // Only what is true today: no queue positions are promised here.
  await expect(page.locator("main")).not.toContainText(/очеред/i);
  await checkA11y();
});

test("the other services have no school lookup", async ({ page, visit }) => {
  await visit("/services/kindergarten-queue");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Найдите школу по своему адресу" })).toHaveCount(0);
});

test("a parent checks the address part by part and opens the school's page", async ({ page, visit, checkA11y }) => {
  await visit("/schools");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Школы: приём в первый класс");
  await checkA11y();

  const lookup = page.getByRole("region", { name: "За какими школами закреплён ваш адрес" });
  await lookup.getByLabel("Муниципальное образование").selectOption({ label: "город Пенза" });
  await lookup.getByLabel("Улица").fill("Московская");
  await lookup.getByLabel("Дом").fill("11");
  await lookup.getByRole("button", { name: "Проверить адрес" }).click();
  await expect(page).toHaveURL(/street=/);
  const answer = page.getByRole("region", { name: "Результат проверки адреса" });
  await expect(answer).toContainText(BOTH_SCHOOLS);
  await expect(answer).toContainText("город Пенза, ул. Московская, 11");

  await answer.getByRole("link", { name: "МБОУ СОШ № 112 г. Пензы (демо)" }).click();
  await expect(page).toHaveURL(/\/schools\/112\?year=\d{4}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("МБОУ СОШ № 112 г. Пензы (демо)");
  const facts = page.getByRole("region", { name: "О школе" });
  await expect(facts).toContainText("180 мест");
  await expect(facts).toContainText("6 классов по 30");
  await expect(facts).toContainText("Ленинский район");
  const territory = page.getByRole("table", { name: /Закреплённая территория/ });
  await expect(territory.getByRole("row", { name: /ул\. Московская/ })).toContainText("1-39 нечёт, 2-40 чёт");
  await checkA11y();
});

test("an address that is not in the list says what to do", async ({ page, visit, checkA11y }) => {
  await visit(`/schools?address=${encodeURIComponent("Масковская 11")}`);
  const answer = page.getByRole("region", { name: "Результат проверки адреса" });
  await expect(answer).toContainText("Улицы «Масковская» нет в адресном перечне.");
  await expect(answer).toContainText("школа проверит его вручную");
  await checkA11y();
  await answer.getByRole("link", { name: "город Пенза, ул. Московская" }).click();
  await expect(page.getByRole("region", { name: "Результат проверки адреса" })).toContainText(BOTH_SCHOOLS);
});

test("a visitor filters the list of schools", async ({ page, visit, checkA11y }) => {
  await visit("/schools");
  const list = page.getByRole("region", { name: /Школы и места в первых классах/ });
  const rows = list.getByRole("table").getByRole("row");
  // 20 a page, a header row besides, and a link to the rest.
  await expect(rows).toHaveCount(21);
  await expect(list.getByRole("link", { name: "Следующие школы" })).toBeVisible();

  await list.getByLabel("Муниципальное образование").selectOption({ label: "город Кузнецк" });
  await list.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/oktmo=56705000/);
  await expect(rows).toHaveCount(7);
  for (const name of await list.getByRole("rowheader").getByRole("link").allTextContents()) {
    expect(name).toMatch(/г\. Кузнецка \(демо\)$/);
  }
  await expect(list.getByRole("link", { name: "Следующие школы" })).toHaveCount(0);
  await checkA11y();

  await list.getByLabel("Муниципальное образование").selectOption({ label: "Все" });
  await list.getByLabel("Школа-интернат").check();
  await list.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/boarding=1/);
  await expect(rows).toHaveCount(2);
  await expect(list.getByRole("rowheader")).toContainText("МБОУ школа-интернат № 125 г. Пензы (демо)");

  await visit("/schools?language=mdf");
  await expect(
    page
      .getByRole("region", { name: /Школы и места/ })
      .getByRole("rowheader")
      .first(),
  ).toContainText("(демо)");
  await expect(
    page
      .getByRole("region", { name: /Школы и места/ })
      .getByRole("cell", { name: /мокшанский/ })
      .first(),
  ).toBeVisible();
});

test("an unknown school is a localized 404", async ({ browser, javaScriptEnabled }) => {
  // Its own page: the browser rightly logs the 404 itself, which the shared page would count as an error.
  const page = await (await browser.newContext({ javaScriptEnabled, locale: "ru-RU" })).newPage();
  const response = await page.goto("/schools/999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  const english = await page.goto("/schools/999?lng=en");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("the school pages work in English", async ({ page, visit, checkA11y }) => {
  await visit(`/schools?lng=en&address=${encodeURIComponent(PARENT_ADDRESS)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schools: first-grade enrollment");
  await expect(page.getByRole("region", { name: "Address check result" })).toContainText(
    /This address is assigned to schools No\. 112 and No\. 115/,
  );
  await expect(page.getByRole("link", { name: "School No. 112, Penza (demo)" }).first()).toBeVisible();
  await checkA11y();
});

test("other systems get the schools as JSON", async ({ request }) => {
  const lookup = await request.get(`/api/schools?address=${encodeURIComponent(PARENT_ADDRESS)}`);
  expect(lookup.status()).toBe(200);
  expect(lookup.headers()["content-type"]).toContain("application/json");
  const body = (await lookup.json()) as {
    year: number;
    address: { match: string; house: string; schools: { code: string; name: string; seats: { total: number } }[] };
    schools: { code: string }[];
    next: string | null;
  };
  expect(body.address.match).toBe("found");
  expect(body.address.house).toBe("11");
  expect(body.address.schools.map((s) => s.code)).toEqual(["112", "115"]);
  expect(body.address.schools[0]!.name).toBe("МБОУ СОШ № 112 г. Пензы (демо)");
  expect(body.address.schools[0]!.seats.total).toBe(180);
  expect(body.schools.length).toBeGreaterThanOrEqual(40);

  const english = await request.get("/api/schools?oktmo=56705000&lng=en");
  const en = (await english.json()) as { language: string; schools: { code: string; name: string }[] };
  expect(en.language).toBe("en");
  expect(en.schools.map((s) => s.code)).toContain("130");
  expect(en.schools.find((s) => s.code === "130")?.name).toBe("School No. 130, Kuznetsk (demo)");
});
