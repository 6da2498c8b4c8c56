import type { ServiceSeed } from "~/domain/catalogue/service-content";
import { commonGrounds, doc, documentsStep, identityStep, residents, service, step, t } from "./parts";

const els = { title: t("Единый лицевой счёт (ЕЛС)", "Single utility account (ELS)"), source: "applicant" as const };

export const housingServices: ServiceSeed[] = [
  service({
    code: "58-HOU-001",
    slug: "utility-bill-payment",
    category: "housing",
    department: "minzhkh",
    lifeSituations: ["moving-house"],
    level: "regional",
    deadlineDays: 0,
    mszu: true,
    delivery: "online",
    popularity: 8000,
    title: t("Оплата ЖКУ по единому лицевому счёту", "Paying utility bills by the single account number (ELS)"),
    summary: t(
      "Оплатить квартплату и коммунальные услуги без комиссии по ЕЛС",
      "Pay your rent and utility bills without a fee using your ELS",
    ),
    description: t(
      "Добавьте единый лицевой счёт с квитанции в личный кабинет (нужен код доступа с той же квитанции): там видны все квитанции по счёту, сроки оплаты, долг и пени. Отметьте квитанции и оплатите их картой без комиссии; чек придёт на почту, а квитанции отметятся оплаченными, как только банк подтвердит платёж.",
      "Add the single account number from your bill to your cabinet (you need the access code from the same bill): it shows every bill of the account, when each is due, the debt and the penalty. Tick the bills and pay them by card without a fee; the receipt comes by e-mail, and the bills are marked paid as soon as the bank confirms the payment.",
    ),
    keywords: {
      ru: ["оплата ЖКУ", "квартплата", "коммуналка", "ЕЛС", "квитанция"],
      en: ["utility bill", "pay rent", "ELS", "payment"],
    },
    applicants: [t("Собственники и наниматели жилья", "Owners and tenants")],
    documents: [els],
    result: t(
      "Квитанции оплачены, кассовый чек — на почте и в личном кабинете",
      "The bills are paid; the cash receipt is in your e-mail and your cabinet",
    ),
    usedAt: "/cabinet/payments",
    refusalGrounds: [{ code: "unknown-account", title: t("Лицевой счёт не найден", "Account not found") }],
    steps: [
      step("payment", t("Платёж", "Payment"), [
        {
          kind: "els",
          name: "els",
          label: t("Единый лицевой счёт (ЕЛС)", "Single utility account (ELS)"),
          hint: t(
            "Напечатан в верхней части квитанции, например 58АБ123456",
            "Printed at the top of your bill, e.g. 58АБ123456",
          ),
        },
        { kind: "number", name: "amount", label: t("Сумма, ₽", "Amount, ₽"), min: 1, max: 500000, integer: false },
      ]),
    ],
  }),
  service({
    code: "58-HOU-002",
    slug: "meter-readings",
    category: "housing",
    department: "minzhkh",
    lifeSituations: [],
    level: "regional",
    deadlineDays: 0,
    mszu: false,
    delivery: "online",
    popularity: 5100,
    title: t("Передача показаний счётчиков", "Submitting meter readings"),
    summary: t(
      "Передать показания счётчиков воды, электричества и газа",
      "Submit water, electricity and gas meter readings",
    ),
    description: t(
      "Добавьте лицевой счёт в личный кабинет и передавайте показания каждого счётчика в окно поставщика (обычно с 15 по 25 число месяца). Показание меньше предыдущего не принимается. Поставщик забирает показания для расчёта следующей квитанции.",
      "Add your utility account to your cabinet and submit each meter's reading in the provider's window (usually the 15th to the 25th). A reading lower than the last one is not taken. The provider takes the readings to compute your next bill.",
    ),
    keywords: {
      ru: ["счётчики", "показания", "вода", "электричество", "газ"],
      en: ["meter readings", "water meter", "electricity"],
    },
    applicants: [t("Собственники и наниматели жилья", "Owners and tenants")],
    documents: [els],
    result: t(
      "Показания переданы поставщику для следующей квитанции",
      "The readings go to the provider for your next bill",
    ),
    usedAt: "/cabinet/payments",
    refusalGrounds: [{ code: "unknown-account", title: t("Лицевой счёт не найден", "Account not found") }],
    steps: [
      step("readings", t("Показания", "Readings"), [
        { kind: "els", name: "els", label: t("Единый лицевой счёт (ЕЛС)", "Single utility account (ELS)") },
        {
          kind: "number",
          name: "coldWater",
          label: t("Холодная вода, м³", "Cold water, m³"),
          min: 0,
          integer: false,
          required: false,
        },
        {
          kind: "number",
          name: "hotWater",
          label: t("Горячая вода, м³", "Hot water, m³"),
          min: 0,
          integer: false,
          required: false,
        },
        {
          kind: "number",
          name: "electricity",
          label: t("Электроэнергия, кВт·ч", "Electricity, kWh"),
          min: 0,
          required: false,
        },
      ]),
    ],
  }),
  service({
    code: "58-HOU-003",
    slug: "housing-register",
    category: "housing",
    department: "penza-admin",
    lifeSituations: ["low-income", "large-family"],
    level: "municipal",
    deadlineDays: 30,
    mszu: true,
    delivery: "online",
    popularity: 1300,
    title: t("Принятие на учёт нуждающихся в жилых помещениях", "Registering as needing social housing"),
    summary: t("Постановка в очередь на социальное жильё", "Join the waiting list for social housing"),
    description: t(
      "На учёт принимают малоимущих граждан, у которых площадь жилья на человека меньше учётной нормы (в Пензе — 10 м²). Решение — в течение 30 рабочих дней.",
      "Low-income residents with less living space per person than the local norm (10 m² in Penza) can join the list. Decision within 30 working days.",
    ),
    keywords: {
      ru: ["очередь на жильё", "социальное жильё", "жилищный учёт", "квартира", "малоимущие"],
      en: ["social housing", "housing list", "flat"],
    },
    applicants: [t("Малоимущие граждане, нуждающиеся в жилье", "Low-income residents in need of housing")],
    documents: [
      doc.passport,
      doc.income,
      { title: t("Документы на занимаемое жильё", "Documents for your current home"), source: "interagency" },
    ],
    result: t("Решение о принятии на учёт с номером очереди", "A decision with your place on the list"),
    refusalGrounds: [commonGrounds.notEligible, commonGrounds.incomplete],
    steps: [
      identityStep(),
      step("housing", t("Жильё и семья", "Home and household"), [
        { kind: "number", name: "householdSize", label: t("Членов семьи", "Household size"), min: 1, max: 20 },
        {
          kind: "number",
          name: "livingArea",
          label: t("Общая площадь жилья, м²", "Total floor area, m²"),
          min: 0,
          integer: false,
        },
      ]),
    ],
  }),
  service({
    code: "58-HOU-004",
    slug: "apartment-redevelopment",
    category: "housing",
    department: "penza-admin",
    lifeSituations: ["moving-house"],
    level: "municipal",
    deadlineDays: 30,
    mszu: true,
    delivery: "visit",
    popularity: 900,
    title: t("Согласование перепланировки квартиры", "Approval of apartment redevelopment"),
    summary: t(
      "Разрешение на перепланировку или переустройство жилого помещения",
      "Permission to alter the layout or fittings of a dwelling",
    ),
    description: t(
      "Перед сносом стен, переносом кухни или санузла нужен проект и решение администрации. После работ приёмочная комиссия подписывает акт.",
      "Before moving walls, the kitchen or the bathroom you need a project and the administration's decision. After the works an acceptance committee signs a certificate.",
    ),
    keywords: {
      ru: ["перепланировка", "переустройство", "ремонт", "снос стены"],
      en: ["redevelopment", "renovation", "layout change"],
    },
    applicants: [t("Собственники жилых помещений", "Owners of the dwelling")],
    documents: [
      doc.passport,
      { title: t("Проект перепланировки", "Redevelopment project"), source: "applicant" },
      { title: t("Технический паспорт помещения", "Technical passport of the dwelling"), source: "interagency" },
    ],
    result: t("Решение о согласовании перепланировки", "Approval decision"),
    refusalGrounds: [
      {
        code: "project-violates-rules",
        title: t("Проект не соответствует требованиям", "The project breaks building rules"),
      },
      commonGrounds.incomplete,
    ],
    visitNote: t(
      "После работ нужно присутствовать при приёмке комиссией",
      "You must be present when the committee inspects the works",
    ),
    steps: [
      identityStep(t("Адрес помещения", "Address of the dwelling")),
      documentsStep([{ name: "project", label: t("Проект перепланировки", "Redevelopment project") }]),
    ],
  }),
];

