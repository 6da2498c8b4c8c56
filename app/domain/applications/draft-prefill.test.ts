import { describe, expect, it } from "vitest";
import { StepSchema } from "~/domain/forms/form-definition";
import { childCertificateFills } from "./draft-prefill";

const l = (ru: string) => ({ ru, en: ru });
const step = StepSchema.parse({
  id: "child",
  title: l("Ребёнок"),
  fields: [
    { kind: "child", name: "child", label: l("Ребёнок") },
    { kind: "birthCertificate", name: "birthCertificate", label: l("Свидетельство") },
  ],
});
const children = [
  { id: "lev", birthCertificate: "I-ИЗ 111111" },
  { id: "mia", birthCertificate: "I-ИЗ 222222" },
];
const fills = (answers: Record<string, unknown>) => childCertificateFills(step, (name) => answers[name], children);

describe("the chosen child's birth certificate", () => {
  it("fills an empty field", () => {
    expect(fills({ child: "lev" })).toEqual({ birthCertificate: "I-ИЗ 111111" });
    expect(fills({ child: "lev", birthCertificate: "  " })).toEqual({ birthCertificate: "I-ИЗ 111111" });
  });

  it("replaces the certificate filled in for the child chosen before", () => {
    expect(fills({ child: "mia", birthCertificate: "I-ИЗ 111111" })).toEqual({ birthCertificate: "I-ИЗ 222222" });
  });

  it("keeps what the parent typed, and fills nothing without a child of the profile", () => {
    expect(fills({ child: "mia", birthCertificate: "II-ИЗ 999999" })).toEqual({});
    expect(fills({ child: "mia", birthCertificate: "I-ИЗ 222222" })).toEqual({});
    expect(fills({ child: "stranger" })).toEqual({});
    expect(fills({})).toEqual({});
  });

  it("fills only a step that has the child on it", () => {
    const other = StepSchema.parse({ ...step, fields: [step.fields[1]] });
    expect(childCertificateFills(other, () => undefined, children)).toEqual({});
  });
});
