import { describe, expect, it } from "vitest";
import { FormDefinitionSchema, type FormDefinitionInput } from "~/domain/forms/form-definition";
import { summarizeDraft } from "./draft-summary";

const t = (ru: string, en: string) => ({ ru, en });
const form = FormDefinitionSchema.parse({
  steps: [
    {
      id: "child",
      title: t("Ребёнок", "Child"),
      fields: [{ kind: "child", name: "child", label: t("Ребёнок", "Child") }],
    },
    {
      id: "documents",
      title: t("Документы", "Documents"),
      fields: [{ kind: "text", name: "note", label: t("Примечание", "Note") }],
    },
    {
      id: "declaration",
      title: t("Согласие", "Declaration"),
      fields: [{ kind: "checkbox", name: "consent", label: t("Согласен", "I agree") }],
    },
  ],
} satisfies FormDefinitionInput);
const children = [
  { id: "anna", name: "Тестова Анна" },
  { id: "petr", name: "Тестов Пётр" },
];

describe("a draft in the resident's list", () => {
  it("says whom it is for and the step it resumes at, so two drafts of one service differ", () => {
    const forAnna = summarizeDraft(form, { child: "anna" }, "documents", children, "ru");
    const forPetr = summarizeDraft(form, { child: "petr" }, "declaration", children, "en");
    expect(forAnna).toEqual({
      children: ["Тестова Анна"],
      resumesAt: { kind: "step", number: 2, total: 3, title: "Документы" },
    });
    expect(forPetr).toEqual({
      children: ["Тестов Пётр"],
      resumesAt: { kind: "step", number: 3, total: 3, title: "Declaration" },
    });
  });

  it("is at the review once every step is done, and names no child it cannot find", () => {
    expect(summarizeDraft(form, { child: "deleted-child" }, "review", children, "ru")).toEqual({
      children: [],
      resumesAt: { kind: "review" },
    });
    // A step the form no longer has resumes at the first.
    expect(summarizeDraft(form, {}, "gone", children, "ru").resumesAt).toEqual({
      kind: "step",
      number: 1,
      total: 3,
      title: "Ребёнок",
    });
  });
});
