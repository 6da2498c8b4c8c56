import { describe, expect, it } from "vitest";
import { FormDefinitionSchema, type FormDefinitionInput } from "./form-definition";
import {
  ageInYears,
  applicationSchema,
  checkApplication,
  fieldSchema,
  parseDate,
  stepSchema,
  type FormContext,
} from "./form-schema";
import { conditionHolds } from "./conditions";
import { parseValidationMessage, validationMessage } from "./validation-message";

const l = (ru: string) => ({ ru, en: ru });
const context: FormContext = {
  today: "2026-11-23",
  children: [
    { id: "c-older", birthDate: "2019-03-01" },
    { id: "c-baby", birthDate: "2025-05-10" },
  ],
};

const definition: FormDefinitionInput = {
  steps: [
    {
      id: "applicant",
      title: l("Заявитель"),
      fields: [
        { kind: "text", name: "fullName", label: l("ФИО"), maxLength: 20 },
        { kind: "snils", name: "snils", label: l("СНИЛС") },
        { kind: "phone", name: "phone", label: l("Телефон") },
        { kind: "email", name: "email", label: l("Почта"), required: false },
        { kind: "inn", name: "inn", label: l("ИНН"), required: false },
      ],
    },
    {
      id: "details",
      title: l("Сведения"),
      fields: [
        { kind: "child", name: "child", label: l("Ребёнок"), minAgeYears: 5, maxAgeYears: 9 },
        { kind: "date", name: "start", label: l("Дата"), min: "today" },
        {
          kind: "radio",
          name: "priority",
          label: l("Приоритет"),
          options: [
            { value: "none", label: l("Нет") },
            { value: "first", label: l("Первоочередное") },
          ],
        },
        {
          kind: "checkboxes",
          name: "clubs",
          label: l("Кружки"),
          maxChoices: 2,
          required: false,
          options: ["a", "b", "c"].map((value) => ({ value, label: l(value) })),
        },
        { kind: "number", name: "children", label: l("Детей"), min: 3, max: 20 },
        { kind: "number", name: "income", label: l("Доход"), min: 0, integer: false, required: false },
        { kind: "address", name: "address", label: l("Адрес") },
        { kind: "passport", name: "passport", label: l("Паспорт") },
        { kind: "birthCertificate", name: "certificate", label: l("Свидетельство") },
        { kind: "els", name: "els", label: l("ЕЛС"), required: false },
        { kind: "file", name: "proof", label: l("Файл"), required: false, maxSizeMb: 1 },
        { kind: "checkbox", name: "adapted", label: l("Адаптированная"), required: false },
        { kind: "checkbox", name: "consent", label: l("Согласие") },
      ],
    },
  ],
};
const form = FormDefinitionSchema.parse(definition);
const schema = applicationSchema(form, context);

/** What Conform hands over from FormData: strings, nested objects, arrays; empty inputs absent. */
const valid = {
  fullName: "  Иванова Анна  ",
  snils: "112 233 445 95",
  phone: "8 (912) 345-67-89",
  email: "Anna@Example.RU ",
  child: "c-older",
  start: "01.12.2026",
  priority: "first",
  clubs: ["a", "b", "a"],
  children: "4",
  income: "35 000,50",
  address: { locality: "Пенза", street: "ул. Московская", house: "1" },
  passport: { number: "56 12 345678", issuedOn: "2020-05-05", issuerCode: "580001" },
  certificate: "iv-аи 123456",
  consent: "on",
};

const errorsOf = (input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), parseValidationMessage(i.message).key]));
};

