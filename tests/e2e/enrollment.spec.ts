import { addFirstGrader, saveFirstGradeDraft } from "../support/first-grade";
import { exclusively } from "./exclusive";
import { expect, test } from "./fixtures";
import { createResident, portalDb } from "./portal-db";
import { signIn } from "./sign-in";

/*
 * A parent prepares a first-grade application before enrollment opens; the draft waits and the page
 * says when; the campaign opens (its instant is data: the test sets it a few seconds ahead); the
 * parent sends it and sees the receipt to the millisecond and the place on the school's list.
 */
/** A parent with a complete first-grade draft for school No. 112, prepared ahead of the opening. */
async function preparedDraft() {
  const resident = await createResident("first-grade");
  const child = await addFirstGrader(portalDb, resident.userId);
  const draftId = await saveFirstGradeDraft(portalDb, resident.userId, { child, school: "112", house: "5" });
  return { resident, draftId };
}

test("a prepared draft waits for the opening, then stands on the school's list", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  // Both tests, in both browser modes, move the same opening: one at a time, or one would close
  // the campaign another is sending into.
  test.setTimeout(150_000);
  await exclusively("campaign-2027-opening", async () => {
    const { resident, draftId } = await preparedDraft();
    // Enrollment for 2027 opens a few seconds from now.
    const opensAt = new Date(Date.now() + 6_000);
    await portalDb.enrollmentCampaign.update({ where: { year: 2027 }, data: { stage1OpensAt: opensAt } });

    await signIn(page, resident.email, javaScriptEnabled);
    const review = `/services/first-grade-enrollment/apply/${draftId}/review`;
    await visit(review);
    await expect(page.getByTestId("enrollment-window")).toContainText("откроется");
    await expect(page.getByRole("button", { name: "Отправить заявление" })).toHaveCount(0);
    await checkA11y();

    await expect
      .poll(
        async () => {
          await visit(review);
          return page.getByRole("button", { name: "Отправить заявление" }).count();
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe(1);
    await expect(page.getByTestId("enrollment-window")).toContainText("Идёт 1-й этап");
    await page.getByRole("button", { name: "Отправить заявление" }).click();

    const standing = page.getByTestId("enrollment-standing");
    await expect(standing).toContainText("место в списке школы № 112 на 180 мест");
    await expect(page.getByTestId("received-precise")).toHaveText(/\d{2}:\d{2}:\d{2},\d{3}/);
    await checkA11y();
    await visit("/cabinet/applications");
    await expect(page.getByTestId("list-standing").first()).toContainText("школы № 112");

    // The school's officer sees it on the school's ranked list, with its receipt to the millisecond.
    const application = await portalDb.application.findUniqueOrThrow({ where: { id: draftId } });
    await page.context().clearCookies();
    await signIn(page, "school112@demo.gosuslugi58.ru", javaScriptEnabled, "penza-demo-2026");
    await visit("/office");
    await page.getByRole("link", { name: "Списки приёма в первый класс" }).click();
    const row = page.getByTestId("ranked-list").getByRole("row").filter({ hasText: application.number! });
    await expect(row).toContainText(/\d{2}:\d{2}:\d{2},\d{3}/);
    await checkA11y();
  });
});

test("a draft scheduled for the opening is sent by the portal at that instant", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  // Both tests, in both browser modes, move the same opening: one at a time, or one would close
  // the campaign another is sending into.
  test.setTimeout(150_000);
  await exclusively("campaign-2027-opening", async () => {
    const { resident, draftId } = await preparedDraft();
    const opensAt = new Date(Date.now() + 15_000);
    await portalDb.enrollmentCampaign.update({ where: { year: 2027 }, data: { stage1OpensAt: opensAt } });
    await signIn(page, resident.email, javaScriptEnabled);
    const review = `/services/first-grade-enrollment/apply/${draftId}/review`;
    await visit(review);
    await page.getByRole("button", { name: /Запланировать отправку/ }).click();
    const scheduled = page.getByTestId("scheduled-sending");
    await expect(scheduled).toContainText("будет отправлено автоматически");
    await checkA11y();
    // Cancel, and schedule again: still before the instant.
    await scheduled.getByRole("button", { name: "Отменить автоматическую отправку" }).click();
    await expect(page.getByRole("button", { name: /Запланировать отправку/ })).toBeVisible();
    await page.getByRole("button", { name: /Запланировать отправку/ }).click();
    await expect(page.getByTestId("scheduled-sending")).toContainText("будет отправлено автоматически");

    // After the instant the draft is an application with its place on the list.
    await expect
      .poll(
        async () => {
          await visit(review);
          return page.getByTestId("enrollment-standing").count();
        },
        { timeout: 25_000, intervals: [1_000] },
      )
      .toBe(1);
    await expect(page.getByTestId("enrollment-standing")).toContainText("школы № 112");
  });
});
