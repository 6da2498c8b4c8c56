import type { Browser, Page } from "@playwright/test";
import { answerRequest, type PostedAnswer } from "../../app/domain/applications/resident-actions.server";
import { expect, test, waitForHydration } from "./fixtures";
import { newDiaryApplication, portalDb } from "./portal-db";
import { PORTAL_URL } from "./ports";

/*
 * The back office, with JavaScript on and off: an officer finds a new application in the queue,
 * takes it (registered and under review in the same act), asks the resident for more and decides;
 * a refusal needs a ground and an explanation; two officers acting at once; a supervisor moves work.
 */
const OFFICER = "officer.education@demo.gosuslugi58.ru";
const SUPERVISOR = "supervisor.education@demo.gosuslugi58.ru";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function signInAs(page: Page, email: string, javaScriptEnabled: boolean) {
  await page.goto("/login");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
}

async function open(page: Page, path: string, javaScriptEnabled: boolean) {
  await page.goto(path);
  if (javaScriptEnabled) await waitForHydration(page);
}

async function act(page: Page, button: string, notice: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(notice);
}

async function officerSession(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: PORTAL_URL, locale: "ru-RU", javaScriptEnabled });
  const page = await context.newPage();
  await signInAs(page, email, javaScriptEnabled);
  return { context, page };
}

