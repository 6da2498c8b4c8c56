import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import type { RoleGrant } from "~/domain/accounts/roles";
import { formatRegistrationNumber } from "~/domain/applications/registration-number";
import {
  assignApplication,
  findStaffApplication,
  giveStaffCommand,
  staffMaySee,
  staffScope,
} from "~/domain/office/casework.server";
import { parseQueueQuery, QUEUE_PAGE_SIZE } from "~/domain/office/queues";
import { countQueues, listQueue } from "~/domain/office/queues.server";
import { demoStaff } from "../../seeds/accounts";
import { seedDemoData } from "../../seeds/demo";
import { createTestDatabase } from "./test-database";

/*
 * The back office on a real database: what each officer's queues hold (department and school),
 * paging without repeats, search, counts, and acting on an application with its version.
 */
let db: PrismaClient;
let dispose: () => Promise<void>;
const today = "2026-11-23";
type Staff = { id: string; roles: RoleGrant[] };
const staff: Record<"education" | "school112" | "social" | "supervisor", Staff> = {} as never;
let residentId: string;

let sequence = 0;
/** A submitted application written straight to the table: the queues only read these columns. */
async function application(input: {
  service: string;
  status?: string;
  deadline?: string;
  school?: string;
  name?: string;
  assigneeId?: string;
}) {
  sequence += 1;
  const service = await db.service.findUniqueOrThrow({ where: { code: input.service } });
  const number = formatRegistrationNumber(2026, 900_000 + sequence);
  await db.application.create({
    data: {
      id: `test-${sequence}`,
      number,
      sequence: 900_000 + sequence,
      serviceId: service.id,
      serviceVersion: service.currentVersion,
      departmentId: service.departmentId,
      applicantId: residentId,
      applicantName: input.name ?? "Иванова Мария Петровна",
      applicantKey: (input.name ?? "Иванова Мария Петровна").toLocaleLowerCase("ru"),
      status: input.status ?? "sent",
      deadline: input.deadline ?? "2026-12-07",
      receivedAt: new Date(`2026-11-${String(1 + (sequence % 20)).padStart(2, "0")}T10:00:00Z`),
      schoolCode: input.school ?? null,
      assigneeId: input.assigneeId ?? null,
      version: 3,
    },
  });
  return number;
}

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  staff.education = (await demoStaff(db, "officer.education@demo.gosuslugi58.ru")).actor;
  staff.school112 = (await demoStaff(db, "school112@demo.gosuslugi58.ru")).actor;
  staff.social = (await demoStaff(db, "officer.social@demo.gosuslugi58.ru")).actor;
  staff.supervisor = (await demoStaff(db, "supervisor.education@demo.gosuslugi58.ru")).actor;
  residentId = (await db.user.findUniqueOrThrow({ where: { email: "parent@demo.gosuslugi58.ru" } })).id;
});
afterAll(() => dispose());

const scopeOf = async (who: Staff) => ({ ...(await staffScope(db, who.roles)), officerId: who.id, today });
const numbersIn = (rows: { number: string | null }[]) => rows.map((r) => r.number);

