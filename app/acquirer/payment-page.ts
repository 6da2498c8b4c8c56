import type { IncomingMessage, ServerResponse } from "node:http";
import { TEST_CARDS, THREE_DS_CODE, type CardForm } from "./cards";
import { escapeHtml as h, readBody, redirect, sendHtml } from "./http";
import type { Payments } from "./payments";
import { paymentPageUrl, type PaymentRecord } from "./store";

/*
 * The payer's pages: the card form at /pay/<id>, the 3-D Secure code at /pay/<id>/3ds, and a page for a
 * payment that has nothing left to enter. Plain HTML forms without any script (docs/payments.md: "works
 * without JavaScript"); a wrong field re-shows the form with the error at the field and in a summary at the
 * top. Whatever the outcome, the payer is sent back to the payment's returnUrl unchanged.
 */
export type PageDeps = { payments: Payments; publicUrl: string };

type Errors = Partial<Record<keyof CardForm | "code", string>>;

export async function handlePaymentPage(deps: PageDeps, req: IncomingMessage, res: ServerResponse, path: string) {
  const match = /^\/pay\/([A-Za-z0-9_-]{1,64})(\/3ds)?$/.exec(path);
  const payment = match ? deps.payments.find(match[1]!) : undefined;
  if (!match || !payment) return sendHtml(res, 404, (nonce) => notFoundPage(nonce));
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
    res.writeHead(405, { Allow: "GET, POST" }).end();
    return;
  }
  const targets = [new URL(payment.request.returnUrl).origin];
  const cardPage = paymentPageUrl(deps.publicUrl, payment.id);
  const codePage = paymentPageUrl(deps.publicUrl, payment.id, "/3ds");
  const open = payment.status === "pending";

  if (!match[2]) {
    if (open && payment.stage === "3ds") return redirect(res, codePage);
    if (!open || payment.stage !== "card") {
      return sendHtml(res, req.method === "POST" ? 409 : 200, (nonce) => statePage(nonce, payment), targets);
    }
    if (req.method !== "POST") return sendHtml(res, 200, (nonce) => cardFormPage(nonce, payment), targets);
    const form = await readForm(req);
    const values = { card: form.get("card") ?? "", expiry: form.get("expiry") ?? "", cvc: form.get("cvc") ?? "" };
    const outcome = deps.payments.submitCard(payment, values);
    if (outcome.kind === "invalid") {
      return sendHtml(res, 400, (nonce) => cardFormPage(nonce, payment, values, outcome.errors), targets);
    }
    if (outcome.kind === "3ds") return redirect(res, codePage);
    if (outcome.kind === "not-payable") return sendHtml(res, 409, (nonce) => statePage(nonce, payment), targets);
    return redirect(res, payment.request.returnUrl);
  }

  if (!open || payment.stage !== "3ds") return redirect(res, cardPage);
  if (req.method !== "POST") return sendHtml(res, 200, (nonce) => codeFormPage(nonce, payment), targets);
  const outcome = deps.payments.submitCode(payment, (await readForm(req)).get("code") ?? "");
  if (outcome.kind === "invalid") {
    return sendHtml(res, 400, (nonce) => codeFormPage(nonce, payment, outcome.errors), targets);
  }
  redirect(res, outcome.kind === "returned" ? payment.request.returnUrl : cardPage);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(req);
  return new URLSearchParams(body.ok ? body.bytes.toString("utf8") : "");
}

