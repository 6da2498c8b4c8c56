import type { ServiceSeed } from "~/domain/catalogue/service-content";
import { childField, commonGrounds, doc, documentsStep, identityStep, residents, service, step, t } from "./parts";

export const familyServices: ServiceSeed[] = [
  service({
    code: "58-FAM-001",
    slug: "birth-registration",
    category: "family",
    department: "zags",
    lifeSituations: ["birth-of-child"],
    level: "regional",
    deadlineDays: 1,
    mszu: true,
    delivery: "online",
    popularity: 2600,
    title: t("Государственная регистрация рождения", "Registration of a child's birth"),
    summary: t(
      "Регистрация рождения ребёнка и получение свидетельства о рождении",
      "Register your child's birth and get the birth certificate",
    ),
    description: t(
      "Заявление можно подать онлайн в течение месяца после рождения. Медицинское свидетельство о рождении ЗАГС получит из роддома сам, а свидетельство о рождении выдадут в назначенный день.",
      "Apply online within a month of the birth. The registry office obtains the medical birth record from the maternity hospital itself and hands over the certificate on the appointed day.",
    ),
    keywords: {
      ru: ["рождение", "свидетельство о рождении", "ЗАГС", "новорождённый", "регистрация ребёнка"],
      en: ["birth", "birth certificate", "registry office", "newborn"],
    },
    applicants: [t("Родители ребёнка", "The child's parents")],
    documents: [
      doc.passport,
      { title: t("Медицинское свидетельство о рождении", "Medical birth record"), source: "interagency" },
    ],
    result: t("Свидетельство о рождении ребёнка", "The child's birth certificate"),
    refusalGrounds: [
      { code: "no-medical-record", title: t("Нет медицинского свидетельства о рождении", "No medical birth record") },
    ],
    steps: [
      step("child", t("Ребёнок", "Child"), [
        { kind: "personName", name: "childName", label: t("Имя ребёнка", "Child's name") },
        { kind: "date", name: "birthDate", label: t("Дата рождения", "Date of birth"), max: "today" },
        {
          kind: "radio",
          name: "sex",
          label: t("Пол", "Sex"),
          options: [
            { value: "f", label: t("Женский", "Female") },
            { value: "m", label: t("Мужской", "Male") },
          ],
        },
        { kind: "text", name: "maternityHospital", label: t("Роддом", "Maternity hospital") },
      ]),
    ],
  }),
  service({
    code: "58-FAM-002",
    slug: "marriage-registration",
    category: "family",
    department: "zags",
    lifeSituations: [],
    level: "regional",
    deadlineDays: 1,
    mszu: true,
    delivery: "visit",
    popularity: 1900,
    title: t("Государственная регистрация заключения брака", "Marriage registration"),
    summary: t(
      "Заявление о регистрации брака и выбор даты церемонии",
      "Apply to register a marriage and choose the ceremony date",
    ),
    description: t(
      "Заявление подают оба будущих супруга не ранее чем за год и не позднее чем за месяц до желаемой даты. Брак регистрируется в присутствии обоих.",
      "Both partners apply no earlier than a year and no later than a month before the chosen date. The marriage is registered with both present.",
    ),
    keywords: {
      ru: ["брак", "свадьба", "ЗАГС", "регистрация брака", "пошлина"],
      en: ["marriage", "wedding", "registry office"],
    },
    applicants: [t("Совершеннолетние граждане, не состоящие в браке", "Adults who are not married")],
    documents: [
      doc.passport,
      {
        title: t("Документ о расторжении прежнего брака, если был", "Proof of divorce, if previously married"),
        source: "applicant",
        optional: true,
      },
    ],
    result: t("Свидетельство о заключении брака", "Marriage certificate"),
    cost: t(
      "Госпошлина 350 ₽ (со скидкой 30% при оплате на портале)",
      "State fee 350 ₽ (30% off when paid on the portal)",
    ),
    refusalGrounds: [
      {
        code: "obstacle-to-marriage",
        title: t("Есть обстоятельства, препятствующие браку", "A legal obstacle to the marriage"),
      },
    ],
    visitNote: t(
      "Регистрация проходит в отделе ЗАГС в присутствии обоих супругов",
      "The registration takes place at the registry office with both partners present",
    ),
    steps: [
      step("ceremony", t("Дата и место", "Date and place"), [
        { kind: "personName", name: "partnerName", label: t("ФИО второго супруга", "Partner's full name") },
        { kind: "snils", name: "partnerSnils", label: t("СНИЛС второго супруга", "Partner's SNILS") },
        { kind: "date", name: "ceremonyDate", label: t("Желаемая дата", "Preferred date"), min: "today" },
        {
          kind: "select",
          name: "office",
          label: t("Отдел ЗАГС", "Registry office"),
          options: [
            { value: "penza-palace", label: t("Дворец бракосочетания г. Пензы", "Penza Wedding Palace") },
            { value: "kuznetsk", label: t("Отдел ЗАГС г. Кузнецка", "Kuznetsk registry office") },
            { value: "zarechny", label: t("Отдел ЗАГС г. Заречного", "Zarechny registry office") },
          ],
        },
      ]),
    ],
  }),
  service({
    code: "58-FAM-003",
    slug: "third-child-payment",
    category: "family",
    department: "mintrud",
    lifeSituations: ["birth-of-child", "large-family"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 1700,
    title: t("Региональная выплата при рождении третьего ребёнка", "Regional payment at the birth of a third child"),
    summary: t(
      "Единовременная выплата семьям при рождении третьего и последующих детей",
      "A one-off payment when a third or later child is born",
    ),
    description: t(
      "Выплата назначается, если ребёнок родился и семья проживает в Пензенской области. Заявление подаётся в течение 6 месяцев после рождения.",
      "Paid when the child is born and the family lives in Penza oblast. Apply within 6 months of the birth.",
    ),
    keywords: {
      ru: ["третий ребёнок", "выплата при рождении", "многодетная", "единовременная выплата"],
      en: ["third child", "birth payment", "large family"],
    },
    applicants: [t("Мать или отец ребёнка", "The child's mother or father")],
    documents: [
      doc.passport,
      doc.birthCertificate,
      {
        title: t("Свидетельства о рождении старших детей", "Birth certificates of the older children"),
        source: "interagency",
      },
    ],
    result: t("Выплата на банковский счёт", "Payment to your bank account"),
    refusalGrounds: [
      commonGrounds.notEligible,
      { code: "late-application", title: t("Пропущен срок обращения — 6 месяцев", "Applied after the 6-month limit") },
    ],
    steps: [
      step("child", t("Ребёнок", "Child"), [
        childField("child", t("Третий или следующий ребёнок", "Third or later child"), { maxAgeYears: 1 }),
      ]),
    ],
  }),
  service({
    code: "58-FAM-004",
    slug: "guardianship",
    category: "family",
    department: "mintrud",
    lifeSituations: [],
    level: "municipal",
    deadlineDays: 10,
    mszu: false,
    delivery: "visit",
    popularity: 300,
    title: t("Заключение о возможности быть опекуном", "Approval to become a guardian or foster parent"),
    summary: t(
      "Заключение органа опеки о возможности стать опекуном или приёмным родителем",
      "The guardianship authority's approval to become a guardian or foster parent",
    ),
    description: t(
      "Перед тем как принять ребёнка в семью, нужно пройти школу приёмных родителей и получить заключение органа опеки. Специалисты проверят условия жизни дома.",
      "Before taking a child into the family you need to complete the foster-parent course and get the authority's approval. Specialists visit your home.",
    ),
    keywords: { ru: ["опека", "приёмная семья", "усыновление", "опекун"], en: ["guardianship", "foster", "adoption"] },
    applicants: [residents, t("Совершеннолетние дееспособные граждане", "Adults with full legal capacity")],
    documents: [
      doc.passport,
      { title: t("Справка о состоянии здоровья", "Medical certificate"), source: "applicant" },
      {
        title: t("Свидетельство о прохождении школы приёмных родителей", "Foster-parent course certificate"),
        source: "applicant",
      },
      { title: t("Справка об отсутствии судимости", "Criminal record check"), source: "interagency" },
    ],
    result: t("Заключение о возможности быть опекуном", "Approval to be a guardian"),
    refusalGrounds: [commonGrounds.notEligible, commonGrounds.incomplete],
    visitNote: t("Специалисты органа опеки обследуют условия жизни дома", "Guardianship specialists visit your home"),
    steps: [
      identityStep(t("Адрес проживания", "Home address")),
      documentsStep([
        { name: "medical", label: t("Справка о состоянии здоровья", "Medical certificate") },
        { name: "course", label: t("Свидетельство школы приёмных родителей", "Course certificate") },
      ]),
    ],
  }),
];

export const employmentServices: ServiceSeed[] = [
  service({
    code: "58-EMP-001",
    slug: "unemployment-registration",
    category: "employment",
    department: "employment-centre",
    lifeSituations: ["job-loss"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 2400,
    title: t("Регистрация безработным и пособие по безработице", "Registering as unemployed and unemployment benefit"),
    summary: t(
      "Признание безработным, пособие и помощь в поиске работы",
      "Unemployed status, benefit and help finding work",
    ),
    description: t(
      "Центр занятости подберёт вакансии и в течение 10 рабочих дней примет решение о признании безработным и назначении пособия. Сведения о стаже и заработке центр получит сам.",
      "The employment centre offers vacancies and within 10 working days decides on unemployed status and the benefit. It obtains your work record and earnings itself.",
    ),
    keywords: {
      ru: ["безработица", "пособие по безработице", "биржа труда", "центр занятости", "уволили"],
      en: ["unemployment", "benefit", "jobless", "job centre"],
    },
    applicants: [t("Граждане трудоспособного возраста без работы", "People of working age without a job")],
    documents: [
      doc.passport,
      { title: t("Сведения о заработке за 3 месяца", "Earnings for the last 3 months"), source: "interagency" },
    ],
    result: t("Статус безработного и пособие", "Unemployed status and benefit"),
    refusalGrounds: [
      { code: "employed", title: t("Заявитель трудоустроен", "The applicant has a job") },
      commonGrounds.falseData,
    ],
    steps: [
      step("work", t("Последняя работа", "Last job"), [
        { kind: "text", name: "lastEmployer", label: t("Последнее место работы", "Last employer"), required: false },
        {
          kind: "date",
          name: "dismissalDate",
          label: t("Дата увольнения", "Date of dismissal"),
          max: "today",
          required: false,
        },
        { kind: "text", name: "profession", label: t("Профессия", "Occupation") },
      ]),
    ],
  }),
  service({
    code: "58-EMP-002",
    slug: "job-search-help",
    category: "employment",
    department: "employment-centre",
    lifeSituations: ["job-loss"],
    level: "regional",
    deadlineDays: 7,
    mszu: false,
    delivery: "online",
    popularity: 1500,
    title: t("Содействие в поиске подходящей работы", "Help finding a suitable job"),
    summary: t("Подбор вакансий по вашей профессии и опыту", "Vacancies matched to your skills and experience"),
    description: t(
      "Специалист центра занятости подберёт вакансии работодателей региона и направит вас на собеседования.",
      "An employment centre adviser matches vacancies from employers in the region and arranges interviews.",
    ),
    keywords: {
      ru: ["работа", "вакансии", "поиск работы", "трудоустройство"],
      en: ["job", "vacancies", "job search", "work"],
    },
    applicants: [t("Все, кто ищет работу", "Anyone looking for work")],
    documents: [doc.passport],
    result: t("Список вакансий и направления на собеседование", "A list of vacancies and interview referrals"),
    refusalGrounds: [commonGrounds.incomplete],
    steps: [
      step("wishes", t("Пожелания", "Preferences"), [
        { kind: "text", name: "profession", label: t("Желаемая должность", "Desired position") },
        {
          kind: "number",
          name: "desiredSalary",
          label: t("Желаемая зарплата, ₽", "Desired salary, ₽"),
          min: 0,
          required: false,
        },
        {
          kind: "radio",
          name: "schedule",
          label: t("График", "Working hours"),
          options: [
            { value: "full", label: t("Полный день", "Full time") },
            { value: "part", label: t("Неполный день", "Part time") },
            { value: "remote", label: t("Удалённо", "Remote") },
          ],
        },
      ]),
    ],
  }),
  service({
    code: "58-EMP-003",
    slug: "vocational-training",
    category: "employment",
    department: "employment-centre",
    lifeSituations: ["job-loss", "birth-of-child"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    popularity: 800,
    title: t("Бесплатное профессиональное обучение", "Free vocational training"),
    summary: t(
      "Обучение новой профессии для безработных и женщин в отпуске по уходу за ребёнком",
      "Training in a new trade for the unemployed and parents on childcare leave",
    ),
    description: t(
      "Курсы по востребованным в регионе профессиям за счёт бюджета: от сварщика до специалиста по цифровому маркетингу.",
      "State-funded courses in trades the region needs: from welding to digital marketing.",
    ),
    keywords: {
      ru: ["обучение", "курсы", "переобучение", "профессия", "декрет"],
      en: ["training", "courses", "retraining"],
    },
    applicants: [
      t("Безработные граждане", "Unemployed people"),
      t("Женщины в отпуске по уходу за ребёнком до 3 лет", "Parents on childcare leave with a child under 3"),
    ],
    documents: [doc.passport, { title: t("Документ об образовании", "Education certificate"), source: "applicant" }],
    result: t("Направление на обучение", "A training place"),
    refusalGrounds: [commonGrounds.notEligible],
    steps: [
      step("course", t("Курс", "Course"), [
        {
          kind: "select",
          name: "course",
          label: t("Программа", "Programme"),
          options: [
            { value: "welder", label: t("Сварщик", "Welder") },
            { value: "accountant", label: t("Бухгалтер (1С)", "Accountant (1C)") },
            { value: "marketing", label: t("Цифровой маркетинг", "Digital marketing") },
            { value: "care", label: t("Помощник по уходу", "Care assistant") },
          ],
        },
        { kind: "file", name: "educationCertificate", label: t("Документ об образовании", "Education certificate") },
      ]),
    ],
  }),
];