describe("form definition → Zod schema", () => {
  it("accepts what people type and yields normalised values", () => {
    const result = schema.safeParse(valid);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual({
      fullName: "Иванова Анна",
      snils: "112-233-445 95",
      phone: "+79123456789",
      email: "anna@example.ru",
      inn: undefined,
      child: "c-older",
      start: "2026-12-01",
      priority: "first",
      clubs: ["a", "b"],
      children: 4,
      income: 35000.5,
      address: { locality: "Пенза", street: "ул. Московская", house: "1", apartment: undefined },
      passport: { number: "5612 345678", issuedOn: "2020-05-05", issuerCode: "580-001" },
      certificate: "IV-АИ 123456",
      els: undefined,
      proof: undefined,
      adapted: false,
      consent: true,
    });
  });

  it("reports every missing required field as «required», and nothing for optional ones", () => {
    expect(errorsOf({})).toEqual({
      fullName: "required",
      snils: "required",
      phone: "required",
      child: "required",
      start: "required",
      priority: "required",
      children: "required",
      address: "required",
      passport: "required",
      certificate: "required",
      consent: "checkbox.required",
    });
  });

  it("treats blank strings, blank arrays and an empty file input as missing", () => {
    const errors = errorsOf({ ...valid, fullName: "   ", clubs: [""], proof: new File([], "") });
    expect(errors).toEqual({ fullName: "required" });
  });

  it("names what is wrong with each identifier", () => {
    expect(
      errorsOf({
        ...valid,
        snils: "112-233-445 96",
        inn: "123456789048",
        phone: "12345",
        email: "anna@",
        certificate: "123456",
        els: "58-AB-12",
      }),
    ).toEqual({
      snils: "snils.checksum",
      inn: "inn.checksum",
      phone: "phone.format",
      email: "email.invalid",
      certificate: "birthCertificate.format",
      els: "els.format",
    });
  });

  it("checks partly filled nested fields part by part", () => {
    expect(
      errorsOf({
        ...valid,
        address: { locality: "Пенза" },
        passport: { number: "5612", issuedOn: "2030-01-01", issuerCode: "580-001" },
      }),
    ).toEqual({
      "address.street": "required",
      "address.house": "required",
      "passport.number": "passport.format",
      "passport.issuedOn": "date.tooLate",
    });
  });

  it("enforces dates, choices, numbers and lengths with their limits", () => {
    expect(
      errorsOf({
        ...valid,
        fullName: "Очень длинное имя, длиннее двадцати символов",
        start: "2026-11-22",
        priority: "extraordinary",
        clubs: ["a", "b", "c"],
        children: "2,5",
        income: "много",
      }),
    ).toEqual({
      fullName: "text.tooLong",
      start: "date.tooEarly",
      priority: "choice.invalid",
      clubs: "choice.tooMany",
      children: "number.tooSmall",
      income: "number.invalid",
    });
    expect(errorsOf({ ...valid, start: "31.02.2027" })).toEqual({ start: "date.invalid" });
    expect(errorsOf({ ...valid, children: "3.5" })).toEqual({ children: "number.integer" });
  });

  it("takes a child only from the applicant's profile and checks the age", () => {
    expect(errorsOf({ ...valid, child: "someone-else" })).toEqual({ child: "child.unknown" });
    expect(errorsOf({ ...valid, child: "c-baby" })).toEqual({ child: "child.tooYoung" });
    const withoutProfile = applicationSchema(form, { today: context.today });
    expect(withoutProfile.safeParse({ ...valid, child: "any-id" }).success).toBe(true);
  });

  it("checks a whole application with one shared schema, each check with its own applicant's facts", () => {
    const result = (answers: Record<string, unknown>, facts: FormContext) => {
      const shared = checkApplication(form, facts, answers);
      const built = applicationSchema(form, facts).safeParse(answers);
      expect(shared.success).toBe(built.success);
      expect(shared.error?.issues).toEqual(built.error?.issues);
      return shared.success;
    };
    const otherParent: FormContext = { today: context.today, children: [{ id: "c-other", birthDate: "2019-06-01" }] };
    expect(result({ ...valid, child: "c-older" }, context)).toBe(true);
    expect(result({ ...valid, child: "c-older" }, otherParent)).toBe(false);
    expect(result({ ...valid, child: "c-other" }, otherParent)).toBe(true);
    expect(result({ ...valid, child: "c-other" }, context)).toBe(false);
    expect(result({ ...valid, child: "any-id" }, { today: context.today })).toBe(true);
    // A passport issued before its holder turned fourteen, known only from this applicant's profile.
    expect(result(valid, { ...context, applicantBirthDate: "2012-01-01" })).toBe(false);
    expect(result(valid, context)).toBe(true);
    // Another day is another schema ("today" bounds the dates).
    expect(result({ ...valid, start: "2026-11-24" }, { ...context, today: "2026-11-25" })).toBe(false);
    expect(result({ ...valid, start: "2026-11-24" }, context)).toBe(true);
  });

  it("checks files by type and size and keeps references to stored uploads", () => {
    const pdf = new File(["%PDF-1.4"], "proof.pdf", { type: "application/pdf" });
    expect(schema.safeParse({ ...valid, proof: pdf }).data?.proof).toBe(pdf);
    const exe = new File(["MZ"], "virus.exe", { type: "application/x-msdownload" });
    expect(errorsOf({ ...valid, proof: exe })).toEqual({ proof: "file.type" });
    const big = new File([new Uint8Array(2 * 1024 * 1024)], "scan.png", { type: "image/png" });
    expect(errorsOf({ ...valid, proof: big })).toEqual({ proof: "file.tooLarge" });
    expect(schema.safeParse({ ...valid, proof: "upload:abcdefgh12" }).success).toBe(true);
    expect(errorsOf({ ...valid, proof: "../etc/passwd" })).toEqual({ proof: "file.invalid" });
  });

  it("validates a single step on its own", () => {
    const first = stepSchema(form.steps[0]!, context);
    expect(first.safeParse({ fullName: "А", snils: "11223344595", phone: "9123456789" }).success).toBe(true);
    expect(first.safeParse({ fullName: "А" }).success).toBe(false);
  });

  it("carries message parameters for the translation", () => {
    const result = fieldSchema(form.steps[1]!.fields[4]!, context).safeParse("1");
    const message = parseValidationMessage(result.error!.issues[0]!.message);
    expect(message).toEqual({ key: "number.tooSmall", params: { min: 3 } });
    expect(parseValidationMessage(validationMessage("required"))).toEqual({ key: "required", params: {} });
  });
});

