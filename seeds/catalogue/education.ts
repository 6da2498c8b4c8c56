import type { ServiceSeed } from "~/domain/catalogue/service-content";
import type { FormDefinitionInput } from "~/domain/forms/form-definition";
import type { Localized } from "~/domain/i18n/localized";
import { PRIORITY_CLASSES, type ExtraordinaryGround, type FirstGround } from "~/domain/enrollment/eligibility";
import { SCHOOLS } from "../schools-data";
import {
  applicantStep,
  childField,
  commonGrounds,
  declarationStep,
  doc,
  documentsStep,
  residents,
  standardForm,
  t,
} from "./parts";

const noSeats = {
  code: "no-free-seats",
  title: t(
    "Нет свободных мест в образовательной организации (будет предложена другая школа)",
    "No free places at the school (another school will be offered)",
  ),
};

/*
 * The grounds of each priority class as the parent reads them; the values are eligibility.ts's, so
 * a ground added there does not compile until it has its words here.
 */
const EXTRAORDINARY_GROUNDS = {
  prosecutorJudgeInvestigator: t(
    "Ребёнок прокурора, судьи или сотрудника Следственного комитета (только в школы-интернаты)",
    "Child of a prosecutor, judge or Investigative Committee officer (boarding schools only)",
  ),
  fallenServiceman: t(
    "Ребёнок военнослужащего, погибшего (умершего) при исполнении обязанностей военной службы",
    "Child of a serviceman who died on duty",
  ),
} satisfies Record<ExtraordinaryGround, Localized>;

const FIRST_GROUNDS = {
  serviceman: t("Ребёнок военнослужащего", "Child of a serviceman"),
  police: t("Ребёнок сотрудника полиции", "Child of a police officer"),
  penalSystem: t("Ребёнок сотрудника уголовно-исполнительной системы", "Child of a penal-system officer"),
  bailiff: t(
    "Ребёнок сотрудника органов принудительного исполнения (судебного пристава)",
    "Child of an enforcement officer (bailiff)",
  ),
  fireService: t("Ребёнок сотрудника федеральной противопожарной службы", "Child of a federal fire-service officer"),
  customs: t("Ребёнок сотрудника таможенных органов", "Child of a customs officer"),
  rosgvardia: t("Ребёнок военнослужащего или сотрудника Росгвардии", "Child of a National Guard (Rosgvardia) member"),
} satisfies Record<FirstGround, Localized>;

const groundOptions = <G extends string>(grounds: readonly G[], labels: Record<G, Localized>) =>
  grounds.map((value) => ({ value, label: labels[value] }));

/** A field asked and required only while `field` has one of `values` (docs/enrollment.md, "The application form"). */
const askedWhen = (field: string, values: (string | boolean)[]) => {
  const condition = { field, in: values };
  return { shownWhen: condition, requiredWhen: condition };
};

/*
 * The first-grade application (docs/enrollment.md): the child with the birth certificate and the address
 * (prefilled from the profile), the school, the priority right with its ground and proof, the
 * sibling's details, the adapted programme with the ПМПК conclusion and the parent's consent, the
 * language, and the documents. Proofs are optional: a claim without one is flagged for the school,
 * not refused (eligibility.ts).
 */
