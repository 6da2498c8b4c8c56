import type { PrismaClient } from "~/generated/prisma/client";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { applyCommandInTransaction, isLostRace, type Actor } from "~/domain/applications/transitions.server";
import { openProactiveCase } from "./proactive-case.server";
import { accountOf } from "./person-match.server";
import { canAnswer, effectiveStatus, type OfferStatus } from "./rules";

/*
 * The resident's side of proactive measures (docs/proactive.md): what was assigned or offered, why,
 * and until when they may answer; confirming an offer opens its case, declining an assignment
 * withdraws its case through the lifecycle. Every read is scoped to the owner: another person's
 * offer is "not found". An offer not confirmed by its date shows as expired when read (no sweep).
 */
export type OfferView = {
  id: string;
  mode: "assign" | "offer";
  status: OfferStatus;
  canAnswer: boolean;
  answerBy: Date;
  createdAt: Date;
  service: { code: string; slug: string; titleRu: string; titleEn: string } | null;
  /** The event in plain words: what happened and the facts the page names. */
  event: { type: string; occurredAt: Date; facts: Record<string, string | number> };
  application: { number: string | null; status: string } | null;
};

const SELECT = {
  id: true,
  mode: true,
  status: true,
  answerBy: true,
  createdAt: true,
  serviceCode: true,
  prefill: true,
  event: { select: { type: true, payload: true, receivedAt: true } },
  application: { select: { number: true, status: true } },
} as const;

type Row = {
  id: string;
  mode: string;
  status: string;
  answerBy: Date;
  createdAt: Date;
  serviceCode: string;
  prefill: string;
  event: { type: string; payload: string; receivedAt: Date };
  application: { number: string | null; status: string } | null;
};

// Only what the page says of the event; the rest of the prefill (СНИЛС, birth date) is not shown.
const SHOWN_FACTS = ["childName", "childBirthDate", "pregnancyRegisteredOn", "category", "benefitValidFrom"];

function view(row: Row, services: Map<string, OfferView["service"]>, now: Date): OfferView {
  const prefill = parseObject(row.prefill);
  const payload = parseObject(row.event.payload);
  const facts = Object.fromEntries(
    SHOWN_FACTS.flatMap((key) => {
      const value = prefill[key];
      return typeof value === "string" || typeof value === "number" ? [[key, value]] : [];
    }),
  );
  const occurred = typeof payload.occurredAt === "string" ? new Date(payload.occurredAt) : row.event.receivedAt;
  return {
    id: row.id,
    mode: row.mode === "assign" ? "assign" : "offer",
    status: effectiveStatus(row, now),
    canAnswer: canAnswer(row, now),
    answerBy: row.answerBy,
    createdAt: row.createdAt,
    service: services.get(row.serviceCode) ?? null,
    event: {
      type: row.event.type,
      occurredAt: Number.isNaN(occurred.getTime()) ? row.event.receivedAt : occurred,
      facts,
    },
    application: row.application,
  };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function servicesOf(db: PrismaClient, codes: string[]) {
  const rows = await db.service.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { code: true, slug: true, titleRu: true, titleEn: true },
  });
  return new Map(rows.map((s) => [s.code, s]));
}

/** The resident's offers and assignments, newest first (a person gets a handful in a lifetime). */
export async function listOffers(db: PrismaClient, userId: string, now = new Date()): Promise<OfferView[]> {
  const rows = await db.proactiveOffer.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: SELECT,
  });
  const services = await servicesOf(
    db,
    rows.map((r) => r.serviceCode),
  );
  return rows.map((row) => view(row, services, now));
}

/** One of the resident's offers, or null (someone else's is "not found"). */
export async function getOffer(db: PrismaClient, userId: string, id: string, now = new Date()) {
  if (id.length > 40) return null;
  const row = await db.proactiveOffer.findFirst({ where: { id, userId }, select: SELECT });
  if (!row) return null;
  return view(row, await servicesOf(db, [row.serviceCode]), now);
}

/** How many wait for the resident's answer: offers to confirm, assignments still to be declined. */
export async function countOpenOffers(db: PrismaClient, userId: string, now = new Date()): Promise<number> {
  return db.proactiveOffer.count({
    where: { userId, status: { in: ["offered", "assigned"] }, answerBy: { gte: now } },
  });
}

