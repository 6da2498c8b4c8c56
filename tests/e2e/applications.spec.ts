import type { Browser, Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";
import { latestMailTo } from "./mail";
import { createResident, departmentActs, newDiaryApplication, portalDb, RESIDENT_PASSWORD } from "./portal-db";
import { PORTAL_URL } from "./ports";
import { signIn } from "./sign-in";

/*
 * A resident's whole application, with JavaScript on and off: the step-by-step form with an
 * upload and a corrected mistake, a draft resumed in another session, submission (twice), the
 * timeline, a request for information answered, the result and a rating. The department's side is
 * driven through the domain API until the back office has its pages.
 */

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: PDF });

async function newSession(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL: PORTAL_URL, locale: "ru-RU", javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email, javaScriptEnabled);
  return { context, page };
}

async function continueTo(page: Page, heading: string | RegExp, javaScriptEnabled: boolean) {
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  if (javaScriptEnabled) await waitForHydration(page);
}

const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "Исправьте ошибки" });

test("a resident applies, resumes the draft elsewhere, submits twice, answers a request and rates the result", async ({
  page,
  browser,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(120_000);
  const resident = await createResident("applicant");
  await signIn(page, resident.email, javaScriptEnabled);

  await visit("/services/large-family-status");
  await page.getByRole("link", { name: "Подать заявление онлайн" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Статус многодетной семьи и удостоверение");
  await checkA11y();
  await page.getByRole("button", { name: "Начать" }).click();

  // Step 1: prefilled from the profile; a wrong СНИЛС is explained, then corrected.
  await expect(page.getByTestId("step-progress")).toHaveText("Шаг 1 из 5");
  if (javaScriptEnabled) await waitForHydration(page);
  await expect(page.getByLabel("Фамилия, имя, отчество")).toHaveValue("Тестова Ольга Ивановна");
  await expect(page.getByLabel("СНИЛС", { exact: true })).toHaveValue(resident.snils);
  await page.getByLabel("СНИЛС", { exact: true }).fill("112-233-445 96");
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();
  await expect(errorSummary(page)).toContainText("СНИЛС: контрольное число не совпадает");
  await expect(page.getByLabel("Фамилия, имя, отчество")).toHaveValue("Тестова Ольга Ивановна");
  await checkA11y();
  await page.getByLabel("СНИЛС", { exact: true }).fill("112-233-445 95");
  await continueTo(page, "Документ и адрес", javaScriptEnabled);

  // Step 2: passport and address from the profile.
  await expect(page.getByLabel("Серия и номер")).toHaveValue("5600 123456");
  await continueTo(page, "Дети", javaScriptEnabled);

  // Step 3: the child chooser lists the profile's children; then "save and continue later".
  await page.getByRole("group", { name: "Первый ребёнок" }).getByLabel(/Анна/).check();
  await page.getByRole("group", { name: "Второй ребёнок" }).getByLabel(/Иван/).check();
  await page.getByRole("group", { name: "Третий ребёнок" }).getByLabel(/Пётр/).check();
  await page.getByLabel("Всего детей в семье").fill("3");
  await page.getByLabel("Бесплатное питание в школе").check();
  await checkA11y();
  await page.getByRole("button", { name: "Сохранить и продолжить позже" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мои заявления");
  await expect(page.getByRole("status")).toContainText("Черновик сохранён");
  await expect(page.getByTestId("drafts")).toContainText("Статус многодетной семьи");
  await checkA11y();

  // Another device: the draft is there, on the step where the resident stopped, answers kept.
  const other = await newSession(browser, resident.email, javaScriptEnabled);
  const elsewhere = other.page;
  await elsewhere.goto("/cabinet/applications");
  await elsewhere.getByTestId("drafts").getByRole("link", { name: "Статус многодетной семьи и удостоверение" }).click();
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Дети");
  if (javaScriptEnabled) await waitForHydration(elsewhere);
  await expect(elsewhere.getByTestId("saved-at")).toContainText("Черновик сохранён в");
  await expect(elsewhere.getByRole("group", { name: "Третий ребёнок" }).getByLabel(/Пётр/)).toBeChecked();
  await expect(elsewhere.getByLabel("Всего детей в семье")).toHaveValue("3");
  await continueTo(elsewhere, "Документы", javaScriptEnabled);

  // Step 4: a program disguised as a PDF is refused; a real PDF is kept.
  await elsewhere.getByLabel("Фотография 3×4").setInputFiles({
    name: "photo.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
  });
  await elsewhere.getByRole("button", { name: "Продолжить", exact: true }).click();
  await expect(errorSummary(elsewhere)).toContainText("программы и скрипты прикреплять нельзя");
  await elsewhere.getByLabel("Фотография 3×4").setInputFiles(pdf("Фото 3х4.pdf"));
  await continueTo(elsewhere, "Подтверждение", javaScriptEnabled);
  await other.context.close();

  // Back on the first device: the last step, then "check your answers" with a change link.
  await page.goto("/cabinet/applications");
  await page.getByTestId("drafts").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Подтверждение");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Подтверждаю, что сведения в заявлении достоверны").check();
  await page.getByLabel("Даю согласие на обработку персональных данных для предоставления услуги").check();
  await continueTo(page, "Проверьте ответы", javaScriptEnabled);
  await expect(page.getByText("112-233-445 95")).toBeVisible();
  await expect(page.getByRole("link", { name: "Фото 3х4.pdf" })).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Изменить Телефон" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Заявитель");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Телефон").fill("8 (912) 345-67-89");
  await page.getByRole("button", { name: "Сохранить и вернуться к проверке" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Проверьте ответы");
  await expect(page.getByText("+79123456789")).toBeVisible();
  const reviewUrl = new URL(page.url()).pathname;

  // Submission: the number, the legal deadline, what happens next; the same again changes nothing.
  await page.getByRole("button", { name: "Отправить заявление" }).click();
  const confirmation = page.getByTestId("confirmation");
  await expect(confirmation).toContainText("Заявление отправлено");
  const number = /58-\d{4}-\d{7}-\d/.exec((await confirmation.textContent()) ?? "")?.[0];
  expect(number).toBeTruthy();
  await expect(confirmation).toContainText("срок — 10 рабочих дней");
  await expect(page.getByTestId("status")).toHaveText("Заявление отправлено в ведомство");
  await checkA11y();
  const again = await page.request.post(reviewUrl, { headers: { Origin: PORTAL_URL }, maxRedirects: 0 });
  expect(again.status()).toBe(302);
  expect(again.headers().location).toContain(`/cabinet/applications/${number}`);
  const stored = await portalDb.application.findMany({
    where: { applicantId: resident.userId, number: { not: null }, parentId: null },
  });
  expect(stored.map((a) => a.number)).toEqual([number]);
  // The school meals ticked in step 3 became one case of their own, in the education ministry's queue.
  const measureCases = await portalDb.application.findMany({ where: { parentId: stored[0]!.id } });
  expect(measureCases.map((a) => a.measureCode)).toEqual(["school-meals"]);
  expect(await portalDb.applicationEvent.count({ where: { applicationId: stored[0]!.id, command: "submit" } })).toBe(1);
  const mail = await latestMailTo(resident.email, new RegExp(`Заявление № ${number} принято`));
  expect(mail.text).toContain("Срок рассмотрения: до");

  // The department asks for more; the resident sees it, in the header and by mail, and answers.
  await departmentActs(number!, "acknowledge");
  await departmentActs(number!, "startReview");
  await departmentActs(number!, "requestInfo", "Приложите справку об очном обучении старшей дочери");
  await visit("/cabinet");
  await expect(page.getByTestId("unread")).toContainText("3");
  await page.getByTestId("notifications-link").click();
  await expect(page.getByTestId("notifications")).toContainText("Ожидание дополнительной информации");
  await checkA11y();
  const request = await latestMailTo(resident.email, /Ожидание дополнительной информации/);
  expect(request.text).toContain("Приложите справку об очном обучении старшей дочери");
  await visit(`/cabinet/applications/${number}`);
  await expect(page.getByTestId("info-request")).toHaveText("Приложите справку об очном обучении старшей дочери");
  await expect(page.getByTestId("days-left")).toContainText("рабоч");
  await checkA11y();
  await page.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(errorSummary(page)).toContainText("Ваш ответ");
  await page.getByLabel("Ваш ответ").fill("Справка из колледжа во вложении");
  await page.getByLabel("Документы (необязательно)").setInputFiles(pdf("Справка из колледжа.pdf"));
  await page.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(page.getByRole("status")).toContainText("Ответ отправлен в ведомство");
  await expect(page.getByTestId("status")).toHaveText("Заявление принято к рассмотрению");
  await expect(page.getByRole("link", { name: "Справка из колледжа.pdf" })).toBeVisible();

  // The result, the timeline of every status, and a rating (a missing score is explained).
  await departmentActs(number!, "complete", "Удостоверение многодетной семьи оформлено");
  await visit(`/cabinet/applications/${number}`);
  await expect(page.getByTestId("status")).toHaveText("Услуга оказана");
  await expect(page.getByTestId("timeline").getByRole("listitem")).toHaveText([
    /Зарегистрировано на портале/,
    /Заявление отправлено в ведомство/,
    /Заявление получено ведомством/,
    /Заявление принято к рассмотрению/,
    /Ожидание дополнительной информации/,
    /Заявление принято к рассмотрению/,
    /Услуга оказана/,
  ]);
  await checkA11y();
  await page.getByRole("button", { name: "Отправить оценку" }).click();
  await expect(errorSummary(page)).toContainText("выберите оценку от 1 до 5");
  await page.getByLabel("5 — отлично").check();
  await page.getByLabel("Комментарий (необязательно)").fill("Быстро и без очередей");
  await page.getByRole("button", { name: "Отправить оценку" }).click();
  await expect(page.getByRole("status")).toContainText("Спасибо за оценку");
  await expect(page.getByTestId("rating")).toHaveText("Ваша оценка: 5 из 5");

  // Another resident: that application and its documents do not exist for them.
  const stranger = await createResident("stranger");
  const strangerSession = await newSession(browser, stranger.email, javaScriptEnabled);
  const upload = await portalDb.upload.findFirstOrThrow({ where: { applicationId: stored[0]!.id } });
  for (const path of [`/cabinet/applications/${number}`, `/documents/${upload.id}`, reviewUrl]) {
    const response = await strangerSession.page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const own = await page.request.get(`/documents/${upload.id}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  await strangerSession.context.close();
});

test("a resident withdraws an application after confirming", async ({ page, visit, checkA11y, javaScriptEnabled }) => {
  const resident = await createResident("withdraw");
  await signIn(page, resident.email, javaScriptEnabled);
  await visit("/services/library-card/apply");
  await page.getByRole("button", { name: "Начать" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Заявитель");
  if (javaScriptEnabled) await waitForHydration(page);
  await continueTo(page, "Читатель", javaScriptEnabled);
  await page.getByLabel("Дата рождения").fill("1985-03-04");
  await continueTo(page, "Подтверждение", javaScriptEnabled);
  await page.getByLabel("Подтверждаю, что сведения в заявлении достоверны").check();
  await page.getByLabel("Даю согласие на обработку персональных данных для предоставления услуги").check();
  await continueTo(page, "Проверьте ответы", javaScriptEnabled);
  await page.getByRole("button", { name: "Отправить заявление" }).click();
  await expect(page.getByTestId("confirmation")).toBeVisible();

  await page.getByRole("link", { name: "Отменить заявление" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Отменить заявление?");
  await checkA11y();
  await page.getByRole("link", { name: "Нет, вернуться к заявлению" }).click();
  await expect(page.getByTestId("status")).toHaveText("Заявление отправлено в ведомство");
  await page.getByRole("link", { name: "Отменить заявление" }).click();
  await page.getByRole("button", { name: "Да, отменить заявление" }).click();
  await expect(page.getByRole("status")).toContainText("Заявление отменено");
  await expect(page.getByTestId("status")).toHaveText("Заявление отменено");
  await expect(page.getByRole("link", { name: "Отменить заявление" })).toHaveCount(0);

  await visit("/cabinet/applications?status=done");
  await expect(page.getByTestId("applications")).toContainText("Читательский билет");
  await checkA11y();
  await visit("/cabinet/applications?status=active");
  await expect(page.getByText("Заявлений нет.")).toBeVisible();
});

test("answers typed after the session ended come back after signing in", async ({ page, visit, javaScriptEnabled }) => {
  const resident = await createResident("expired");
  await signIn(page, resident.email, javaScriptEnabled);
  await visit("/services/library-card/apply");
  await page.getByRole("button", { name: "Начать" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Заявитель");
  if (javaScriptEnabled) await waitForHydration(page);
  await continueTo(page, "Читатель", javaScriptEnabled);

  // The session ends (its time is up) while the resident is typing.
  await portalDb.session.updateMany({
    where: { userId: resident.userId },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });
  await page.getByLabel("Дата рождения").fill("1985-03-04");
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
  await expect(page.getByRole("status")).toContainText("ответы, которые вы ввели, сохранены");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Электронная почта").fill(resident.email);
  await page.getByLabel("Пароль", { exact: true }).fill(RESIDENT_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Читатель");
  await expect(page.getByRole("status")).toContainText("восстановлены");
  await expect(page.getByLabel("Дата рождения")).toHaveValue("1985-03-04");
});

test("the portal warns before the session ends and lets the resident stay", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const resident = await createResident("timeout");
  await signIn(page, resident.email, javaScriptEnabled);
  await portalDb.session.updateMany({
    where: { userId: resident.userId },
    data: { expiresAt: new Date(Date.now() + 3 * 60_000), lastSeenAt: new Date() },
  });
  await visit("/cabinet/applications");
  const warning = page.getByTestId("session-warning");
  await expect(warning).toContainText("Сеанс закончится в");
  await checkA11y();
  await warning.getByRole("button", { name: "Продлить сеанс" }).click();
  await expect(warning).toHaveCount(0);
  const session = await portalDb.session.findFirstOrThrow({ where: { userId: resident.userId } });
  expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
  if (!javaScriptEnabled) await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мои заявления");
});

test("uploads of the wrong kind are refused with a clear message", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "HTTP checks run once");
  const resident = await createResident("uploads");
  await signIn(page, resident.email, javaScriptEnabled);
  const start = await page.request.post("/services/social-travel-card/apply", {
    headers: { Origin: PORTAL_URL },
    maxRedirects: 0,
  });
  const documentsStep = start.headers().location!.replace(/\/[a-z-]+$/, "/documents");
  const cases = [
    {
      file: { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just text") },
      says: "подойдёт файл PDF, JPG или PNG",
    },
    {
      file: { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00") },
      says: "программы и скрипты прикреплять нельзя",
    },
    {
      file: {
        name: "big.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
      },
      says: "файл больше 10 МБ",
    },
    {
      file: { name: "../../etc/passwd.pdf", mimeType: "application/pdf", buffer: PDF },
      says: "в имени файла есть путь",
    },
    { file: { name: "..\\..\\boot.pdf", mimeType: "application/pdf", buffer: PDF }, says: "в имени файла есть путь" },
  ];
  for (const { file, says } of cases) {
    const response = await page.request.post(documentsStep, {
      headers: { Origin: PORTAL_URL },
      multipart: { photo: file, intent: "continue" },
      maxRedirects: 0,
    });
    expect(response.status(), file.name).toBe(400);
    expect(await response.text(), file.name).toContain(says);
  }
  const draftId = documentsStep.split("/").at(-2)!;
  expect(await portalDb.upload.count({ where: { applicationId: draftId } })).toBe(0);
});

test("a low rating reaches the department's supervisor", async ({ page, visit, checkA11y, javaScriptEnabled }) => {
  const { resident, number } = await newDiaryApplication("rating");
  await departmentActs(number, "acknowledge");
  await departmentActs(number, "startReview");
  await departmentActs(number, "complete");
  const comment = `Долго ждали подтверждения ${number}`;
  await signIn(page, resident.email, javaScriptEnabled);
  await visit(`/cabinet/applications/${number}`);
  await page.getByLabel("2 — плохо").check();
  await page.getByLabel("Комментарий (необязательно)").fill(comment);
  await page.getByRole("button", { name: "Отправить оценку" }).click();
  await expect(page.getByTestId("rating")).toHaveText("Ваша оценка: 2 из 5");

  await page.context().clearCookies();
  await page.goto("/login");
  if (javaScriptEnabled) await waitForHydration(page);
  await page.getByLabel("Электронная почта").fill("supervisor.education@demo.gosuslugi58.ru");
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
  await visit("/office/supervisor");
  await expect(page.getByTestId("low-ratings")).toContainText(comment);
  await expect(page.getByTestId("low-ratings")).toContainText("Оценка 2 из 5");
  await checkA11y();
});
