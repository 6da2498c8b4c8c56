import { describe, expect, it } from "vitest";
import { services } from "../../../seeds/catalogue/index";
import { proactiveRules } from "../../../seeds/proactive-rules";
import type { LifeEvent } from "./life-events";
import {
  answerByOf,
  canAnswer,
  conditionHolds,
  effectiveStatus,
  matchingRules,
  prefillFor,
  readRule,
  RuleConditionSchema,
} from "./rules";

const person = { snils: "112-233-445 95", lastName: "Иванова", firstName: "Анна", birthDate: "1995-03-04" };
const common = { eventId: "e-1", occurredAt: "2026-12-01T10:00:00+03:00" };
const birth = (birthOrder: number): LifeEvent => ({
  ...common,
  type: "birth",
  parent: person,
  child: {
    lastName: "Иванов",
    firstName: "Пётр",
    birthDate: "2026-11-28",
    birthCertificate: "I-ИЗ 123456",
    birthOrder,
  },
});
const pregnancy: LifeEvent = { ...common, type: "pregnancy", person, registeredOn: "2026-11-30" };
const benefit = (category: string): LifeEvent => ({
  ...common,
  type: "benefit-status",
  person,
  category,
  validFrom: "2026-12-01",
});

const codes = (event: LifeEvent) => matchingRules(proactiveRules, event).map((r) => r.serviceCode);

describe("the seeded rules", () => {
  it.each([
    ["pregnancy", pregnancy, ["58-HLT-004"]],
    ["first child", birth(1), ["58-SOC-005", "58-EDU-002"]],
    ["second child", birth(2), ["58-SOC-005", "58-EDU-002"]],
    ["third child", birth(3), ["58-SOC-005", "58-SOC-001", "58-EDU-002"]],
    ["fifth child", birth(5), ["58-SOC-005", "58-SOC-001", "58-EDU-002"]],
    ["large-family status", benefit("large-family"), ["58-SOC-003"]],
    ["another benefit status", benefit("labour-veteran"), []],
  ])("%s", (_name, event, expected) => {
    expect(codes(event)).toEqual(expected);
  });

  it("assign pregnancy food allowance and large-family utility compensation, offer the rest", () => {
    const modes = Object.fromEntries(proactiveRules.map((r) => [r.serviceCode, r.mode]));
    expect(modes).toEqual({
      "58-HLT-004": "assign",
      "58-SOC-005": "offer",
      "58-SOC-001": "offer",
      "58-EDU-002": "offer",
      "58-SOC-003": "assign",
    });
    expect(proactiveRules.find((r) => r.serviceCode === "58-HLT-004")!.answerDays).toBe(10);
  });

  it("name services of the catalogue and survive being stored", () => {
    const catalogue = new Set(services.map((s) => s.code));
    for (const rule of proactiveRules) {
      expect(catalogue.has(rule.serviceCode)).toBe(true);
      const stored = readRule({
        ...rule,
        condition: JSON.stringify(rule.condition),
        titleRu: rule.title.ru,
        titleEn: rule.title.en,
      });
      expect(stored).toEqual(rule);
    }
    expect(new Set(proactiveRules.map((r) => r.code)).size).toBe(proactiveRules.length);
  });
});

describe("conditions", () => {
  it("a condition about another kind of event is not met", () => {
    expect(conditionHolds({ birthOrderAtLeast: 3 }, pregnancy)).toBe(false);
    expect(conditionHolds({ benefitCategory: "large-family" }, birth(4))).toBe(false);
    expect(conditionHolds({}, pregnancy)).toBe(true);
  });

  it("refuses unknown keys and bad values, and an unreadable stored rule applies to nothing", () => {
    expect(RuleConditionSchema.safeParse({ birthOrder: 3 }).success).toBe(false);
    expect(RuleConditionSchema.safeParse({ birthOrderAtLeast: 0 }).success).toBe(false);
    const row = { ...proactiveRules[0]!, titleRu: "", titleEn: "" };
    expect(readRule({ ...row, condition: "not json" })).toBeNull();
    expect(readRule({ ...row, condition: "{}", mode: "maybe" })).toBeNull();
    expect(readRule({ ...row, condition: "{}", eventType: "death" })).toBeNull();
  });
});

describe("prefill", () => {
  it("gives the forms' own field names and the event's facts, nothing else", () => {
    expect(prefillFor(pregnancy)).toEqual({
      applicantName: "Иванова Анна",
      applicantSnils: "112-233-445 95",
      applicantBirthDate: "1995-03-04",
      status: "pregnant",
      pregnancyRegisteredOn: "2026-11-30",
    });
    expect(prefillFor(birth(3))).toMatchObject({ childName: "Иванов Пётр", childBirthOrder: 3 });
    expect(prefillFor(benefit("large-family"))).toMatchObject({ category: "large-family" });
  });
});

describe("answering", () => {
  it("may be done until the end of the region's day answerDays later", () => {
    const by = answerByOf("2026-12-30", 10);
    expect(by.toISOString()).toBe("2027-01-09T20:59:59.999Z");
    const offered = { status: "offered", answerBy: by };
    expect(canAnswer(offered, new Date("2027-01-09T20:59:59.000Z"))).toBe(true);
    expect(canAnswer(offered, new Date("2027-01-09T21:00:00.000Z"))).toBe(false);
    expect(effectiveStatus(offered, new Date("2027-01-09T21:00:00.000Z"))).toBe("expired");
  });

  it("an assignment past its date stands (it is not expired), and cannot be declined any more", () => {
    const assigned = { status: "assigned", answerBy: answerByOf("2026-12-01", 10) };
    const later = new Date("2027-01-01T00:00:00Z");
    expect(effectiveStatus(assigned, later)).toBe("assigned");
    expect(canAnswer(assigned, later)).toBe(false);
    expect(canAnswer({ status: "declined", answerBy: answerByOf("2026-12-01", 10) }, new Date("2026-12-02"))).toBe(
      false,
    );
  });
});
