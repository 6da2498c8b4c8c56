import { OKTMO, type PenzaDistrict } from "./schools-data";

/*
 * The region's address list for the demo territories: the streets of the demo schools' settlements
 * with their houses. Street names are real names of those towns, the house numbers invented: every
 * number from 1 to `lastHouse`, plus buildings with letters and blocks ("12А", "12 к2") chosen by a
 * seeded generator in seeds/schools.ts, plus the `extra` ones named here.
 */

export type StreetSeed = {
  oktmo: string;
  settlement: string;
  name: string;
  lastHouse: number;
  /** Houses besides 1…lastHouse, as an act writes them. */
  extra?: string[];
  /** Penza's city district: which schools' territories the street is shared out among. */
  district?: PenzaDistrict;
};

const inPenza = (district: PenzaDistrict, streets: [name: string, lastHouse: number, extra?: string[]][]) =>
  streets.map(([name, lastHouse, extra]): StreetSeed => ({
    oktmo: OKTMO.penza,
    settlement: "Пенза",
    name,
    lastHouse,
    extra,
    district,
  }));

const inSettlement = (oktmo: string, settlement: string, streets: [name: string, lastHouse: number][]) =>
  streets.map(([name, lastHouse]): StreetSeed => ({ oktmo, settlement, name, lastHouse }));

export const STREETS: StreetSeed[] = [
  ...inPenza("Ленинский", [
    // The demo parent lives at ул. Московская, 11 (seeds/accounts.ts): schools 112 and 115.
    ["ул. Московская", 120, ["11А", "12А", "12 к2", "14/1"]],
    ["ул. Кирова", 70],
    ["ул. Карла Маркса", 40],
    ["ул. Володарского", 90],
    ["ул. Пушкина", 60],
    ["ул. Гоголя", 55],
    ["ул. Лермонтова", 45],
    ["ул. Красная", 110],
    ["ул. Бакунина", 130],
    ["ул. Горького", 80],
    ["ул. Богданова", 60],
    ["ул. Славы", 12],
    ["ул. Чехова", 40],
  ]),
  ...inPenza("Октябрьский", [
    ["пр. Победы", 150],
    ["ул. Луначарского", 60],
    ["ул. Кулакова", 25],
    ["ул. Ладожская", 160],
    ["ул. Антонова", 70],
    ["ул. Тернопольская", 20],
    ["ул. Ворошилова", 30],
    ["ул. Бородина", 30],
    ["ул. Рахманинова", 40],
    ["ул. Кронштадтская", 20],
    ["ул. Лядова", 60],
  ]),
  ...inPenza("Первомайский", [
    ["ул. Окружная", 90],
    ["ул. Измайлова", 80],
    ["ул. Минская", 40],
    ["ул. Калинина", 120],
    ["ул. Баумана", 40],
    ["ул. Тамбовская", 30],
    ["пр. Строителей", 180],
    ["ул. Собинова", 20],
    ["ул. Ульяновская", 60],
    ["ул. Пролетарская", 50],
    ["ул. Мира", 60],
  ]),
  ...inPenza("Железнодорожный", [
    ["ул. Аустрина", 180],
    ["ул. Литвинова", 50],
    ["ул. Кижеватова", 40],
    ["ул. Медицинская", 30],
    ["ул. Ударная", 50],
    ["ул. Сурская", 20],
    ["ул. Транспортная", 25],
    ["ул. Локомотивная", 30],
    ["ул. Клары Цеткин", 60],
    ["ул. 8 Марта", 40],
    ["ул. Бийская", 35],
  ]),
  ...inSettlement(OKTMO.kuznetsk, "Кузнецк", [
    ["ул. Ленина", 290],
    ["ул. Маяковского", 60],
    ["ул. Белинского", 50],
    ["ул. Победы", 80],
    ["ул. Рабочая", 280],
    ["ул. Гражданская", 90],
    ["ул. Комсомольская", 60],
    ["ул. Калинина", 110],
    ["ул. Свердлова", 120],
  ]),
  ...inSettlement(OKTMO.zarechny, "Заречный", [
    ["ул. Ленина", 60],
    ["ул. Спортивная", 20],
    ["пр. 30-летия Победы", 50],
    ["ул. Зелёная", 20],
    ["ул. Комсомольская", 40],
    ["ул. Строителей", 30],
    ["ул. Конституции", 20],
  ]),
  ...inSettlement(OKTMO.bashmakovo, "Башмаково", [
    ["ул. Советская", 90],
    ["ул. Механизаторов", 40],
    ["ул. Школьная", 30],
  ]),
  ...inSettlement(OKTMO.bashmakovo, "Соседка", [
    ["ул. Центральная", 60],
    ["ул. Садовая", 25],
  ]),
  ...inSettlement(OKTMO.bashmakovo, "Знаменское", [
    ["ул. Молодёжная", 30],
    ["ул. Центральная", 45],
  ]),
  ...inSettlement(OKTMO.narovchat, "Наровчат", [
    ["ул. Советская", 80],
    ["ул. Куприна", 40],
    ["ул. Школьная", 25],
  ]),
  ...inSettlement(OKTMO.narovchat, "Большая Кавендра", [
    ["ул. Центральная", 70],
    ["ул. Полевая", 20],
  ]),
  ...inSettlement(OKTMO.narovchat, "Проказна", [
    ["ул. Садовая", 30],
    ["ул. Центральная", 40],
  ]),
  ...inSettlement(OKTMO.pachelma, "Пачелма", [
    ["ул. Советская", 100],
    ["ул. Лермонтова", 40],
    ["ул. Пионерская", 30],
  ]),
  ...inSettlement(OKTMO.pachelma, "Белынь", [
    ["ул. Школьная", 25],
    ["ул. Центральная", 50],
  ]),
  ...inSettlement(OKTMO.pachelma, "Титово", [
    ["ул. Центральная", 40],
    ["ул. Заречная", 20],
  ]),
];
