import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { parseRegistrationNumber } from "~/domain/applications/registration-number";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { addWorkingDays, workingDaysLeft } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import {
  DONE_STATUSES,
  DUE_SOON_WORKING_DAYS,
  OPEN_STATUSES,
  QUEUE_PAGE_SIZE,
  QUEUES,
  WAITING_STATUSES,
  type QueueName,
  type QueueQuery,
} from "./queues";

/*
 * Reading the queues. Every query is scoped to the officer's departments and walks an index
 * (departmentId, status, deadline, id) or (departmentId, status, sequence) with keyset paging, so a
 * page costs the same with ten thousand applications or a million. Counts are capped: a tab says
 * "1000+" rather than counting a million rows on every page view.
 */
export type QueueScope = {
  departmentIds: number[];
  /** School staff: only applications naming these schools. */
  schoolCodes?: string[] | null;
  officerId: string;
  today?: string;
};

const COUNT_CAP = 1000;

function queueWhere(
  queue: QueueName,
  scope: QueueScope,
  today: string,
  dueBound: string,
): Prisma.ApplicationWhereInput {
  const base = {
    departmentId: { in: scope.departmentIds },
    ...(scope.schoolCodes ? { schoolCode: { in: scope.schoolCodes } } : {}),
  };
  switch (queue) {
    case "new":
      return { ...base, status: { in: ["sent", "received"] }, assigneeId: null };
    case "mine":
      return { ...base, status: { in: [...OPEN_STATUSES] }, assigneeId: scope.officerId };
    case "waiting":
      return { ...base, status: { in: [...WAITING_STATUSES] } };
    case "dueSoon":
      return {
        ...base,
        status: { in: [...OPEN_STATUSES] },
        deadline: { gte: today, lte: dueBound },
      };
    case "overdue":
      return { ...base, status: { in: [...OPEN_STATUSES] }, deadline: { lt: today } };
    case "done":
      return { ...base, status: { in: [...DONE_STATUSES] } };
  }
}

function filtersWhere(query: QueueQuery): Prisma.ApplicationWhereInput[] {
  const and: Prisma.ApplicationWhereInput[] = [];
  if (query.service) and.push({ service: { code: query.service } });
  if (query.status) and.push({ status: query.status });
  if (query.municipality) and.push({ municipality: query.municipality });
  if (query.assignee === "none") and.push({ assigneeId: null });
  else if (query.assignee) and.push({ assigneeId: query.assignee });
  if (query.q) {
    const number = parseRegistrationNumber(query.q);
    if (number) and.push({ number: number.text });
    else {
      // A prefix of the name, on the lower-case copy: an index range, not a scan.
      const key = query.q.toLocaleLowerCase("ru");
      and.push({ applicantKey: { gte: key, lt: `${key}\uffff` } });
    }
  }
  return and;
}

/*
 * Where the page starts. Always a range on the sort column (even on the first page), so SQLite walks
 * the sorting index and stops after a page instead of sorting the whole queue: the "done" queue of a
 * million applications is then as cheap as a short one.
 */
function cursorWhere(query: QueueQuery): Prisma.ApplicationWhereInput {
  if (query.sort === "received") {
    const sequence = Number(query.after);
    return { sequence: { gt: query.after && Number.isInteger(sequence) ? sequence : 0 } };
  }
  const [deadline, id] = (query.after ?? "").split("~");
  if (!deadline || !id) return { deadline: { gte: "0" } };
  return { deadline: { gte: deadline }, OR: [{ deadline: { gt: deadline } }, { id: { gt: id } }] };
}

async function dayBounds(db: PrismaClient, scope: QueueScope) {
  const today = scope.today ?? regionDate();
  const calendar = await loadProductionCalendar(db);
  return { today, calendar, dueBound: addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS) };
}

export async function listQueue(db: PrismaClient, scope: QueueScope, query: QueueQuery) {
  const { today, calendar, dueBound } = await dayBounds(db, scope);
  const cursor = cursorWhere(query);
  const rows = await db.application.findMany({
    where: {
      AND: [queueWhere(query.queue, scope, today, dueBound), ...filtersWhere(query), cursor],
    },
    orderBy: query.sort === "received" ? [{ sequence: "asc" }] : [{ deadline: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      status: true,
      receivedAt: true,
      deadline: true,
      sequence: true,
      applicantName: true,
      municipality: true,
      assignee: { select: { id: true, email: true } },
      service: { select: { code: true, titleRu: true, titleEn: true } },
    },
  });
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      ...row,
      daysLeft:
        row.deadline && !DONE_STATUSES.includes(row.status as never)
          ? workingDaysLeft(calendar, today, row.deadline)
          : null,
    })),
    next:
      rows.length > QUEUE_PAGE_SIZE && last
        ? query.sort === "received"
          ? String(last.sequence)
          : `${last.deadline}~${last.id}`
        : null,
  };
}

/** How many applications each tab holds, capped at COUNT_CAP ("1000+"). */
export async function countQueues(db: PrismaClient, scope: QueueScope): Promise<Record<QueueName, number>> {
  const { today, dueBound } = await dayBounds(db, scope);
  const counts = await Promise.all(
    QUEUES.map(async (queue) => {
      const count = await db.application.count({
        where: queueWhere(queue, scope, today, dueBound),
        take: COUNT_CAP + 1,
      });
      return [queue, count] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<QueueName, number>;
}

export const QUEUE_COUNT_CAP = COUNT_CAP;