function firstGradeForm(): FormDefinitionInput {
  return {
    steps: [
      {
        id: "child",
        title: t("Ребёнок", "Child"),
        fields: [
          childField("child", t("Ребёнок", "Child"), { minAgeYears: 5, maxAgeYears: 9 }),
          {
            kind: "birthCertificate",
            name: "birthCertificate",
            label: t("Свидетельство о рождении", "Birth certificate"),
            hint: t(
              "Серия и номер, например IV-АИ 123456. Если оставить поле пустым, возьмём номер из профиля выбранного ребёнка",
              "Series and number, e.g. IV-АИ 123456. Left empty, it is taken from the chosen child's profile",
            ),
          },
          {
            kind: "address",
            name: "childAddress",
            label: t("Адрес проживания ребёнка", "Child's home address"),
            hint: t(
              "Заполнен адресом из вашего профиля — исправьте, если ребёнок живёт по другому адресу",
              "Filled in from your profile — correct it if the child lives elsewhere",
            ),
          },
        ],
      },
      {
        id: "school",
        title: t("Школа и условия обучения", "School and learning"),
        fields: [
          {
            kind: "select",
            name: "school",
            label: t("Школа", "School"),
            // Every school that takes first-graders (seeds/schools-data.ts), by its number.
            options: SCHOOLS.map((school) => ({ value: school.code, label: t(school.name.ru, school.name.en) })),
          },
          {
            kind: "radio",
            name: "priority",
            label: t("Право на приоритетный приём", "Priority right"),
            options: [
              { value: "none", label: t("Нет", "None") },
              { value: "extraordinary", label: t("Внеочередное", "Out of turn") },
              { value: "first", label: t("Первоочередное", "First priority") },
              {
                value: "sibling",
                label: t("Преимущественное (в школе учится брат или сестра)", "Sibling at the school"),
              },
            ],
          },
          {
            kind: "select",
            name: "extraordinaryGround",
            label: t("Основание внеочередного права", "Ground of the out-of-turn right"),
            options: groundOptions(
              Object.keys(PRIORITY_CLASSES.extraordinary.grounds) as ExtraordinaryGround[],
              EXTRAORDINARY_GROUNDS,
            ),
            ...askedWhen("priority", ["extraordinary"]),
          },
          {
            kind: "select",
            name: "firstGround",
            label: t("Основание первоочередного права", "Ground of the first-priority right"),
            options: groundOptions(Object.keys(PRIORITY_CLASSES.first.grounds) as FirstGround[], FIRST_GROUNDS),
            ...askedWhen("priority", ["first"]),
          },
          {
            kind: "personName",
            name: "siblingName",
            label: t("Фамилия, имя, отчество брата или сестры", "Sibling's full name"),
            hint: t(
              "Брат или сестра, в том числе неполнородные, учится в этой школе и живёт с ребёнком по одному адресу",
              "A brother or sister, half-siblings included, who attends this school and lives at the same address",
            ),
            ...askedWhen("priority", ["sibling"]),
          },
          {
            kind: "date",
            name: "siblingBirthDate",
            label: t("Дата рождения брата или сестры", "Sibling's date of birth"),
            max: "today",
            ...askedWhen("priority", ["sibling"]),
          },
          {
            kind: "text",
            name: "siblingClass",
            label: t("Класс, в котором учится брат или сестра", "Sibling's class"),
            hint: t("Номер класса и буква, например 3Б", "The class number and letter, e.g. 3Б"),
            maxLength: 10,
            pattern: { regex: "(?:[1-9]|1[01]) ?[а-яёa-z]", example: "3Б" },
            ...askedWhen("priority", ["sibling"]),
          },
          {
            kind: "checkbox",
            name: "adaptedProgramme",
            label: t("Нужно обучение по адаптированной программе", "An adapted programme is needed"),
            required: false,
          },
          {
            kind: "checkbox",
            name: "adaptedProgrammeConsent",
            label: t(
              "Согласен(на) на обучение ребёнка по адаптированной образовательной программе",
              "I consent to my child being taught by an adapted educational programme",
            ),
            ...askedWhen("adaptedProgramme", [true]),
          },
          {
            kind: "select",
            name: "language",
            label: t("Язык образования", "Language of education"),
            options: [
              { value: "ru", label: t("Русский", "Russian") },
              { value: "tt", label: t("Татарский", "Tatar") },
              { value: "mdf", label: t("Мокшанский", "Moksha") },
            ],
          },
          {
            kind: "checkbox",
            name: "charterAcknowledged",
            label: t("С уставом и лицензией школы ознакомлен(а)", "I have read the school's charter and licence"),
          },
        ],
      },
      applicantStep([{ kind: "passport", name: "passport", label: t("Паспорт родителя", "Parent's passport") }]),
      {
        id: "documents",
        title: t("Документы", "Documents"),
        fields: [
          {
            kind: "file",
            name: "priorityProof",
            label: t("Справка с места работы (службы) родителя", "Certificate from the parent's employer or service"),
            hint: t(
              "Подтверждает внеочередное или первоочередное право. Без справки заявление примут, но школа отметит, что право не подтверждено, и попросит документ",
              "Proves the out-of-turn or first-priority right. Without it the application is accepted, but the school marks the right as unproven and asks for the document",
            ),
            required: false,
            shownWhen: { field: "priority", in: ["extraordinary", "first"] },
          },
          {
            kind: "file",
            name: "pmpkConclusion",
            label: t("Заключение ПМПК", "ПМПК (psychological, medical and educational commission) conclusion"),
            hint: t(
              "Нужно для обучения по адаптированной программе. Без него заявление примут, но школа запросит заключение",
              "Needed for an adapted programme. Without it the application is accepted, but the school will ask for it",
            ),
            required: false,
            shownWhen: { field: "adaptedProgramme", in: [true] },
          },
          {
            kind: "file",
            name: "registrationProof",
            label: t(
              "Свидетельство о регистрации ребёнка по месту жительства",
              "Proof of the child's registration at the address",
            ),
            hint: t(
              "Или другой документ о регистрации по адресу проживания. Если не приложить, школа проверит оригинал",
              "Or another document of registration at the home address. Without it the school checks the original",
            ),
            required: false,
          },
        ],
      },
      declarationStep(),
    ],
  };
}

