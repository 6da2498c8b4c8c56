import { randomBytes } from "node:crypto";
import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import { legalDeadline } from "~/domain/calendar/working-days";
import { receivedCaseRow, type ApplicationForStats } from "~/domain/applications/change-rows";
import { formatRegistrationNumber } from "~/domain/applications/registration-number";
import { recordStatEvent, recordTransition, type Actor, type Tx } from "~/domain/applications/transitions.server";
import { regionDate } from "~/domain/region/clock";

/*
 * A case opened without an application (docs/proactive.md): an assignment at once, an offer when the
 * resident confirms it. It is received exactly as a submission is — registration number and receipt
 * sequence from the same counters, the legal deadline in working days, the submit and forward
 * events, the statistics — but on the channel "proactive", so the indicators count it as such.
 * From then on the department works it like any other case.
 */
const SYSTEM: Actor = { kind: "system", id: null, role: "system" };

export type ProactiveCaseInput = {
  service: { id: number; currentVersion: number; departmentId: number; deadlineDays: number };
  /** Null while the person has no account: the case waits for them to register (profile-link). */
  applicantId: string | null;
  applicantName: string;
  answers: Record<string, unknown>;
  municipality: string | null;
  /** Who set it going: the system for an assignment, the resident for a confirmed offer. */
  submittedBy: Actor;
  now: Date;
  calendar: ProductionCalendar;
};

async function bump(tx: Tx, name: string): Promise<number> {
  const row = await tx.counter.upsert({
    where: { name },
    create: { name, value: 1 },
    update: { value: { increment: 1 } },
  });
  return row.value;
}

/** Opens the case in its department's queue ("sent"); returns its id and number. */
export async function openProactiveCase(tx: Tx, input: ProactiveCaseInput): Promise<{ id: string; number: string }> {
  const { now, service } = input;
  const year = Number(regionDate(now).slice(0, 4));
  const sequence = await bump(tx, "receipt");
  const number = formatRegistrationNumber(year, await bump(tx, `registration-${year}`));
  const deadline = legalDeadline(input.calendar, now, service.deadlineDays);
  const id = randomBytes(12).toString("base64url");
  await tx.application.create({
    data: receivedCaseRow({
      id,
      number,
      sequence,
      service,
      applicantId: input.applicantId,
      applicantName: input.applicantName,
      answers: input.answers,
      municipality: input.municipality,
      deadline,
      now,
      channel: "proactive",
    }),
  });
  const application: ApplicationForStats & { applicantId: string | null } = {
    id,
    serviceId: service.id,
    municipality: input.municipality,
    receivedAt: now,
    deadline,
    channel: "proactive",
    applicantId: input.applicantId,
  };
  await recordStatEvent(tx, application, { kind: "submitted", at: now });
  const common = { at: now, calendar: input.calendar };
  await recordTransition(tx, application, {
    ...common,
    command: "submit",
    from: "draft",
    to: "registered",
    actor: input.submittedBy,
    notify: false,
  });
  // The resident hears of the case once: that it was received (the mail says it came without an application).
  await recordTransition(tx, application, {
    ...common,
    command: "forward",
    from: "registered",
    to: "sent",
    actor: SYSTEM,
  });
  return { id, number };
}

export { SYSTEM as SYSTEM_ACTOR };