export const propertyServices: ServiceSeed[] = [
  service({
    code: "58-PRP-001",
    slug: "land-plot-large-family",
    category: "property",
    department: "minimushchestvo",
    lifeSituations: ["large-family"],
    level: "regional",
    deadlineDays: 30,
    mszu: true,
    delivery: "online",
    popularity: 1600,
    title: t("Бесплатный земельный участок многодетным семьям", "Free land plot for large families"),
    summary: t("Постановка на учёт для бесплатного получения земельного участка", "Join the list for a free land plot"),
    description: t(
      "Многодетные семьи вправе бесплатно получить участок для индивидуального жилищного строительства или садоводства. Участки предоставляются в порядке очереди.",
      "Large families may get a free plot for building a house or for gardening. Plots are allocated in order of the waiting list.",
    ),
    keywords: {
      ru: ["земельный участок", "многодетным", "бесплатная земля", "ИЖС"],
      en: ["land plot", "large family", "free land"],
    },
    applicants: [
      t(
        "Многодетные семьи, проживающие в области не менее 5 лет",
        "Large families living in the oblast for at least 5 years",
      ),
    ],
    documents: [
      doc.passport,
      { title: t("Удостоверение многодетной семьи", "Large-family certificate"), source: "interagency" },
    ],
    result: t(
      "Решение о постановке на учёт, затем — о предоставлении участка",
      "A decision to put you on the list, then to allocate a plot",
    ),
    refusalGrounds: [commonGrounds.notEligible, commonGrounds.duplicate],
    steps: [
      step("plot", t("Участок", "Plot"), [
        {
          kind: "radio",
          name: "purpose",
          label: t("Назначение участка", "Purpose"),
          options: [
            { value: "house", label: t("Строительство дома", "Building a house") },
            { value: "garden", label: t("Садоводство", "Gardening") },
          ],
        },
        { kind: "text", name: "preferredArea", label: t("Желаемый район", "Preferred district") },
      ]),
    ],
  }),
  service({
    code: "58-PRP-002",
    slug: "land-lease-without-auction",
    category: "property",
    department: "minimushchestvo",
    lifeSituations: ["starting-business"],
    level: "regional",
    deadlineDays: 30,
    mszu: true,
    delivery: "online",
    popularity: 700,
    title: t("Аренда земельного участка без торгов", "Lease of a land plot without an auction"),
    summary: t(
      "Договор аренды государственного участка в случаях, когда торги не нужны",
      "A lease of state land where no auction is required",
    ),
    description: t(
      "Без торгов участки предоставляют, например, собственникам зданий на них и для завершения строительства.",
      "Plots are leased without an auction, for example, to owners of the buildings on them or to finish construction.",
    ),
    keywords: {
      ru: ["аренда земли", "земельный участок", "без торгов", "кадастровый номер"],
      en: ["land lease", "plot", "cadastral"],
    },
    applicants: [t("Граждане и организации", "Individuals and organisations")],
    documents: [doc.passport, { title: t("Выписка из ЕГРН", "Unified State Register extract"), source: "interagency" }],
    result: t("Договор аренды земельного участка", "A land lease agreement"),
    refusalGrounds: [
      {
        code: "auction-required",
        title: t("Участок предоставляется только на торгах", "The plot can only be leased at auction"),
      },
    ],
    steps: [
      step("plot", t("Участок", "Plot"), [
        {
          kind: "text",
          name: "cadastralNumber",
          label: t("Кадастровый номер", "Cadastral number"),
          hint: t("Например 58:29:1007003:123", "For example 58:29:1007003:123"),
        },
        { kind: "number", name: "leaseYears", label: t("Срок аренды, лет", "Lease term, years"), min: 1, max: 49 },
      ]),
    ],
  }),
  service({
    code: "58-PRP-003",
    slug: "archive-certificate",
    category: "property",
    department: "penza-admin",
    lifeSituations: ["retirement"],
    level: "municipal",
    deadlineDays: 30,
    mszu: true,
    delivery: "online",
    popularity: 1100,
    title: t("Архивная справка о стаже и заработной плате", "Archive certificate of employment and earnings"),
    summary: t(
      "Справка из муниципального архива для назначения пенсии",
      "A certificate from the municipal archive for your pension",
    ),
    description: t(
      "Если организация, где вы работали, закрылась, архив выдаст справку о стаже и заработке по сохранившимся документам.",
      "If an employer has closed down, the archive issues a certificate of your employment and earnings from the records it holds.",
    ),
    keywords: {
      ru: ["архив", "архивная справка", "стаж", "пенсия", "зарплата"],
      en: ["archive", "pension", "employment record"],
    },
    applicants: [residents],
    documents: [doc.passport],
    result: t("Архивная справка в электронном виде", "An electronic archive certificate"),
    refusalGrounds: [
      { code: "no-records", title: t("Документы на хранение не поступали", "The archive holds no such records") },
    ],
    steps: [
      step("request", t("Запрос", "Request"), [
        { kind: "text", name: "organisation", label: t("Организация", "Organisation") },
        { kind: "number", name: "fromYear", label: t("С какого года", "From year"), min: 1930, max: 2026 },
        { kind: "number", name: "toYear", label: t("По какой год", "To year"), min: 1930, max: 2026 },
      ]),
    ],
  }),
];
