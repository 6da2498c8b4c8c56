/*
 * The demo schools that take first-graders (docs/enrollment.md): numbered from 100 up and marked
 * «(демо)», in Penza's four city districts, Kuznetsk, Zarechny and three rural districts. Municipality
 * names and ОКТМО codes are real (app/domain/region/municipalities.ts); the schools, their addresses
 * and their places are invented. The first-grade form offers every one of them; the demo officer
 * school112@… works for No. 112.
 */

export const OKTMO = {
  penza: "56701000",
  kuznetsk: "56705000",
  zarechny: "56734000",
  bashmakovo: "56603000",
  narovchat: "56647000",
  pachelma: "56654000",
} as const;

export type PenzaDistrict = "Ленинский" | "Октябрьский" | "Первомайский" | "Железнодорожный";

/** Adapted programmes (адаптированные образовательные программы) a school may offer, by code. */
export const ADAPTED_PROGRAMMES = ["speech", "delay", "autism", "motor", "vision", "hearing"] as const;
export type AdaptedProgramme = (typeof ADAPTED_PROGRAMMES)[number];

export type SchoolSeed = {
  code: string;
  name: { ru: string; en: string };
  oktmo: string;
  district?: PenzaDistrict;
  /** The settlement as the address list names it ("Пенза", "Соседка"). */
  settlement: string;
  /** The school's address: a street of the address list and a house. */
  address: string;
  languages?: string[];
  adapted?: AdaptedProgramme[];
  boarding?: boolean;
  /** First-grade places: classes × class size, the same both years unless `seats2027` says otherwise. */
  seats: [classes: number, classSize: number];
  seats2027?: [classes: number, classSize: number];
};

type Extra = Partial<Pick<SchoolSeed, "languages" | "adapted" | "boarding" | "seats2027">>;

const penza = (
  code: number,
  district: PenzaDistrict,
  street: string,
  house: string,
  seats: [number, number],
  extra: Extra & { kind?: "лицей" | "гимназия" } = {},
): SchoolSeed => {
  const { kind, ...rest } = extra;
  const ruKind = kind === undefined ? "МБОУ СОШ" : `МБОУ ${kind}`;
  const enKind = kind === "лицей" ? "Lyceum" : kind === "гимназия" ? "Gymnasium" : "School";
  return {
    code: String(code),
    name: { ru: `${ruKind} № ${code} г. Пензы (демо)`, en: `${enKind} No. ${code}, Penza (demo)` },
    oktmo: OKTMO.penza,
    district,
    settlement: "Пенза",
    address: `г. Пенза, ${street}, ${house}`,
    seats,
    ...rest,
  };
};

const town = (
  code: number,
  where: "kuznetsk" | "zarechny",
  street: string,
  house: string,
  seats: [number, number],
  extra: Extra = {},
): SchoolSeed => ({
  code: String(code),
  name:
    where === "kuznetsk"
      ? { ru: `МБОУ СОШ № ${code} г. Кузнецка (демо)`, en: `School No. ${code}, Kuznetsk (demo)` }
      : { ru: `МОУ СОШ № ${code} г. Заречного (демо)`, en: `School No. ${code}, Zarechny (demo)` },
  oktmo: OKTMO[where],
  settlement: where === "kuznetsk" ? "Кузнецк" : "Заречный",
  address: `г. ${where === "kuznetsk" ? "Кузнецк" : "Заречный"}, ${street}, ${house}`,
  seats,
  ...extra,
});

/** A village (с.) or district-centre (р.п.) school: «МБОУ СОШ с. Соседка (демо)». */
const village = (
  code: number,
  oktmo: string,
  kind: "с." | "р.п.",
  settlement: string,
  en: string,
  street: string,
  house: string,
  seats: [number, number],
  extra: Extra = {},
): SchoolSeed => ({
  code: String(code),
  name: {
    ru: `МБОУ СОШ ${kind} ${settlement} (демо)`,
    en: `${en} ${kind === "с." ? "village" : "settlement"} school (demo)`,
  },
  oktmo,
  settlement,
  address: `${kind} ${settlement}, ${street}, ${house}`,
  seats,
  ...extra,
});

