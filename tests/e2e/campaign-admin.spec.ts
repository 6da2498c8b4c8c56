import { defaultCampaign } from "../../app/domain/enrollment/campaign";
import { expect, test } from "./fixtures";
import { portalDb } from "./portal-db";
import { signIn } from "./sign-in";

/*
 * The first-grade campaign's settings and the ministry's dashboard, in the browser (JavaScript on
 * and off): an administrator changes a campaign's opening and sees it saved; a stage that ends before
 * it opens is refused with the error summary and every field keeps what was typed; the education
 * ministry's officer opens the dashboard, sorts and filters it; a resident and a school's officer
 * are refused. Each test in each browser mode edits a campaign year of its own (far from the ones the
 * other tests use), so no two runs and no enrollment test touch the same campaign.
 */
const DEMO_PASSWORD = "penza-demo-2026";

/** A campaign year of this test's own, in the federal dates: tests of one file run at the same time too. */
async function ownCampaign(which: "edit" | "refuse", javaScriptEnabled: boolean) {
  const year = (which === "edit" ? 2041 : 2043) + (javaScriptEnabled ? 0 : 1);
  const c = defaultCampaign(year);
  const data = {
    stage1OpensAt: c.stage1OpensAt,
    stage1EndsAt: c.stage1EndsAt,
    stage2OpensAt: c.stage2OpensAt,
    stage2EndsAt: c.stage2EndsAt,
    schoolsPerChildStage1: 1,
    schoolsPerChildStage2: 1,
  };
  await portalDb.enrollmentCampaign.upsert({ where: { year }, create: { year, ...data }, update: data });
  return year;
}

