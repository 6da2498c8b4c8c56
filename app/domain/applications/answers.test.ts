import { describe, expect, it } from "vitest";
import { FormDefinitionSchema, type FormDefinitionInput } from "~/domain/forms/form-definition";
import {
  allFields,
  describeAnswers,
  findStep,
  nextStepId,
  prefillAnswers,
  previousStepId,
  referencedUploads,
  storableAnswers,
  toFormDefaults,
  type ApplicantFacts,
  type DescribeContext,
} from "./answers";

const t = (ru: string, en: string) => ({ ru, en });

const input: FormDefinitionInput = {
  steps: [
    {
      id: "applicant",
      title: t("Заявитель", "Applicant"),
      fields: [
        { kind: "text", name: "applicantName", label: t("ФИО", "Full name") },
        { kind: "snils", name: "applicantSnils", label: t("СНИЛС", "SNILS") },
        { kind: "phone", name: "applicantPhone", label: t("Телефон", "Phone") },
        { kind: "email", name: "applicantEmail", label: t("Почта", "Email"), required: false },
        { kind: "inn", name: "inn", label: t("ИНН", "INN"), required: false },
        { kind: "text", name: "nickname", label: t("Псевдоним", "Nickname"), required: false },
      ],
    },
    {
      id: "identity",
      title: t("Документ и адрес", "Document and address"),
      fields: [
        { kind: "passport", name: "passport", label: t("Паспорт", "Passport") },
        { kind: "address", name: "address", label: t("Адрес", "Address") },
      ],
    },
    {
      id: "details",
      title: t("Сведения", "Details"),
      fields: [
        { kind: "child", name: "child", label: t("Ребёнок", "Child") },
        {
          kind: "select",
          name: "school",
          label: t("Школа", "School"),
          options: [
            { value: "112", label: t("Школа № 112", "School No. 112") },
            { value: "7", label: t("Гимназия № 7", "Gymnasium No. 7") },
          ],
        },
        {
          kind: "radio",
          name: "shift",
          label: t("Смена", "Shift"),
          options: [
            { value: "first", label: t("Первая", "First") },
            { value: "second", label: t("Вторая", "Second") },
          ],
        },
        {
          kind: "checkboxes",
          name: "clubs",
          label: t("Кружки", "Clubs"),
          required: false,
          options: [
            { value: "chess", label: t("Шахматы", "Chess") },
            { value: "music", label: t("Музыка", "Music") },
            { value: "sport", label: t("Спорт", "Sport") },
          ],
        },
        { kind: "number", name: "childrenCount", label: t("Детей в семье", "Children in the family") },
        { kind: "date", name: "startDate", label: t("Дата начала", "Start date"), required: false },
      ],
    },
    {
      id: "documents",
      title: t("Документы", "Documents"),
      fields: [
        { kind: "file", name: "photo", label: t("Фотография", "Photo") },
        { kind: "file", name: "certificates", label: t("Справки", "Certificates"), required: false, multiple: true },
      ],
    },
    {
      id: "declaration",
      title: t("Подтверждение", "Declaration"),
      fields: [
        { kind: "checkbox", name: "accuracyConfirmed", label: t("Сведения достоверны", "The information is true") },
        { kind: "checkbox", name: "newsletter", label: t("Рассылка", "Newsletter"), required: false },
      ],
    },
  ],
};
const form = FormDefinitionSchema.parse(input);

const facts: ApplicantFacts = {
  fullName: "Кузнецов Андрей Петрович",
  snils: "112-233-445 95",
  inn: "500100732259",
  phone: "+79000000002",
  email: "large-family@demo.gosuslugi58.ru",
  passport: { number: "5600 000002", issuedOn: "2015-06-01", issuerCode: "580-001" },
  address: { locality: "Пенза", street: "ул. Московская", house: "12", apartment: "2" },
};

const PHOTO = "upload:photoUpload0001";
const CERT_A = "upload:certificate0001";
const CERT_B = "upload:certificate0002";

const children = [
  { id: "child-anna", name: "Кузнецова Анна Андреевна", birthDate: "2012-01-20" },
  { id: "child-ivan", name: "Кузнецов Иван Андреевич", birthDate: "2015-05-07" },
];

