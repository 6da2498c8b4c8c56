import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePortSync } from "../../tests/support/free-port";
import {
  acquirerClient,
  type AcquirerClient,
  type AcquirerCreatedPayment,
  type AcquirerNotification,
  type CreatePaymentInput,
} from "../domain/payments/acquirer-client.server";
import { startAcquirer, type RunningAcquirer } from "./start-acquirer";

/*
 * The demo acquirer as the portal meets it: its own process (startAcquirer), real HTTP to its API and its
 * payment page (the HTML form posted as a browser without JavaScript posts it), and a real HTTP receiver
 * for its notifications, checked with the portal's own client. The control switches shorten every delay.
 */
const API_KEY = "test-acquirer-api-key";
const SECRET = "test-acquirer-notification-secret";
const port = freePortSync();
const receiverPort = freePortSync();
const publicUrl = `http://127.0.0.1:${port}`;
const receiverUrl = `http://127.0.0.1:${receiverPort}`;
const returnUrl = "http://localhost:3999/cabinet/payments/p-1?from=acquirer";

let acquirer: RunningAcquirer;
let client: AcquirerClient;
let receiver: Server;

type Received = { at: number; raw: string; signature: string | undefined; body: AcquirerNotification };
const received: Received[] = [];
/** The receiver answers 500 this many times before it accepts notifications again. */
let failuresToAnswer = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST") {
        // Stands in for an acquirer answering something that is not the protocol.
        res.writeHead(200, { "Content-Type": "text/html" }).end("<h1>hello</h1>");
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = req.headers["x-acquirer-signature"];
      received.push({ at: Date.now(), raw, signature: signature as string | undefined, body: JSON.parse(raw) });
      if (failuresToAnswer > 0) {
        failuresToAnswer -= 1;
        res.writeHead(500).end();
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(receiverPort, "127.0.0.1", resolve));
  acquirer = await startAcquirer({ port, apiKey: API_KEY, notificationSecret: SECRET, publicUrl });
  client = acquirerClient({ url: acquirer.url, apiKey: API_KEY, notificationSecret: SECRET });
});

afterAll(async () => {
  await acquirer?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(async () => {
  failuresToAnswer = 0;
  await control("reset");
  await control("behaviour", { retryDelaysMs: [50, 100, 200], notifyDelayMs: 400, timeoutOutcomeMs: 300 });
});

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${acquirer.url}/__control/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, `control ${path}`).toBeLessThan(300);
  return (await response.json()) as unknown;
}

function paymentInput(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  return {
    amount: 123456,
    description: "ЖКУ за ноябрь 2026, ЕЛС 58АБ123456",
    returnUrl,
    notificationUrl: `${receiverUrl}/api/payments/notifications`,
    metadata: { paymentId: randomUUID() },
    receipt: {
      email: "payer@example.ru",
      items: [
        { description: "Отопление", amount: 100000, vat: "none" },
        { description: "Холодная вода", amount: 23456, vat: "none" },
      ],
    },
    ...overrides,
  };
}

async function newPayment(overrides: Partial<CreatePaymentInput> = {}) {
  const created = await client.createPayment(paymentInput(overrides), randomUUID());
  if (!created.ok) throw new Error(`create failed: ${created.reason} ${created.status}`);
  return created.payment;
}

