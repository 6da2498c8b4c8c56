import { expect, test } from "./fixtures";
import { CHILD, enrolledApplication, refusedApplication } from "./enrollment-results-fixture";
import { portalDb } from "./portal-db";
import { signIn } from "./sign-in";
import { PORTAL_URL } from "./ports";

/*
 * The parent's and the public's side of first-grade results (docs/enrollment.md, "Results, public
 * orders and open data"): the parent sees "enrolled by order № … of …"; the school's public page and
 * open data list the order with the registration number and never a name; a parent refused for lack
 * of places sees the offer and applies to an offered school in one step, landing on the review page
 * with the answers carried over.
 */

/** Village schools of Наровчатский district: No. 145 is given no places, so its applications are refused. */
const ENROLLING_SCHOOL = "147";
const FULL_SCHOOL = "145";
const OFFERED = { code: "143", name: "МБОУ СОШ с. Наровчат (демо)" };

test("an enrolled child's parent sees the order, and the school's public list shows its number, no name", async ({
  page,
  request,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const enrolled = await enrolledApplication(ENROLLING_SCHOOL);
  await signIn(page, enrolled.resident.email, javaScriptEnabled);
  await visit(`/cabinet/applications/${enrolled.number}`);
  const result = page.getByTestId("enrollment-result");
  await expect(result).toContainText(
    `Ребёнок зачислен в 1 класс школы № ${ENROLLING_SCHOOL} приказом № ${enrolled.orderNumber} от 15.07.2027`,
  );
  // Decided: the place on the list is no longer shown.
  await expect(page.getByTestId("enrollment-standing")).toHaveCount(0);
  await checkA11y();

  await result.getByRole("link", { name: `Приказы о зачислении школы № ${ENROLLING_SCHOOL}` }).click();
  await expect(page).toHaveURL(new RegExp(`/schools/${ENROLLING_SCHOOL}\\?year=2027#orders$`));
  const orders = page.getByTestId("school-orders");
  const order = orders.getByRole("listitem").filter({ hasText: `Приказ № ${enrolled.orderNumber} от 15.07.2027` });
  await expect(order).toContainText(enrolled.number);
  await expect(orders).toContainText("Имена детей и родителей никогда не публикуются");
  // What the public gets (the page as anyone loads it, not the parent's browser history) names nobody.
  const publicPage = await request.get(`/schools/${ENROLLING_SCHOOL}?year=2027`);
  const html = await publicPage.text();
  expect(html).toContain(enrolled.number);
  for (const name of [CHILD.firstName, `${CHILD.lastName} ${CHILD.firstName}`, "Тестова Ольга", enrolled.certificate]) {
    expect(html).not.toContain(name);
    await expect(page.getByRole("main")).not.toContainText(name);
  }
  await checkA11y();

  // Open data, from the page's links: the same number and still no name.
  const json = await request.get(`/api/schools/${ENROLLING_SCHOOL}/orders?year=2027`);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-type"]).toContain("application/json");
  expect(json.headers()["x-content-type-options"]).toBe("nosniff");
  const body = (await json.json()) as { orders: { number: string; date: string; registrationNumbers: string[] }[] };
  const mine = body.orders.find((o) => o.number === enrolled.orderNumber)!;
  expect(mine).toEqual({ number: enrolled.orderNumber, date: "2027-07-15", registrationNumbers: [enrolled.number] });
  const csv = await request.get(`/api/schools/${ENROLLING_SCHOOL}/orders.csv?year=2027`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("order_number;order_date;registration_number");
  expect(text).toContain(`${enrolled.orderNumber};2027-07-15;${enrolled.number}\r\n`);
  expect(text).not.toContain(CHILD.firstName);
  expect((await request.get(`/api/schools/${ENROLLING_SCHOOL}/orders?year=20x7`)).status()).toBe(400);
  expect((await request.get(`/api/schools/9999/orders.csv?year=2027`)).status()).toBe(404);
});

test("a parent refused for lack of places sees the offer and applies to an offered school in one step", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const refused = await refusedApplication(FULL_SCHOOL);
  expect(refused.offer[0]).toBe(OFFERED.code);
  await signIn(page, refused.resident.email, javaScriptEnabled);
  const here = `/cabinet/applications/${refused.number}`;
  await visit(here);
  const result = page.getByTestId("enrollment-result");
  await expect(result).toContainText(`Отказано: в школе № ${FULL_SCHOOL} нет свободных мест`);
  const offered = result.getByRole("listitem").filter({ hasText: OFFERED.name });
  await expect(offered).toContainText("50 свободных мест");
  await checkA11y();

  await offered.getByRole("button", { name: "Подать заявление в эту школу" }).click();
  await expect(page).toHaveURL(/\/services\/first-grade-enrollment\/apply\/[^/]+\/review$/);
  const review = page.url();
  // The answers carried over: the same child and certificate, the offered school.
  const main = page.getByRole("main");
  await expect(main).toContainText(OFFERED.name);
  await expect(main).toContainText(`${CHILD.lastName} ${CHILD.firstName}`);
  await expect(main).toContainText(refused.certificate);
  await checkA11y();

  // Pressing again (a second device, the back button) leads to the same draft, not a second one.
  await visit(here);
  await page
    .getByTestId("enrollment-result")
    .getByRole("listitem")
    .filter({ hasText: OFFERED.name })
    .getByRole("button", { name: "Подать заявление в эту школу" })
    .click();
  await expect(page).toHaveURL(review);
  expect(await portalDb.application.count({ where: { applicantId: refused.resident.userId, status: "draft" } })).toBe(
    1,
  );

  // A school the offer does not name is refused with a message, not a new draft.
  const notOffered = await page.request.post(`${here}/apply-to/112`, { headers: { Origin: PORTAL_URL } });
  expect(notOffered.status()).toBe(409);
  expect(await notOffered.text()).toContain("Этой школы нет в предложении");
});

test("a refusal of the finished 2026 campaign shows its offer as history and takes no new application", async ({
  page,
  visit,
  checkA11y,
  javaScriptEnabled,
}) => {
  const refused = await refusedApplication(FULL_SCHOOL, 2026);
  expect(refused.offer).toContain(OFFERED.code);
  await signIn(page, refused.resident.email, javaScriptEnabled);
  const here = `/cabinet/applications/${refused.number}`;
  await visit(here);
  const result = page.getByTestId("enrollment-result");
  await expect(result).toContainText(`Отказано: в школе № ${FULL_SCHOOL} нет свободных мест`);
  await expect(result.getByTestId("offer-over")).toHaveText(/Приём в 1 класс на 2026 год завершён/);
  // What was offered, without the places of today and without a button to apply.
  const offered = result.getByRole("listitem").filter({ hasText: OFFERED.name });
  await expect(offered).toBeVisible();
  await expect(result).not.toContainText(/\d+ свободн/);
  await expect(result.getByRole("button")).toHaveCount(0);
  await expect(offered.getByRole("link", { name: "Страница школы" })).toHaveAttribute(
    "href",
    `/schools/${OFFERED.code}?year=2026`,
  );
  await checkA11y();

  // The old form posted anyway is refused and makes no draft (it would be for 2027).
  const drafts = () => portalDb.application.count({ where: { applicantId: refused.resident.userId, status: "draft" } });
  const before = await drafts();
  const forged = await page.request.post(`${here}/apply-to/${OFFERED.code}`, { headers: { Origin: PORTAL_URL } });
  expect(forged.status()).toBe(409);
  expect(await forged.text()).toContain("Приём в 1 класс на 2026 год завершён");
  expect(await drafts()).toBe(before);
});
