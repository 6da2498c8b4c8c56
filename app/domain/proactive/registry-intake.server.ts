import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { recordAudit } from "~/domain/audit/audit.server";
import { LifeEventSchema } from "./life-events";
import { processLifeEvent, type LifeEventOutcome } from "./process-event.server";
import { SIGNATURE_HEADERS } from "./registry-signature";
import { sealSecret } from "./sealed-secret";
import { auditRefusal, authenticateSource } from "./source-auth.server";

/*
 * The intake of life events from other systems (docs/proactive.md, "Intake"): each source signs
 * with a key of its own, several keys may be valid at once (rotation), an event is taken once per
 * (source, event id) and a replay gets the same answer, every request is audited by codes and ids.
 */
export const MAX_EVENT_BYTES = 64 * 1024;
/** The outcome of an event stored but not yet handed to the rules. */
const PENDING = "pending";

export type IntakeAnswer = { status: number; body: Record<string, unknown> };

type Headers = Record<string, string | undefined>;

export async function receiveLifeEvent(
  db: PrismaClient,
  /** body: the raw request body, or null when the route stopped reading it past MAX_EVENT_BYTES. */
  input: { headers: Headers; body: string | null; now: Date; sealingKey: string },
): Promise<IntakeAnswer> {
  const source = input.headers[SIGNATURE_HEADERS.source] ?? "";
  const keyId = input.headers[SIGNATURE_HEADERS.key] ?? "";
  const auditDenied = auditRefusal(db, "registry.event", input.headers);
  const refuse = async (status: number, error: string, details: Record<string, unknown> = {}) => {
    await auditDenied(status, error);
    return { status, body: { error, ...details } };
  };
  const body = input.body;
  if (body === null || Buffer.byteLength(body) > MAX_EVENT_BYTES) return refuse(413, "too-large");
  const signed = await authenticateSource(db, { ...input, body });
  if (!signed.ok) return refuse(signed.status, signed.error);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, "malformed-json");
  }
  const parsed = LifeEventSchema.safeParse(json);
  if (!parsed.success) {
    return refuse(422, "invalid-event", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const event = parsed.data;
  const bodySha256 = createHash("sha256").update(body).digest("hex");
  const known = await db.registryEvent.findUnique({
    where: { sourceCode_eventId: { sourceCode: source, eventId: event.eventId } },
  });
  if (known && known.bodySha256 !== bodySha256) return refuse(409, "event-id-reused");
  // Stored first, then handed to the rules, which are idempotent by the stored event: a retry after a
  // failure in between finishes the work, a replay gets the outcome it had.
  const stored =
    known ??
    (await db.registryEvent
      .create({
        data: {
          sourceCode: source,
          eventId: event.eventId,
          type: event.type,
          bodySha256,
          payload: JSON.stringify(event),
          receivedAt: input.now,
          outcome: PENDING,
        },
      })
      .catch(async (error: unknown) => {
        // Two deliveries of one event at the same moment: the other one stored it.
        const raced = await db.registryEvent.findUnique({
          where: { sourceCode_eventId: { sourceCode: source, eventId: event.eventId } },
        });
        if (!raced) throw error;
        return raced;
      }));
  if (stored.bodySha256 !== bodySha256) return refuse(409, "event-id-reused");
  const replayed = stored.outcome !== PENDING;
  const outcome = replayed
    ? (JSON.parse(stored.outcome) as LifeEventOutcome)
    : await processLifeEvent(db, { eventRef: stored.id, event, now: input.now });
  if (!replayed) {
    await db.registryEvent.update({ where: { id: stored.id }, data: { outcome: JSON.stringify(outcome) } });
  }
  await audit(db, source, keyId, stored.id, replayed ? "replayed" : "accepted");
  return { status: replayed ? 200 : 201, body: { eventRef: stored.id, outcome, replayed } };
}

function audit(db: PrismaClient, source: string, keyId: string, eventRef: number, how: string) {
  return recordAudit(db, {
    actorId: null,
    action: "registry.event",
    subjectType: "registry-event",
    subjectId: String(eventRef),
    details: { source, key: keyId, how },
  });
}

/** A new key for a source: its id and secret, shown once; the old keys stay valid until retired. */
export async function addRegistryKey(
  db: PrismaClient,
  input: { sourceCode: string; sealingKey: string; id?: string; secret?: string },
): Promise<{ id: string; secret: string }> {
  const id = input.id ?? `${input.sourceCode}-${randomBytes(4).toString("hex")}`;
  const secret = input.secret ?? randomBytes(32).toString("base64url");
  await db.registryKey.create({
    data: { id, sourceCode: input.sourceCode, secret: sealSecret(secret, input.sealingKey) },
  });
  return { id, secret };
}

/** From `at` on, the key signs nothing. */
export async function retireRegistryKey(db: PrismaClient, keyId: string, at: Date): Promise<void> {
  await db.registryKey.update({ where: { id: keyId }, data: { retiresAt: at } });
}
