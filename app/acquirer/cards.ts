/*
 * The demo acquirer's test cards (docs/payments.md, "The demo acquirer") and the checks a payment page
 * makes before it sends a card to the bank: the number's Luhn digit, an expiry not yet past, a
 * three-digit CVC. Error texts are Russian: the page is the payer's.
 */
export type CardOutcome = "succeed" | "decline" | "3ds" | "bank-silent";

export const TEST_CARDS: readonly { number: string; outcome: CardOutcome; description: string }[] = [
  { number: "4111111111111111", outcome: "succeed", description: "оплата проходит" },
  { number: "4000000000000002", outcome: "decline", description: "отказ банка: недостаточно средств" },
  {
    number: "4000000000003220",
    outcome: "3ds",
    description: "подтверждение 3-D Secure: код 123456 — оплата проходит, другой код — отказ",
  },
  {
    number: "4000000000000119",
    outcome: "bank-silent",
    description: "банк не отвечает: вы вернётесь на портал, платёж пройдёт позже",
  },
];

/** The one-time code that passes the 3-D Secure step. */
export const THREE_DS_CODE = "123456";

export type CardForm = { card: string; expiry: string; cvc: string };
export type CardField = keyof CardForm;
export type CardErrors = Partial<Record<CardField, string>>;

export type CardCheck = { ok: true; outcome: CardOutcome } | { ok: false; errors: CardErrors };

export function checkCard(form: CardForm, now: Date): CardCheck {
  const errors: CardErrors = {};
  const number = form.card.replace(/[\s-]/g, "");
  let outcome: CardOutcome | undefined;
  if (number === "") errors.card = "Введите номер карты";
  else if (!/^\d{13,19}$/.test(number)) errors.card = "Номер карты — от 13 до 19 цифр";
  else if (!passesLuhn(number)) errors.card = "В номере карты ошибка: проверьте цифры";
  else {
    outcome = TEST_CARDS.find((card) => card.number === number)?.outcome;
    if (!outcome) errors.card = "Это демонстрационная страница: оплатить можно только тестовой картой из списка";
  }

  const expiry = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(form.expiry);
  if (form.expiry.trim() === "") errors.expiry = "Введите срок действия карты";
  else if (!expiry || Number(expiry[1]) < 1 || Number(expiry[1]) > 12)
    errors.expiry = "Введите срок действия в формате ММ/ГГ, например 09/29";
  else if (isPast(Number(expiry[1]), 2000 + Number(expiry[2]), now)) errors.expiry = "Срок действия карты истёк";

  if (form.cvc.trim() === "") errors.cvc = "Введите CVC";
  else if (!/^\d{3}$/.test(form.cvc.trim())) errors.cvc = "CVC — три цифры с обратной стороны карты";

  return outcome && Object.keys(errors).length === 0 ? { ok: true, outcome } : { ok: false, errors };
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card is valid through the last day of its expiry month. */
function isPast(month: number, year: number, now: Date): boolean {
  return year * 12 + month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}