function postJson(body: string, headers: Record<string, string>) {
  return fetch(`${acquirer.url}/v1/payments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

/** Posts the card form as a browser without JavaScript does: urlencoded, to the page's own address. */
function postForm(url: string, fields: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

function payWithCard(confirmationUrl: string, card: string) {
  return postForm(confirmationUrl, { card, expiry: "12/39", cvc: "123" });
}

async function status(id: string) {
  const answer = await client.getPayment(id);
  if (!answer.ok) throw new Error(`status failed: ${answer.reason}`);
  return answer.payment;
}

function notificationsOf(id: string) {
  return received.filter((notification) => notification.body.payment.id === id);
}

/** The payment's notifications once at least `count` have arrived. */
function notificationsArrived(id: string, count: number, what: string): Promise<Received[]> {
  return until(what, () => (notificationsOf(id).length >= count ? notificationsOf(id) : undefined));
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The page's text with its no-break spaces as plain ones, for reading. */
async function pageText(response: Response) {
  return (await response.text()).replace(/\u00a0/g, " ");
}

describe("the merchant API", () => {
  it("creates a payment, answers the same key and body with the same payment, and refuses the key with another body", async () => {
    const key = randomUUID();
    const body = JSON.stringify(paymentInput());
    const auth = { Authorization: `Bearer ${API_KEY}`, "Idempotency-Key": key };

    const first = await postJson(body, auth);
    expect(first.status).toBe(201);
    const created = (await first.json()) as AcquirerCreatedPayment;
    expect(created).toMatchObject({ status: "pending", amount: 123456 });
    expect(created.confirmationUrl).toBe(`${publicUrl}/pay/${created.id}`);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(15 * 60_000);

    // The same body with other spacing and key order is the same request.
    const replay = await postJson(JSON.stringify(JSON.parse(body), null, 2), auth);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(created);

    const other = await postJson(JSON.stringify(paymentInput({ description: "Другое" })), auth);
    expect(other.status).toBe(409);

    // The client sees a replay as success and the conflict as rejected.
    const again = await client.createPayment(JSON.parse(body) as CreatePaymentInput, key);
    expect(again).toMatchObject({ ok: true, payment: { id: created.id } });
    expect(await client.createPayment(paymentInput({ amount: 1, receipt: oneItem(1) }), key)).toEqual({
      ok: false,
      reason: "rejected",
      status: 409,
    });
  });

  it("answers 401 without the API key or with a wrong one", async () => {
    const body = JSON.stringify(paymentInput());
    expect((await postJson(body, { "Idempotency-Key": randomUUID() })).status).toBe(401);
    expect((await postJson(body, { Authorization: "Bearer wrong", "Idempotency-Key": randomUUID() })).status).toBe(401);
    const payment = await newPayment();
    expect((await fetch(`${acquirer.url}/v1/payments/${payment.id}`)).status).toBe(401);
    const stranger = acquirerClient({ url: acquirer.url, apiKey: "not-the-key", notificationSecret: SECRET });
    expect(await stranger.getPayment(payment.id)).toEqual({ ok: false, reason: "rejected", status: 401 });
  });

  it("answers 400 without an Idempotency-Key or with a body that is not JSON, 422 naming what is wrong", async () => {
    const auth = { Authorization: `Bearer ${API_KEY}` };
    expect((await postJson(JSON.stringify(paymentInput()), auth)).status).toBe(400);
    expect((await postJson("{ amount: 1", { ...auth, "Idempotency-Key": randomUUID() })).status).toBe(400);

    const invalid = await postJson(
      JSON.stringify({
        ...paymentInput(),
        amount: 0,
        returnUrl: "javascript:alert(1)",
        notificationUrl: "ftp://example.ru/notify",
      }),
      { ...auth, "Idempotency-Key": randomUUID() },
    );
    expect(invalid.status).toBe(422);
    const paths = ((await invalid.json()).issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["amount", "returnUrl", "notificationUrl"]));

    const fractional = await postJson(JSON.stringify({ ...paymentInput(), amount: 10.5 }), {
      ...auth,
      "Idempotency-Key": randomUUID(),
    });
    expect(fractional.status).toBe(422);

    // The receipt's items must add up to the amount: the fiscal receipt is the payment.
    const unbalanced = await postJson(JSON.stringify({ ...paymentInput(), amount: 123457 }), {
      ...auth,
      "Idempotency-Key": randomUUID(),
    });
    expect(unbalanced.status).toBe(422);
    expect((await unbalanced.json()).issues).toEqual([expect.objectContaining({ path: "receipt.items" })]);
  });

  it("answers 404 for a payment it never made", async () => {
    expect(await client.getPayment("pay_nobody")).toEqual({ ok: false, reason: "rejected", status: 404 });
  });
});

describe("the payment page", () => {
  it("is an accessible Russian page with the description, the amount, labelled fields and the test cards", async () => {
    const payment = await newPayment();
    const response = await fetch(payment.confirmationUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("form-action 'self' http://localhost:3999");
    const html = await pageText(response);
    expect(html).toContain('<html lang="ru">');
    expect(html).toMatch(
      /<h1>ЖКУ за ноябрь 2026, ЕЛС 58АБ123456 <span class="amount">К оплате: 1 234,56 ₽<\/span><\/h1>/,
    );
    expect(html).toMatch(/<form method="post" novalidate>/);
    expect(html).not.toContain("<script");
    for (const [id, label] of [
      ["card", "Номер карты"],
      ["expiry", "Срок действия"],
      ["cvc", "CVC"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toContain(`id="${id}" name="${id}"`);
    }
    for (const card of ["4111 1111 1111 1111", "4000 0000 0000 0002", "4000 0000 0000 3220", "4000 0000 0000 0119"]) {
      expect(html).toContain(card);
    }
    expect(html).toContain(`<a href="${returnUrl.replace("&", "&amp;")}">Отменить и вернуться на портал</a>`);
  });

  it("takes the success card and sends the payer back to returnUrl unchanged", async () => {
    const payment = await newPayment();
    const response = await payWithCard(payment.confirmationUrl, "4111 1111 1111 1111");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(returnUrl);
    expect(await status(payment.id)).toMatchObject({ status: "succeeded", paidAt: expect.any(String) });
  });

  it("declines the insufficient-funds card", async () => {
    const payment = await newPayment();
    const response = await payWithCard(payment.confirmationUrl, "4000000000000002");
    expect(response.headers.get("location")).toBe(returnUrl);
    const declined = await status(payment.id);
    expect(declined).toMatchObject({ status: "declined", declineReason: "insufficient-funds" });
    expect(declined.receipt).toBeUndefined();
  });

  it("asks the 3-D Secure code: 123456 succeeds, another code declines", async () => {
    for (const [code, outcome] of [
      ["123456", "succeeded"],
      ["654321", "declined"],
    ] as const) {
      const payment = await newPayment();
      const card = await payWithCard(payment.confirmationUrl, "4000 0000 0000 3220");
      expect(card.status).toBe(303);
      const codePage = `${payment.confirmationUrl}/3ds`;
      expect(card.headers.get("location")).toBe(codePage);
      expect(await status(payment.id)).toMatchObject({ status: "pending" });
      // The card form now leads to the code step.
      expect((await fetch(payment.confirmationUrl, { redirect: "manual" })).headers.get("location")).toBe(codePage);

      const page = await fetch(codePage);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<label for="code">Код из SMS</label>');
      const empty = await postForm(codePage, { code: "" });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('role="alert"');

      const confirmed = await postForm(codePage, { code });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get("location")).toBe(returnUrl);
      expect(await status(payment.id)).toMatchObject({ status: outcome });
    }
  });

  it("returns the payer at once when the bank does not answer, and succeeds the payment later", async () => {
    const payment = await newPayment();
    const response = await payWithCard(payment.confirmationUrl, "4000 0000 0000 0119");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(returnUrl);
    expect(await status(payment.id)).toMatchObject({ status: "pending" });
    const page = await pageText(await fetch(payment.confirmationUrl));
    expect(page).toContain("Банк обрабатывает платёж");

    await until("the late success", async () => (await status(payment.id)).status === "succeeded");
    const events = await notificationsArrived(payment.id, 2, "both notifications");
    expect(events.map((event) => event.body.event)).toEqual(["payment.pending", "payment.succeeded"]);
  });

  it("re-shows the form with an error per field and a summary when the card is wrong", async () => {
    const payment = await newPayment();
    const response = await postForm(payment.confirmationUrl, {
      card: "4111 1111 1111 1112",
      expiry: "13/30",
      cvc: "12",
    });
    expect(response.status).toBe(400);
    const html = await pageText(response);
    expect(html).toContain("<title>Ошибка: Оплата 1 234,56 ₽ — демо-эквайер</title>");
    expect(html).toMatch(/<div class="error-summary" role="alert"[^>]*>.*В номере карты ошибка: проверьте цифры/);
    expect(html).toContain('<a href="#card">В номере карты ошибка: проверьте цифры</a>');
    expect(html).toContain("Введите срок действия в формате ММ/ГГ");
    expect(html).toContain("CVC — три цифры");
    expect(html).toMatch(
      /id="card" name="card"[^>]*aria-describedby="card-hint card-error" aria-invalid="true" value="4111 1111 1111 1112"/,
    );
    // The CVC is never written back into the page.
    expect(html).toMatch(/id="cvc" name="cvc"[^>]*value=""/);

    const unknown = await postForm(payment.confirmationUrl, {
      card: "5555 5555 5555 4444",
      expiry: "12/39",
      cvc: "123",
    });
    expect(await unknown.text()).toContain("только тестовой картой");
    const expired = await postForm(payment.confirmationUrl, { card: "4111111111111111", expiry: "01/20", cvc: "123" });
    expect(await expired.text()).toContain("Срок действия карты истёк");
    expect(await status(payment.id)).toMatchObject({ status: "pending" });
  });

  it("shows a paid payment as final with a link back, and refuses to take a card for it again", async () => {
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    const page = await fetch(payment.confirmationUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Платёж выполнен</h1>");
    expect(html).toContain("Вернуться на портал");
    const again = await payWithCard(payment.confirmationUrl, "4111111111111111");
    expect(again.status).toBe(409);
    expect((await fetch(`${publicUrl}/pay/pay_nobody`)).status).toBe(404);
  });

  it("lets a test pay through the control API as the page would", async () => {
    const payment = await newPayment();
    const paid = await control(`payments/${payment.id}/pay`, { card: "4000000000003220", code: "123456" });
    expect(paid).toMatchObject({ next: "returned", payment: { status: "succeeded" } });
  });
});

describe("notifications", () => {
  it("are signed over the raw body; the client's check accepts them and refuses any change", async () => {
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    const [notification] = await notificationsArrived(payment.id, 1, "the notification");
    expect(notification!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);

    const check = client.verifyNotification(notification!.raw, notification!.signature);
    expect(check).toMatchObject({
      ok: true,
      notification: { event: "payment.succeeded", payment: { id: payment.id, status: "succeeded" } },
    });
    // The notification's payment is what GET answers.
    if (check.ok) expect(check.notification.payment).toEqual(await status(payment.id));
    expect(client.verifyNotification(Buffer.from(notification!.raw), notification!.signature).ok).toBe(true);

    const forged = notification!.raw.replace('"succeeded"', '"declined"');
    expect(client.verifyNotification(forged, notification!.signature)).toEqual({ ok: false, reason: "bad-signature" });
    expect(client.verifyNotification(notification!.raw, undefined)).toEqual({ ok: false, reason: "bad-signature" });
    expect(client.verifyNotification(notification!.raw, "sha256=zz")).toEqual({ ok: false, reason: "bad-signature" });
    const otherSecret = acquirerClient({
      url: acquirer.url,
      apiKey: API_KEY,
      notificationSecret: "someone-else-entirely",
    });
    expect(otherSecret.verifyNotification(notification!.raw, notification!.signature).ok).toBe(false);
  });

  it("are retried until the receiver answers 2xx", async () => {
    failuresToAnswer = 2;
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4000000000000002");
    await until("the third attempt", () => notificationsOf(payment.id).length === 3);
    const log = await (await fetch(`${acquirer.url}/__control/notifications?paymentId=${payment.id}`)).json();
    expect(log.notifications).toMatchObject([
      { event: "payment.declined", state: "delivered", attempts: [{ status: 500 }, { status: 500 }, { status: 204 }] },
    ]);
  });

  it("can arrive twice", async () => {
    await control("behaviour", { notify: "twice", notifyTimes: 1 });
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    const both = await notificationsArrived(payment.id, 2, "two copies");
    expect(both[0]!.raw).toBe(both[1]!.raw);
    expect(both.every((copy) => client.verifyNotification(copy.raw, copy.signature).ok)).toBe(true);
  });

  it("can arrive late", async () => {
    await control("behaviour", { notify: "late" });
    const payment = await newPayment();
    const paidAt = Date.now();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    await sleep(200);
    expect(notificationsOf(payment.id)).toEqual([]);
    const [late] = await notificationsArrived(payment.id, 1, "the late notification");
    expect(late!.at - paidAt).toBeGreaterThanOrEqual(400);
  });

  it("can arrive out of order: a stale pending one after the final one", async () => {
    await control("behaviour", { notify: "out-of-order" });
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    const both = await notificationsArrived(payment.id, 2, "both notifications");
    expect(both.map((copy) => [copy.body.event, copy.body.payment.status])).toEqual([
      ["payment.succeeded", "succeeded"],
      ["payment.pending", "pending"],
    ]);
    expect(both[1]!.body.payment.receipt).toBeUndefined();
    expect(client.verifyNotification(both[1]!.raw, both[1]!.signature).ok).toBe(true);
  });

  it("can be left out, which the control log records", async () => {
    await control("behaviour", { notify: "none", notifyTimes: 1 });
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    await sleep(300);
    expect(notificationsOf(payment.id)).toEqual([]);
    const log = await (await fetch(`${acquirer.url}/__control/notifications?paymentId=${payment.id}`)).json();
    expect(log.notifications).toMatchObject([{ event: "payment.succeeded", state: "suppressed", attempts: [] }]);

    // notifyTimes: 1 — the next change is notified again.
    const next = await newPayment();
    await payWithCard(next.confirmationUrl, "4111111111111111");
    await until("the next notification", () => notificationsOf(next.id).length === 1);
  });
});

describe("status answers, as the portal's client sees them", () => {
  it("pending: a paid payment is said to be pending, for the next N requests only", async () => {
    const payment = await newPayment();
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    await control("behaviour", { statusAnswer: "pending", statusTimes: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await client.getPayment(payment.id);
      expect(answer).toMatchObject({ ok: true, payment: { status: "pending" } });
      if (answer.ok) expect(answer.payment.receipt).toBeUndefined();
    }
    expect(await status(payment.id)).toMatchObject({ status: "succeeded" });
  });

  it("error500 is a server error", async () => {
    const payment = await newPayment();
    await control("behaviour", { statusAnswer: "error500" });
    expect(await client.getPayment(payment.id)).toEqual({ ok: false, reason: "server-error", status: 500 });
  });

  it("hang is a timeout", async () => {
    const payment = await newPayment();
    await control("behaviour", { statusAnswer: "hang", statusTimes: 1 });
    const impatient = acquirerClient({
      url: acquirer.url,
      apiKey: API_KEY,
      notificationSecret: SECRET,
      timeoutMs: 300,
    });
    const started = Date.now();
    expect(await impatient.getPayment(payment.id)).toEqual({ ok: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await status(payment.id)).toMatchObject({ status: "pending" });
  });

  it("no acquirer is unreachable; an answer that is not the protocol's is a server error", async () => {
    const nobody = acquirerClient({
      url: `http://127.0.0.1:${freePortSync()}`,
      apiKey: API_KEY,
      notificationSecret: SECRET,
    });
    expect(await nobody.getPayment("pay_x")).toEqual({ ok: false, reason: "unreachable" });
    expect(await nobody.createPayment(paymentInput(), randomUUID())).toEqual({ ok: false, reason: "unreachable" });
    // The notification receiver answers its GETs with an HTML page.
    const garbled = acquirerClient({ url: receiverUrl, apiKey: API_KEY, notificationSecret: SECRET });
    expect(await garbled.getPayment("pay_x")).toEqual({ ok: false, reason: "server-error", status: 200 });
  });
});

