import type { PrismaClient } from "~/generated/prisma/client";
import { loadProductionCalendar } from "~/domain/calendar/calendar-store.server";
import { addWorkingDays } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import { listDepartmentOfficers } from "./casework.server";
import { DUE_SOON_WORKING_DAYS, OPEN_STATUSES } from "./queues";

/*
 * The supervisor's view of a department: the load on each officer, what is overdue or due soon,
 * how long decisions take, so work can be moved before a deadline is missed.
 */
export async function getWorkload(db: PrismaClient, departmentIds: number[], now = new Date()) {
  const today = regionDate(now);
  const soon = addWorkingDays(await loadProductionCalendar(db), today, DUE_SOON_WORKING_DAYS);
  const open = { departmentId: { in: departmentIds }, status: { in: [...OPEN_STATUSES] } };
  const [officers, inWork, overdue, dueSoon, departments] = await Promise.all([
    listDepartmentOfficers(db, departmentIds),
    db.application.groupBy({ by: ["assigneeId"], where: open, _count: { _all: true } }),
    db.application.groupBy({ by: ["assigneeId"], where: { ...open, deadline: { lt: today } }, _count: { _all: true } }),
    db.application.groupBy({
      by: ["assigneeId"],
      where: { ...open, deadline: { gte: today, lte: soon } },
      _count: { _all: true },
    }),
    db.department.findMany({ where: { id: { in: departmentIds } }, select: { code: true } }),
  ]);
  const count = (rows: { assigneeId: string | null; _count: { _all: number } }[], id: string | null) =>
    rows.find((r) => r.assigneeId === id)?._count._all ?? 0;
  const since = new Date(now.getTime() - 90 * 24 * 3_600_000);
  const decided = await db.statEvent.aggregate({
    where: {
      kind: "transition",
      toStatus: { in: ["completed", "refused"] },
      departmentCode: { in: departments.map((d) => d.code) },
      at: { gte: since },
    },
    _avg: { workingDays: true },
    _count: { _all: true },
  });
  return {
    rows: [
      {
        id: null,
        email: null,
        inWork: count(inWork, null),
        overdue: count(overdue, null),
        dueSoon: count(dueSoon, null),
      },
      ...officers.map((o) => ({
        id: o.id,
        email: o.email,
        inWork: count(inWork, o.id),
        overdue: count(overdue, o.id),
        dueSoon: count(dueSoon, o.id),
      })),
    ],
    officers,
    decidedLast90Days: decided._count._all,
    averageWorkingDays: decided._avg.workingDays,
  };
}

/** Open applications for the bulk reassignment list: overdue first, then by deadline. */
export async function listOpenForAssignment(db: PrismaClient, departmentIds: number[], take = 50) {
  return db.application.findMany({
    where: { departmentId: { in: departmentIds }, status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take,
    select: {
      number: true,
      deadline: true,
      applicantName: true,
      assignee: { select: { email: true } },
      service: { select: { titleRu: true, titleEn: true } },
    },
  });
}