describe("dates and ages", () => {
  it("parses ISO and Russian dates and rejects impossible ones", () => {
    expect(parseDate("2026-09-01")).toBe("2026-09-01");
    expect(parseDate("1.9.2026")).toBe("2026-09-01");
    expect(parseDate("29.02.2027")).toBeNull();
    expect(parseDate("2026/09/01")).toBeNull();
  });
  it("counts age in whole years as of a date", () => {
    expect(ageInYears("2020-03-01", "2026-09-01")).toBe(6);
    expect(ageInYears("2020-09-02", "2026-09-01")).toBe(5);
    expect(ageInYears("2020-09-01", "2026-09-01")).toBe(6);
  });
});

describe("every seeded service form", () => {
  it("derives a schema", async () => {
    const { services } = await import("../../../seeds/catalogue/index");
    for (const service of services) {
      const parsed = FormDefinitionSchema.parse(service.form);
      expect(() => applicationSchema(parsed, context), service.slug).not.toThrow();
    }
  });
});

describe("what may be typed, in every kind of field (security review)", () => {
  const kinds = FormDefinitionSchema.parse({
    steps: [
      {
        id: "all",
        title: l("Все"),
        fields: [
          { kind: "personName", name: "applicantName", label: l("ФИО") },
          { kind: "text", name: "comment", label: l("Комментарий"), multiline: true, required: false },
          { kind: "address", name: "address", label: l("Адрес") },
          { kind: "passport", name: "passport", label: l("Паспорт") },
          { kind: "snils", name: "snils", label: l("СНИЛС") },
          { kind: "inn", name: "inn", label: l("ИНН"), required: false },
          { kind: "date", name: "day", label: l("Дата"), required: false },
        ],
      },
    ],
  });
  const all = applicationSchema(kinds, context);
  const good = {
    applicantName: "Иванова Анна-Мария д’Арк",
    address: { locality: "Пенза", street: "ул. Московская", house: "1" },
    passport: { number: "5612 345678", issuedOn: "2020-05-05", issuerCode: "580-001" },
    snils: "112-233-445 95",
  };
  const errors = (input: unknown) => {
    const result = all.safeParse(input);
    if (result.success) return {};
    return Object.fromEntries(
      result.error.issues.map((i) => [i.path.join("."), parseValidationMessage(i.message).key]),
    );
  };

  it("accepts a real name and normalised input", () => {
    expect(errors(good)).toEqual({});
  });

  it("applies the profile's letters-only rule to the application's name", () => {
    expect(errors({ ...good, applicantName: "<script>alert(1)</script>" })).toEqual({ applicantName: "name.invalid" });
    expect(errors({ ...good, applicantName: "Иванова 2" })).toEqual({ applicantName: "name.invalid" });
  });

  it("refuses a 5 MB name with «too long» before reading it", () => {
    expect(errors({ ...good, applicantName: "А".repeat(5 * 1024 * 1024) })).toEqual({ applicantName: "text.tooLong" });
  });

  it("refuses NUL, other controls and bidirectional overrides in addresses and text", () => {
    expect(errors({ ...good, address: { ...good.address, street: "ул. Московская\u0000" } })).toEqual({
      "address.street": "text.control",
    });
    expect(errors({ ...good, address: { ...good.address, house: "1\u202e" } })).toEqual({
      "address.house": "text.control",
    });
    expect(errors({ ...good, comment: "строка\u2066скрыто\u2069" })).toEqual({ comment: "text.control" });
    expect(errors({ ...good, comment: "C1\u009b" })).toEqual({ comment: "text.control" });
    // A line break is text in a multi-line field; Windows line ends arrive normalised.
    expect(all.safeParse({ ...good, comment: "первая\r\nвторая" }).data?.comment).toBe("первая\nвторая");
    expect(errors({ ...good, address: { ...good.address, street: "Московская\nулица" } })).toEqual({
      "address.street": "text.singleLine",
    });
  });

  it("normalises full-width digits (NFKC)", () => {
    const parsed = all.safeParse({ ...good, snils: "１１２-２３３-４４５ ９５", inn: "１２３４５６７８９０４７" });
    expect(parsed.data).toMatchObject({ snils: "112-233-445 95", inn: "123456789047" });
  });

  it("refuses all-zero identifiers", () => {
    expect(errors({ ...good, snils: "000-000-000 00", inn: "000000000000" })).toEqual({
      snils: "snils.zero",
      inn: "inn.zero",
    });
  });

  it("refuses a passport issued in 1800, in the future, or before the applicant turned 14", () => {
    expect(errors({ ...good, passport: { ...good.passport, issuedOn: "1800-01-01" } })).toEqual({
      "passport.issuedOn": "date.tooEarly",
    });
    expect(errors({ ...good, day: "1850-01-01" })).toEqual({ day: "date.tooEarly" });
    const knowingBirth = applicationSchema(kinds, { ...context, applicantBirthDate: "2000-06-15" });
    const issue = (issuedOn: string) => {
      const result = knowingBirth.safeParse({ ...good, passport: { ...good.passport, issuedOn } });
      return result.success ? null : parseValidationMessage(result.error.issues[0]!.message);
    };
    expect(issue("1999-01-01")).toEqual({ key: "passport.issuedBeforeBirth", params: {} });
    expect(issue("2014-06-14")).toEqual({ key: "passport.issuedBeforeFourteen", params: { min: "2014-06-15" } });
    expect(issue("2014-06-15")).toBeNull();
  });
});

