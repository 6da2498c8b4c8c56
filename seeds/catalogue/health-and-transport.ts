import type { ServiceSeed } from "~/domain/catalogue/service-content";
import { childField, commonGrounds, doc, documentsStep, identityStep, service, step, t } from "./parts";

export const healthServices: ServiceSeed[] = [
  service({
    code: "58-HLT-001",
    slug: "doctor-appointment",
    category: "health",
    department: "minzdrav",
    lifeSituations: [],
    level: "regional",
    deadlineDays: 0,
    mszu: true,
    delivery: "visit",
    popularity: 7000,
    title: t("Запись на приём к врачу", "Booking a doctor's appointment"),
    summary: t(
      "Записаться к терапевту, педиатру или узкому специалисту в своей поликлинике",
      "Book a GP, paediatrician or specialist at your clinic",
    ),
    description: t(
      "Записаться к терапевту, педиатру или узкому специалисту можно в регистратуре своей поликлиники. Записи через портал пока нет — здесь описано, что взять с собой.",
      "You can book a GP, paediatrician or specialist at your clinic's reception. The portal does not take bookings yet — this page says what to bring.",
    ),
    keywords: {
      ru: ["врач", "запись к врачу", "поликлиника", "терапевт", "педиатр"],
      en: ["doctor", "appointment", "clinic", "GP"],
    },
    applicants: [t("Граждане, прикреплённые к поликлиникам области", "People registered with a clinic in the oblast")],
    documents: [{ title: t("Полис ОМС", "Health insurance policy (OMS)"), source: "interagency" }],
    result: t("Талон на приём", "An appointment slip"),
    refusalGrounds: [{ code: "no-free-slots", title: t("Нет свободного времени у врача", "No free slots") }],
    visitNote: t(
      "Приходите в поликлинику за 10 минут до приёма",
      "Come to the clinic 10 minutes before your appointment",
    ),
    steps: [
      step("appointment", t("Приём", "Appointment"), [
        {
          kind: "select",
          name: "specialist",
          label: t("Врач", "Doctor"),
          options: [
            { value: "gp", label: t("Терапевт", "General practitioner") },
            { value: "paediatrician", label: t("Педиатр", "Paediatrician") },
            { value: "dentist", label: t("Стоматолог", "Dentist") },
            { value: "ophthalmologist", label: t("Офтальмолог", "Ophthalmologist") },
          ],
        },
        { kind: "date", name: "appointmentDate", label: t("Дата", "Date"), min: "today" },
      ]),
    ],
  }),
  service({
    code: "58-HLT-002",
    slug: "clinic-registration",
    category: "health",
    department: "minzdrav",
    lifeSituations: ["moving-house"],
    level: "regional",
    deadlineDays: 2,
    mszu: true,
    delivery: "online",
    popularity: 1400,
    title: t("Прикрепление к поликлинике", "Registering with a clinic"),
    summary: t("Выбрать поликлинику и врача для наблюдения", "Choose your clinic and doctor"),
    description: t(
      "Прикрепиться можно к любой поликлинике региона раз в год или при переезде. Решение — в течение 2 рабочих дней.",
      "You may register with any clinic in the region once a year or when you move. Decision within 2 working days.",
    ),
    keywords: {
      ru: ["прикрепление", "поликлиника", "сменить поликлинику", "ОМС"],
      en: ["clinic registration", "change clinic"],
    },
    applicants: [t("Застрахованные по ОМС", "People insured under OMS")],
    documents: [doc.passport, { title: t("Полис ОМС", "Health insurance policy (OMS)"), source: "interagency" }],
    result: t("Прикрепление к выбранной поликлинике", "Registration with the chosen clinic"),
    refusalGrounds: [
      { code: "clinic-full", title: t("Поликлиника превысила допустимую нагрузку", "The clinic is over capacity") },
    ],
    steps: [
      step("clinic", t("Поликлиника", "Clinic"), [
        {
          kind: "select",
          name: "clinic",
          label: t("Поликлиника", "Clinic"),
          options: [
            { value: "gp-1", label: t("Городская поликлиника № 1, Пенза (демо)", "City clinic No. 1, Penza (demo)") },
            { value: "gp-4", label: t("Городская поликлиника № 4, Пенза (демо)", "City clinic No. 4, Penza (demo)") },
            { value: "kuznetsk", label: t("Кузнецкая межрайонная больница (демо)", "Kuznetsk hospital (demo)") },
          ],
        },
      ]),
    ],
  }),
  service({
    code: "58-HLT-003",
    slug: "free-medicines",
    category: "health",
    department: "minzdrav",
    lifeSituations: ["disability", "retirement"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    popularity: 1000,
    title: t("Льготное лекарственное обеспечение", "Free prescription medicines"),
    summary: t("Бесплатные лекарства для региональных льготников", "Free medicines for regional benefit holders"),
    description: t(
      "Люди с отдельными заболеваниями и льготными категориями получают лекарства по рецепту бесплатно или со скидкой 50%.",
      "People with certain conditions and eligible groups get prescribed medicines free or at 50% off.",
    ),
    keywords: {
      ru: ["лекарства", "льготные лекарства", "рецепт", "аптека"],
      en: ["medicines", "prescription", "pharmacy"],
    },
    applicants: [t("Граждане с правом на региональную льготу", "People entitled to the regional benefit")],
    documents: [doc.passport, { title: t("Документ о праве на льготу", "Proof of entitlement"), source: "applicant" }],
    result: t("Включение в регистр льготников", "Inclusion in the benefit register"),
    refusalGrounds: [commonGrounds.notEligible],
    steps: [
      documentsStep([{ name: "entitlementProof", label: t("Документ о праве на льготу", "Proof of entitlement") }]),
    ],
  }),
  service({
    code: "58-HLT-004",
    slug: "pregnancy-nutrition-allowance",
    category: "health",
    department: "minzdrav",
    lifeSituations: ["birth-of-child"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    proactive: true,
    popularity: 1200,
    title: t(
      "Обеспечение полноценным питанием беременных и кормящих женщин",
      "Food allowance for pregnant and nursing women",
    ),
    summary: t(
      "Назначается проактивно по данным медицинской карты — заявление не нужно",
      "Granted proactively from medical records — no application needed",
    ),
    description: t(
      "Пензенская область первой стала назначать эту меру без заявления: когда врач ставит беременную на учёт, портал сам предлагает согласиться на выплату. Заявление нужно, только если предложение не пришло.",
      "Penza oblast was the first to grant this without an application: when a doctor registers a pregnancy, the portal offers the allowance itself. Apply only if no offer arrived.",
    ),
    keywords: {
      ru: ["беременность", "кормящие", "питание", "выплата беременным", "проактивно"],
      en: ["pregnancy", "nursing", "food allowance", "proactive"],
    },
    applicants: [
      t(
        "Беременные и кормящие женщины с доходом ниже прожиточного минимума",
        "Pregnant and nursing women with income below the subsistence level",
      ),
    ],
    documents: [
      {
        title: t("Сведения о постановке на учёт по беременности", "Pregnancy registration record"),
        source: "interagency",
      },
      doc.income,
    ],
    result: t("Ежемесячная выплата на питание", "A monthly food allowance"),
    refusalGrounds: [
      {
        code: "income-above-limit",
        title: t("Доход выше прожиточного минимума", "Income above the subsistence level"),
      },
    ],
    steps: [
      step("status", t("Основание", "Grounds"), [
        {
          kind: "radio",
          name: "status",
          label: t("Основание", "Grounds"),
          options: [
            { value: "pregnant", label: t("Беременность", "Pregnancy") },
            { value: "nursing", label: t("Кормление ребёнка до 1 года", "Nursing a child under 1") },
          ],
        },
      ]),
    ],
  }),
];

export const transportServices: ServiceSeed[] = [
  service({
    code: "58-TRN-001",
    slug: "social-travel-card",
    category: "transport",
    department: "mintrans",
    lifeSituations: ["retirement", "disability"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 2300,
    title: t("Социальная транспортная карта", "Social travel card"),
    summary: t("Льготный проезд в городском и пригородном транспорте", "Reduced fares on city and suburban transport"),
    description: t(
      "Пенсионеры, ветераны и люди с инвалидностью ездят по социальной карте со скидкой. Карта выпускается бесплатно.",
      "Pensioners, veterans and people with disabilities travel at reduced fares with the card. It is issued free.",
    ),
    keywords: {
      ru: ["проездной", "транспортная карта", "льготный проезд", "пенсионер", "автобус"],
      en: ["travel card", "bus pass", "reduced fare"],
    },
    applicants: [t("Пенсионеры, ветераны, люди с инвалидностью", "Pensioners, veterans, people with disabilities")],
    documents: [doc.passport, doc.snils, { title: t("Фотография 3×4", "3×4 photo"), source: "applicant" }],
    result: t("Социальная транспортная карта", "A social travel card"),
    refusalGrounds: [commonGrounds.notEligible],
    steps: [documentsStep([{ name: "photo", label: t("Фотография 3×4", "Photo 3×4") }])],
  }),
  service({
    code: "58-TRN-002",
    slug: "school-transport-compensation",
    category: "transport",
    department: "mintrud",
    lifeSituations: ["large-family", "child-goes-to-school"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    proactive: true,
    popularity: 1500,
    title: t("Компенсация проезда школьников из многодетных семей", "School travel compensation for large families"),
    summary: t(
      "594 ₽ в месяц с сентября по май на проезд каждого школьника",
      "594 ₽ a month from September to May per schoolchild for travel",
    ),
    description: t(
      "Компенсация стоимости проезда на городском и пригородном транспорте для учащихся из многодетных семей.",
      "Compensation of city and suburban travel costs for pupils from large families.",
    ),
    keywords: {
      ru: ["проезд школьника", "многодетная", "компенсация проезда", "594"],
      en: ["school travel", "large family", "fare"],
    },
    applicants: [t("Многодетные семьи со школьниками", "Large families with schoolchildren")],
    documents: [
      { title: t("Удостоверение многодетной семьи", "Large-family certificate"), source: "interagency" },
      doc.birthCertificate,
    ],
    result: t("Ежемесячная выплата с сентября по май", "Monthly payment from September to May"),
    refusalGrounds: [commonGrounds.notEligible, commonGrounds.duplicate],
    steps: [
      step("pupil", t("Школьник", "Pupil"), [
        childField("child", t("Школьник", "Pupil"), { minAgeYears: 6, maxAgeYears: 18 }),
      ]),
    ],
  }),
  service({
    code: "58-TRN-003",
    slug: "taxi-permit",
    category: "transport",
    department: "mintrans",
    lifeSituations: ["starting-business"],
    level: "regional",
    deadlineDays: 30,
    mszu: false,
    delivery: "online",
    popularity: 600,
    title: t("Разрешение на перевозку пассажиров легковым такси", "Taxi licence"),
    summary: t("Внесение автомобиля в региональный реестр такси", "Add a car to the regional taxi register"),
    description: t(
      "Разрешение выдаётся самозанятым, индивидуальным предпринимателям и организациям на каждый автомобиль. Срок — 30 рабочих дней.",
      "The licence is issued per car to the self-employed, sole traders and companies. Term — 30 working days.",
    ),
    keywords: {
      ru: ["такси", "разрешение такси", "перевозка пассажиров", "самозанятый"],
      en: ["taxi", "licence", "passenger transport"],
    },
    applicants: [t("Самозанятые, ИП и организации", "Self-employed, sole traders and companies")],
    documents: [
      doc.passport,
      { title: t("СТС автомобиля", "Vehicle registration certificate"), source: "interagency" },
    ],
    result: t("Запись в региональном реестре такси", "An entry in the regional taxi register"),
    refusalGrounds: [
      {
        code: "vehicle-not-compliant",
        title: t("Автомобиль не соответствует требованиям", "The car does not meet the requirements"),
      },
    ],
    steps: [
      step("vehicle", t("Автомобиль", "Vehicle"), [
        { kind: "inn", name: "inn", label: t("ИНН перевозчика", "Carrier's INN") },
        { kind: "text", name: "plate", label: t("Госномер", "Registration plate"), maxLength: 12 },
        { kind: "text", name: "carModel", label: t("Марка и модель", "Make and model") },
      ]),
    ],
  }),
  service({
    code: "58-TRN-004",
    slug: "resident-parking-permit",
    category: "transport",
    department: "penza-admin",
    lifeSituations: ["moving-house"],
    level: "municipal",
    deadlineDays: 5,
    mszu: false,
    delivery: "online",
    popularity: 700,
    title: t("Резидентное парковочное разрешение", "Resident parking permit"),
    summary: t(
      "Парковка у дома в зоне платной парковки центра Пензы",
      "Park near your home in Penza's paid parking zone",
    ),
    description: t(
      "Жители домов в зоне платной парковки могут оформить разрешение на льготную стоянку одного автомобиля.",
      "Residents of homes in the paid parking zone can get a permit to park one car at a reduced rate.",
    ),
    keywords: { ru: ["парковка", "резидентное разрешение", "платная парковка"], en: ["parking", "resident permit"] },
    applicants: [t("Жители домов в зоне платной парковки", "Residents of the paid parking zone")],
    documents: [doc.passport, doc.residence],
    result: t("Разрешение на 1 год", "A one-year permit"),
    cost: t("1 200 ₽ в год", "1,200 ₽ a year"),
    refusalGrounds: [
      { code: "outside-zone", title: t("Адрес вне зоны платной парковки", "The address is outside the zone") },
    ],
    steps: [
      identityStep(),
      step("vehicle", t("Автомобиль", "Vehicle"), [
        { kind: "text", name: "plate", label: t("Госномер", "Registration plate"), maxLength: 12 },
      ]),
    ],
  }),
];
