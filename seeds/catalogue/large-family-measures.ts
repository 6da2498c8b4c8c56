import type { SupportMeasure } from "~/domain/social/measures";

/*
 * The measures one application for the large-family complex service yields (docs/social-support.md):
 * amounts in kopecks, ages in whole years (the upper one not included). Each is decided under its own
 * service — its department, deadline and refusal grounds. Adding a measure is adding a row here.
 */
export const LARGE_FAMILY_PACKAGE = "58-SOC-001";
const SCHOOL_AGE = { minYears: 7, maxYears: 18 };

export const largeFamilyMeasures: SupportMeasure[] = [
  {
    code: "large-family-status",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-SOC-001",
    position: 1,
    title: { ru: "Статус многодетной семьи и удостоверение", en: "Large-family status and certificate" },
    terms: { amount: { kind: "none" }, document: "large-family-certificate", scheduleMonths: 12 },
  },
  {
    code: "utility-compensation",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-SOC-003",
    position: 2,
    title: { ru: "Компенсация 30% платы за жильё и коммунальные услуги", en: "30% housing and utility compensation" },
    terms: { amount: { kind: "share", percent: 30 }, scheduleMonths: 12 },
  },
  {
    code: "school-clothing",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-SOC-002",
    position: 3,
    title: { ru: "5 000 ₽ в год на каждого школьника", en: "5,000 ₽ a year per schoolchild" },
    terms: { children: SCHOOL_AGE, amount: { kind: "yearly", kopecks: 500_000 }, scheduleMonths: 12 },
  },
  {
    code: "school-transport",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-TRN-002",
    position: 4,
    title: {
      ru: "594 ₽ в месяц на проезд школьника (сентябрь–май)",
      en: "594 ₽ a month per schoolchild for transport (September–May)",
    },
    terms: {
      children: SCHOOL_AGE,
      amount: { kind: "monthly", kopecks: 59_400, months: [9, 10, 11, 12, 1, 2, 3, 4, 5] },
      scheduleMonths: 12,
    },
  },
  {
    code: "school-meals",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-EDU-007",
    position: 5,
    title: { ru: "Бесплатное питание в школе", en: "Free school meals" },
    terms: { children: SCHOOL_AGE, amount: { kind: "none" }, scheduleMonths: 12 },
  },
  {
    code: "preschool-payment",
    packageServiceCode: LARGE_FAMILY_PACKAGE,
    serviceCode: "58-SOC-002",
    position: 6,
    title: { ru: "610 ₽ в год на каждого ребёнка до 6 лет", en: "610 ₽ a year per child under 6" },
    terms: { children: { minYears: 0, maxYears: 6 }, amount: { kind: "yearly", kopecks: 61_000 }, scheduleMonths: 12 },
  },
];