describe("conditions on the answer of another field", () => {
  it("hold for a chosen value, any of several ticked, or a tick box as given", () => {
    const choice = { field: "priority", in: ["first", "sibling"] };
    expect(conditionHolds(choice, "sibling")).toBe(true);
    expect(conditionHolds(choice, "none")).toBe(false);
    expect(conditionHolds(choice, undefined)).toBe(false);
    expect(conditionHolds(choice, ["none", "first"])).toBe(true);
    const ticked = { field: "adapted", in: [true] };
    expect([true, "on", ["on"]].map((answer) => conditionHolds(ticked, answer))).toEqual([true, true, true]);
    expect([false, undefined, "", []].map((answer) => conditionHolds(ticked, answer))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(conditionHolds({ field: "adapted", in: [false] }, undefined)).toBe(true);
  });
});

describe("conditional fields (requiredWhen, shownWhen)", () => {
  const priority = { field: "priority", in: ["sibling"] };
  const conditional = FormDefinitionSchema.parse({
    steps: [
      {
        id: "school",
        title: l("Школа"),
        fields: [
          {
            kind: "radio",
            name: "priority",
            label: l("Право"),
            options: ["none", "first", "sibling"].map((value) => ({ value, label: l(value) })),
          },
          {
            kind: "select",
            name: "firstGround",
            label: l("Основание"),
            options: ["police", "customs"].map((value) => ({ value, label: l(value) })),
            requiredWhen: { field: "priority", in: ["first"] },
            shownWhen: { field: "priority", in: ["first"] },
          },
          { kind: "personName", name: "siblingName", label: l("ФИО"), requiredWhen: priority, shownWhen: priority },
          {
            kind: "text",
            name: "siblingClass",
            label: l("Класс"),
            pattern: { regex: "(?:[1-9]|1[01]) ?[а-яё]", example: "3Б" },
            requiredWhen: priority,
            shownWhen: priority,
          },
          { kind: "checkbox", name: "adapted", label: l("Адаптированная"), required: false },
          {
            kind: "checkbox",
            name: "consent",
            label: l("Согласие"),
            requiredWhen: { field: "adapted", in: [true] },
            shownWhen: { field: "adapted", in: [true] },
          },
          // Required whatever the choice, asked only with a priority right.
          {
            kind: "text",
            name: "note",
            label: l("Примечание"),
            required: false,
            shownWhen: { field: "priority", in: ["first", "sibling"] },
          },
        ],
      },
      {
        id: "documents",
        title: l("Документы"),
        fields: [
          {
            kind: "file",
            name: "proof",
            label: l("Справка"),
            required: false,
            shownWhen: { field: "priority", in: ["first"] },
          },
          {
            kind: "file",
            name: "pmpk",
            label: l("ПМПК"),
            requiredWhen: { field: "adapted", in: [true] },
            shownWhen: { field: "adapted", in: [true] },
          },
        ],
      },
    ],
  });
  const whole = applicationSchema(conditional, context);
  const errors = (schema: ReturnType<typeof applicationSchema>, input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success) return {};
    return Object.fromEntries(
      result.error.issues.map((i) => [i.path.join("."), parseValidationMessage(i.message).key]),
    );
  };

  it("requires a dependent field only while its condition holds", () => {
    expect(errors(whole, { priority: "sibling" })).toEqual({ siblingName: "required", siblingClass: "required" });
    expect(errors(whole, { priority: "first" })).toEqual({ firstGround: "required" });
    expect(errors(whole, { priority: "none" })).toEqual({});
    expect(errors(whole, { priority: "none", adapted: "on" })).toEqual({
      consent: "checkbox.required",
      pmpk: "required",
    });
  });

  it("drops the answer of a field that is not asked, whatever it holds", () => {
    const result = whole.safeParse({
      priority: "none",
      firstGround: "customs",
      siblingName: "<script>",
      siblingClass: "12Ы",
      consent: "on",
      note: "лишнее",
      proof: "upload:abcdefgh12",
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ priority: "none", adapted: false });
  });

  it("keeps and normalises the answers of fields that are asked", () => {
    const result = whole.safeParse({
      priority: "sibling",
      siblingName: " Иванова  Мария ",
      siblingClass: "3б",
      adapted: "on",
      consent: "on",
      pmpk: "upload:abcdefgh12",
      note: "учится в 3Б",
    });
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual({
      priority: "sibling",
      siblingName: "Иванова Мария",
      siblingClass: "3б",
      adapted: true,
      consent: true,
      pmpk: "upload:abcdefgh12",
      note: "учится в 3Б",
    });
  });

  it("checks a dependent answer that is asked like any other, with every error of the page at once", () => {
    expect(
      errors(whole, { priority: "sibling", siblingName: "Иванова 2", siblingClass: "12А", firstGround: "x" }),
    ).toEqual({ siblingName: "name.invalid", siblingClass: "conditional.pattern" });
    // The required dependent field is reported together with an unrelated mistake.
    expect(errors(whole, { priority: "first", note: "a".repeat(600) })).toEqual({
      firstGround: "required",
      note: "text.tooLong",
    });
    const pattern = whole.safeParse({ priority: "sibling", siblingName: "Иван", siblingClass: "Б3" });
    expect(parseValidationMessage(pattern.error!.issues[0]!.message)).toEqual({
      key: "conditional.pattern",
      params: { example: "3Б" },
    });
  });

  it("judges a step by the saved answers when the field the condition names is on an earlier step", () => {
    const documents = conditional.steps[1]!;
    const asked = stepSchema(documents, { ...context, answers: { priority: "first", adapted: true } });
    expect(errors(asked, {})).toEqual({ pmpk: "required" });
    expect(asked.safeParse({ proof: "upload:abcdefgh12", pmpk: "upload:abcdefgh13" }).data).toEqual({
      proof: "upload:abcdefgh12",
      pmpk: "upload:abcdefgh13",
    });
    const notAsked = stepSchema(documents, { ...context, answers: { priority: "none" } });
    expect(notAsked.safeParse({ proof: "upload:abcdefgh12", pmpk: "upload:abcdefgh13" }).data).toEqual({});
  });

  it("a form without conditions is not changed by them", () => {
    expect(errors(schema, valid)).toEqual({});
  });

  it.each([
    ["names no earlier field", { field: "later", in: ["x"] }],
    ["names a value the field does not offer", { field: "priority", in: ["judge"] }],
    ["names a text field", { field: "title", in: ["x"] }],
    ["names a tick box with a string", { field: "adapted", in: ["on"] }],
  ])("refuses a condition that %s", (_, condition) => {
    const broken = {
      steps: [
        {
          id: "one",
          title: l("Один"),
          fields: [
            { kind: "text", name: "title", label: l("Текст") },
            {
              kind: "radio",
              name: "priority",
              label: l("Право"),
              options: ["none", "first"].map((value) => ({ value, label: l(value) })),
            },
            { kind: "checkbox", name: "adapted", label: l("Адаптированная"), required: false },
            { kind: "text", name: "dependent", label: l("Зависимое"), shownWhen: condition },
            { kind: "text", name: "later", label: l("Позже") },
          ],
        },
      ],
    };
    expect(FormDefinitionSchema.safeParse(broken).success).toBe(false);
  });

  it("refuses a pattern that is not a regular expression", () => {
    const broken = {
      steps: [
        {
          id: "one",
          title: l("Один"),
          fields: [{ kind: "text", name: "a", label: l("A"), pattern: { regex: "([", example: "1" } }],
        },
      ],
    };
    expect(FormDefinitionSchema.safeParse(broken).success).toBe(false);
  });
});