test("an administrator moves a campaign's opening and sees it saved", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const year = await ownCampaign("edit", javaScriptEnabled);
  await signIn(page, "admin@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  await visit("/admin");
  await page.getByRole("link", { name: "Приёмные кампании в первый класс" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Приёмные кампании в первый класс");
  // The form to add the next year's campaign comes with the federal dates.
  const add = page.getByRole("group", { name: "1-й этап открывается" });
  await expect(add.getByLabel("Дата")).toHaveValue(/-04-01$/);
  await expect(add.getByLabel("Время")).toHaveValue("00:00");
  await checkA11y();

  await page.getByRole("link", { name: `Изменить кампанию ${year} года` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Приёмная кампания ${year} года`);
  await checkA11y();
  const opens = page.getByRole("group", { name: "1-й этап открывается" });
  await opens.getByLabel("Дата").fill(`${year}-03-18`);
  await opens.getByLabel("Время").fill("09:00");
  await page.getByLabel("На 2-м этапе").fill("2");
  await page.getByRole("button", { name: "Сохранить" }).click();

  await expect(page).toHaveURL(`/admin/campaigns?saved=${year}`);
  await expect(page.getByRole("status")).toHaveText(`Кампания ${year} года сохранена.`);
  const row = page.getByTestId("campaigns").locator(`tr[data-year="${year}"]`);
  await expect(row).toContainText(`с 18 марта ${year} г. в 09:00`);
  await expect(row).toContainText("на 2-м этапе — 2");
  const stored = await portalDb.enrollmentCampaign.findUniqueOrThrow({ where: { year } });
  expect(stored.stage1OpensAt).toEqual(new Date(`${year}-03-18T06:00:00.000Z`));
  expect(stored.schoolsPerChildStage2).toBe(2);
  const audit = await portalDb.auditEvent.findFirst({
    where: { action: "enrollment-campaign.changed", subjectId: String(year) },
    orderBy: { id: "desc" },
  });
  expect(JSON.parse(audit!.details)).toMatchObject({ stage1OpensAt: `${year}-03-18T06:00:00.000Z` });
});

test("a stage that ends before it opens is refused, and every field keeps what was typed", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const year = await ownCampaign("refuse", javaScriptEnabled);
  await signIn(page, "admin@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  await visit(`/admin/campaigns/${year}`);
  const ends = page.getByRole("group", { name: "1-й этап заканчивается" });
  await ends.getByLabel("Дата").fill(`${year}-03-01`);
  await page.getByLabel("На 1-м этапе").fill("3");
  await page.getByRole("button", { name: "Сохранить" }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Исправьте");
  await expect(summary.getByRole("link")).toHaveText(
    "1-й этап заканчивается — дата: 1-й этап не может закончиться раньше, чем откроется",
  );
  if (javaScriptEnabled) await expect(summary).toBeFocused();
  await expect(page).toHaveURL(`/admin/campaigns/${year}`);
  await expect(ends.getByLabel("Дата")).toHaveValue(`${year}-03-01`);
  await expect(ends.getByLabel("Дата")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("На 1-м этапе")).toHaveValue("3");
  await checkA11y();
  // Nothing was written.
  const stored = await portalDb.enrollmentCampaign.findUniqueOrThrow({ where: { year } });
  expect(stored.stage1EndsAt).toEqual(defaultCampaign(year).stage1EndsAt);
  expect(stored.schoolsPerChildStage1).toBe(1);
});

test("the education ministry's officer opens the campaign dashboard, sorts and filters it", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  await signIn(page, "officer.education@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  await visit("/office/enrollment?school=112&year=2027");
  await page.getByRole("link", { name: "Приёмная кампания: панель министерства" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Приём в первый класс 2027 года: панель кампании");
  // Other tests move the 2027 opening to a few seconds ahead (campaign times are data): the dates
  // shown are the stored ones, whatever they are now.
  await expect(page.getByTestId("campaign-dates")).toContainText(/1-й этап.*с \d{1,2} [а-я]+ 202[67] г\./);
  await expect(page.getByTestId("campaign-phase")).not.toBeEmpty();
  const schools = page.getByTestId("dashboard-schools");
  const row112 = schools.locator('tr[data-school="112"]');
  // School No. 112 publishes 180 places for 2027 (6 classes of 30).
  await expect(row112.locator("td").first()).toHaveText("180");
  await expect(page.getByTestId("stage-totals")).toContainText("1-й этап");
  await expect(page.getByText("«Доля записи в 1 класс среди электронных заявлений»", { exact: false })).toBeVisible();
  await checkA11y();

  // Sorted by free places, by a link in the column's heading.
  await schools.getByRole("link", { name: "Свободно" }).click();
  await expect(page).toHaveURL(/sort=free/);
  await expect(page.getByRole("columnheader", { name: "Свободно" })).toHaveAttribute("aria-sort", "descending");

  // Only Kuznetsk's schools.
  await page.getByLabel("Муниципальное образование").selectOption({ label: "город Кузнецк" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/municipality=56705000/);
  await expect(schools.locator('tr[data-school="112"]')).toHaveCount(0);
  await expect(schools.locator("tbody tr").first()).toContainText("Кузнецк");

  // A year that is not one is said so, with the current campaign shown.
  const wrong = await page.goto("/office/enrollment/campaign?year=20x7");
  expect(wrong?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Год указан неверно");
  await expect(page.getByLabel("Год приёма")).toHaveValue("20x7");
});

test("the campaign's open data are counts anyone may read", async ({ page }) => {
  const response = await page.request.get("/api/enrollment/campaign?year=2027");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    year: number;
    campaign: { stage1OpensAt: string };
    opening: { perMinute: unknown[]; perDay: unknown[] };
    schools: { code: string; places: number | null; applications: number }[];
  };
  expect(body.year).toBe(2027);
  expect(Array.isArray(body.opening.perMinute)).toBe(true);
  expect(body.schools.find((s) => s.code === "112")).toMatchObject({ places: 180 });
  // Nothing about a person: no registration numbers, no names of people, no certificates.
  expect(JSON.stringify(body)).not.toMatch(/58-20\d\d-\d{7}|I-ИЗ|applicantName|childCertificate/);
  expect((await page.request.get("/api/enrollment/campaign?year=abc")).status()).toBe(400);
});

test("a resident and a school's officer are refused the dashboard", async ({ page, visit, javaScriptEnabled }) => {
  // Through the page's own cookies but not its window: the browser would log the 403 as an error.
  await signIn(page, "parent@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  const asResident = await page.request.get("/office/enrollment/campaign");
  expect(asResident.status()).toBe(403);
  expect(await asResident.text()).toContain("Нет доступа");

  await page.context().clearCookies();
  await signIn(page, "school112@demo.gosuslugi58.ru", javaScriptEnabled, DEMO_PASSWORD);
  expect((await page.request.get("/office/enrollment/campaign")).status()).toBe(403);
  // School staff do not see the link to it on their list either.
  await visit("/office/enrollment");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("школа № 112");
  await expect(page.getByRole("link", { name: "Приёмная кампания: панель министерства" })).toHaveCount(0);
});