function context(language: "ru" | "en"): DescribeContext {
  return {
    language,
    children,
    uploads: new Map([
      ["photoUpload0001", { fileName: "фото.jpg" }],
      ["certificate0001", { fileName: "справка-1.pdf" }],
      ["certificate0002", { fileName: "справка-2.pdf" }],
    ]),
  };
}

const answered = {
  applicantName: "Кузнецов Андрей Петрович",
  applicantSnils: "112-233-445 95",
  applicantPhone: "+79000000002",
  passport: { number: "5600 000002", issuedOn: "2015-06-01", issuerCode: "580-001" },
  address: { locality: "Пенза", street: "ул. Московская", house: "12", apartment: "2" },
  child: "child-ivan",
  school: "112",
  shift: "second",
  clubs: ["chess", "sport"],
  childrenCount: 4,
  photo: PHOTO,
  certificates: [CERT_A, CERT_B],
  accuracyConfirmed: true,
  newsletter: false,
};

describe("prefillAnswers", () => {
  it("maps the profile's facts onto the standard fields", () => {
    expect(prefillAnswers(form, facts)).toEqual({
      applicantName: "Кузнецов Андрей Петрович",
      applicantSnils: "112-233-445 95",
      applicantPhone: "+79000000002",
      applicantEmail: "large-family@demo.gosuslugi58.ru",
      inn: "500100732259",
      passport: { number: "5600 000002", issuedOn: "2015-06-01", issuerCode: "580-001" },
      address: { locality: "Пенза", street: "ул. Московская", house: "12", apartment: "2" },
    });
  });

  it("leaves every other field alone, and fields the form does not have", () => {
    const answers = prefillAnswers(form, facts);
    for (const name of ["nickname", "child", "school", "shift", "clubs", "photo", "accuracyConfirmed"]) {
      expect(answers, name).not.toHaveProperty(name);
    }
    const small = FormDefinitionSchema.parse({
      steps: [
        {
          id: "only",
          title: t("Шаг", "Step"),
          fields: [{ kind: "text", name: "applicantName", label: t("ФИО", "Name") }],
        },
      ],
    });
    expect(prefillAnswers(small, facts)).toEqual({ applicantName: "Кузнецов Андрей Петрович" });
  });

  it("skips facts the profile does not know: no INN, no apartment, no profile at all", () => {
    const answers = prefillAnswers(form, {
      ...facts,
      inn: null,
      address: { locality: "Пенза", street: "ул. Ленина", house: "1", apartment: null },
    });
    expect(answers).not.toHaveProperty("inn");
    expect(answers.address).toEqual({ locality: "Пенза", street: "ул. Ленина", house: "1", apartment: undefined });
    expect(prefillAnswers(form, { email: "someone@example.ru" })).toEqual({ applicantEmail: "someone@example.ru" });
    expect(prefillAnswers(form, { fullName: "", email: "someone@example.ru" })).not.toHaveProperty("applicantName");
  });
});

describe("toFormDefaults", () => {
  const defaults = toFormDefaults(allFields(form), answered);

  it("turns ticked boxes into 'on' and unticked ones into nothing", () => {
    expect(defaults.accuracyConfirmed).toBe("on");
    expect(defaults.newsletter).toBeUndefined();
  });

  it("turns numbers into strings and keeps strings and lists of strings", () => {
    expect(defaults.childrenCount).toBe("4");
    expect(defaults.applicantName).toBe("Кузнецов Андрей Петрович");
    expect(defaults.school).toBe("112");
    expect(defaults.clubs).toEqual(["chess", "sport"]);
  });

  it("keeps nested objects (passport, address) with their parts as strings", () => {
    expect(defaults.passport).toEqual({ number: "5600 000002", issuedOn: "2015-06-01", issuerCode: "580-001" });
    expect(defaults.address).toEqual({ locality: "Пенза", street: "ул. Московская", house: "12", apartment: "2" });
    expect(toFormDefaults(allFields(form), { address: { house: 12, apartment: null } }).address).toEqual({
      house: "12",
      apartment: undefined,
    });
  });

  it("omits file fields, which a browser cannot prefill", () => {
    expect(defaults).not.toHaveProperty("photo");
    expect(defaults).not.toHaveProperty("certificates");
  });

  it("has an entry for every other field, undefined when unanswered", () => {
    const empty = toFormDefaults(allFields(form), {});
    const expectedNames = allFields(form)
      .filter((f) => f.kind !== "file")
      .map((f) => f.name);
    expect(Object.keys(empty).sort()).toEqual([...expectedNames].sort());
    expect(Object.values(empty).every((v) => v === undefined)).toBe(true);
  });
});

