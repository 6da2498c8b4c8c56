import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { submitApplication } from "../../app/domain/applications/applications.server";
import { checkEnrollmentDocuments } from "../../app/domain/enrollment/enrollment-orders.server";
import { regionDate } from "../../app/domain/region/clock";
import { demoStaff } from "../../seeds/accounts";
import { addFirstGrader, saveFirstGradeDraft } from "../support/first-grade";
import { expect, test } from "./fixtures";
import { createResident, portalDb } from "./portal-db";
import { PORTAL_URL } from "./ports";
import { signIn } from "./sign-in";

/*
 * The school's side of first-grade enrollment, with JavaScript on and off: the officer of school
 * No. 112 (the demo account) ticks applications on the school's ranked list, is told an order cannot
 * enroll children whose documents are not checked (keeping what was typed and ticked), checks the
 * documents, issues the enrollment order, and sees the result on the list and on the application's
 * page. Another school's applications are out of reach.
 */
const SCHOOL_OFFICER = "school112@demo.gosuslugi58.ru";
const DEMO_PASSWORD = "penza-demo-2026";
const YEAR = 2027;

/*
 * Stage 1 of 2027 opens at an instant that is data. If it is still far off, it is moved a few
 * seconds ahead, as tests/e2e/enrollment.spec.ts does — only if no other test moved it meanwhile, so
 * that test's own "not open yet" moment is left alone.
 */
async function openStageOne() {
  const campaign = await portalDb.enrollmentCampaign.findUniqueOrThrow({ where: { year: YEAR } });
  if (campaign.stage1OpensAt.getTime() > Date.now() + 60_000) {
    await portalDb.enrollmentCampaign.updateMany({
      where: { year: YEAR, stage1OpensAt: campaign.stage1OpensAt },
      data: { stage1OpensAt: new Date(Date.now() + 2_000) },
    });
  }
}

/** A first-grade application of a new parent, sent through the real submission once stage 1 is open. */
async function submitted(school: string, house = "5") {
  const resident = await createResident("first-grade-order");
  const child = await addFirstGrader(portalDb, resident.userId, { lastName: "Приказов", firstName: "Лев" });
  const draftId = await saveFirstGradeDraft(portalDb, resident.userId, { child, school, house });
  // Another test may have just set the opening a few seconds ahead: wait for it.
  for (let attempt = 0; attempt < 60; attempt++) {
    const result = await submitApplication(portalDb, { applicantId: resident.userId, draftId, ip: "127.0.0.1" });
    if (result.ok) return { id: draftId, number: result.number };
    if (result.error !== "enrollment-closed") throw new Error(`submission refused: ${JSON.stringify(result)}`);
    await sleep(500);
  }
  throw new Error("stage 1 did not open");
}

