import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { regionDate } from "~/domain/region/clock";
import { personOf, type LifeEvent } from "./life-events";
import { accountOf } from "./person-match.server";
import { openProactiveCase, SYSTEM_ACTOR } from "./proactive-case.server";
import { rulesFor } from "./rule-store.server";
import { answerByOf, matchingRules, prefillFor } from "./rules";

/** What the rules made of one event: answered to the source, and again on a replay. */
export type LifeEventOutcome = { offers: { id: string; ruleCode: string; mode: "assign" | "offer" }[] };

/*
 * What a life event becomes (docs/proactive.md "Rules, offers and assignments"): for every rule it
 * sets off, one ProactiveOffer for the person, found by СНИЛС. An assignment opens its case in the
 * department's queue at once (the resident may decline it until answerBy); an offer waits for the
 * resident to confirm. All in one transaction, keyed by (event, rule, СНИЛС): a replay of the same
 * event finds what the first call made and answers the same.
 */
export async function processLifeEvent(
  db: PrismaClient,
  input: { eventRef: number; event: LifeEvent; now: Date },
): Promise<LifeEventOutcome> {
  const { eventRef, event, now } = input;
  const person = personOf(event);
  // Read before the transaction: on the shared connection nothing else runs while one is open.
  const calendar = await loadProductionCalendar(db);
  const rules = matchingRules(await rulesFor(db, event.type), event);
  const prefill = prefillFor(event);
  const applicantName = typeof prefill.applicantName === "string" ? prefill.applicantName : "";

  const offers = await db.$transaction(async (tx) => {
    const account = await accountOf(tx, person);
    const made: LifeEventOutcome["offers"] = [];
    for (const rule of rules) {
      const key = { eventRef, ruleCode: rule.code, snils: person.snils };
      const done = await tx.proactiveOffer.findUnique({ where: { eventRef_ruleCode_snils: key } });
      if (done) {
        made.push({ id: done.id, ruleCode: done.ruleCode, mode: done.mode === "assign" ? "assign" : "offer" });
        continue;
      }
      const service = await tx.service.findUnique({
        where: { code: rule.serviceCode },
        select: { id: true, currentVersion: true, departmentId: true, deadlineDays: true, published: true },
      });
      // A rule whose service is gone or closed gives nothing (the catalogue says what is offered).
      if (!service?.published) continue;
      const opened =
        rule.mode === "assign"
          ? await openProactiveCase(tx, {
              service,
              applicantId: account?.userId ?? null,
              applicantName,
              answers: prefill,
              municipality: account?.municipality ?? null,
              submittedBy: SYSTEM_ACTOR,
              now,
              calendar,
            })
          : null;
      const id = randomBytes(12).toString("base64url");
      await tx.proactiveOffer.create({
        data: {
          id,
          ...key,
          serviceCode: rule.serviceCode,
          mode: rule.mode,
          userId: account?.userId ?? null,
          status: rule.mode === "assign" ? "assigned" : "offered",
          prefill: JSON.stringify(prefill),
          applicationId: opened?.id ?? null,
          answerBy: answerByOf(regionDate(now), rule.answerDays),
          createdAt: now,
        },
      });
      made.push({ id, ruleCode: rule.code, mode: rule.mode });
      // An assignment is told through its case's notification; an offer, by its own row's mail outbox
      // (offer-mail.server.ts): both written in this transaction, mailed after it commits.
    }
    return made;
  });
  return { offers };
}