/** Kopecks as the payer reads them: "1 234,56 ₽" (no-break spaces, so the sum never wraps). */
export function formatRoubles(kopecks: number): string {
  const roubles = String(Math.floor(kopecks / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${roubles},${String(kopecks % 100).padStart(2, "0")}\u00a0₽`;
}

const moscowTime = new Intl.DateTimeFormat("ru-RU", {
  timeZone: "Europe/Moscow",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

function atMoscowTime(date: Date): string {
  return `${moscowTime.format(date)} (МСК)`;
}

function cardFormPage(nonce: string, payment: PaymentRecord, values?: CardForm, errors: Errors = {}): string {
  const amount = formatRoubles(payment.request.amount);
  return layout(nonce, `${hasErrors(errors) ? "Ошибка: " : ""}Оплата ${amount}`, [
    heading(payment),
    errorSummary(errors),
    `<form method="post" novalidate>`,
    field({
      name: "card",
      label: "Номер карты",
      hint: "От 13 до 19 цифр с лицевой стороны карты",
      value: values?.card,
      error: errors.card,
      attributes: 'inputmode="numeric" autocomplete="cc-number" maxlength="23" spellcheck="false"',
      width: "wide",
    }),
    field({
      name: "expiry",
      label: "Срок действия",
      hint: "Месяц и год в формате ММ/ГГ, например 09/29",
      value: values?.expiry,
      error: errors.expiry,
      attributes: 'inputmode="numeric" autocomplete="cc-exp" maxlength="7" spellcheck="false"',
      width: "narrow",
    }),
    field({
      name: "cvc",
      label: "CVC",
      hint: "Три цифры с обратной стороны карты",
      error: errors.cvc,
      attributes: 'inputmode="numeric" autocomplete="cc-csc" maxlength="4" spellcheck="false"',
      width: "narrow",
    }),
    `<button type="submit">Оплатить ${amount}</button>`,
    `</form>`,
    cancelLink(payment),
    `<p>Страница оплаты действует до ${h(atMoscowTime(payment.expiresAt))}.</p>`,
    testCards(),
  ]);
}

function codeFormPage(nonce: string, payment: PaymentRecord, errors: Errors = {}): string {
  return layout(nonce, `${hasErrors(errors) ? "Ошибка: " : ""}Подтверждение платежа`, [
    `<h1>Подтверждение платежа <span class="amount">${formatRoubles(payment.request.amount)}</span></h1>`,
    errorSummary(errors),
    `<p>Банк отправил одноразовый код в SMS на телефон, привязанный к карте. Это демонстрация: верный код — <strong>${THREE_DS_CODE}</strong>, любой другой — отказ.</p>`,
    `<form method="post" novalidate>`,
    field({
      name: "code",
      label: "Код из SMS",
      hint: "Шесть цифр",
      error: errors.code,
      attributes: 'inputmode="numeric" autocomplete="one-time-code" maxlength="6" spellcheck="false"',
      width: "narrow",
    }),
    `<button type="submit">Подтвердить</button>`,
    `</form>`,
    cancelLink(payment),
  ]);
}

const STATE_TEXT = {
  succeeded: { title: "Платёж выполнен", text: "Деньги списаны, чек отправлен на почту." },
  declined: { title: "Платёж отклонён", text: "Деньги не списаны." },
  expired: {
    title: "Время на оплату истекло",
    text: "Платёж не выполнен, деньги не списаны. Вернитесь на портал и начните оплату заново.",
  },
  bank: {
    title: "Банк обрабатывает платёж",
    text: "Банк ещё не ответил. Портал покажет результат, когда ответ придёт; повторно платить не нужно.",
  },
} as const;

const DECLINE_TEXT = {
  "insufficient-funds": "Банк отклонил платёж: на карте недостаточно средств. Деньги не списаны.",
  "authentication-failed": "Платёж не подтверждён: неверный код 3-D Secure. Деньги не списаны.",
} as const;

function statePage(nonce: string, payment: PaymentRecord): string {
  const state = payment.status === "pending" ? STATE_TEXT.bank : STATE_TEXT[payment.status];
  const text =
    payment.status === "declined" && payment.declineReason ? DECLINE_TEXT[payment.declineReason] : state.text;
  return layout(nonce, state.title, [
    `<h1>${state.title}</h1>`,
    `<p>${h(payment.request.description)}: ${formatRoubles(payment.request.amount)}.</p>`,
    payment.paidAt ? `<p>Оплачено ${h(atMoscowTime(payment.paidAt))}.</p>` : "",
    `<p>${text}</p>`,
    `<p><a class="button" href="${h(payment.request.returnUrl)}">Вернуться на портал</a></p>`,
  ]);
}

function notFoundPage(nonce: string): string {
  return layout(nonce, "Платёж не найден", [
    `<h1>Платёж не найден</h1>`,
    `<p>Такого платежа нет. Вернитесь на портал и начните оплату оттуда.</p>`,
  ]);
}

function heading(payment: PaymentRecord): string {
  return `<h1>${h(payment.request.description)} <span class="amount">К оплате: ${formatRoubles(payment.request.amount)}</span></h1>`;
}

function cancelLink(payment: PaymentRecord): string {
  return `<p class="cancel"><a href="${h(payment.request.returnUrl)}">Отменить и вернуться на портал</a></p>`;
}

function hasErrors(errors: Errors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Announced at once (role="alert") and linking each message to its field. */
function errorSummary(errors: Errors): string {
  const entries = Object.entries(errors).filter(([, message]) => message);
  if (entries.length === 0) return "";
  const items = entries.map(([name, message]) => `<li><a href="#${name}">${h(message)}</a></li>`).join("");
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus><h2 id="error-summary-title">Проверьте данные</h2><ul>${items}</ul></div>`;
}

function field(options: {
  name: string;
  label: string;
  hint: string;
  value?: string;
  error?: string;
  attributes: string;
  width: "wide" | "narrow";
}): string {
  const { name, error } = options;
  const describedBy = error ? `${name}-hint ${name}-error` : `${name}-hint`;
  return [
    `<div class="field${error ? " field-error" : ""}">`,
    `<label for="${name}">${h(options.label)}</label>`,
    `<p class="hint" id="${name}-hint">${h(options.hint)}</p>`,
    error ? `<p class="error" id="${name}-error"><span class="visually-hidden">Ошибка: </span>${h(error)}</p>` : "",
    `<input class="${options.width}" id="${name}" name="${name}" type="text" ${options.attributes} aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ""} value="${h(options.value ?? "")}">`,
    `</div>`,
  ].join("");
}

function testCards(): string {
  const rows = TEST_CARDS.map(
    (card) =>
      `<tr><td class="card-number">${card.number.replace(/(\d{4})(?=\d)/g, "$1 ")}</td><td>${h(card.description)}</td></tr>`,
  ).join("");
  return [
    `<section aria-labelledby="test-cards-title" class="test-cards">`,
    `<h2 id="test-cards-title">Тестовые карты</h2>`,
    `<p>Срок действия — любой в будущем, CVC — любые три цифры.</p>`,
    `<table><thead><tr><th scope="col">Номер карты</th><th scope="col">Что произойдёт</th></tr></thead><tbody>${rows}</tbody></table>`,
    `</section>`,
  ].join("");
}

function layout(nonce: string, title: string, body: string[]): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${h(title)} — демо-эквайер</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<header><p><strong>Демо-эквайер.</strong> Учебная платёжная страница: настоящие деньги не списываются, карты — только тестовые.</p></header>
<main>
${body.filter(Boolean).join("\n")}
</main>
</body>
</html>
`;
}

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f4f5f7}
header{background:#1d3a6e;color:#fff;padding:.75rem 1rem}
header p{margin:0;max-width:40rem;margin-inline:auto}
main{max-width:40rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1.5rem}
h1 .amount{display:block;font-size:1.375rem;margin-top:.5rem}
h2{font-size:1.25rem;margin:0 0 .75rem}
.field{margin-bottom:1.5rem}
.field-error{border-left:4px solid #b3261e;padding-left:.75rem}
label{display:block;font-weight:600}
.hint{margin:.25rem 0;color:#505a5f}
.error{margin:.25rem 0;color:#b3261e;font-weight:600}
input{font:inherit;padding:.5rem;border:2px solid #1b1b1b;border-radius:.25rem;width:100%}
input.wide{max-width:22rem}
input.narrow{max-width:8rem}
.field-error input{border-color:#b3261e}
input:focus,a:focus,button:focus,.error-summary:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #1b1b1b}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.625rem 1.25rem;border:0;border-radius:.25rem;background:#00703c;color:#fff;cursor:pointer;text-decoration:none}
a{color:#1d4ed8}
.cancel{margin-top:1.5rem}
.error-summary{border:4px solid #b3261e;padding:1rem;margin-bottom:1.5rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b3261e;font-weight:600}
.test-cards{margin-top:2rem;border-top:1px solid #b1b4b6;padding-top:1rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6}
.card-number{white-space:nowrap;font-variant-numeric:tabular-nums}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;
