import type { PrismaClient } from "~/generated/prisma/client";
import type { Tx } from "~/domain/applications/transitions.server";
import { readRule, RuleConditionSchema, type ProactiveRuleData } from "./rules";

/** Writes one rule (matched by code), validated as the judge will read it. */
export async function saveProactiveRule(db: PrismaClient, rule: ProactiveRuleData): Promise<void> {
  const data = {
    eventType: rule.eventType,
    serviceCode: rule.serviceCode,
    mode: rule.mode,
    condition: JSON.stringify(RuleConditionSchema.parse(rule.condition)),
    answerDays: rule.answerDays,
    position: rule.position,
    titleRu: rule.title.ru,
    titleEn: rule.title.en,
  };
  await db.proactiveRule.upsert({ where: { code: rule.code }, create: { code: rule.code, ...data }, update: data });
}

/** The rules of one kind of event, readable ones only, in their order. */
export async function rulesFor(tx: Tx | PrismaClient, eventType: string): Promise<ProactiveRuleData[]> {
  const rows = await tx.proactiveRule.findMany({
    where: { eventType },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  return rows.flatMap((row) => {
    const rule = readRule(row);
    return rule ? [rule] : [];
  });
}
