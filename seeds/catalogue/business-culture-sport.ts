import type { ServiceSeed } from "~/domain/catalogue/service-content";
import { childField, commonGrounds, doc, residents, service, step, t } from "./parts";

export const businessServices: ServiceSeed[] = [
  service({
    code: "58-BUS-001",
    slug: "alcohol-retail-licence",
    category: "business",
    department: "mineconom",
    lifeSituations: ["starting-business"],
    level: "regional",
    deadlineDays: 30,
    mszu: false,
    delivery: "online",
    popularity: 400,
    title: t("Лицензия на розничную продажу алкогольной продукции", "Alcohol retail licence"),
    summary: t(
      "Выдача, продление и переоформление лицензии для магазинов и кафе",
      "Issue, renewal and amendment of the licence for shops and cafés",
    ),
    description: t(
      "Лицензию получают организации; проверка помещения проводится выездом. Срок рассмотрения — 30 рабочих дней.",
      "Licences are issued to companies; the premises are inspected on site. Term — 30 working days.",
    ),
    keywords: { ru: ["лицензия", "алкоголь", "продажа алкоголя", "магазин"], en: ["licence", "alcohol", "retail"] },
    applicants: [t("Организации", "Companies")],
    documents: [
      { title: t("Документы на помещение", "Documents for the premises"), source: "applicant" },
      { title: t("Сведения об уплате госпошлины", "Proof of the state fee"), source: "interagency" },
    ],
    result: t("Лицензия в реестре лицензий", "A licence in the register"),
    cost: t("Госпошлина 65 000 ₽ за каждый год срока действия", "State fee 65,000 ₽ per year of validity"),
    refusalGrounds: [
      {
        code: "premises-not-compliant",
        title: t("Помещение не соответствует требованиям", "The premises do not comply"),
      },
      { code: "tax-debt", title: t("Задолженность по налогам", "Tax debt") },
    ],
    steps: [
      step("company", t("Организация", "Company"), [
        { kind: "inn", name: "inn", label: t("ИНН организации", "Company INN") },
        { kind: "address", name: "premisesAddress", label: t("Адрес торгового объекта", "Address of the outlet") },
        { kind: "number", name: "years", label: t("Срок лицензии, лет", "Licence term, years"), min: 1, max: 5 },
      ]),
    ],
  }),
  service({
    code: "58-BUS-002",
    slug: "young-entrepreneur-grant",
    category: "business",
    department: "mineconom",
    lifeSituations: ["starting-business"],
    level: "regional",
    deadlineDays: 30,
    mszu: false,
    delivery: "online",
    popularity: 900,
    title: t("Грант молодым предпринимателям", "Grant for young entrepreneurs"),
    summary: t(
      "До 500 000 ₽ на запуск бизнеса предпринимателям до 25 лет",
      "Up to 500,000 ₽ to start a business for entrepreneurs under 25",
    ),
    description: t(
      "Грант выдаётся на конкурсе бизнес-проектов при софинансировании не менее 25% собственных средств.",
      "Awarded in a business-plan competition with at least 25% co-funding from your own money.",
    ),
    keywords: {
      ru: ["грант", "молодой предприниматель", "свой бизнес", "субсидия бизнесу"],
      en: ["grant", "young entrepreneur", "startup"],
    },
    applicants: [t("ИП и организации, где владельцу до 25 лет", "Sole traders and companies owned by people under 25")],
    documents: [
      { title: t("Бизнес-план", "Business plan"), source: "applicant" },
      { title: t("Выписка из ЕГРИП/ЕГРЮЛ", "Register extract"), source: "interagency" },
    ],
    result: t("Решение конкурсной комиссии и договор о гранте", "The committee's decision and a grant agreement"),
    refusalGrounds: [
      { code: "not-selected", title: t("Проект не прошёл конкурсный отбор", "The project was not selected") },
      commonGrounds.notEligible,
    ],
    steps: [
      step("project", t("Проект", "Project"), [
        { kind: "inn", name: "inn", label: t("ИНН", "INN") },
        { kind: "text", name: "projectName", label: t("Название проекта", "Project name") },
        { kind: "number", name: "amount", label: t("Сумма гранта, ₽", "Grant amount, ₽"), min: 50000, max: 500000 },
        { kind: "file", name: "businessPlan", label: t("Бизнес-план", "Business plan") },
      ]),
    ],
  }),
  service({
    code: "58-BUS-003",
    slug: "retail-kiosk-placement",
    category: "business",
    department: "penza-admin",
    lifeSituations: ["starting-business"],
    level: "municipal",
    deadlineDays: 20,
    mszu: false,
    delivery: "online",
    popularity: 350,
    title: t("Размещение нестационарного торгового объекта", "Placing a kiosk or street stall"),
    summary: t(
      "Договор на размещение киоска или павильона по схеме НТО",
      "A contract to place a kiosk or pavilion in the city's approved scheme",
    ),
    description: t(
      "Места для киосков и павильонов определены схемой размещения. Договор заключается на срок до 5 лет.",
      "Sites for kiosks and pavilions are set by the city's scheme. Contracts run for up to 5 years.",
    ),
    keywords: { ru: ["киоск", "НТО", "павильон", "торговля"], en: ["kiosk", "stall", "street trading"] },
    applicants: [t("ИП и организации", "Sole traders and companies")],
    documents: [{ title: t("Эскиз объекта", "Design sketch"), source: "applicant" }],
    result: t("Договор на размещение", "A placement contract"),
    refusalGrounds: [
      { code: "site-not-in-scheme", title: t("Места нет в схеме размещения", "The site is not in the scheme") },
    ],
    steps: [
      step("site", t("Место", "Site"), [
        { kind: "inn", name: "inn", label: t("ИНН", "INN") },
        { kind: "text", name: "siteNumber", label: t("Номер места по схеме", "Site number in the scheme") },
        {
          kind: "select",
          name: "specialisation",
          label: t("Специализация", "Trade"),
          options: [
            { value: "food", label: t("Продукты", "Food") },
            { value: "press", label: t("Печать", "Newspapers") },
            { value: "flowers", label: t("Цветы", "Flowers") },
          ],
        },
      ]),
    ],
  }),
];

