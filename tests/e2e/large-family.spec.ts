import type { Browser, Page } from "@playwright/test";
import { addChild } from "../../app/domain/accounts/profile.server";
import { createDraft, saveDraftAnswers, submitApplication } from "../../app/domain/applications/applications.server";
import { storeUpload, uploadReference } from "../../app/domain/uploads/uploads.server";
import { DEMO_PASSWORD } from "../../seeds/accounts";
import { expect, test, waitForHydration } from "./fixtures";
import { createResident, portalDb } from "./portal-db";
import { PORTAL_URL } from "./ports";
import { signIn } from "./sign-in";

/*
 * One application, several measures (docs/social-support.md), with JavaScript on and off: a large
 * family (children of 14, 11, 8 and 4) applies once for school clothing, school meals and the
 * preschool payment; the social-protection officer grants the clothing, the education officer refuses
 * the meals; the resident sees both decisions, the payments and the other measure, on one page.
 */
const SOCIAL = "officer.social@demo.gosuslugi58.ru";
const EDUCATION = "officer.education@demo.gosuslugi58.ru";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function largeFamilyApplies() {
  const resident = await createResident("large-family");
  await addChild(portalDb, resident.userId, {
    lastName: "Тестова",
    firstName: "Вера",
    birthDate: `${new Date().getUTCFullYear() - 4}-02-10`,
    birthCertificate: `I-ИЗ ${String(300000 + Math.floor(Math.random() * 600000))}`,
  });
  const children = await portalDb.child.findMany({ where: { userId: resident.userId }, orderBy: { birthDate: "asc" } });
  const draftId = await createDraft(portalDb, resident.userId, "58-SOC-001");
  const photo = await storeUpload(portalDb, {
    ownerId: resident.userId,
    applicationId: draftId,
    field: "photo",
    file: new File([PDF], "Фото.pdf", { type: "application/pdf" }),
    rules: { accept: ["application/pdf"], maxSizeMb: 10 },
  });
  if (!photo.ok) throw new Error(`upload refused: ${photo.error}`);
  const answers = {
    firstChild: children[0]!.id,
    secondChild: children[1]!.id,
    thirdChild: children[2]!.id,
    fourthChild: children[3]!.id,
    childrenCount: "4",
    measures: ["school-clothing", "school-meals", "preschool-payment"],
    photo: uploadReference(photo.upload.id),
    accuracyConfirmed: "on",
    personalDataConsent: "on",
  };
  if (!(await saveDraftAnswers(portalDb, resident.userId, draftId, answers, "review")))
    throw new Error("draft not saved");
  const result = await submitApplication(portalDb, { applicantId: resident.userId, draftId, ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  const number = result.number;
  return { resident, number };
}

async function staffSession(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: PORTAL_URL, locale: "ru-RU", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email, javaScriptEnabled, DEMO_PASSWORD);
  return { context, page };
}

async function openCase(page: Page, number: string, javaScriptEnabled: boolean) {
  await page.goto(`/office/applications/${number}`);
  if (javaScriptEnabled) await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
}

async function act(page: Page, button: string, notice: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(notice);
}

test("a large family applies once; two departments decide their measures; the family sees both", async ({
  page,
  browser,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(120_000);
  const { resident, number } = await largeFamilyApplies();
  const cases = await portalDb.application.findMany({
    where: { parent: { number } },
    select: { number: true, measureCode: true },
  });
  const caseOf = (code: string) => cases.find((c) => c.measureCode === code)!.number!;
  expect(cases.map((c) => c.measureCode).sort()).toEqual(["preschool-payment", "school-clothing", "school-meals"]);

  // Social protection grants the school clothing: the page says which measure the case decides.
  const social = await staffSession(browser, SOCIAL, javaScriptEnabled);
  await openCase(social.page, caseOf("school-clothing"), javaScriptEnabled);
  await expect(social.page.getByTestId("measure")).toContainText("5 000 ₽ в год на каждого школьника");
  await act(social.page, "Взять в работу", /принято к рассмотрению/);
  await act(social.page, "Услуга оказана", /Услуга оказана/);
  // …and asks for more about the preschool payment.
  await openCase(social.page, caseOf("preschool-payment"), javaScriptEnabled);
  await act(social.page, "Взять в работу", /принято к рассмотрению/);
  await social.page.getByLabel("Какие сведения нужны (простыми словами)").fill("Приложите справку из детского сада");
  await act(social.page, "Запросить сведения у заявителя", /Запрос отправлен/);
  await social.context.close();

  // The education department refuses the meals, with a ground and words the family will read.
  const education = await staffSession(browser, EDUCATION, javaScriptEnabled);
  await openCase(education.page, caseOf("school-meals"), javaScriptEnabled);
  await expect(education.page.getByTestId("measure")).toContainText("Бесплатное питание в школе");
  await act(education.page, "Взять в работу", /принято к рассмотрению/);
  await education.page
    .getByLabel("Основание для отказа")
    .selectOption({ label: "Заявитель не относится к кругу получателей" });
  await education.page
    .getByLabel("Разъяснение причины отказа")
    .fill("Питание уже назначено школой по другому основанию");
  await act(education.page, "Отказать", /Отказ оформлен/);
  await education.context.close();

  // The family: one row in the list, one page with every measure.
  await signIn(page, resident.email, javaScriptEnabled);
  await page.goto("/cabinet/applications");
  await expect(page.getByRole("link", { name: new RegExp(number) }).first()).toBeVisible();
  await expect(page.getByText(caseOf("school-meals"))).toHaveCount(0);
  await page.goto(`/cabinet/applications/${number}`);
  if (javaScriptEnabled) await waitForHydration(page);
  const measures = page.getByTestId("package-measures");
  await expect(measures.getByTestId("measure-school-clothing").getByTestId("measure-status")).toHaveText(
    "Услуга оказана",
  );
  await expect(measures.getByTestId("measure-school-meals").getByTestId("measure-status")).toHaveText(
    "Отказано в предоставлении услуги",
  );
  await expect(measures.getByTestId("measure-school-meals")).toContainText("Питание уже назначено школой");
  await expect(measures.getByTestId("measure-preschool-payment").getByTestId("measure-status")).toHaveText(
    "Ожидание дополнительной информации",
  );
  // 3 schoolchildren × 5,000 ₽ once a year.
  await measures.getByTestId("measure-school-clothing").getByText("График выплат").click();
  await expect(measures.getByTestId("measure-school-clothing")).toContainText("15 000 ₽");
  await expect(page.getByTestId("measures-not-opened")).toContainText("Компенсация 30%");
  await checkA11y();

  // The request is answered here, on the one page: an empty answer is refused, then one is sent.
  const answer = page.getByRole("region", { name: /Ответ ведомству по мере «610/ });
  await expect(answer).toContainText("Приложите справку из детского сада");
  await answer.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toBeVisible();
  await page
    .getByRole("region", { name: /Ответ ведомству по мере «610/ })
    .getByLabel("Ваш ответ")
    .fill("Справка приложена, ребёнок ходит в детский сад 5");
  await page
    .getByRole("region", { name: /Ответ ведомству по мере «610/ })
    .getByRole("button", { name: "Отправить ответ" })
    .click();
  await expect(page.getByRole("status")).toContainText("Ответ отправлен в ведомство");
  await expect(page.getByTestId("measure-preschool-payment").getByTestId("measure-status")).toHaveText(
    "Заявление принято к рассмотрению",
  );
  const answered = await portalDb.applicationMessage.findFirstOrThrow({
    where: { application: { number: caseOf("preschool-payment") }, author: "applicant" },
  });
  expect(answered.text).toBe("Справка приложена, ребёнок ходит в детский сад 5");

  // A measure's own page leads back to the whole application.
  await measures.getByRole("link", { name: new RegExp(caseOf("school-meals")) }).click();
  await expect(page.getByTestId("measure-of-package")).toContainText("Бесплатное питание в школе");
  await checkA11y();
  await page.getByRole("link", { name: new RegExp(`Все меры — заявление № ${number}`) }).click();
  await expect(page.getByTestId("package-measures")).toBeVisible();
});
