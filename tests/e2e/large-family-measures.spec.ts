import type { Page } from "@playwright/test";
import { ageInYears, addYears } from "../../app/domain/forms/form-schema";
import { regionDate } from "../../app/domain/region/clock";
import { DEMO_PASSWORD } from "../../seeds/accounts";
import { expect, test, waitForHydration } from "./fixtures";
import { portalDb } from "./portal-db";
import { signIn } from "./sign-in";

/*
 * Which measures a family is entitled to, before applying (docs/social-support.md#entitlement), with
 * JavaScript on and off: a GET form of the children's dates of birth for anyone; signed in,
 * prefilled from the profile on the server, with nothing of the profile in the address.
 */
const PAGE = "/services/large-family-status/measures";
const today = regionDate();

/** A date of birth that makes a child `years` old today, a month clear of the birthday. */
function bornYearsAgo(years: number): string {
  const d = new Date(`${addYears(today, -years)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
}

function tomorrow(): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function open(page: Page, javaScriptEnabled: boolean, path = PAGE) {
  await page.goto(path);
  if (javaScriptEnabled) await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Какие меры положены семье");
}

const birthDate = (page: Page, n: number) => page.getByLabel(`Ребёнок ${n}: дата рождения`);
const measure = (page: Page, code: string) => page.getByTestId(`measure-${code}`);
// Amounts are printed with the thin and the non-breaking space of Russian typography.
const S = "[\\s\\u202f\\u00a0]";
const amount = (text: string) => new RegExp(text.replace(/ /g, S));

async function enterChildren(page: Page, dates: string[]) {
  for (const [i, date] of dates.entries()) await birthDate(page, i + 1).fill(date);
  await page.getByRole("button", { name: "Показать меры" }).click();
}

test("a family of three children (8, 4 and 15) sees every measure it is entitled to, with amounts", async ({
  page,
  javaScriptEnabled,
  checkA11y,
}) => {
  // The service page leads here.
  await page.goto("/services/large-family-status");
  await page.getByRole("link", { name: "Какие меры положены вашей семье" }).click();
  await expect(page).toHaveURL(PAGE);
  if (javaScriptEnabled) await waitForHydration(page);
  await checkA11y();

  await enterChildren(page, [bornYearsAgo(8), bornYearsAgo(4), bornYearsAgo(15)]);
  // Only the dates typed travel in the address.
  await expect(page).toHaveURL(/child1=\d{4}-\d{2}-\d{2}/);
  const answer = page.getByTestId("answer");
  await expect(answer.getByTestId("family-status")).toHaveText("Семья многодетная: учитываются 3 ребёнка.");
  await expect(answer).toContainText("Удостоверение многодетной семьи будет действовать до");

  await expect(measure(page, "large-family-status")).toContainText("Положено — семье");
  await expect(measure(page, "large-family-status")).toContainText("Удостоверение будет действовать до");
  await expect(measure(page, "utility-compensation")).toContainText("30% платы за каждый месяц");
  await expect(measure(page, "school-clothing")).toContainText("Положено — на детей от 7 до 17 лет: 2");
  await expect(measure(page, "school-clothing").getByTestId("amount")).toHaveText(
    amount("10 000 ₽ в год — 2 ребёнка × 5 000 ₽"),
  );
  await expect(measure(page, "school-transport").getByTestId("amount")).toHaveText(
    amount("1 188 ₽ в месяц — 2 ребёнка × 594 ₽; сентябрь–май"),
  );
  await expect(measure(page, "school-meals")).toContainText("Положено — на детей от 7 до 17 лет: 2");
  await expect(measure(page, "preschool-payment")).toContainText("Положено — на детей младше 6 лет: 1");
  await expect(measure(page, "preschool-payment").getByTestId("amount")).toHaveText(
    amount("610 ₽ в год — 1 ребёнок × 610 ₽"),
  );
  // What was typed stays in the form.
  await expect(birthDate(page, 1)).toHaveValue(bornYearsAgo(8));
  await checkA11y();

  // And the way on: the service page with its apply button.
  await page.getByRole("link", { name: "Перейти к услуге «Статус многодетной семьи и удостоверение»" }).click();
  await expect(page).toHaveURL("/services/large-family-status");
  await expect(page.getByRole("link", { name: "Подать заявление онлайн" })).toBeVisible();
});

test("a family of two children is not a large family; a student of 20 makes it one", async ({
  page,
  javaScriptEnabled,
}) => {
  await open(page, javaScriptEnabled);
  await enterChildren(page, [bornYearsAgo(8), bornYearsAgo(4)]);
  await expect(page.getByTestId("family-status")).toContainText(
    "Семья не многодетная: детей, которые учитываются, — 2, а нужно не меньше 3.",
  );
  for (const code of ["large-family-status", "school-clothing", "preschool-payment"]) {
    await expect(measure(page, code)).toContainText("Не положено — семья не многодетная");
  }
  await expect(page.getByTestId("amount")).toHaveCount(0);

  // A child of 20 counts only while in full-time education.
  if (javaScriptEnabled) await waitForHydration(page);
  await birthDate(page, 3).fill(bornYearsAgo(20));
  await page.getByRole("button", { name: "Показать меры" }).click();
  await expect(page.getByTestId("family-status")).toContainText("Семья не многодетная");
  await page.getByLabel("Ребёнок 3 учится очно").check();
  await page.getByRole("button", { name: "Показать меры" }).click();
  await expect(page.getByTestId("family-status")).toHaveText("Семья многодетная: учитываются 3 ребёнка.");
  await expect(page.getByLabel("Ребёнок 3 учится очно")).toBeChecked();
});

test("a date in the future is refused next to the field and in the summary, keeping what was typed", async ({
  page,
  javaScriptEnabled,
  checkA11y,
}) => {
  await open(page, javaScriptEnabled);
  const future = tomorrow();
  await enterChildren(page, [bornYearsAgo(8), future]);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Исправьте ошибки на странице");
  const [y, m, d] = today.split("-");
  const message = `дата не может быть позже ${d}.${m}.${y}`;
  await expect(summary.getByRole("link", { name: `Ребёнок 2: дата рождения: ${message}` })).toBeVisible();
  await expect(page.getByText(`Ребёнок 2: дата рождения: ${message}`, { exact: true }).last()).toBeVisible();
  await expect(birthDate(page, 2)).toHaveAttribute("aria-invalid", "true");
  await expect(birthDate(page, 1)).toHaveValue(bornYearsAgo(8));
  await expect(birthDate(page, 2)).toHaveValue(future);
  await expect(page.getByTestId("answer")).toHaveCount(0);
  await checkA11y();
});

test("a date that does not exist, sent in the address, is a 400 with the error summary", async ({ page, request }) => {
  const response = await request.get(`${PAGE}?child1=2018-02-30&child2=2019-01-01`);
  expect(response.status()).toBe(400);
  await page.goto(`${PAGE}?child1=2018-02-30&child2=2019-01-01`);
  await expect(page.getByRole("alert")).toContainText(
    "Ребёнок 1: дата рождения: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026",
  );
  await expect(birthDate(page, 2)).toHaveValue("2019-01-01");
  // A service that is not a package has no such page.
  expect((await request.get("/services/first-grade-enrollment/measures")).status()).toBe(404);
});

test("the demo parent, signed in, sees the page prefilled from the profile", async ({
  page,
  javaScriptEnabled,
  checkA11y,
}) => {
  const parent = await portalDb.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } });
  const children = await portalDb.child.findMany({ where: { userId: parent.id }, orderBy: { birthDate: "asc" } });
  await signIn(page, "parent@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  await open(page, javaScriptEnabled);
  await expect(page).toHaveURL(PAGE); // nothing of the profile in the address
  await expect(page.getByTestId("prefilled")).toContainText("Даты рождения детей взяты из вашего профиля");
  for (const [i, child] of children.entries()) await expect(birthDate(page, i + 1)).toHaveValue(child.birthDate);
  await expect(birthDate(page, children.length + 1)).toHaveValue("");

  // The seed gives the demo parent three children under 18 (6, 10 and 2): a large family.
  const ages = children.map((c) => ageInYears(c.birthDate, today));
  const counted = ages.filter((a) => a < 18).length;
  expect(counted).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("family-status")).toHaveText(
    `Семья многодетная: учитываются ${counted} ${counted < 5 ? "ребёнка" : "детей"}.`,
  );
  const schoolchildren = ages.filter((a) => a >= 7 && a < 18).length;
  const underSix = ages.filter((a) => a < 6).length;
  const expectCount = async (code: string, count: number, ages: string) =>
    count > 0
      ? expect(measure(page, code)).toContainText(`Положено — на детей ${ages}: ${count}`)
      : expect(measure(page, code)).toContainText(`Не положено — в семье нет детей ${ages}`);
  await expectCount("school-clothing", schoolchildren, "от 7 до 17 лет");
  await expectCount("preschool-payment", underSix, "младше 6 лет");
  await checkA11y();
});