describe("describeAnswers", () => {
  const rowOf = (language: "ru" | "en", name: string, answers: Record<string, unknown> = answered) =>
    describeAnswers(form, answers, context(language))
      .flatMap((s) => s.rows)
      .find((r) => r.name === name)!;

  it("gives one section per step, in the form's order, titled in the chosen language", () => {
    const sections = describeAnswers(form, answered, context("en"));
    expect(sections.map((s) => s.stepId)).toEqual(["applicant", "identity", "details", "documents", "declaration"]);
    expect(sections.map((s) => s.title)).toEqual([
      "Applicant",
      "Document and address",
      "Details",
      "Documents",
      "Declaration",
    ]);
    expect(sections[0]!.rows.map((r) => r.label)).toEqual(["Full name", "SNILS", "Phone", "Email", "INN", "Nickname"]);
    expect(describeAnswers(form, answered, context("ru"))[0]!.title).toBe("Заявитель");
  });

  it("shows option labels, not values, in the right language", () => {
    expect(rowOf("ru", "school").lines).toEqual(["Школа № 112"]);
    expect(rowOf("en", "school").lines).toEqual(["School No. 112"]);
    expect(rowOf("ru", "shift").lines).toEqual(["Вторая"]);
    expect(rowOf("en", "shift").lines).toEqual(["Second"]);
    expect(rowOf("ru", "clubs").lines).toEqual(["Шахматы", "Спорт"]);
    expect(rowOf("en", "clubs").lines).toEqual(["Chess", "Sport"]);
    // A value no longer among the options (the form changed) is shown as it is, not dropped.
    expect(rowOf("en", "school", { school: "99" }).lines).toEqual(["99"]);
  });

  it("shows a child by name and birth date (ДД.ММ.ГГГГ)", () => {
    expect(rowOf("ru", "child").lines).toEqual(["Кузнецов Иван Андреевич, 07.05.2015"]);
    expect(rowOf("en", "child").lines).toEqual(["Кузнецов Иван Андреевич, 07/05/2015"]);
    expect(rowOf("ru", "child", { child: "removed-child" }).lines).toEqual(["removed-child"]);
  });

  it("marks a ticked box (the summary says 'yes' in its language) and not an unticked one", () => {
    expect(rowOf("ru", "accuracyConfirmed")).toMatchObject({ lines: [], ticked: true });
    expect(rowOf("en", "accuracyConfirmed", { accuracyConfirmed: "on" })).toMatchObject({ lines: [], ticked: true });
    expect(rowOf("en", "accuracyConfirmed", { accuracyConfirmed: undefined })).toMatchObject({ ticked: false });
    expect(rowOf("en", "newsletter").lines).toEqual([]);
  });

  it("shows the passport, the address, numbers and text on one line each", () => {
    expect(rowOf("ru", "passport").lines).toEqual(["5600 000002, 01.06.2015, 580-001"]);
    expect(rowOf("ru", "address").lines).toEqual(["Пенза, ул. Московская, 12, 2"]);
    expect(rowOf("ru", "childrenCount").lines).toEqual(["4"]);
    expect(rowOf("ru", "applicantName").lines).toEqual(["Кузнецов Андрей Петрович"]);
  });

  it("shows dates as on documents, and a mistyped date as it was typed", () => {
    expect(rowOf("ru", "startDate", { startDate: "2020-03-15" }).lines).toEqual(["15.03.2020"]);
    expect(rowOf("en", "startDate", { startDate: "2020-03-15" }).lines).toEqual(["15/03/2020"]);
    expect(rowOf("ru", "startDate", { startDate: "15 марта" }).lines).toEqual(["15 марта"]);
    expect(rowOf("ru", "passport", { passport: { number: "5612 345678", issuedOn: "2010-06-01" } }).lines).toEqual([
      "5612 345678, 01.06.2010",
    ]);
  });

  it("lists files by their names, with no text lines", () => {
    const photo = rowOf("ru", "photo");
    expect(photo.lines).toEqual([]);
    expect(photo.files).toEqual([{ id: "photoUpload0001", name: "фото.jpg" }]);
    expect(rowOf("ru", "certificates").files).toEqual([
      { id: "certificate0001", name: "справка-1.pdf" },
      { id: "certificate0002", name: "справка-2.pdf" },
    ]);
    // A file the context does not know is shown by its id.
    expect(rowOf("ru", "photo", { photo: "upload:unknownUpload1" }).files).toEqual([
      { id: "unknownUpload1", name: "unknownUpload1" },
    ]);
    expect(rowOf("ru", "school").files).toEqual([]);
  });

  it("leaves unanswered questions with empty lines", () => {
    const sections = describeAnswers(form, {}, context("ru"));
    for (const row of sections.flatMap((s) => s.rows)) {
      expect(row.lines, row.name).toEqual([]);
      expect(row.files, row.name).toEqual([]);
    }
    expect(rowOf("ru", "applicantEmail").lines).toEqual([]);
    expect(rowOf("ru", "nickname", { nickname: "" }).lines).toEqual([]);
    expect(rowOf("ru", "nickname", { nickname: null }).lines).toEqual([]);
  });

  it("shows nothing for a structured value where text was expected", () => {
    expect(rowOf("ru", "nickname", { nickname: { surprise: true } }).lines).toEqual([""]);
  });
});

