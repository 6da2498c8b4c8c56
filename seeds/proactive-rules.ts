import type { ProactiveRuleData } from "~/domain/proactive/rules";
import { t } from "./catalogue/parts";

/*
 * What the portal makes of life events (docs/proactive.md): Penza's food allowance assigned from
 * the clinic's record, the birth's measures offered prefilled, large-family status on the third
 * child, and utility compensation assigned on a large-family status recorded in ЕГИССО.
 */
export const proactiveRules: ProactiveRuleData[] = [
  {
    code: "pregnancy-nutrition",
    eventType: "pregnancy",
    serviceCode: "58-HLT-004",
    mode: "assign",
    condition: {},
    answerDays: 10,
    position: 10,
    title: t(
      "Питание для беременной: назначено без заявления",
      "Food allowance in pregnancy: granted without an application",
    ),
  },
  {
    code: "birth-child-allowance",
    eventType: "birth",
    serviceCode: "58-SOC-005",
    mode: "offer",
    condition: {},
    answerDays: 30,
    position: 10,
    title: t("Ежемесячное пособие на ребёнка", "Monthly child allowance"),
  },
  {
    code: "birth-large-family",
    eventType: "birth",
    serviceCode: "58-SOC-001",
    mode: "offer",
    condition: { birthOrderAtLeast: 3 },
    answerDays: 30,
    position: 20,
    title: t("Статус многодетной семьи: третий ребёнок", "Large-family status: the third child"),
  },
  {
    code: "birth-kindergarten",
    eventType: "birth",
    serviceCode: "58-EDU-002",
    mode: "offer",
    condition: {},
    answerDays: 60,
    position: 30,
    title: t("Очередь в детский сад", "Kindergarten waiting list"),
  },
  {
    code: "large-family-utility",
    eventType: "benefit-status",
    serviceCode: "58-SOC-003",
    mode: "assign",
    condition: { benefitCategory: "large-family" },
    answerDays: 10,
    position: 10,
    title: t(
      "Компенсация за ЖКУ многодетной семье: назначена без заявления",
      "Utility compensation for a large family: granted without an application",
    ),
  },
];