export const educationServices: ServiceSeed[] = [
  {
    code: "58-EDU-001",
    slug: "first-grade-enrollment",
    category: "education",
    department: "minobr",
    lifeSituations: ["child-goes-to-school", "large-family"],
    level: "regional",
    deadlineDays: 5,
    mszu: true,
    delivery: "online",
    popularity: 9800,
    title: t("Запись в первый класс", "First-grade school enrollment"),
    summary: t(
      "Заявление о приёме ребёнка в 1 класс государственной или муниципальной школы",
      "Apply for a place for your child in the first grade of a state or municipal school",
    ),
    description: t(
      "Приём заявлений идёт в два этапа. С 1 апреля по 30 июня — для детей, проживающих на закреплённой за школой территории, и для детей с правом внеочередного, первоочередного или преимущественного приёма; приказ о зачислении издаётся в течение 3 рабочих дней после 30 июня. С 6 июля и до заполнения мест, но не позднее 5 сентября — для всех детей; решение принимается в течение 5 рабочих дней. Очерёдность определяется временем поступления заявления на портал, а не временем на вашем устройстве: черновик можно подготовить заранее и отправить в момент открытия приёма.",
      "Applications are accepted in two stages. From 1 April to 30 June — for children living in the school's assigned territory and for children with a priority right; enrollment orders are issued within 3 working days after 30 June. From 6 July until places are filled, but no later than 5 September — for all children; the decision is made within 5 working days. Order is decided by the time the portal receives the application, not the time on your device: you can prepare a draft in advance and send it the moment enrollment opens.",
    ),
    keywords: {
      ru: ["школа", "первый класс", "1 класс", "запись в школу", "зачисление", "ребёнок", "первоклассник"],
      en: ["school", "first grade", "enrollment", "enrolment", "admission", "primary school", "child"],
    },
    details: {
      applicants: [
        t(
          "Родители (законные представители) детей от 6 лет 6 месяцев до 8 лет",
          "Parents or guardians of children aged 6½ to 8",
        ),
        t(
          "Детей вне этого возраста принимают с разрешения учредителя — заявление всё равно примут",
          "Children outside this age need the founder's permission — the application is still accepted",
        ),
      ],
      documents: [
        doc.passport,
        doc.birthCertificate,
        {
          title: t(
            "Свидетельство о регистрации ребёнка по месту жительства",
            "Proof of the child's registered address",
          ),
          source: "applicant",
        },
        {
          title: t(
            "Справка с места работы родителя — для права первоочередного приёма",
            "Employer's certificate — for a priority right",
          ),
          source: "applicant",
          optional: true,
        },
        {
          title: t(
            "Заключение ПМПК — если нужна адаптированная программа",
            "PMPK conclusion — if an adapted programme is needed",
          ),
          source: "applicant",
          optional: true,
        },
      ],
      result: t(
        "Приказ о зачислении ребёнка в 1 класс или мотивированный отказ с предложением другой школы",
        "An order enrolling the child in the first grade, or a reasoned refusal with another school offered",
      ),
      refusalGrounds: [noSeats],
    },
    form: firstGradeForm(),
  },
  {
    code: "58-EDU-002",
    slug: "kindergarten-queue",
    category: "education",
    department: "penza-education",
    lifeSituations: ["birth-of-child", "large-family"],
    level: "municipal",
    deadlineDays: 7,
    mszu: true,
    delivery: "online",
    popularity: 6200,
    title: t("Постановка на учёт в детский сад", "Kindergarten waiting list"),
    summary: t(
      "Встать в очередь на место в муниципальном детском саду",
      "Put your child on the waiting list for a municipal kindergarten",
    ),
    description: t(
      "Очередь формируется по дате и времени подачи заявления внутри возрастной группы; возраст считается на 1 сентября. Можно указать до трёх желаемых детских садов и удобную дату начала посещения. О решении ведомства вы узнаете в личном кабинете и по электронной почте.",
      "The list is ordered by the date and time of application within each age group; age is counted on 1 September. You can name up to three preferred kindergartens and a start date. You will hear of the department's decision in your personal account and by e-mail.",
    ),
    keywords: {
      ru: ["детский сад", "садик", "ДОУ", "ДОО", "очередь в сад", "ясли"],
      en: ["kindergarten", "nursery", "preschool", "waiting list"],
    },
    details: {
      applicants: [
        t("Родители (законные представители) детей от 0 до 7 лет", "Parents or guardians of children aged 0 to 7"),
      ],
      documents: [doc.passport, doc.birthCertificate, doc.residence],
      result: t(
        "Уведомление о постановке на учёт с номером в очереди",
        "Confirmation of registration with your place in the list",
      ),
      refusalGrounds: [
        commonGrounds.incomplete,
        { code: "age-over-limit", title: t("Ребёнку больше 7 лет", "The child is over 7") },
      ],
    },
    form: standardForm(
      {
        id: "child",
        title: t("Ребёнок", "Child"),
        fields: [
          childField("child", t("Ребёнок", "Child"), { maxAgeYears: 7 }),
          {
            kind: "birthCertificate",
            name: "birthCertificate",
            label: t("Свидетельство о рождении", "Birth certificate"),
          },
        ],
      },
      {
        id: "kindergarten",
        title: t("Детский сад", "Kindergarten"),
        fields: [
          {
            kind: "checkboxes",
            name: "kindergartens",
            label: t("Желаемые детские сады (до трёх)", "Preferred kindergartens (up to three)"),
            maxChoices: 3,
            options: [
              { value: "ds-101", label: t("МБДОУ № 101 г. Пензы (демо)", "Kindergarten No. 101, Penza (demo)") },
              { value: "ds-104", label: t("МБДОУ № 104 г. Пензы (демо)", "Kindergarten No. 104, Penza (demo)") },
              { value: "ds-118", label: t("МБДОУ № 118 г. Пензы (демо)", "Kindergarten No. 118, Penza (demo)") },
              { value: "ds-126", label: t("МБДОУ № 126 г. Пензы (демо)", "Kindergarten No. 126, Penza (demo)") },
            ],
          },
          {
            kind: "date",
            name: "desiredStart",
            label: t("Желаемая дата начала посещения", "Desired start date"),
            min: "today",
          },
          {
            kind: "radio",
            name: "schedule",
            label: t("Режим пребывания", "Hours"),
            options: [
              { value: "full", label: t("Полный день (12 часов)", "Full day (12 hours)") },
              { value: "short", label: t("Кратковременное пребывание", "Short stay") },
            ],
          },
        ],
      },
    ),
  },
  {
    code: "58-EDU-003",
    slug: "clubs-enrollment",
    category: "education",
    department: "minobr",
    lifeSituations: ["leisure", "child-goes-to-school"],
    level: "regional",
    deadlineDays: 7,
    mszu: true,
    delivery: "online",
    popularity: 4100,
    title: t("Запись в кружки и секции", "Enrollment in children's clubs and sports sections"),
    summary: t(
      "Одно заявление — в один или несколько кружков дополнительного образования",
      "One application for one or several after-school clubs",
    ),
    description: t(
      "Запись в кружки, студии и спортивные секции организаций дополнительного образования по сертификату персонифицированного финансирования. В одном заявлении можно выбрать несколько кружков. Решение — 7 рабочих дней, а если нужны вступительные испытания — до 45 рабочих дней.",
      "Enroll in clubs, studios and sports sections of supplementary-education organisations using the personal funding certificate. You can choose several clubs in one application. Decision within 7 working days, or up to 45 if there are entrance tests.",
    ),
    keywords: {
      ru: ["кружок", "секция", "дополнительное образование", "сертификат ПФДО", "навигатор"],
      en: ["club", "after-school", "sports section", "extracurricular"],
    },
    details: {
      applicants: [t("Родители детей от 5 до 18 лет", "Parents of children aged 5 to 18")],
      documents: [
        doc.birthCertificate,
        {
          title: t("Медицинская справка — для спортивных секций", "Medical certificate — for sports sections"),
          source: "applicant",
          optional: true,
        },
      ],
      result: t("Зачисление в выбранные кружки", "Enrollment in the chosen clubs"),
      refusalGrounds: [
        noSeats,
        { code: "entrance-test-failed", title: t("Не пройдены вступительные испытания", "Entrance test not passed") },
      ],
    },
    form: standardForm({
      id: "clubs",
      title: t("Ребёнок и кружки", "Child and clubs"),
      fields: [
        childField("child", t("Ребёнок", "Child"), { minAgeYears: 5, maxAgeYears: 18 }),
        {
          kind: "checkboxes",
          name: "clubs",
          label: t("Кружки и секции", "Clubs and sections"),
          options: [
            {
              value: "robotics",
              label: t("Робототехника — Дворец творчества (демо)", "Robotics — Youth Centre (demo)"),
            },
            { value: "chess", label: t("Шахматы — ДЮСШ № 3 (демо)", "Chess — Sports School No. 3 (demo)") },
            { value: "choir", label: t("Хор — ДШИ № 1 (демо)", "Choir — Arts School No. 1 (demo)") },
            { value: "swimming", label: t("Плавание — бассейн «Сура» (демо)", "Swimming — Sura pool (demo)") },
            { value: "art", label: t("Изостудия — ДШИ № 2 (демо)", "Art studio — Arts School No. 2 (demo)") },
          ],
        },
      ],
    }),
  },
  {
    code: "58-EDU-004",
    slug: "school-diary",
    category: "education",
    department: "minobr",
    lifeSituations: ["child-goes-to-school"],
    level: "regional",
    deadlineDays: 0,
    mszu: true,
    delivery: "online",
    popularity: 9500,
    title: t("Электронный дневник школьника", "Electronic school diary"),
    summary: t("Оценки, расписание и домашние задания ребёнка", "Your child's marks, timetable and homework"),
    description: t(
      "Доступ родителей к электронному дневнику: текущие и итоговые оценки, расписание уроков, домашние задания, посещаемость. Доступ открывается сразу после подтверждения связи с ребёнком.",
      "Parents' access to the electronic diary: marks, timetable, homework and attendance. Access opens as soon as your link to the child is confirmed.",
    ),
    keywords: {
      ru: ["дневник", "оценки", "электронный журнал", "домашнее задание"],
      en: ["diary", "marks", "grades", "homework"],
    },
    details: {
      applicants: [t("Родители школьников и сами школьники", "Parents of schoolchildren and the pupils")],
      documents: [doc.birthCertificate],
      result: t("Доступ к электронному дневнику", "Access to the electronic diary"),
      refusalGrounds: [
        {
          code: "not-a-pupil",
          title: t("Ребёнок не обучается в школах региона", "The child does not attend a school in the region"),
        },
      ],
    },
    form: standardForm({
      id: "child",
      title: t("Ребёнок", "Child"),
      fields: [childField("child", t("Ребёнок", "Child"), { minAgeYears: 6, maxAgeYears: 18 })],
    }),
  },
  {
    code: "58-EDU-005",
    slug: "school-transfer",
    category: "education",
    department: "penza-education",
    lifeSituations: ["moving-house"],
    level: "municipal",
    deadlineDays: 5,
    mszu: false,
    delivery: "online",
    popularity: 900,
    title: t("Перевод в другую школу", "Transfer to another school"),
    summary: t("Перевод ребёнка в другую школу при переезде или по желанию семьи", "Move your child to another school"),
    description: t(
      "Заявление о приёме в порядке перевода во 2–11 классы. Личное дело ребёнка школа получит сама.",
      "Application to transfer into grades 2–11. The new school obtains the pupil's file itself.",
    ),
    keywords: { ru: ["перевод", "смена школы", "переезд"], en: ["transfer", "change school", "moving"] },
    details: {
      applicants: [t("Родители (законные представители) школьников", "Parents or guardians of schoolchildren")],
      documents: [doc.passport, doc.birthCertificate],
      result: t("Приказ о зачислении в порядке перевода", "Enrollment order"),
      refusalGrounds: [noSeats],
    },
    form: standardForm({
      id: "transfer",
      title: t("Перевод", "Transfer"),
      fields: [
        childField("child", t("Ребёнок", "Child"), { minAgeYears: 7, maxAgeYears: 18 }),
        { kind: "number", name: "grade", label: t("Класс", "Grade"), min: 2, max: 11 },
        { kind: "text", name: "currentSchool", label: t("Текущая школа", "Current school") },
        { kind: "text", name: "desiredSchool", label: t("Желаемая школа", "Desired school") },
      ],
    }),
  },
  {
    code: "58-EDU-006",
    slug: "summer-camp-voucher",
    category: "education",
    department: "mintrud",
    lifeSituations: ["leisure", "large-family", "low-income"],
    level: "regional",
    deadlineDays: 10,
    mszu: true,
    delivery: "online",
    popularity: 2700,
    title: t("Путёвка в детский лагерь", "Summer camp voucher"),
    summary: t(
      "Бесплатная или частично оплачиваемая путёвка в загородный лагерь",
      "A free or part-paid voucher for a summer camp",
    ),
    description: t(
      "Путёвки в загородные оздоровительные лагеря региона для детей 7–17 лет. Детям из многодетных и малоимущих семей — бесплатно, остальным — с частичной оплатой.",
      "Vouchers for the region's summer camps for children aged 7–17. Free for large and low-income families, part-paid for others.",
    ),
    keywords: {
      ru: ["лагерь", "путёвка", "отдых детей", "оздоровление", "каникулы"],
      en: ["camp", "holiday", "voucher"],
    },
    details: {
      applicants: [t("Родители детей 7–17 лет", "Parents of children aged 7–17")],
      documents: [
        doc.passport,
        doc.birthCertificate,
        { title: t("Медицинская справка 079/у", "Medical certificate 079/u"), source: "applicant" },
      ],
      result: t("Путёвка в лагерь на выбранную смену", "A voucher for the chosen camp session"),
      cost: t(
        "Бесплатно для льготных категорий, иначе 20% стоимости",
        "Free for eligible families, otherwise 20% of the price",
      ),
      refusalGrounds: [noSeats, commonGrounds.incomplete],
    },
    form: standardForm(
      {
        id: "camp",
        title: t("Лагерь и смена", "Camp and session"),
        fields: [
          childField("child", t("Ребёнок", "Child"), { minAgeYears: 7, maxAgeYears: 17 }),
          {
            kind: "select",
            name: "session",
            label: t("Смена", "Session"),
            options: [
              { value: "june", label: t("Июнь", "June") },
              { value: "july", label: t("Июль", "July") },
              { value: "august", label: t("Август", "August") },
            ],
          },
        ],
      },
      documentsStep([{ name: "medicalCertificate", label: t("Медицинская справка", "Medical certificate") }]),
    ),
  },
  {
    code: "58-EDU-007",
    slug: "free-school-meals",
    category: "education",
    department: "minobr",
    lifeSituations: ["large-family", "low-income", "child-goes-to-school"],
    level: "regional",
    deadlineDays: 10,
    mszu: false,
    delivery: "online",
    proactive: true,
    popularity: 1800,
    title: t("Бесплатное питание в школе", "Free school meals"),
    summary: t(
      "Бесплатное горячее питание для детей из многодетных и малоимущих семей",
      "Free hot meals for children from large and low-income families",
    ),
    description: t(
      "Ученики 1–4 классов получают горячее питание бесплатно без заявления. Ученикам 5–11 классов из многодетных и малоимущих семей питание назначается по заявлению или проактивно, если статус семьи уже известен.",
      "Pupils in grades 1–4 get free meals without applying. Pupils in grades 5–11 from large or low-income families get them on application, or proactively if the family status is already known.",
    ),
    keywords: { ru: ["питание", "обеды", "столовая", "многодетным"], en: ["meals", "lunch", "canteen"] },
    details: {
      applicants: [residents, t("Семьи со статусом многодетной или малоимущей", "Large or low-income families")],
      documents: [
        doc.birthCertificate,
        { title: t("Удостоверение многодетной семьи", "Large-family certificate"), source: "interagency" },
      ],
      result: t(
        "Бесплатное питание с первого числа следующего месяца",
        "Free meals from the first day of the next month",
      ),
      refusalGrounds: [commonGrounds.notEligible, commonGrounds.duplicate],
    },
    form: standardForm({
      id: "child",
      title: t("Ученик", "Pupil"),
      fields: [
        childField("child", t("Ученик", "Pupil"), { minAgeYears: 10, maxAgeYears: 18 }),
        { kind: "text", name: "school", label: t("Школа и класс", "School and grade") },
      ],
    }),
  },
];