describe("referencedUploads", () => {
  it("finds references in single and multiple file fields", () => {
    expect(referencedUploads(answered, allFields(form))).toEqual([
      "photoUpload0001",
      "certificate0001",
      "certificate0002",
    ]);
    expect(referencedUploads(answered)).toEqual(["photoUpload0001", "certificate0001", "certificate0002"]);
  });

  it("ignores what is not a reference, and non-file fields when the fields are given", () => {
    const answers = {
      photo: "photoUpload0001",
      certificates: ["upload:short", "upload:good-reference_1", 42, null],
      nickname: "upload:notAFileField1",
    };
    expect(referencedUploads(answers, allFields(form))).toEqual(["good-reference_1"]);
    expect(referencedUploads(answers)).toEqual(["good-reference_1", "notAFileField1"]);
    expect(referencedUploads({}, allFields(form))).toEqual([]);
  });
});

describe("steps", () => {
  it("knows the step after and before each one", () => {
    expect(nextStepId(form, "applicant")).toBe("identity");
    expect(nextStepId(form, "documents")).toBe("declaration");
    expect(nextStepId(form, "declaration")).toBeNull();
    expect(previousStepId(form, "applicant")).toBeNull();
    expect(previousStepId(form, "identity")).toBe("applicant");
    expect(previousStepId(form, "declaration")).toBe("documents");
    expect(previousStepId(form, "no-such-step")).toBeNull();
  });

  it("finds a step by id and lists all fields in order", () => {
    expect(findStep(form, "documents")?.fields.map((f) => f.name)).toEqual(["photo", "certificates"]);
    expect(findStep(form, "no-such-step")).toBeUndefined();
    expect(allFields(form)).toHaveLength(18);
    expect(allFields(form)[0]!.name).toBe("applicantName");
  });
});

describe("what a draft may keep (security review)", () => {
  const fields = allFields(form);

  it("leaves out a 5 MB name and control characters, keeps the other answers", () => {
    const { answers, refused } = storableAnswers(fields, {
      applicantName: "А".repeat(5 * 1024 * 1024),
      applicantPhone: "12345",
      address: { locality: "Пенза", street: "ул. Московская\u0000", house: "1\u202e", apartment: "5" },
      nickname: "обычный текст",
      notAField: "something",
    });
    expect(answers).toEqual({
      applicantPhone: "12345",
      address: { locality: "Пенза", apartment: "5" },
      nickname: "обычный текст",
    });
    expect(Object.fromEntries(Object.entries(refused).map(([k, v]) => [k, v.map((x) => x.split("|")[0])]))).toEqual({
      applicantName: ["text.tooLong"],
      "address.street": ["text.control"],
      "address.house": ["text.control"],
    });
  });

  it("keeps incomplete and wrong answers that are within the limits", () => {
    const { answers, refused } = storableAnswers(fields, { applicantSnils: "112", passport: { number: "56" } });
    expect(answers).toEqual({ applicantSnils: "112", passport: { number: "56" } });
    expect(refused).toEqual({});
  });
});