test("an officer takes a new application from the queue, asks for more and provides the service", async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const { resident, number } = await newDiaryApplication("office-complete");
  await signInAs(page, OFFICER, javaScriptEnabled);
  await open(page, `/office?queue=new&q=${number}`, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Очереди заявлений");
  await expect(page.getByTestId("queue")).toContainText("Тестова Ольга Ивановна");
  await checkA11y();
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  if (javaScriptEnabled) await waitForHydration(page);
  // A school-diary application is due the day it counts as received (today, or the next working day after hours).
  await expect(page.getByTestId("days-left")).toHaveText(/срок сегодня|1 раб\. день/);
  await checkA11y();

  // One act: taken, registered and under review (each still its own event in the history).
  await act(page, "Взять в работу", /взято в работу, зарегистрировано и принято к рассмотрению/);
  await expect(page.getByTestId("assignee")).toHaveText(OFFICER);
  await expect(page.getByTestId("status")).toHaveText("Заявление принято к рассмотрению");

  // An internal note stays inside the office.
  await page.getByLabel("Текст заметки").fill("Проверить зачисление ребёнка в школу № 112");
  await page.getByRole("button", { name: "Добавить заметку" }).click();
  await expect(page.getByTestId("notes")).toContainText("Проверить зачисление");

  // A request without words is refused; with them it goes to the resident.
  await page.getByRole("button", { name: "Запросить сведения у заявителя", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toContainText("Какие сведения нужны");
  await page.getByLabel("Какие сведения нужны (простыми словами)").fill("Укажите класс, в котором учится ребёнок");
  await act(page, "Запросить сведения у заявителя", /Запрос отправлен/);
  await expect(page.getByTestId("status")).toHaveText("Ожидание дополнительной информации");

  // The resident answers (their pages are tested in applications.spec.ts).
  const application = await portalDb.application.findUniqueOrThrow({ where: { number } });
  const answer: PostedAnswer = { status: "success", value: { text: "4 «Б» класс", files: [] } };
  expect(
    await answerRequest(portalDb, { applicantId: resident.userId, applicationId: application.id, answer }),
  ).toEqual({
    status: "ok",
  });

  await open(page, `/office/applications/${number}`, javaScriptEnabled);
  await expect(page.getByTestId("messages")).toContainText("4 «Б» класс");
  await page.getByLabel("Решение (необязательно)").fill("Доступ к дневнику открыт");
  await page.getByLabel("Результат — документ (необязательно)").setInputFiles({
    name: "Решение.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await act(page, "Услуга оказана", /Услуга оказана/);
  await expect(page.getByTestId("status")).toHaveText("Услуга оказана");
  await expect(page.getByTestId("staff-timeline")).toContainText(`Назначено: ${OFFICER}`);
  await expect(page.getByRole("link", { name: "Открыть Решение.pdf" })).toBeVisible();

  const decided = await portalDb.application.findUniqueOrThrow({ where: { number } });
  expect(decided.status).toBe("completed");
  const result = await portalDb.upload.findFirstOrThrow({
    where: { applicationId: decided.id, fileName: "Решение.pdf" },
  });
  expect(result.ownerId).toBe(resident.userId);
  const audit = await portalDb.auditEvent.findMany({ where: { subjectType: "application", subjectId: number } });
  expect(audit.map((a) => a.action)).toEqual(
    expect.arrayContaining([
      "application.assign",
      "application.acknowledge",
      "application.requestInfo",
      "application.complete",
    ]),
  );
});

test("a refusal needs a ground from the service's list and an explanation", async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  const { number } = await newDiaryApplication("office-refuse");
  await signInAs(page, OFFICER, javaScriptEnabled);
  await open(page, `/office/applications/${number}`, javaScriptEnabled);
  await act(page, "Взять в работу", /принято к рассмотрению/);
  await page.getByRole("button", { name: "Отказать", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Исправьте ошибки" });
  await expect(summary).toContainText("Основание для отказа");
  await expect(summary).toContainText("Разъяснение причины отказа");
  await checkA11y();
  await page.getByLabel("Основание для отказа").selectOption({ label: "Ребёнок не обучается в школах региона" });
  await page.getByLabel("Разъяснение причины отказа").fill("Ребёнок переведён в школу другого региона");
  await act(page, "Отказать", /Отказ оформлен/);
  await expect(page.getByTestId("status")).toHaveText("Отказано в предоставлении услуги");
  await expect(page.getByTestId("staff-timeline")).toContainText("Ребёнок не обучается в школах региона");
  const event = await portalDb.applicationEvent.findFirstOrThrow({
    where: { application: { number }, command: "refuse" },
  });
  expect(event).toMatchObject({ ground: "not-a-pupil", reason: "Ребёнок переведён в школу другого региона" });
});

test("two officers acting at once: one succeeds, the other sees the change and keeps the text", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  const { number } = await newDiaryApplication("office-conflict");
  await signInAs(page, OFFICER, javaScriptEnabled);
  await open(page, `/office/applications/${number}`, javaScriptEnabled);
  await act(page, "Взять в работу", /принято к рассмотрению/);

  // A colleague (the supervisor) opens the same application and requests information first.
  const colleague = await officerSession(browser, SUPERVISOR, javaScriptEnabled);
  await open(colleague.page, `/office/applications/${number}`, javaScriptEnabled);
  await colleague.page.getByLabel("Какие сведения нужны (простыми словами)").fill("Приложите справку из школы");
  await act(colleague.page, "Запросить сведения у заявителя", /Запрос отправлен/);
  await colleague.context.close();

  // The first officer, on the page as it was, refuses: refused as a conflict, nothing lost.
  await page.getByLabel("Основание для отказа").selectOption({ label: "Ребёнок не обучается в школах региона" });
  await page.getByLabel("Разъяснение причины отказа").fill("Текст, который нельзя потерять");
  await page.getByRole("button", { name: "Отказать", exact: true }).click();
  await expect(page.getByTestId("conflict")).toContainText("заявление изменил другой сотрудник");
  await expect(page.getByLabel("Ваш текст")).toHaveValue("Текст, который нельзя потерять");
  await expect(page.getByTestId("status")).toHaveText("Ожидание дополнительной информации");
  const application = await portalDb.application.findUniqueOrThrow({ where: { number } });
  expect(application.status).toBe("waitingForInfo");
  expect(await portalDb.applicationEvent.count({ where: { applicationId: application.id, command: "refuse" } })).toBe(
    0,
  );
});

test("a supervisor sees the workload and reassigns applications", async ({ page, checkA11y, javaScriptEnabled }) => {
  const { number } = await newDiaryApplication("office-reassign");
  const officer = await portalDb.user.findUniqueOrThrow({ where: { email: OFFICER } });
  await signInAs(page, SUPERVISOR, javaScriptEnabled);
  await open(page, "/office/supervisor", javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Руководителю: нагрузка и сроки");
  await expect(page.getByTestId("workload")).toContainText(OFFICER);
  await checkA11y();
  await page.getByRole("button", { name: "Назначить выбранные" }).click();
  await expect(page.getByRole("alert")).toContainText("Отметьте заявления");
  await page.getByLabel(new RegExp(number)).check();
  await page.getByLabel("Исполнитель").selectOption({ label: OFFICER });
  await page.getByRole("button", { name: "Назначить выбранные" }).click();
  await expect(page.getByRole("status")).toContainText("Назначено 1 заявление");
  expect((await portalDb.application.findUniqueOrThrow({ where: { number } })).assigneeId).toBe(officer.id);

  // The officer finds it under "mine", and a supervisor's takeover is visible as such.
  await open(page, `/office/applications/${number}`, javaScriptEnabled);
  await expect(page.getByTestId("assignee")).toHaveText(OFFICER);
  await expect(page.getByTestId("takeover-warning")).toContainText(OFFICER);
});