describe("expiry", () => {
  it("expires a payment nobody finishes and notifies payment.expired without being asked", async () => {
    await control("behaviour", { expiresInMs: 300 });
    const payment = await newPayment();
    expect(Date.parse(payment.expiresAt) - Date.parse(payment.createdAt)).toBe(300);
    const [expired] = await notificationsArrived(payment.id, 1, "payment.expired");
    expect(expired!.body).toMatchObject({ event: "payment.expired", payment: { status: "expired" } });
    expect(await status(payment.id)).toMatchObject({ status: "expired" });

    const page = await fetch(payment.confirmationUrl);
    const html = await page.text();
    expect(html).toContain("<h1>Время на оплату истекло</h1>");
    expect(html).toContain(`href="${returnUrl.replace("&", "&amp;")}"`);
    expect((await payWithCard(payment.confirmationUrl, "4111111111111111")).status).toBe(409);
  });

  it("expires a payment on the control switch, and not a final one", async () => {
    const payment = await newPayment();
    expect(await control(`payments/${payment.id}/expire`)).toMatchObject({ payment: { status: "expired" } });
    await until("payment.expired", () => notificationsOf(payment.id).length === 1);
    const again = await fetch(`${acquirer.url}/__control/payments/${payment.id}/expire`, { method: "POST" });
    expect(again.status).toBe(409);
  });
});

