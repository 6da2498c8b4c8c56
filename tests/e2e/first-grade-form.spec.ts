import type { Page } from "@playwright/test";
import { createDraft } from "../../app/domain/applications/applications.server";
import { addFirstGrader } from "../support/first-grade";
import { expect, test, waitForHydration } from "./fixtures";
import { createResident, portalDb } from "./portal-db";
import { signIn } from "./sign-in";

/*
 * The first-grade form with JavaScript on and off (docs/enrollment.md, "The application form"): the
 * profile fills the child's address and, once the child is chosen, the birth certificate; choosing
 * the sibling right asks for the sibling's name, birth date and class — shown as it is chosen with
 * JavaScript, on the page with a plain hint without it, required either way — and the mistakes are
 * listed in the error summary with what was typed kept. The documents step asks only for what the
 * answers before it call for.
 */
const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "Исправьте ошибки" });

async function continueTo(page: Page, heading: string, javaScriptEnabled: boolean) {
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  if (javaScriptEnabled) await waitForHydration(page);
}

test("the sibling right asks for the sibling's details, and the profile fills the child's documents", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const resident = await createResident("first-grade-form");
  const { birthCertificate: certificate } = await addFirstGrader(portalDb, resident.userId);
  await signIn(page, resident.email, javaScriptEnabled);
  await visit("/services/first-grade-enrollment/apply");
  await page.getByRole("button", { name: /Начать/ }).click();

  // The child: the address comes from the profile; the certificate from the child once chosen.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ребёнок");
  if (javaScriptEnabled) await waitForHydration(page);
  const address = page.getByRole("group", { name: "Адрес проживания ребёнка" });
  await expect(address.getByLabel("Населённый пункт")).toHaveValue("Пенза");
  await expect(address.getByLabel("Улица")).toHaveValue("ул. Московская");
  await expect(address.getByLabel("Дом")).toHaveValue("5");
  await expect(page.getByLabel("Свидетельство о рождении")).toHaveValue("");
  await checkA11y();
  await page.getByRole("group", { name: "Ребёнок" }).getByLabel(/Глеб/).check();
  // With JavaScript at once; without it the step's answer takes it when sent.
  if (javaScriptEnabled) await expect(page.getByLabel("Свидетельство о рождении")).toHaveValue(certificate);
  await continueTo(page, "Школа и условия обучения", javaScriptEnabled);

  // The school and the right.
  const siblingName = page.getByLabel("Фамилия, имя, отчество брата или сестры");
  const siblingBirthDate = page.getByLabel("Дата рождения брата или сестры");
  const siblingClass = page.getByLabel("Класс, в котором учится брат или сестра");
  const consent = page.getByLabel(/Согласен\(на\) на обучение ребёнка по адаптированной/);
  if (javaScriptEnabled) {
    await expect(siblingName).toBeHidden();
    await expect(page.getByLabel("Основание первоочередного права")).toBeHidden();
    await expect(consent).toBeHidden();
  } else {
    // Without JavaScript every question is on the page, each saying when it is to be answered.
    await expect(siblingName).toBeVisible();
    await expect(
      page.getByText("Заполните, если выбрано: «Преимущественное (в школе учится брат или сестра)»").first(),
    ).toBeVisible();
    await expect(page.getByText("Заполните, если отмечено «Нужно обучение по адаптированной программе»")).toBeVisible();
  }
  await checkA11y();
  await page.getByLabel("Школа", { exact: true }).selectOption("112");
  await page.getByLabel(/^Преимущественное/).check();
  if (javaScriptEnabled) {
    await expect(siblingName).toBeVisible();
    await expect(siblingClass).toBeVisible();
    await expect(page.getByLabel("Основание первоочередного права")).toBeHidden();
    // A ticked box shows the consent it calls for; unticked, it goes away again.
    await page.getByLabel("Нужно обучение по адаптированной программе").check();
    await expect(consent).toBeVisible();
    await page.getByLabel("Нужно обучение по адаптированной программе").uncheck();
    await expect(consent).toBeHidden();
  }
  await page.getByLabel("Язык образования").selectOption("ru");
  await page.getByLabel("С уставом и лицензией школы ознакомлен(а)").check();
  await siblingName.fill("Тестова Мария Олеговна");
  await siblingClass.fill("13Б");
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();

  // Required in both modes: the summary lists what is missing or wrong; what was typed stays.
  const summary = errorSummary(page);
  await expect(summary).toContainText("Дата рождения брата или сестры: заполните это поле");
  await expect(summary).toContainText("Класс, в котором учится брат или сестра: введите по образцу, например 3Б");
  await expect(summary).not.toContainText("Основание");
  await expect(summary).not.toContainText("Согласен");
  await expect(siblingName).toHaveValue("Тестова Мария Олеговна");
  await expect(siblingClass).toHaveValue("13Б");
  await expect(page.getByLabel(/^Преимущественное/)).toBeChecked();
  await expect(page.getByLabel("Школа", { exact: true })).toHaveValue("112");
  await checkA11y();
  // The summary's links lead to the fields.
  await summary.getByRole("link", { name: /Дата рождения брата или сестры/ }).click();
  await expect(page).toHaveURL(/#/);
  await siblingBirthDate.fill("2018-04-12");
  await siblingClass.fill("3Б");
  await continueTo(page, "Заявитель", javaScriptEnabled);
  await continueTo(page, "Документы", javaScriptEnabled);

  // The documents the answers call for: the registration proof, no employer's certificate, no ПМПК.
  await expect(page.getByLabel(/Свидетельство о регистрации ребёнка по месту жительства/)).toBeVisible();
  await expect(page.getByLabel(/Справка с места работы/)).toHaveCount(0);
  await expect(page.getByLabel(/Заключение ПМПК/)).toHaveCount(0);
  await checkA11y();
  await continueTo(page, "Подтверждение", javaScriptEnabled);
  await page.getByLabel("Подтверждаю, что сведения в заявлении достоверны").check();
  await page.getByLabel("Даю согласие на обработку персональных данных для предоставления услуги").check();
  await continueTo(page, "Проверьте ответы", javaScriptEnabled);

  // Check your answers: the certificate from the profile, the sibling's details, nothing not asked.
  await expect(page.getByText(certificate)).toBeVisible();
  await expect(page.getByText("Тестова Мария Олеговна")).toBeVisible();
  await expect(page.getByText("3Б", { exact: true })).toBeVisible();
  await expect(page.getByText("Основание первоочередного права")).toHaveCount(0);
  // A ticked box reads «Да», in the page's language (answer-summary.tsx).
  const accuracy = page
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: "Подтверждаю, что сведения в заявлении достоверны" }) });
  await expect(accuracy.locator("dd").first()).toHaveText("Да");
  await checkA11y();
  const draft = await portalDb.application.findFirstOrThrow({
    where: { applicantId: resident.userId, status: "draft" },
  });
  const answers = JSON.parse(draft.answers) as Record<string, unknown>;
  expect(answers).toMatchObject({
    birthCertificate: certificate,
    priority: "sibling",
    siblingName: "Тестова Мария Олеговна",
    siblingBirthDate: "2018-04-12",
    siblingClass: "3Б",
  });
  expect(answers).not.toHaveProperty("firstGround");
});

test("a scheduled draft not sent at the opening: the notification leads to the draft, which says why", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const resident = await createResident("scheduled-refused");
  const draftId = await createDraft(portalDb, resident.userId, "58-EDU-001");
  // What the scheduler writes when the draft no longer passes at the instant (tests/integration/first-grade-form.test.ts).
  await portalDb.scheduledSubmission.create({
    data: {
      draftId,
      applicantId: resident.userId,
      sendAt: new Date(Date.now() - 60_000),
      ip: "127.0.0.1",
      state: "refused",
      reason: "invalid:school",
    },
  });
  await portalDb.notification.create({
    data: { userId: resident.userId, applicationId: draftId, status: "scheduledRefused" },
  });
  await signIn(page, resident.email, javaScriptEnabled);
  await visit("/cabinet/notifications");
  await checkA11y();
  await page
    .getByRole("link", { name: "Запланированное заявление не отправлено — откройте черновик, чтобы узнать почему" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте ответы");
  await expect(page.getByTestId("scheduled-refused")).toContainText("в ответах нужно исправить ошибки");
  await checkA11y();
});