export type AnswerResult =
  { ok: true; number: string | null } | { ok: false; error: "not-found" | "closed" | "conflict" };

/**
 * Confirms an offer: its case is opened exactly as an assignment's (channel proactive, straight to the
 * department), with the answers the event gave. Confirming twice opens nothing more.
 */
export async function confirmOffer(
  db: PrismaClient,
  input: { userId: string; offerId: string; now?: Date },
): Promise<AnswerResult> {
  const now = input.now ?? new Date();
  const calendar = await loadProductionCalendar(db);
  return db
    .$transaction(async (tx) => {
      const offer = await tx.proactiveOffer.findFirst({
        where: { id: input.offerId, userId: input.userId },
        include: { application: { select: { number: true } } },
      });
      if (!offer) return { ok: false, error: "not-found" } as const;
      if (offer.status === "accepted") return { ok: true, number: offer.application?.number ?? null } as const;
      if (offer.mode !== "offer" || !canAnswer(offer, now)) return { ok: false, error: "closed" } as const;
      const service = await tx.service.findUnique({
        where: { code: offer.serviceCode },
        select: { id: true, currentVersion: true, departmentId: true, deadlineDays: true, published: true },
      });
      if (!service?.published) return { ok: false, error: "closed" } as const;
      const prefill = parseObject(offer.prefill);
      const profile = await tx.profile.findUnique({ where: { userId: input.userId }, select: { birthDate: true } });
      const account = profile ? await accountOf(tx, { snils: offer.snils, birthDate: profile.birthDate }) : null;
      const resident: Actor = { kind: "resident", id: input.userId, role: "resident" };
      const opened = await openProactiveCase(tx, {
        service,
        applicantId: input.userId,
        applicantName: typeof prefill.applicantName === "string" ? prefill.applicantName : "",
        answers: prefill,
        municipality: account?.municipality ?? null,
        submittedBy: resident,
        now,
        calendar,
      });
      const moved = await tx.proactiveOffer.updateMany({
        where: { id: offer.id, status: "offered" },
        data: { status: "accepted", applicationId: opened.id, answeredAt: now },
      });
      // Answered in another tab meanwhile: this transaction (and the case it opened) rolls back.
      if (moved.count !== 1) throw new Conflict();
      return { ok: true, number: opened.number } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof Conflict) return { ok: false, error: "conflict" } as const;
      throw error;
    });
}

class Conflict extends Error {
  constructor() {
    super("offer answered meanwhile");
  }
}

/**
 * Declines an offer, or an assignment until its date: the assignment's case is withdrawn through the
 * lifecycle (the resident's own "withdraw", with its event, notification and statistics).
 */
export async function declineOffer(
  db: PrismaClient,
  input: { userId: string; offerId: string; now?: Date },
): Promise<AnswerResult> {
  const now = input.now ?? new Date();
  const calendar = await loadProductionCalendar(db);
  try {
    return await db.$transaction(async (tx) => {
      const offer = await tx.proactiveOffer.findFirst({ where: { id: input.offerId, userId: input.userId } });
      if (!offer) return { ok: false, error: "not-found" } as const;
      if (offer.status === "declined") return { ok: true, number: null } as const;
      if (!canAnswer(offer, now)) return { ok: false, error: "closed" } as const;
      if (offer.mode === "assign" && offer.applicationId) {
        const withdrawn = await applyCommandInTransaction(
          tx,
          {
            applicationId: offer.applicationId,
            command: "withdraw",
            actor: { kind: "resident", id: input.userId, role: "resident" },
            now,
          },
          { now, calendar },
        );
        // The department already decided it (or it was withdrawn from its own page): nothing to decline.
        if (!withdrawn.ok) throw new Closed();
      }
      const moved = await tx.proactiveOffer.updateMany({
        where: { id: offer.id, status: offer.status },
        data: { status: "declined", answeredAt: now },
      });
      if (moved.count !== 1) throw new Conflict();
      return { ok: true, number: null } as const;
    });
  } catch (error) {
    if (error instanceof Closed) return { ok: false, error: "closed" };
    if (error instanceof Conflict || isLostRace(error)) return { ok: false, error: "conflict" };
    throw error;
  }
}

class Closed extends Error {
  constructor() {
    super("case no longer open");
  }
}
