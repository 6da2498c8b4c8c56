import type { ServiceSeed } from "~/domain/catalogue/service-content";
import { largeFamilyMeasures } from "./large-family-measures";
import { childField, commonGrounds, doc, documentsStep, identityStep, residents, standardForm, t } from "./parts";

const largeFamilyCertificate = {
  title: t("Удостоверение многодетной семьи", "Large-family certificate"),
  source: "interagency" as const,
};

export const socialSupportServices: ServiceSeed[] = [
  {
    code: "58-SOC-001",
    slug: "large-family-status",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["large-family", "birth-of-child"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 5200,
    title: t("Статус многодетной семьи и удостоверение", "Large-family status and certificate"),
    summary: t(
      "Присвоение статуса многодетной семьи и выдача удостоверения — одно заявление на все меры поддержки",
      "Get large-family status and the certificate — one application for all support measures",
    ),
    description: t(
      "Семья с тремя и более детьми до 18 лет (учащимися очно — до 23 лет) получает статус многодетной. По одному заявлению семье назначаются: удостоверение, 30% компенсации платы за жильё и коммунальные услуги, ежегодная выплата 610 ₽ на каждого ребёнка до 6 лет и 5 000 ₽ на каждого школьника, бесплатное питание в школе. С 1 сентября 2025 года доход семьи не учитывается.",
      "A family with three or more children under 18 (under 23 if in full-time education) gets large-family status. One application gives the family: the certificate, 30% compensation of housing and utility bills, a yearly payment of 610 ₽ per child under 6 and 5,000 ₽ per schoolchild, and free school meals. Since 1 September 2025 family income is not taken into account.",
    ),
    keywords: {
      ru: ["многодетная семья", "многодетным", "удостоверение многодетной", "трое детей", "льготы многодетным"],
      en: ["large family", "three children", "family certificate", "benefits"],
    },
    details: {
      applicants: [
        t(
          "Родители (один из родителей) трёх и более детей, проживающие в Пензенской области",
          "A parent of three or more children living in Penza oblast",
        ),
      ],
      documents: [
        doc.passport,
        {
          title: t("Свидетельства о рождении всех детей", "Birth certificates of all children"),
          source: "interagency",
        },
        doc.residence,
        {
          title: t(
            "Справка об очном обучении — для детей 18–23 лет",
            "Proof of full-time study — for children aged 18–23",
          ),
          source: "applicant",
          optional: true,
        },
        { title: t("Фотография 3×4 для удостоверения", "A 3×4 photo for the certificate"), source: "applicant" },
      ],
      result: t(
        "Удостоверение многодетной семьи (электронное и на бланке) и назначенные меры поддержки",
        "The large-family certificate (electronic and printed) and the support measures granted",
      ),
      refusalGrounds: [
        {
          code: "fewer-than-three-children",
          title: t("В семье меньше трёх детей", "Fewer than three children in the family"),
        },
        {
          code: "not-resident",
          title: t("Семья не проживает в Пензенской области", "The family does not live in Penza oblast"),
        },
        commonGrounds.falseData,
      ],
    },
    form: standardForm(
      identityStep(),
      {
        id: "children",
        title: t("Дети", "Children"),
        fields: [
          childField("firstChild", t("Первый ребёнок", "First child"), { maxAgeYears: 23 }),
          childField("secondChild", t("Второй ребёнок", "Second child"), { maxAgeYears: 23 }),
          childField("thirdChild", t("Третий ребёнок", "Third child"), { maxAgeYears: 23 }),
          {
            ...childField("fourthChild", t("Четвёртый ребёнок", "Fourth child"), { maxAgeYears: 23 }),
            required: false,
          },
          { ...childField("fifthChild", t("Пятый ребёнок", "Fifth child"), { maxAgeYears: 23 }), required: false },
          {
            kind: "number",
            name: "childrenCount",
            label: t("Всего детей в семье", "Number of children in the family"),
            min: 3,
            max: 20,
          },
          {
            kind: "checkboxes",
            name: "fullTimeStudents",
            label: t("Учатся очно (для детей 18–22 лет)", "In full-time education (children aged 18–22)"),
            hint: t(
              "Дети старше 18 лет учитываются, пока учатся очно, до 23 лет",
              "Children over 18 count while in full-time education, until 23",
            ),
            required: false,
            options: [
              { value: "firstChild", label: t("Первый ребёнок", "First child") },
              { value: "secondChild", label: t("Второй ребёнок", "Second child") },
              { value: "thirdChild", label: t("Третий ребёнок", "Third child") },
              { value: "fourthChild", label: t("Четвёртый ребёнок", "Fourth child") },
              { value: "fifthChild", label: t("Пятый ребёнок", "Fifth child") },
            ],
          },
          {
            kind: "checkboxes",
            name: "measures",
            label: t("Назначить меры поддержки", "Grant these support measures"),
            hint: t(
              "Статус и удостоверение назначаются всегда. Меры для детей назначаются, если в семье есть дети нужного возраста",
              "The status and certificate are always granted. Measures for children are granted when the family has children of the right age",
            ),
            required: false,
            options: largeFamilyMeasures
              .filter((m) => m.code !== "large-family-status")
              .map((m) => ({ value: m.code, label: t(m.title.ru, m.title.en) })),
          },
        ],
      },
      documentsStep([
        { name: "photo", label: t("Фотография 3×4", "Photo 3×4") },
        {
          name: "studyProof",
          label: t("Справки об очном обучении", "Proof of full-time study"),
          required: false,
          multiple: true,
        },
      ]),
    ),
  },
  {
    code: "58-SOC-002",
    slug: "large-family-school-payment",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["large-family", "child-goes-to-school"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    proactive: true,
    popularity: 3900,
    title: t("Ежегодная выплата многодетным семьям на детей", "Yearly payment to large families for children"),
    summary: t(
      "610 ₽ в год на каждого ребёнка до 6 лет и 5 000 ₽ в год на каждого школьника",
      "610 ₽ a year per child under 6 and 5,000 ₽ a year per schoolchild",
    ),
    description: t(
      "Выплата на подготовку детей к школе и на детей дошкольного возраста. Семьям, у которых уже есть удостоверение многодетной семьи, выплата назначается проактивно — без заявления; заявление нужно, если изменились реквизиты или состав семьи.",
      "A payment for getting children ready for school and for preschool children. Families that already hold the large-family certificate receive it proactively, without applying; apply only if your bank details or family changed.",
    ),
    keywords: {
      ru: ["многодетным", "выплата на школьника", "школьная форма", "5000 рублей", "многодетная"],
      en: ["large family", "school uniform", "payment", "schoolchild"],
    },
    details: {
      applicants: [t("Многодетные семьи Пензенской области", "Large families of Penza oblast")],
      documents: [
        largeFamilyCertificate,
        { title: t("Справка с места учёбы", "Certificate from the school"), source: "interagency" },
      ],
      result: t("Выплата на банковский счёт", "Payment to your bank account"),
      refusalGrounds: [commonGrounds.notEligible, commonGrounds.duplicate],
    },
    form: standardForm({
      id: "payment",
      title: t("Дети и реквизиты", "Children and bank details"),
      fields: [
        childField("child", t("Ребёнок", "Child"), { maxAgeYears: 18 }),
        {
          kind: "text",
          name: "bankAccount",
          label: t("Номер счёта для выплаты (20 цифр)", "Bank account number (20 digits)"),
          minLength: 20,
          maxLength: 20,
        },
      ],
    }),
  },
  {
    code: "58-SOC-003",
    slug: "utility-compensation",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["large-family", "disability", "retirement"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    proactive: true,
    popularity: 4600,
    title: t("Компенсация расходов на оплату ЖКУ льготникам", "Utility bill compensation for benefit holders"),
    summary: t(
      "Ежемесячная компенсация части платы за жильё и коммунальные услуги для льготных категорий",
      "A monthly refund of part of your housing and utility bills for eligible groups",
    ),
    description: t(
      "Компенсацию получают ветераны труда, инвалиды, многодетные семьи (30%), сельские специалисты и другие льготные категории. Если право на льготу уже подтверждено в базе соцзащиты, компенсация может быть назначена проактивно.",
      "Labour veterans, people with disabilities, large families (30%), rural specialists and other eligible groups get the compensation. If your right is already recorded, it may be granted proactively.",
    ),
    keywords: {
      ru: ["компенсация ЖКУ", "льгота на коммуналку", "ЕДК", "коммунальные услуги", "ветеран труда"],
      en: ["utility compensation", "housing benefit", "veteran", "refund"],
    },
    details: {
      applicants: [
        t(
          "Граждане льготных категорий по законодательству РФ и Пензенской области",
          "Eligible groups under federal and regional law",
        ),
      ],
      documents: [
        doc.passport,
        { title: t("Документ о праве на льготу", "Document proving the entitlement"), source: "applicant" },
        { title: t("Сведения о начислениях за ЖКУ", "Utility charges"), source: "interagency" },
      ],
      result: t("Ежемесячная компенсация на банковский счёт", "Monthly compensation to your bank account"),
      refusalGrounds: [
        commonGrounds.notEligible,
        { code: "utility-debt", title: t("Задолженность по оплате ЖКУ", "Unpaid utility bills") },
      ],
    },
    form: standardForm(identityStep(), {
      id: "entitlement",
      title: t("Льгота", "Entitlement"),
      fields: [
        {
          kind: "select",
          name: "category",
          label: t("Льготная категория", "Eligible group"),
          options: [
            { value: "labour-veteran", label: t("Ветеран труда", "Labour veteran") },
            { value: "disability", label: t("Инвалид или семья с ребёнком-инвалидом", "Disability") },
            { value: "large-family", label: t("Многодетная семья", "Large family") },
            { value: "rural-specialist", label: t("Сельский специалист", "Rural specialist") },
          ],
        },
        { kind: "els", name: "els", label: t("Единый лицевой счёт (ЕЛС)", "Single utility account (ELS)") },
        { kind: "file", name: "entitlementProof", label: t("Документ о праве на льготу", "Proof of entitlement") },
      ],
    }),
  },
  {
    code: "58-SOC-004",
    slug: "utility-subsidy",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["low-income", "retirement"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 3300,
    title: t("Субсидия на оплату жилого помещения и коммунальных услуг", "Housing and utility subsidy"),
    summary: t(
      "Субсидия, если расходы на ЖКУ превышают 22% дохода семьи",
      "A subsidy if housing and utility bills exceed 22% of your family income",
    ),
    description: t(
      "Субсидия назначается на 6 месяцев семьям, у которых расходы на оплату жилья и коммунальных услуг выше 22% совокупного дохода. Заявление регистрируется в течение 1 рабочего дня, решение — в течение 10 рабочих дней.",
      "The subsidy is granted for 6 months to families whose housing and utility bills exceed 22% of their total income. The application is registered within 1 working day and decided within 10.",
    ),
    keywords: {
      ru: ["субсидия", "субсидия на ЖКУ", "коммуналка", "квартплата", "малоимущие"],
      en: ["subsidy", "utility subsidy", "rent", "low income"],
    },
    details: {
      applicants: [
        t("Собственники и наниматели жилья в Пензенской области", "Owners and tenants of housing in Penza oblast"),
      ],
      documents: [
        doc.passport,
        doc.income,
        doc.residence,
        { title: t("Документ о праве на жильё", "Title or lease of the home"), source: "interagency" },
      ],
      result: t("Субсидия на 6 месяцев, перечисляемая ежемесячно", "A subsidy for 6 months, paid monthly"),
      refusalGrounds: [
        {
          code: "expenses-below-threshold",
          title: t("Расходы на ЖКУ не превышают 22% дохода", "Bills do not exceed 22% of income"),
        },
        { code: "utility-debt", title: t("Задолженность по оплате ЖКУ", "Unpaid utility bills") },
        commonGrounds.incomplete,
      ],
    },
    form: standardForm(identityStep(), {
      id: "household",
      title: t("Семья и доходы", "Household and income"),
      fields: [
        { kind: "number", name: "householdSize", label: t("Число членов семьи", "Household size"), min: 1, max: 20 },
        {
          kind: "number",
          name: "monthlyIncome",
          label: t("Совокупный доход семьи в месяц, ₽", "Total monthly household income, ₽"),
          min: 0,
          integer: false,
        },
        { kind: "els", name: "els", label: t("Единый лицевой счёт (ЕЛС)", "Single utility account (ELS)") },
      ],
    }),
  },
  {
    code: "58-SOC-005",
    slug: "child-allowance",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["birth-of-child", "low-income"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 3600,
    title: t("Ежемесячное пособие на ребёнка", "Monthly child allowance"),
    summary: t(
      "Региональное пособие на детей из семей с доходом ниже прожиточного минимума",
      "A regional allowance for children in families with income below the subsistence level",
    ),
    description: t(
      "Пособие выплачивается на каждого ребёнка до 16 лет (учащегося — до 18 лет) в семьях, где среднедушевой доход ниже прожиточного минимума в Пензенской области.",
      "The allowance is paid for each child under 16 (under 18 if in school) in families whose income per person is below the Penza oblast subsistence level.",
    ),
    keywords: {
      ru: ["детское пособие", "пособие на ребёнка", "выплата на детей", "малоимущие"],
      en: ["child benefit", "child allowance", "low income"],
    },
    details: {
      applicants: [t("Один из родителей ребёнка", "One of the child's parents")],
      documents: [doc.passport, doc.birthCertificate, doc.income],
      result: t("Ежемесячная выплата", "A monthly payment"),
      refusalGrounds: [
        {
          code: "income-above-limit",
          title: t("Доход семьи выше прожиточного минимума", "Income above the subsistence level"),
        },
        commonGrounds.falseData,
      ],
    },
    form: standardForm({
      id: "child",
      title: t("Ребёнок и доход", "Child and income"),
      fields: [
        childField("child", t("Ребёнок", "Child"), { maxAgeYears: 18 }),
        { kind: "number", name: "householdSize", label: t("Число членов семьи", "Household size"), min: 2, max: 20 },
        {
          kind: "number",
          name: "yearIncome",
          label: t("Доход семьи за 12 месяцев, ₽", "Household income for 12 months, ₽"),
          min: 0,
          integer: false,
        },
      ],
    }),
  },
  {
    code: "58-SOC-006",
    slug: "labour-veteran-title",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["retirement"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "visit",
    popularity: 2100,
    title: t("Присвоение звания «Ветеран труда»", "Labour veteran title"),
    summary: t("Звание и удостоверение ветерана труда", "The labour veteran title and certificate"),
    description: t(
      "Звание присваивается при наличии ведомственных знаков отличия и трудового стажа 25 лет у мужчин и 20 лет у женщин. Заявление подаётся онлайн, удостоверение выдаётся лично.",
      "The title is given to people with departmental awards and 25 years of work (20 for women). Apply online; the certificate is handed over in person.",
    ),
    keywords: {
      ru: ["ветеран труда", "удостоверение ветерана", "пенсионер", "стаж"],
      en: ["labour veteran", "pensioner", "certificate"],
    },
    details: {
      applicants: [
        t(
          "Граждане с наградами и необходимым трудовым стажем",
          "People with awards and the required length of service",
        ),
      ],
      documents: [
        doc.passport,
        { title: t("Документ о награждении", "Award certificate"), source: "applicant" },
        { title: t("Сведения о трудовом стаже", "Work record"), source: "interagency" },
      ],
      result: t("Удостоверение «Ветеран труда»", "Labour veteran certificate"),
      refusalGrounds: [
        { code: "insufficient-service", title: t("Недостаточный трудовой стаж", "Insufficient length of service") },
        { code: "award-not-eligible", title: t("Награда не даёт права на звание", "The award does not qualify") },
      ],
      visitNote: t(
        "Удостоверение выдаётся в отделе соцзащиты по месту жительства; возьмите паспорт и фото 3×4",
        "Collect the certificate at your local social protection office; bring your passport and a 3×4 photo",
      ),
    },
    form: standardForm(
      identityStep(),
      documentsStep([{ name: "award", label: t("Документ о награждении", "Award certificate") }]),
    ),
  },
  {
    code: "58-SOC-007",
    slug: "disability-rehabilitation-aids",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["disability"],
    level: "regional",
    deadlineDays: 15,
    mszu: false,
    delivery: "visit",
    popularity: 700,
    title: t("Технические средства реабилитации", "Rehabilitation aids"),
    summary: t(
      "Обеспечение людей с инвалидностью средствами реабилитации по ИПРА",
      "Rehabilitation aids for people with disabilities under their rehabilitation plan",
    ),
    description: t(
      "Кресла-коляски, слуховые аппараты, трости и другие средства по индивидуальной программе реабилитации (ИПРА). Можно получить средство или компенсацию, если вы купили его сами.",
      "Wheelchairs, hearing aids, canes and other aids listed in your individual rehabilitation plan (IPRA). You can get the aid or be reimbursed if you bought it yourself.",
    ),
    keywords: {
      ru: ["инвалидность", "коляска", "ИПРА", "ТСР", "слуховой аппарат"],
      en: ["disability", "wheelchair", "hearing aid"],
    },
    details: {
      applicants: [t("Люди с инвалидностью и их представители", "People with disabilities and their representatives")],
      documents: [doc.passport, { title: t("ИПРА", "Individual rehabilitation plan (IPRA)"), source: "interagency" }],
      result: t("Направление на получение средства или компенсация", "A referral to receive the aid, or reimbursement"),
      refusalGrounds: [
        { code: "not-in-plan", title: t("Средство не предусмотрено ИПРА", "The aid is not in the plan") },
      ],
      visitNote: t(
        "Средство выдаётся в пункте выдачи или на дому",
        "The aid is handed over at a collection point or at home",
      ),
    },
    form: standardForm({
      id: "aid",
      title: t("Средство реабилитации", "Rehabilitation aid"),
      fields: [
        { kind: "text", name: "aid", label: t("Какое средство нужно", "Which aid you need") },
        {
          kind: "radio",
          name: "mode",
          label: t("Способ", "How"),
          options: [
            { value: "provide", label: t("Выдать средство", "Provide the aid") },
            { value: "reimburse", label: t("Компенсировать покупку", "Reimburse my purchase") },
          ],
        },
      ],
    }),
  },
  {
    code: "58-SOC-008",
    slug: "social-card",
    category: "social-support",
    department: "mintrud",
    lifeSituations: ["large-family", "low-income", "retirement"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    popularity: 1200,
    title: t("Социальная карта жителя Пензенской области", "Social card of a Penza oblast resident"),
    summary: t(
      "Карта для скидок, льготного проезда и выплат — для пенсионеров, многодетных и малоимущих семей",
      "A card for discounts, reduced fares and payments — for pensioners, large and low-income families",
    ),
    description: t(
      "Социальная карта объединяет банковскую карту «Мир», льготный проезд и скидки партнёров. Выпускается бесплатно.",
      "The social card combines a Mir bank card, reduced fares and partner discounts. It is issued free of charge.",
    ),
    keywords: {
      ru: ["социальная карта", "скидки", "карта мир", "льготы"],
      en: ["social card", "discounts", "benefits card"],
    },
    details: {
      applicants: [
        residents,
        t(
          "Пенсионеры, многодетные и малоимущие семьи, люди с инвалидностью",
          "Pensioners, large and low-income families, people with disabilities",
        ),
      ],
      documents: [doc.passport, doc.snils, { title: t("Фотография 3×4", "3×4 photo"), source: "applicant" }],
      result: t("Социальная карта, которую можно получить в отделении банка", "A social card to collect at the bank"),
      refusalGrounds: [commonGrounds.notEligible],
    },
    form: standardForm(identityStep(), documentsStep([{ name: "photo", label: t("Фотография 3×4", "Photo 3×4") }])),
  },
];
