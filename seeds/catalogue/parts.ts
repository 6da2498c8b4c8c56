import type { Localized } from "~/domain/i18n/localized";
import type { FormDefinitionInput } from "~/domain/forms/form-definition";
import type { ServiceSeed } from "~/domain/catalogue/service-content";

/*
 * Building blocks shared by the demo services, so each service file says only what is particular
 * to it. Everything stays plain data: the result is validated by ServiceSeedSchema when saved.
 */

export const t = (ru: string, en: string): Localized => ({ ru, en });

type Step = FormDefinitionInput["steps"][number];
type Field = Step["fields"][number];

/** Who applies: name, СНИЛС, contacts. Most services start with it. */
export function applicantStep(extra: Field[] = []): Step {
  return {
    id: "applicant",
    title: t("Заявитель", "Applicant"),
    fields: [
      { kind: "personName", name: "applicantName", label: t("Фамилия, имя, отчество", "Full name") },
      { kind: "snils", name: "applicantSnils", label: t("СНИЛС", "SNILS (insurance number)") },
      { kind: "phone", name: "applicantPhone", label: t("Телефон", "Phone") },
      {
        kind: "email",
        name: "applicantEmail",
        label: t("Электронная почта", "Email"),
        hint: t("Сюда придут уведомления о ходе рассмотрения", "Status notifications are sent here"),
        required: false,
      },
      ...extra,
    ],
  };
}

/** Identity document and registered address, for services that need them. */
export function identityStep(addressLabel = t("Адрес регистрации", "Registered address")): Step {
  return {
    id: "identity",
    title: t("Документ и адрес", "Identity document and address"),
    fields: [
      { kind: "passport", name: "passport", label: t("Паспорт гражданина РФ", "Russian passport") },
      { kind: "address", name: "address", label: addressLabel },
    ],
  };
}

/** Uploads; each item becomes a file field. */
export function documentsStep(
  files: { name: string; label: Localized; required?: boolean; multiple?: boolean }[],
): Step {
  return {
    id: "documents",
    title: t("Документы", "Documents"),
    fields: files.map((f) => ({
      kind: "file" as const,
      name: f.name,
      label: f.label,
      required: f.required ?? true,
      multiple: f.multiple ?? false,
    })),
  };
}

/** The declaration every application ends with; personal-data consent is a separate act (152-ФЗ). */
export function declarationStep(): Step {
  return {
    id: "declaration",
    title: t("Подтверждение", "Declaration"),
    fields: [
      {
        kind: "checkbox",
        name: "accuracyConfirmed",
        label: t(
          "Подтверждаю, что сведения в заявлении достоверны",
          "I confirm that the information in this application is true",
        ),
      },
      {
        kind: "checkbox",
        name: "personalDataConsent",
        label: t(
          "Даю согласие на обработку персональных данных для предоставления услуги",
          "I consent to the processing of my personal data to provide this service",
        ),
      },
    ],
  };
}

export const childField = (
  name = "child",
  label = t("Ребёнок", "Child"),
  ages: { minAgeYears?: number; maxAgeYears?: number } = {},
): Field => ({
  kind: "child",
  name,
  label,
  hint: t("Выберите из детей в профиле или добавьте нового", "Choose from the children in your profile or add one"),
  ...ages,
});

/** A form with the applicant first and the declaration last. */
export function standardForm(...middle: Step[]): FormDefinitionInput {
  return { steps: [applicantStep(), ...middle, declarationStep()] };
}

export const free = undefined;

export const commonGrounds = {
  incomplete: {
    code: "incomplete-documents",
    title: t("Представлены не все документы", "Required documents are missing"),
  },
  notEligible: {
    code: "not-eligible",
    title: t("Заявитель не относится к кругу получателей", "The applicant is not eligible"),
  },
  falseData: {
    code: "false-information",
    title: t("Представлены недостоверные сведения", "The information given is not true"),
  },
  duplicate: {
    code: "already-granted",
    title: t("Мера поддержки уже назначена", "The support is already granted"),
  },
} satisfies Record<string, ServiceSeed["details"]["refusalGrounds"][number]>;

export const doc = {
  passport: { title: t("Паспорт заявителя", "Applicant's passport"), source: "applicant" as const },
  snils: { title: t("СНИЛС", "SNILS"), source: "interagency" as const },
  birthCertificate: {
    title: t("Свидетельство о рождении ребёнка", "Child's birth certificate"),
    source: "interagency" as const,
  },
  residence: {
    title: t("Сведения о регистрации по месту жительства", "Proof of registered address"),
    source: "interagency" as const,
  },
  income: {
    title: t("Сведения о доходах семьи за 12 месяцев", "Family income for the last 12 months"),
    source: "interagency" as const,
  },
};

export const residents = t("Граждане РФ, проживающие в Пензенской области", "Russian citizens living in Penza oblast");

type Brief = Omit<ServiceSeed, "details" | "form" | "keywords"> & {
  keywords: { ru: string[]; en: string[] };
  applicants: Localized[];
  documents: ServiceSeed["details"]["documents"];
  result: Localized;
  cost?: Localized;
  refusalGrounds: ServiceSeed["details"]["refusalGrounds"];
  visitNote?: Localized;
  /** Used in the cabinet, not applied for: the page there (ServiceDetailsSchema.usedAt). */
  usedAt?: string;
  /** The steps particular to this service; the applicant and the declaration are added. */
  steps: Step[];
};

/** A service written in the short way: details flattened, the usual first and last steps added. */
export function service(brief: Brief): ServiceSeed {
  const { applicants, documents, result, cost, refusalGrounds, visitNote, usedAt, steps, ...rest } = brief;
  return {
    ...rest,
    details: { applicants, documents, result, cost, refusalGrounds, visitNote, usedAt },
    form: standardForm(...steps),
  };
}

export function step(id: string, title: Localized, fields: Field[]): Step {
  return { id, title, fields };
}