describe("every error of a step at once", () => {
  const step = FormDefinitionSchema.parse({
    steps: [
      {
        id: "school",
        title: l("Школа и обучение"),
        fields: [
          { kind: "text", name: "language", label: l("Язык"), maxLength: 40 },
          { kind: "checkbox", name: "adapted", label: l("Адаптированная"), required: false },
          {
            kind: "checkbox",
            name: "adaptedConsent",
            label: l("Согласие"),
            requiredWhen: { field: "adapted", in: [true] },
            shownWhen: { field: "adapted", in: [true] },
          },
          { kind: "passport", name: "passport", label: l("Паспорт") },
        ],
      },
    ],
  }).steps[0]!;
  const schema = stepSchema(step, { ...context, applicantBirthDate: "2000-06-15" });
  const errors = (input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success) return {};
    return Object.fromEntries(
      result.error.issues.map((i) => [i.path.join("."), parseValidationMessage(i.message).key]),
    );
  };

  it("reports an empty required field together with the cross-field errors", () => {
    // The language is left empty, and so is the passport's number: neither hides the consent the
    // adapted programme requires, nor the passport dated before the applicant was born.
    expect(
      errors({
        language: "",
        adapted: "on",
        passport: { number: "", issuedOn: "1999-01-01", issuerCode: "770-001" },
      }),
    ).toEqual({
      language: "required",
      adaptedConsent: "checkbox.required",
      "passport.number": "required",
      "passport.issuedOn": "passport.issuedBeforeBirth",
    });
  });

  it("still says only «required» of an empty field, not what its value would be checked for", () => {
    expect(
      errors({ language: "  ", passport: { number: "4510 123456", issuedOn: "", issuerCode: "770-001" } }),
    ).toEqual({ language: "required", "passport.issuedOn": "required" });
  });
});