test("a school officer checks documents and enrolls the ticked children by one order", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  await openStageOne();
  const first = await submitted("112");
  const second = await submitted("112");
  const orderNumber = `${randomInt(100, 99_999)}-${javaScriptEnabled ? "у" : "о"}`;
  const today = regionDate().split("-").reverse().join(".");

  await signIn(page, SCHOOL_OFFICER, javaScriptEnabled, DEMO_PASSWORD);
  await visit(`/office/enrollment?school=112&year=${YEAR}`);
  const places = page.getByTestId("places");
  await expect(places).toContainText("Мест в 1 классе: 180");
  const enrolledBefore = Number(/зачислено: (\d+)/.exec(await places.innerText())?.[1]);
  const row = (number: string) => page.getByTestId("ranked-list").getByRole("row").filter({ hasText: number });
  await expect(row(first.number).getByTestId("documents")).toHaveText("не проверены");
  await checkA11y();

  // An order before the documents are checked is refused, naming the application; nothing typed is lost.
  await page.getByLabel(`Выбрать заявление ${first.number}`).check();
  await page.getByLabel("Номер приказа").fill(orderNumber);
  await page.getByRole("button", { name: "Издать приказ о зачислении" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Исправьте ошибки" });
  await expect(summary).toContainText(`${first.number}: документы ещё не проверены`);
  await expect(page.getByLabel("Номер приказа")).toHaveValue(orderNumber);
  await expect(page.getByLabel(`Выбрать заявление ${first.number}`)).toBeChecked();
  expect(await portalDb.enrollmentOrder.count({ where: { schoolCode: "112", number: orderNumber } })).toBe(0);

  // Documents checked for both: taken into review.
  await page.getByLabel(`Выбрать заявление ${second.number}`).check();
  await page.getByRole("button", { name: "Документы проверены" }).click();
  await expect(page.getByRole("status")).toContainText("заявления приняты к рассмотрению: 2");
  await expect(row(first.number).getByTestId("documents")).toHaveText(`проверены ${today}`);
  await expect(row(second.number).getByTestId("status")).toHaveText("Заявление принято к рассмотрению");

  // The order over both, dated today by default.
  await page.getByLabel(`Выбрать заявление ${first.number}`).check();
  await page.getByLabel(`Выбрать заявление ${second.number}`).check();
  await page.getByLabel("Номер приказа").fill(orderNumber);
  await expect(page.getByLabel("Дата приказа")).toHaveValue(regionDate());
  await page.getByRole("button", { name: "Издать приказ о зачислении" }).click();
  await expect(page.getByRole("status")).toHaveText(`Приказ № ${orderNumber} от ${today} издан: зачислено детей — 2.`);
  for (const application of [first, second]) {
    await expect(row(application.number).getByTestId("enrolled-by")).toHaveText(
      `зачислен(а) приказом № ${orderNumber} от ${today}`,
    );
    await expect(row(application.number).getByTestId("status")).toHaveText("Услуга оказана");
    await expect(page.getByLabel(`Выбрать заявление ${application.number}`)).toHaveCount(0);
  }
  // Free places went down (the other browser project may enroll children of this school meanwhile).
  const enrolledAfter = Number(/зачислено: (\d+)/.exec(await places.innerText())?.[1]);
  expect(enrolledAfter).toBeGreaterThanOrEqual(enrolledBefore + 2);
  await checkA11y();
  const order = await portalDb.enrollmentOrder.findFirstOrThrow({
    where: { schoolCode: "112", campaignYear: YEAR, number: orderNumber },
    include: { requests: { select: { applicationId: true } } },
  });
  expect(order.requests.map((r) => r.applicationId).sort()).toEqual([first.id, second.id].sort());

  // The application's office page says so, in the department's words to the parent.
  await visit(`/office/applications/${first.number}`);
  await expect(page.getByTestId("status")).toHaveText("Услуга оказана");
  await expect(page.getByTestId("messages")).toContainText(
    `Зачислен(а) в 1 класс приказом № ${orderNumber} от ${today}`,
  );
});

test("a school officer's post of another school's applications is not found, and nothing changes", async ({
  playwright,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "HTTP checks run once");
  test.setTimeout(60_000);
  await openStageOne();
  // ул. Московская, 11 is assigned to schools No. 112 and No. 115: this one is on No. 115's list.
  const elsewhere = await submitted("115", "11");
  const context = await playwright.request.newContext({
    baseURL: PORTAL_URL,
    extraHTTPHeaders: { Origin: PORTAL_URL },
  });
  const signedIn = await context.post("/login", {
    form: { email: SCHOOL_OFFICER, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  for (const school of ["115", "112"]) {
    for (const intent of ["checkDocuments", "issueOrder"]) {
      const response = await context.post("/office/enrollment", {
        form: {
          intent,
          school,
          year: String(YEAR),
          applicationId: elsewhere.id,
          orderNumber: "1-у",
          orderDate: regionDate(),
        },
        maxRedirects: 0,
      });
      expect(response.status(), `${intent} on the list of ${school}`).toBe(404);
    }
  }
  // The notice's query is read defensively: an order id no database holds, a count no page shows.
  const odd = await context.get(`/office/enrollment?school=112&year=${YEAR}&order=99999999999&checked=1e400`);
  expect(odd.status()).toBe(200);
  await context.dispose();
  const application = await portalDb.application.findUniqueOrThrow({
    where: { id: elsewhere.id },
    include: { enrollment: true },
  });
  expect(application.status).toBe("sent");
  expect(application.enrollment).toMatchObject({ documentsCheckedAt: null, orderId: null });
});

test("a first-grade application is not completed without an order: no button, and a forged one changes nothing", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(60_000);
  await openStageOne();
  const child = await submitted("112");
  const { actor, scope } = await demoStaff(portalDb, SCHOOL_OFFICER);
  const checked = await checkEnrollmentDocuments(portalDb, {
    schoolCode: "112",
    campaignYear: YEAR,
    applicationIds: [child.id],
    actor,
    scope,
  });
  expect(checked.ok).toBe(true);

  await signIn(page, SCHOOL_OFFICER, javaScriptEnabled, DEMO_PASSWORD);
  await visit(`/office/applications/${child.number}`);
  await expect(page.getByTestId("status")).toHaveText("Заявление принято к рассмотрению");
  const actions = page.getByRole("region", { name: "Действия" });
  await expect(actions.getByRole("button", { name: "Услуга оказана", exact: true })).toHaveCount(0);
  await expect(actions.getByTestId("enroll-by-order")).toContainText("приказом о зачислении");
  await checkA11y();

  // The plain "complete" posted anyway (an old page, a crafted request) is refused and said why.
  const before = await portalDb.application.findUniqueOrThrow({ where: { id: child.id } });
  const forged = await page.request.post(`/office/applications/${child.number}`, {
    form: { intent: "complete", version: String(before.version), reason: "Зачислен" },
    headers: { Origin: PORTAL_URL },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(409);
  expect(await forged.text()).toContain("ребёнок зачисляется только приказом о зачислении");
  const after = await portalDb.application.findUniqueOrThrow({
    where: { id: child.id },
    include: { enrollment: true },
  });
  expect([after.status, after.version, after.enrollment?.orderId]).toEqual(["inReview", before.version, null]);

  await actions.getByTestId("enroll-by-order").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/office/enrollment\\?school=112&year=${YEAR}$`));
});
