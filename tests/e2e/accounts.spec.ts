import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { latestMailTo, linkIn } from "./mail";
import { fillRegistration, REGISTRATION_PASSWORD as password } from "./registration";

const uniqueEmail = (project: string) => `resident-${project}-${randomUUID().slice(0, 8)}@example.ru`;

test("a resident registers, confirms the address from the mail, signs in and out", async ({
  page,
  visit,
  checkA11y,
}, testInfo) => {
  const email = uniqueEmail(testInfo.project.name);
  await visit("/");
  await page.getByRole("link", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
  await checkA11y();
  await page.getByRole("link", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Регистрация");
  await checkA11y();

  await fillRegistration(page, email);
  await checkA11y();

  const mail = await latestMailTo(email, /Подтвердите адрес/);
  await page.goto(linkIn(mail, "/confirm-email"));
  await expect(page.getByRole("status")).toContainText("Адрес почты подтверждён");

  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
  await expect(page.getByTestId("cabinet-email")).toHaveText(email);
  await expect(page.getByRole("link", { name: "Личный кабинет" })).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "Выйти", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Вы вышли");
  await page.goto("/cabinet");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcabinet/);
});

test("registration errors are listed, explained and keep what was typed", async ({ page, visit }) => {
  await visit("/register");
  await page.getByLabel("Электронная почта").fill("anna@example");
  await page.getByLabel("Новый пароль").fill("qwerty");
  await page.getByLabel("Пароль ещё раз").fill("qwerty");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Исправьте ошибки");
  await expect(summary).toContainText("Электронная почта: введите адрес");
  await expect(summary).toContainText("не меньше 10 символов");
  await expect(summary).toContainText("без согласия на обработку");
  await expect(page.getByLabel("Электронная почта")).toHaveValue("anna@example");
  await expect(page.getByLabel("Электронная почта")).toHaveAttribute("aria-invalid", "true");
});

test("a visitor asking for the cabinet signs in and is brought back", async ({ page, visit }) => {
  await visit("/cabinet");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcabinet/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход");
});

test("a wrong password is refused with a plain message; repeated ones lock the account", async ({
  page,
  visit,
  javaScriptEnabled,
}, testInfo) => {
  const email = uniqueEmail(testInfo.project.name);
  await visit("/login");
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Пароль", { exact: true }).fill(`неверный пароль ${attempt}`);
    await page.getByRole("button", { name: "Войти" }).click();
    const expected = attempt <= 5 ? "Неверный адрес почты или пароль" : "Слишком много неудачных попыток";
    await expect(page.getByRole("alert")).toContainText(expected);
    await expect(page.getByLabel("Электронная почта")).toHaveValue(email);
    // The server never sends a password back.
    if (!javaScriptEnabled) await expect(page.getByLabel("Пароль", { exact: true })).toHaveValue("");
  }
});

test("a forgotten password is reset through the mailed link", async ({ page, visit, checkA11y }, testInfo) => {
  const email = uniqueEmail(testInfo.project.name);
  await visit("/register");
  await fillRegistration(page, email);

  await visit("/forgot-password");
  await checkA11y();
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("button", { name: "Отправить ссылку" }).click();
  await expect(page.getByRole("status")).toContainText("Если этот адрес зарегистрирован");

  const mail = await latestMailTo(email, /Восстановление пароля/);
  await visit(linkIn(mail, "/reset-password"));
  await checkA11y();
  const newPassword = "осенний дождь над Сурой 2026";
  await page.getByLabel("Новый пароль").fill(newPassword);
  await page.getByLabel("Пароль ещё раз").fill(newPassword);
  await page.getByRole("button", { name: "Сохранить пароль" }).click();
  await expect(page.getByRole("status")).toContainText("Пароль изменён");

  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личный кабинет");
});

test("a resident fills in the profile: wrong СНИЛС and ИНН are explained, the right ones saved", async ({
  page,
  visit,
  checkA11y,
}, testInfo) => {
  const email = uniqueEmail(testInfo.project.name);
  await visit("/register");
  await fillRegistration(page, email);
  await page.goto(linkIn(await latestMailTo(email, /Подтвердите адрес/), "/confirm-email"));
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.getByRole("link", { name: "Личные данные и дети" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Личные данные");
  await checkA11y();

  await page.getByLabel("Фамилия").fill("Иванова");
  await page.getByLabel("Имя", { exact: true }).fill("Анна");
  await page.getByLabel("Дата рождения").fill("1990-05-17");
  await page.getByLabel("СНИЛС").fill("112-233-445 96");
  await page.getByLabel("ИНН").fill("123456789048");
  await page.getByLabel("Телефон").fill("8 912 345 67 89");
  await page.getByLabel("Серия и номер паспорта").fill("56 12 345678");
  await page.getByLabel("Дата выдачи паспорта").fill("2010-06-01");
  await page.getByLabel("Код подразделения").fill("580001");
  await page.getByLabel("Муниципальное образование").selectOption("56701000");
  await page.getByLabel("Населённый пункт").fill("Пенза");
  await page.getByLabel("Улица").fill("ул. Московская");
  await page.getByLabel("Дом, корпус").fill("5");
  await page.getByRole("button", { name: "Сохранить" }).click();

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("СНИЛС: контрольное число не совпадает — проверьте цифры");
  await expect(summary).toContainText("ИНН: контрольные цифры не совпадают");
  await expect(page.getByLabel("Фамилия")).toHaveValue("Иванова");

  await page.getByLabel("СНИЛС").fill("112-233-445 95");
  await page.getByLabel("ИНН").fill("123456789047");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toContainText("Личные данные сохранены");
  await expect(page.getByLabel("СНИЛС")).toHaveValue("112-233-445 95");
  await expect(page.getByLabel("Телефон")).toHaveValue("+79123456789");

  await page.getByRole("link", { name: "Добавить ребёнка" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый ребёнок");
  await checkA11y();
  await page.getByLabel("Фамилия").fill("Иванов");
  await page.getByLabel("Имя", { exact: true }).fill("Лев");
  await page.getByLabel("Дата рождения").fill("2019-10-01");
  await page.getByLabel("Свидетельство о рождении").fill("iv-аи 123456");
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByText("Иванов Лев", { exact: true })).toBeVisible();
});

test("the demo parent signs in and sees the children in the profile", async ({ page, visit }) => {
  await visit("/login");
  await page.getByLabel("Электронная почта").fill("parent@demo.gosuslugi58.ru");
  await page.getByLabel("Пароль", { exact: true }).fill("penza-demo-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await page.getByRole("link", { name: "Личные данные и дети" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Смирнов" })).toHaveCount(3);
});