describe("queues", () => {
  it("hold only the officer's department, and for school staff only their school", async () => {
    const mine = await application({ service: "58-EDU-001", school: "112" });
    const otherSchool = await application({ service: "58-EDU-001", school: "115" });
    const social = await application({ service: "58-SOC-001" });
    const education = await listQueue(db, await scopeOf(staff.education), parseQueueQuery(new URLSearchParams()));
    expect(numbersIn(education.rows)).toEqual(expect.arrayContaining([mine, otherSchool]));
    expect(numbersIn(education.rows)).not.toContain(social);
    const school = await listQueue(db, await scopeOf(staff.school112), parseQueueQuery(new URLSearchParams()));
    expect(numbersIn(school.rows)).toContain(mine);
    expect(numbersIn(school.rows)).not.toContain(otherSchool);
    expect(await findStaffApplication(db, staff.school112, otherSchool)).toBeNull();
    expect(await findStaffApplication(db, staff.social, mine)).toBeNull();
    expect(await staffMaySee(db, staff.school112.roles, "test-1")).toBe(true);
    expect(await staffMaySee(db, staff.school112.roles, "test-2")).toBe(false);
  });

  it("page through a queue in both orders without repeating or losing an application", async () => {
    const made: string[] = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE + 15; i++) {
      made.push(
        await application({ service: "58-SOC-002", deadline: `2026-12-${String(1 + (i % 28)).padStart(2, "0")}` }),
      );
    }
    const scope = await scopeOf(staff.social);
    for (const sort of ["deadline", "received"]) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const params = new URLSearchParams({ queue: "new", sort, service: "58-SOC-002" });
        if (after) params.set("after", after);
        const page = await listQueue(db, scope, parseQueueQuery(params));
        seen.push(...page.rows.map((r) => r.number!));
        after = page.next;
      } while (after);
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect([...seen].sort(), sort).toEqual([...made].sort());
    }
  });

  it("sort by deadline with the days left, and find by number or by the start of a name", async () => {
    const overdue = await application({ service: "58-SOC-003", deadline: "2026-11-20", name: "Петров Олег" });
    const scope = await scopeOf(staff.social);
    const page = await listQueue(db, scope, parseQueueQuery(new URLSearchParams({ queue: "overdue" })));
    const row = page.rows.find((r) => r.number === overdue);
    expect(row?.daysLeft).toBe(-1);
    const byNumber = await listQueue(db, scope, parseQueueQuery(new URLSearchParams({ queue: "overdue", q: overdue })));
    expect(numbersIn(byNumber.rows)).toEqual([overdue]);
    const byName = await listQueue(db, scope, parseQueueQuery(new URLSearchParams({ queue: "overdue", q: "петров" })));
    expect(numbersIn(byName.rows)).toEqual([overdue]);
    const counts = await countQueues(db, scope);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.new).toBeGreaterThanOrEqual(QUEUE_PAGE_SIZE + 15);
  });
});

describe("working an application", () => {
  it("takes it, refuses a stale version and keeps assignments to the department's staff", async () => {
    const number = await application({ service: "58-EDU-004" });
    expect(
      await assignApplication(db, {
        actor: staff.education,
        number,
        assigneeId: staff.education.id,
        expectedVersion: 3,
      }),
    ).toEqual({ ok: true });
    expect(
      await assignApplication(db, {
        actor: staff.education,
        number,
        assigneeId: staff.education.id,
        expectedVersion: 3,
      }),
    ).toEqual({ ok: false, error: "conflict" });
    // An officer takes work for themselves; only a supervisor gives it to someone else.
    expect(
      await assignApplication(db, {
        actor: staff.education,
        number,
        assigneeId: staff.supervisor.id,
        expectedVersion: 4,
      }),
    ).toEqual({ ok: false, error: "not-allowed" });
    expect(
      await assignApplication(db, { actor: staff.supervisor, number, assigneeId: staff.social.id, expectedVersion: 4 }),
    ).toEqual({ ok: false, error: "not-allowed" });
    expect(
      await assignApplication(db, { actor: staff.social, number, assigneeId: staff.social.id, expectedVersion: 4 }),
    ).toEqual({ ok: false, error: "not-found" });

    const stale = await giveStaffCommand(db, {
      actor: staff.education,
      number,
      command: "acknowledge",
      expectedVersion: 3,
    });
    expect(stale).toEqual({ ok: false, error: "conflict" });
    const done = await giveStaffCommand(db, {
      actor: staff.education,
      number,
      command: "acknowledge",
      expectedVersion: 4,
    });
    expect(done).toMatchObject({ ok: true, from: "sent", to: "received" });
    const audit = await db.auditEvent.findMany({ where: { subjectId: number }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.result])).toEqual([
      ["application.assign", "ok"],
      ["application.acknowledge", "denied"],
      ["application.acknowledge", "ok"],
    ]);
  });
});