export const cultureSportServices: ServiceSeed[] = [
  service({
    code: "58-CUL-001",
    slug: "library-card",
    category: "culture-sport",
    department: "minkult",
    lifeSituations: ["leisure"],
    level: "regional",
    deadlineDays: 1,
    mszu: false,
    delivery: "online",
    popularity: 800,
    title: t("Читательский билет областной библиотеки", "Regional library card"),
    summary: t(
      "Электронный читательский билет библиотеки им. Лермонтова",
      "An electronic card for the Lermontov Regional Library",
    ),
    description: t(
      "С билетом можно брать книги в библиотеке и читать электронную коллекцию из дома.",
      "With the card you can borrow books and read the electronic collection from home.",
    ),
    keywords: { ru: ["библиотека", "читательский билет", "книги"], en: ["library", "library card", "books"] },
    applicants: [residents],
    documents: [doc.passport],
    result: t("Электронный читательский билет", "An electronic library card"),
    refusalGrounds: [commonGrounds.falseData],
    steps: [
      step("reader", t("Читатель", "Reader"), [
        { kind: "date", name: "birthDate", label: t("Дата рождения", "Date of birth"), max: "today" },
      ]),
    ],
  }),
  service({
    code: "58-CUL-002",
    slug: "museum-excursion-booking",
    category: "culture-sport",
    department: "minkult",
    lifeSituations: ["leisure"],
    level: "regional",
    deadlineDays: 0,
    mszu: false,
    delivery: "visit",
    popularity: 1300,
    title: t("Запись на экскурсию в музей по «Пушкинской карте»", "Museum tour booking with the Pushkin card"),
    summary: t(
      "Экскурсии в музеях области для молодёжи 14–22 лет по «Пушкинской карте»",
      "Museum tours for 14–22-year-olds paid with the Pushkin card",
    ),
    description: t(
      "Выберите музей и дату — билет придёт в личный кабинет. Оплата «Пушкинской картой» на сайте музея.",
      "Choose a museum and a date — the ticket arrives in your account. Pay with the Pushkin card on the museum's site.",
    ),
    keywords: {
      ru: ["музей", "экскурсия", "пушкинская карта", "билеты"],
      en: ["museum", "tour", "Pushkin card", "tickets"],
    },
    applicants: [t("Молодёжь 14–22 лет и все желающие", "Young people aged 14–22 and everyone else")],
    documents: [],
    result: t("Электронный билет", "An electronic ticket"),
    cost: t(
      "По цене билета; для держателей «Пушкинской карты» — за счёт карты",
      "The ticket price; paid from the Pushkin card for holders",
    ),
    refusalGrounds: [{ code: "sold-out", title: t("Нет свободных мест", "Sold out") }],
    visitNote: t(
      "Приходите в музей с паспортом за 15 минут до начала",
      "Come to the museum with your passport 15 minutes early",
    ),
    steps: [
      step("visit", t("Посещение", "Visit"), [
        {
          kind: "select",
          name: "museum",
          label: t("Музей", "Museum"),
          options: [
            { value: "kraevedchesky", label: t("Пензенский краеведческий музей", "Penza Local History Museum") },
            { value: "savitsky", label: t("Картинная галерея им. Савицкого", "Savitsky Art Gallery") },
            { value: "tarkhany", label: t("Музей-заповедник «Тарханы»", "Tarkhany museum estate") },
          ],
        },
        { kind: "date", name: "visitDate", label: t("Дата", "Date"), min: "today" },
        { kind: "number", name: "visitors", label: t("Число посетителей", "Number of visitors"), min: 1, max: 10 },
      ]),
    ],
  }),
  service({
    code: "58-SPT-001",
    slug: "sports-rank",
    category: "culture-sport",
    department: "minsport",
    lifeSituations: ["leisure"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    popularity: 500,
    title: t("Присвоение спортивного разряда", "Awarding a sports rank"),
    summary: t(
      "Кандидат в мастера спорта и первый спортивный разряд",
      "Candidate Master of Sport and first-class ranks",
    ),
    description: t(
      "Представление подаёт спортивная федерация или организация, где занимается спортсмен, с протоколами соревнований.",
      "The sports federation or club submits the request with the competition results.",
    ),
    keywords: {
      ru: ["спортивный разряд", "КМС", "спорт", "соревнования"],
      en: ["sports rank", "sport", "competition"],
    },
    applicants: [t("Спортивные федерации и организации", "Sports federations and clubs")],
    documents: [{ title: t("Протокол соревнований", "Competition results"), source: "applicant" }],
    result: t("Приказ о присвоении разряда", "An order awarding the rank"),
    refusalGrounds: [
      { code: "norms-not-met", title: t("Не выполнены нормы разряда", "The rank requirements are not met") },
    ],
    steps: [
      step("athlete", t("Спортсмен", "Athlete"), [
        { kind: "personName", name: "athleteName", label: t("ФИО спортсмена", "Athlete's full name") },
        { kind: "text", name: "sport", label: t("Вид спорта", "Sport") },
        { kind: "file", name: "protocol", label: t("Протокол соревнований", "Competition results") },
      ]),
    ],
  }),
  service({
    code: "58-SPT-002",
    slug: "gto-testing",
    category: "culture-sport",
    department: "minsport",
    lifeSituations: ["leisure", "child-goes-to-school"],
    level: "regional",
    deadlineDays: 5,
    mszu: false,
    delivery: "visit",
    popularity: 1100,
    title: t("Запись на сдачу нормативов ГТО", "Registering for the GTO fitness tests"),
    summary: t(
      "Запись в центр тестирования ГТО и получение знака отличия",
      "Book the GTO fitness tests and get the badge",
    ),
    description: t(
      "Выберите центр тестирования и дату. Школьникам знак ГТО даёт дополнительные баллы при поступлении.",
      "Choose a testing centre and a date. For school leavers the GTO badge adds points to university applications.",
    ),
    keywords: { ru: ["ГТО", "нормативы", "значок ГТО", "физкультура"], en: ["GTO", "fitness test", "badge"] },
    applicants: [t("Жители от 6 лет", "Residents aged 6 and over")],
    documents: [{ title: t("Медицинский допуск", "Medical clearance"), source: "applicant" }],
    result: t("Результаты испытаний и знак отличия ГТО", "Test results and the GTO badge"),
    refusalGrounds: [{ code: "no-medical-clearance", title: t("Нет медицинского допуска", "No medical clearance") }],
    visitNote: t(
      "Испытания проходят в центре тестирования в выбранный день",
      "Tests take place at the centre on the chosen day",
    ),
    steps: [
      step("test", t("Испытания", "Tests"), [
        {
          ...childField("participant", t("Ребёнок, если записываете ребёнка", "Child, if registering a child"), {
            minAgeYears: 6,
          }),
          required: false,
        },
        { kind: "date", name: "testDate", label: t("Дата", "Date"), min: "today" },
      ]),
    ],
  }),
];