export const SCHOOLS: SchoolSeed[] = [
  // Penza, Ленинский district (the centre).
  penza(100, "Ленинский", "ул. Кирова", "41", [4, 25]),
  penza(104, "Ленинский", "ул. Володарского", "8", [3, 30]),
  penza(108, "Ленинский", "ул. Гоголя", "22", [3, 25], { kind: "гимназия" }),
  penza(112, "Ленинский", "ул. Московская", "40", [6, 30]),
  penza(115, "Ленинский", "ул. Пушкина", "15", [5, 30], { adapted: ["speech"] }),
  penza(116, "Ленинский", "ул. Красная", "34", [2, 25]),
  penza(120, "Ленинский", "ул. Бакунина", "27", [3, 25], { languages: ["ru", "tt"] }),
  penza(124, "Ленинский", "ул. Горького", "50", [2, 25], { adapted: ["delay", "autism"] }),
  // Октябрьский.
  penza(101, "Октябрьский", "пр. Победы", "71", [6, 30], { kind: "лицей" }),
  penza(105, "Октябрьский", "ул. Луначарского", "33", [3, 30]),
  penza(109, "Октябрьский", "ул. Кулакова", "12", [4, 25], { seats2027: [3, 25] }),
  penza(113, "Октябрьский", "ул. Ладожская", "101", [5, 30]),
  penza(117, "Октябрьский", "ул. Антонова", "5", [3, 25]),
  penza(121, "Октябрьский", "ул. Тернопольская", "14", [6, 30], { seats2027: [5, 30] }),
  penza(126, "Октябрьский", "ул. Ворошилова", "9", [2, 25], { adapted: ["motor"] }),
  penza(128, "Октябрьский", "ул. Бородина", "16", [4, 25]),
  // Первомайский.
  penza(102, "Первомайский", "ул. Окружная", "3", [3, 30]),
  penza(106, "Первомайский", "ул. Измайлова", "44", [6, 30]),
  penza(110, "Первомайский", "ул. Минская", "19", [4, 25], { languages: ["ru", "tt"] }),
  penza(114, "Первомайский", "ул. Калинина", "110", [3, 25]),
  penza(118, "Первомайский", "ул. Баумана", "28", [2, 25], { adapted: ["vision", "hearing"] }),
  penza(122, "Первомайский", "пр. Строителей", "62", [5, 30]),
  penza(127, "Первомайский", "ул. Собинова", "7", [3, 30]),
  // Железнодорожный.
  penza(103, "Железнодорожный", "ул. Аустрина", "160", [3, 25]),
  penza(107, "Железнодорожный", "ул. Литвинова", "8", [4, 25]),
  penza(111, "Железнодорожный", "ул. Кижеватова", "25", [3, 30], { kind: "гимназия" }),
  penza(119, "Железнодорожный", "ул. Медицинская", "6", [2, 25]),
  penza(123, "Железнодорожный", "ул. Ударная", "36", [3, 25], { adapted: ["speech", "delay"] }),
  {
    // The one boarding school (школа-интернат): its own name pattern.
    ...penza(125, "Железнодорожный", "ул. Сурская", "4", [2, 25], { boarding: true, adapted: ["delay"] }),
    name: { ru: "МБОУ школа-интернат № 125 г. Пензы (демо)", en: "Boarding School No. 125, Penza (demo)" },
  },
  penza(129, "Железнодорожный", "ул. 8 Марта", "30", [4, 25]),

  // Kuznetsk.
  town(130, "kuznetsk", "ул. Ленина", "190", [5, 30]),
  town(131, "kuznetsk", "ул. Маяковского", "23", [3, 25]),
  town(132, "kuznetsk", "ул. Белинского", "11", [3, 25], { languages: ["ru", "tt"] }),
  town(133, "kuznetsk", "ул. Победы", "56", [2, 25]),
  town(134, "kuznetsk", "ул. Рабочая", "250", [4, 25], { adapted: ["speech"] }),
  town(135, "kuznetsk", "ул. Гражданская", "42", [2, 25]),

  // Zarechny.
  town(136, "zarechny", "ул. Ленина", "10", [4, 25]),
  town(137, "zarechny", "ул. Спортивная", "2", [3, 30]),
  town(138, "zarechny", "пр. 30-летия Победы", "25", [4, 25], { adapted: ["autism"] }),
  town(139, "zarechny", "ул. Зелёная", "8", [2, 25]),

  // Башмаковский district.
  village(140, OKTMO.bashmakovo, "р.п.", "Башмаково", "Bashmakovo", "ул. Советская", "32", [2, 25]),
  village(141, OKTMO.bashmakovo, "с.", "Соседка", "Sosedka", "ул. Центральная", "1", [1, 25]),
  village(142, OKTMO.bashmakovo, "с.", "Знаменское", "Znamenskoye", "ул. Молодёжная", "5", [1, 25]),
  // Наровчатский district.
  village(143, OKTMO.narovchat, "с.", "Наровчат", "Narovchat", "ул. Советская", "20", [2, 25], {
    languages: ["ru", "mdf"],
  }),
  village(144, OKTMO.narovchat, "с.", "Большая Кавендра", "Bolshaya Kavendra", "ул. Центральная", "12", [1, 25], {
    languages: ["ru", "mdf"],
  }),
  village(145, OKTMO.narovchat, "с.", "Проказна", "Prokazna", "ул. Садовая", "3", [1, 25]),
  // Пачелмский district.
  village(146, OKTMO.pachelma, "р.п.", "Пачелма", "Pachelma", "ул. Советская", "42", [2, 25]),
  village(147, OKTMO.pachelma, "с.", "Белынь", "Belyn", "ул. Школьная", "1", [1, 25], { languages: ["ru", "mdf"] }),
  village(148, OKTMO.pachelma, "с.", "Титово", "Titovo", "ул. Центральная", "15", [1, 25]),
];
