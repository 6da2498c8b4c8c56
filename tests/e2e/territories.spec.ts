import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { portalDb } from "./portal-db";

/*
 * Assigned territories: an administrator adds a street to a school's territory and sees how many
 * houses of the address list it covers, then imports an annex with a good and a bad line. Each run
 * (JavaScript on and off, at the same time) makes its own school and street, so neither depends on
 * the demo seed nor on the other.
 */

const YEAR = 2027;
const OKTMO = "56701000";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill("admin@demo.gosuslugi58.ru");
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
}

async function createSchoolWithStreet() {
  const random = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  const code = `9${random}`;
  const school = `Тестовая школа № ${code}`;
  await portalDb.school.create({
    data: { code, name: school, nameEn: `Test school No. ${code}`, oktmo: OKTMO, address: "Пенза, ул. Тестовая, 1" },
  });
  const street = `ул. Проверочная-${random}`;
  await portalDb.street.create({
    data: {
      oktmo: OKTMO,
      settlement: "Пенза",
      name: street,
      houses: { create: ["1", "2", "3", "4", "12", "12А", "12 к2", "13", "40"].map((number) => ({ number })) },
    },
  });
  return { code, school, street, random };
}

test("an administrator assigns houses to a school and sees how many the address list has", async ({
  page,
  visit,
  checkA11y,
}) => {
  const { code, school, street } = await createSchoolWithStreet();
  await signIn(page);
  await visit("/admin");
  await expect(page.getByRole("link", { name: "Школы и закреплённые территории" })).toHaveAttribute(
    "href",
    "/admin/schools",
  );
  await visit("/admin/schools");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Школы и закреплённые территории");
  const link = page.getByRole("link", { name: school });
  await expect(link).toHaveAttribute("href", `/admin/schools/${code}/territory`);
  await checkA11y();

  await visit(`/admin/schools/${code}/territory?year=${YEAR}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Закреплённая территория: ${school}`);
  await expect(page.getByRole("link", { name: String(YEAR), exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(`На ${YEAR} год за школой ещё не закреплено ни одной улицы.`)).toBeVisible();
  await checkA11y();

  const houses = page.getByLabel("Дома", { exact: true });
  const save = page.getByRole("button", { name: "Сохранить" });
  // A reversed range is refused in words, at the top and by the field; what was typed stays.
  await page.getByLabel("Улица", { exact: true }).selectOption({ label: `${street} (Пенза)` });
  await houses.fill("30-2");
  await save.click();
  await expect(page.getByRole("alert")).toContainText("Дома: «30-2»: диапазон пишется от меньшего номера к большему");
  await expect(houses).toHaveAttribute("aria-invalid", "true");
  await expect(houses).toHaveValue("30-2");
  await checkA11y();

  // 2, 4, 12 and, by their number, 12А and 12 к2 on the even side; 13 by itself; not 1, 3, 40.
  await page.getByLabel("Улица", { exact: true }).selectOption({ label: `${street} (Пенза)` });
  await houses.fill("2–12 чётные; 13");
  await save.click();
  await expect(page).toHaveURL(new RegExp(`/admin/schools/${code}/territory\\?year=${YEAR}&saved=\\d+`));
  await expect(page.getByRole("status")).toContainText(`Сохранено: ${street} — 6 домов из адресного реестра.`);
  const row = page.getByRole("row").filter({ hasText: street });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText("2-12 чёт, 13");
  await expect(row.getByRole("cell").nth(1)).toHaveText("6");
  await checkA11y();

  // "Change" fills the form with the line as stored; deleting it empties the territory.
  await row.getByRole("link", { name: /^Изменить/ }).click();
  await expect(houses).toHaveValue("2-12 чёт, 13");
  await houses.fill("все");
  await save.click();
  await expect(page.getByRole("status")).toContainText("9 домов");
  await page
    .getByRole("row")
    .filter({ hasText: street })
    .getByRole("button", { name: /^Удалить/ })
    .click();
  await expect(page.getByText(`На ${YEAR} год за школой ещё не закреплено ни одной улицы.`)).toBeVisible();
});

test("an administrator imports an annex and reads which lines were refused and why", async ({
  page,
  visit,
  checkA11y,
}) => {
  const { code, street, random } = await createSchoolWithStreet();
  await signIn(page);
  await visit("/admin/territories/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Загрузка приложения к постановлению о закреплённых территориях",
  );
  await checkA11y();

  const submit = page.getByRole("button", { name: "Загрузить" });
  const csvField = page.getByLabel("Текст CSV");
  // Nothing to import: said at the top.
  await page.getByLabel("Год приёма").fill(String(YEAR));
  await submit.click();
  await expect(page.getByRole("alert")).toContainText("выберите файл CSV или вставьте его текст");

  const csv = [
    "школа;населённый пункт;улица;дома",
    `${code};Пенза;${street.replace("ул. ", "")} улица;"1-3 нечёт, 12А"`,
    `${code};Пенза;Несуществующая-${random};все`,
  ].join("\n");
  await page.getByLabel("Год приёма").fill(String(YEAR));
  await csvField.fill(csv);
  await submit.click();

  const report = page.getByRole("region", { name: `Отчёт о загрузке на ${YEAR} год` });
  await expect(report).toContainText("В файле 2 строки.");
  await expect(report).toContainText("Принята 1 строка.");
  await expect(report).toContainText("Не принята 1 строка.");
  await expect(report).toContainText("Закреплено 3 дома из адресного реестра.");
  const rows = report.getByRole("row");
  // The header, then the refused line first, then the accepted one.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("3");
  await expect(rows.nth(1)).toContainText(`Несуществующая-${random}`);
  await expect(rows.nth(1)).toContainText("Не принята: такой улицы нет в адресном реестре муниципалитета");
  await expect(rows.nth(2)).toContainText("1-3 нечёт, 12А");
  await expect(rows.nth(2)).toContainText("Принята: 3 дома");
  // Nothing is lost: the pasted text is still there to correct.
  await expect(csvField).toHaveValue(csv);
  await checkA11y();

  await visit(`/admin/schools/${code}/territory?year=${YEAR}`);
  const row = page.getByRole("row").filter({ hasText: street });
  await expect(row.getByRole("cell").nth(0)).toHaveText("1-3 нечёт, 12А");
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
});

test("an annex uploaded as a file replaces the school's territory for the year", async ({ page, visit }) => {
  const { code, street } = await createSchoolWithStreet();
  const streetId = (await portalDb.street.findFirstOrThrow({ where: { name: street } })).id;
  await portalDb.territoryRule.create({ data: { schoolCode: code, year: YEAR, streetId, houses: "40" } });
  await signIn(page);
  await visit("/admin/territories/import");
  // What a spreadsheet saves: a BOM, CRLF, commas, English headers, the house list in quotes.
  const file = `\uFEFFschool,street,houses\r\n${code},"${street}","2-4 even, 12 корп. 2"\r\n`;
  await page.getByLabel("Год приёма").fill(String(YEAR));
  await page
    .getByLabel("Файл CSV")
    .setInputFiles({ name: "annex.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByLabel(/^Заменить/).check();
  await page.getByRole("button", { name: "Загрузить" }).click();
  const report = page.getByRole("region", { name: `Отчёт о загрузке на ${YEAR} год` });
  await expect(report).toContainText("Принята 1 строка.");
  await expect(report).toContainText("Удалена 1 прежняя строка территории.");
  await expect(report.getByRole("row").nth(1)).toContainText("2-4 чёт, 12 к2");

  await visit(`/admin/schools/${code}/territory?year=${YEAR}`);
  const rows = page.getByRole("row").filter({ hasText: street });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("cell").nth(0)).toHaveText("2-4 чёт, 12 к2");
  await expect(rows.getByRole("cell").nth(1)).toHaveText("3");
});
