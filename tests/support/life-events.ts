import type { PrismaClient } from "../../app/generated/prisma/client";
import type { LifeEvent } from "../../app/domain/proactive/life-events";
import { processLifeEvent } from "../../app/domain/proactive/process-event.server";

/*
 * A life event as the intake stores it (a RegistryEvent of a test source), then handed to the rules:
 * the integration and browser tests' way to make offers without signing a request.
 */
export const TEST_SOURCE = "test-registry";

export async function receiveLifeEvent(db: PrismaClient, event: LifeEvent, now = new Date()) {
  await db.registrySource.upsert({
    where: { code: TEST_SOURCE },
    create: { code: TEST_SOURCE, nameRu: "Тестовый реестр", nameEn: "Test registry" },
    update: {},
  });
  const stored = await db.registryEvent.upsert({
    where: { sourceCode_eventId: { sourceCode: TEST_SOURCE, eventId: event.eventId } },
    create: {
      sourceCode: TEST_SOURCE,
      eventId: event.eventId,
      type: event.type,
      bodySha256: "0".repeat(64),
      payload: JSON.stringify(event),
      receivedAt: now,
      outcome: "{}",
    },
    update: {},
  });
  const outcome = await processLifeEvent(db, { eventRef: stored.id, event, now });
  await db.registryEvent.update({ where: { id: stored.id }, data: { outcome: JSON.stringify(outcome) } });
  return { eventRef: stored.id, outcome };
}
