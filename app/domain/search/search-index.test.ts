import { describe, expect, it } from "vitest";
import type { SearchDocument } from "./search-index";
import { buildSearchIndex, editDistance, searchIndex } from "./search-index";

type Fixture = { id: number; ru: [string, string, string]; en: [string, string, string] };

// [title, keywords, summary] in each language; a small catalogue with distractors.
const FIXTURES: Fixture[] = [
  {
    id: 1,
    ru: [
      "Запись в первый класс",
      "школа, первый класс, запись в школу, ребенок, первоклассник, зачисление",
      "Зачисление ребёнка в 1 класс общеобразовательной школы",
    ],
    en: [
      "First-grade school enrollment",
      "school, first grade, enroll, child, pupil",
      "Enroll a child in the first grade of a school",
    ],
  },
  {
    id: 2,
    ru: [
      "Постановка на учёт в детский сад",
      "детский сад, детсад, очередь в садик, ДОО",
      "Очередь на место в детском саду",
    ],
    en: [
      "Kindergarten waiting list",
      "kindergarten, nursery, preschool",
      "Put a child on the kindergarten waiting list",
    ],
  },
  {
    id: 3,
    ru: [
      "Запись в кружки и секции",
      "кружок, секция, дополнительное образование",
      "Запись ребёнка на занятия в кружки",
    ],
    en: ["Clubs and sports sections", "club, section, extracurricular", "Sign a child up for clubs"],
  },
  {
    id: 4,
    ru: [
      "Выдача удостоверения многодетной семьи",
      "многодетная семья, удостоверение",
      "Статус многодетной семьи и удостоверение",
    ],
    en: [
      "Large-family certificate",
      "large family, certificate, status",
      "Status of a large family and its certificate",
    ],
  },
  {
    id: 5,
    ru: [
      "Ежегодная выплата многодетным семьям на школьную форму",
      "школьная форма, многодетные",
      "5 000 рублей на каждого школьника",
    ],
    en: [
      "Annual school-uniform payment for large families",
      "school uniform, large family",
      "5,000 roubles for every schoolchild",
    ],
  },
  {
    id: 6,
    ru: [
      "Компенсация расходов на оплату ЖКУ",
      "ЖКУ, коммунальные услуги, льготы",
      "Компенсация для льготных категорий",
    ],
    en: [
      "Utility compensation for benefit categories",
      "utilities, housing, benefits",
      "Compensation of housing and utility costs",
    ],
  },
  {
    id: 7,
    ru: ["Оплата ЖКУ по ЕЛС", "квитанция, ЕЛС, коммунальные платежи", "Оплата по единому лицевому счёту"],
    en: [
      "Utility bill payment by account number",
      "bill, ELS, payment",
      "Pay utility bills by the single account number",
    ],
  },
  {
    id: 8,
    ru: ["Запись на приём к врачу", "поликлиника, врач, приём", "Запись к врачу в поликлинику"],
    en: ["Doctor appointment", "clinic, doctor, appointment", "Book an appointment with a doctor"],
  },
  {
    id: 9,
    ru: ["Справка об обучении", "справка, обучение", "Справка о том, что ребёнок учится в школе"],
    en: ["Certificate of study", "certificate, study", "A certificate that a child attends school"],
  },
];

const documents: SearchDocument[] = FIXTURES.flatMap((f) =>
  (["ru", "en"] as const).map((language) => {
    const [title, keywords, summary] = f[language];
    return { id: f.id, language, fields: { title, keywords, summary, description: summary, category: "" } };
  }),
);
const index = buildSearchIndex(documents);
const ids = (query: string, language: "ru" | "en" = "ru") => searchIndex(index, query, language).map((hit) => hit.id);

describe("catalogue search", () => {
  it.each(["школа", "школу", "запись ребенка в школу", "шкла", "Запись в 1 класс", "ПЕРВЫЙ КЛАСС", "первоклассник"])(
    "«%s» ranks first-grade enrollment first",
    (query) => {
      expect(ids(query)[0]).toBe(1);
    },
  );

  it("«многодетн» finds both large-family services and nothing else", () => {
    expect(ids("многодетн").sort()).toEqual([4, 5]);
  });

  it.each([
    ["детский сад", 2],
    ["детсад", 2],
    ["садик", 2],
    ["ЕЛС", 7],
    ["оплатить квитанцию", 7],
    ["врач", 8],
    ["врачу", 8],
  ])("«%s» finds service %i first", (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it("works in English in the English interface", () => {
    expect(ids("school enrollment", "en")[0]).toBe(1);
    expect(ids("enrol child in school", "en")[0]).toBe(1);
    expect(ids("schol", "en")[0]).toBe(1);
    expect(ids("large family", "en").slice(0, 2).sort()).toEqual([4, 5]);
    expect(ids("kindergarden", "en")[0]).toBe(2);
  });

  it("returns nothing for empty, stop-word-only or nonsense queries", () => {
    expect(ids("")).toEqual([]);
    expect(ids("   ")).toEqual([]);
    expect(ids("в на и для")).toEqual([]);
    expect(ids("ываыфвафыва")).toEqual([]);
    expect(ids("the of", "en")).toEqual([]);
  });

  it("keeps short words exact: no typo matches for them", () => {
    expect(ids("ЖКХ")).toEqual([]);
  });

  it("filters by allowed ids and limits the results", () => {
    const hits = searchIndex(index, "школа", "ru", { allowedIds: new Set([5, 9]) }).map((h) => h.id);
    expect(hits.every((id) => id === 5 || id === 9)).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
    expect(searchIndex(index, "запись", "ru", { limit: 1 })).toHaveLength(1);
  });

  it("orders results deterministically", () => {
    expect(ids("запись")).toEqual(ids("запись"));
    const hits = searchIndex(index, "запись", "ru");
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });
});

describe("edit distance", () => {
  it.each([
    ["шкла", "школа", 1],
    ["школа", "школа", 0],
    ["шокла", "школа", 1],
    ["кот", "кит", 1],
    ["abc", "xyz", 3],
  ])("%s ~ %s = %i", (a, b, expected) => {
    expect(editDistance(a, b, 5)).toBe(expected);
  });

  it("gives up past the limit", () => {
    expect(editDistance("абвгдеж", "жедгвба", 2)).toBe(3);
  });
});
