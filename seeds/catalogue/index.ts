import type { CategorySeed, DepartmentSeed, LifeSituationSeed, ServiceSeed } from "~/domain/catalogue/service-content";
import { t } from "./parts";
import { educationServices } from "./education";
import { socialSupportServices } from "./social-support";
import { employmentServices, familyServices } from "./family-and-work";
import { housingServices, propertyServices } from "./housing-and-property";
import { healthServices, transportServices } from "./health-and-transport";
import { businessServices, cultureSportServices } from "./business-culture-sport";

/*
 * The demo catalogue of Penza oblast. Names of departments and municipalities are real; service
 * texts are written for the demo and simplified, deadlines follow docs/catalogue.md where it gives them.
 */

export const departments: DepartmentSeed[] = [
  { code: "minobr", name: t("Министерство образования Пензенской области", "Ministry of Education of Penza Oblast") },
  {
    code: "mintrud",
    name: t(
      "Министерство труда, социальной защиты и демографии Пензенской области",
      "Ministry of Labour, Social Protection and Demography of Penza Oblast",
    ),
  },
  {
    code: "minzdrav",
    name: t("Министерство здравоохранения Пензенской области", "Ministry of Health of Penza Oblast"),
  },
  {
    code: "minzhkh",
    name: t(
      "Министерство ЖКХ и гражданской защиты населения Пензенской области",
      "Ministry of Housing, Utilities and Civil Protection of Penza Oblast",
    ),
  },
  {
    code: "mintrans",
    name: t(
      "Министерство транспорта и дорожного хозяйства Пензенской области",
      "Ministry of Transport and Roads of Penza Oblast",
    ),
  },
  {
    code: "mineconom",
    name: t(
      "Министерство экономического развития и промышленности Пензенской области",
      "Ministry of Economic Development and Industry of Penza Oblast",
    ),
  },
  {
    code: "minkult",
    name: t("Министерство культуры и туризма Пензенской области", "Ministry of Culture and Tourism of Penza Oblast"),
  },
  {
    code: "minsport",
    name: t("Министерство физической культуры и спорта Пензенской области", "Ministry of Sport of Penza Oblast"),
  },
  {
    code: "minimushchestvo",
    name: t("Министерство государственного имущества Пензенской области", "Ministry of State Property of Penza Oblast"),
  },
  {
    code: "zags",
    name: t("Управление ЗАГС Пензенской области", "Civil Registry Office of Penza Oblast"),
  },
  {
    code: "penza-education",
    name: t("Управление образования города Пензы", "Education Department of the City of Penza"),
  },
  { code: "penza-admin", name: t("Администрация города Пензы", "Administration of the City of Penza") },
  {
    code: "employment-centre",
    name: t("Центр занятости населения Пензенской области", "Employment Centre of Penza Oblast"),
  },
];

export const categories: CategorySeed[] = [
  {
    slug: "education",
    title: t("Образование", "Education"),
    description: t(
      "Школа, детский сад, кружки и секции, отдых детей",
      "School, kindergarten, clubs and children's holidays",
    ),
    position: 1,
  },
  {
    slug: "social-support",
    title: t("Социальная поддержка", "Social support"),
    description: t(
      "Пособия, компенсации, льготы и статус многодетной семьи",
      "Allowances, compensations, benefits and large-family status",
    ),
    position: 2,
  },
  {
    slug: "family",
    title: t("Семья и дети", "Family and children"),
    description: t("Рождение ребёнка, брак, опека", "Birth of a child, marriage, guardianship"),
    position: 3,
  },
  {
    slug: "housing",
    title: t("ЖКХ и жильё", "Housing and utilities"),
    description: t("Оплата ЖКУ, субсидии, жилищный учёт, капремонт", "Utility bills, subsidies, housing register"),
    position: 4,
  },
  {
    slug: "health",
    title: t("Здоровье", "Health"),
    description: t("Запись к врачу, лекарства, полис, санатории", "Doctor's appointments, medicines, health resorts"),
    position: 5,
  },
  {
    slug: "transport",
    title: t("Транспорт и дороги", "Transport and roads"),
    description: t("Проездные, такси, парковки, дороги", "Travel cards, taxis, parking, roads"),
    position: 6,
  },
  {
    slug: "business",
    title: t("Бизнес и предпринимательство", "Business"),
    description: t("Лицензии, поддержка предпринимателей, торговля", "Licences, support for entrepreneurs, trade"),
    position: 7,
  },
  {
    slug: "culture-sport",
    title: t("Культура, спорт и туризм", "Culture, sport and tourism"),
    description: t("Музеи, библиотеки, спортивные разряды, ГТО", "Museums, libraries, sports ranks, GTO"),
    position: 8,
  },
  {
    slug: "property",
    title: t("Земля и имущество", "Land and property"),
    description: t("Земельные участки, аренда, архивные справки", "Land plots, leases, archive certificates"),
    position: 9,
  },
  {
    slug: "employment",
    title: t("Работа и занятость", "Work and employment"),
    description: t("Поиск работы, пособие по безработице, обучение", "Job search, unemployment benefit, training"),
    position: 10,
  },
];

export const lifeSituations: LifeSituationSeed[] = [
  { slug: "birth-of-child", title: t("Рождение ребёнка", "Birth of a child"), position: 1 },
  { slug: "child-goes-to-school", title: t("Ребёнок идёт в школу", "Child starts school"), position: 2 },
  { slug: "large-family", title: t("Многодетная семья", "Large family"), position: 3 },
  { slug: "low-income", title: t("Малоимущая семья", "Low-income family"), position: 4 },
  { slug: "moving-house", title: t("Переезд и новое жильё", "Moving house"), position: 5 },
  { slug: "retirement", title: t("Выход на пенсию", "Retirement"), position: 6 },
  { slug: "disability", title: t("Инвалидность", "Disability"), position: 7 },
  { slug: "starting-business", title: t("Открытие бизнеса", "Starting a business"), position: 8 },
  { slug: "job-loss", title: t("Потеря работы", "Losing a job"), position: 9 },
  { slug: "leisure", title: t("Досуг и спорт", "Leisure and sport"), position: 10 },
];

export const services: ServiceSeed[] = [
  ...educationServices,
  ...socialSupportServices,
  ...familyServices,
  ...housingServices,
  ...healthServices,
  ...transportServices,
  ...businessServices,
  ...cultureSportServices,
  ...propertyServices,
  ...employmentServices,
];