describe("the fiscal receipt (54-ФЗ)", () => {
  it("has ФН, a rising ФД, a 10-digit ФП, the time, the amount and VAT per item", async () => {
    const receipts = [];
    for (const amount of [50000, 70000]) {
      const payment = await newPayment({ amount, receipt: oneItem(amount) });
      await payWithCard(payment.confirmationUrl, "4111111111111111");
      const paid = await status(payment.id);
      expect(paid.receipt).toBeDefined();
      receipts.push({ ...paid.receipt!, paidAt: paid.paidAt });
    }
    const [first, second] = receipts;
    expect(first!.fn).toMatch(/^\d{16}$/);
    expect(second!.fn).toBe(first!.fn);
    expect(second!.fd).toBeGreaterThan(first!.fd);
    expect(first!.fp).toMatch(/^\d{10}$/);
    expect(second!.fp).not.toBe(first!.fp);
    expect(first!.fiscalAt).toBe(first!.paidAt);
    expect(first).toMatchObject({
      amount: 50000,
      items: [{ description: "Содержание жилья", amount: 50000, vat: "none" }],
      vat: [{ vat: "none", amount: 50000, tax: 0 }],
    });
  });

  it("sums the tax per rate for items with VAT", async () => {
    const payment = await newPayment({
      amount: 22200,
      receipt: {
        email: "payer@example.ru",
        items: [
          { description: "Вывоз ТКО", amount: 10000, vat: "none" },
          { description: "Домофон", amount: 12200, vat: "vat22" },
        ],
      },
    });
    await payWithCard(payment.confirmationUrl, "4111111111111111");
    expect((await status(payment.id)).receipt?.vat).toEqual([
      { vat: "none", amount: 10000, tax: 0 },
      { vat: "vat22", amount: 12200, tax: 2200 },
    ]);
  });
});

function oneItem(amount: number): CreatePaymentInput["receipt"] {
  return { email: "payer@example.ru", items: [{ description: "Содержание жилья", amount, vat: "none" }] };
}
