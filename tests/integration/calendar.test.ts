import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCalendarDays, workingDaysByMonth } from "~/domain/calendar/calendar-days";
import {
  listCalendarYear,
  loadProductionCalendar,
  removeCalendarDay,
  saveCalendarDay,
  seedProductionCalendar,
} from "~/domain/calendar/calendar-store.server";
import { isWorkingDay, legalDeadline } from "~/domain/calendar/working-days";
import type { PrismaClient } from "~/generated/prisma/client";
import { seedDemoData } from "../../seeds/demo";
import { createTestDatabase } from "./test-database";

let db: PrismaClient;
let dispose: () => Promise<void>;
let adminId: string;

beforeAll(async () => {
  ({ db, dispose } = await createTestDatabase());
  await seedDemoData(db);
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@demo.gosuslugi58.ru" } })).id;
});
afterAll(async () => dispose());

/** A Moscow wall-clock time as an instant (Moscow is UTC+3 all year). */
const moscow = (local: string) => new Date(`${local}+03:00`);
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

describe("the production calendar in the database", () => {
  it("is seeded with the demo data for 2025–2027, and seeding again changes nothing", async () => {
    for (const year of [2025, 2026, 2027]) {
      expect(await listCalendarYear(db, year)).toMatchObject(defaultCalendarDays(year));
    }
    const before = await db.calendarDay.count();
    expect(await seedProductionCalendar(db)).toEqual({ created: 0, updated: 0 });
    expect(await db.calendarDay.count()).toBe(before);
  });

  it("brings a database seeded before the 2027 decree up to it", async () => {
    // The rows the seed wrote for 2027 while it had the art. 112 holidays only.
    const decreeDays = ["2027-02-20", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-05"];
    await db.calendarDay.deleteMany({ where: { date: { in: decreeDays } } });
    await db.calendarDay.update({
      where: { date: "2027-02-22" },
      data: { kind: "short", note: "Предпраздничный день (ст. 95 ТК РФ): День защитника Отечества" },
    });
    await db.calendarDay.update({
      where: { date: "2027-12-31" },
      data: { kind: "short", note: "Предпраздничный день (ст. 95 ТК РФ): Новогодние каникулы" },
    });
    expect(isWorkingDay(await loadProductionCalendar(db), "2027-12-31")).toBe(true);

    expect(await seedProductionCalendar(db)).toEqual({ created: 5, updated: 2 });
    expect(await listCalendarYear(db, 2027)).toMatchObject(defaultCalendarDays(2027));
    const calendar = await loadProductionCalendar(db);
    expect(workingDaysByMonth(calendar, 2027)).toEqual([15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22]);
    expect(isWorkingDay(calendar, "2027-02-20")).toBe(true);
    expect(calendar.shortDays?.has("2027-02-20")).toBe(true);
    expect(isWorkingDay(calendar, "2027-12-31")).toBe(false);
  });

  it("gives 2025–2027 their 247 working days and the worked examples of docs/deadlines.md", async () => {
    const calendar = await loadProductionCalendar(db);
    expect(sum(workingDaysByMonth(calendar, 2026))).toBe(247);
    expect(sum(workingDaysByMonth(calendar, 2025))).toBe(247);
    expect(sum(workingDaysByMonth(calendar, 2027))).toBe(247);
    expect(legalDeadline(calendar, moscow("2026-04-30T11:00"), 10)).toBe("2026-05-18");
    expect(legalDeadline(calendar, moscow("2026-07-06T10:00"), 5)).toBe("2026-07-13");
    expect(calendar.shortDays?.has("2026-04-30")).toBe(true);
  });

  it("takes an administrator's change at once, and another process's after the revision check", async () => {
    const start = Date.now();
    expect(isWorkingDay(await loadProductionCalendar(db, start), "2027-04-30")).toBe(true);

    await saveCalendarDay(db, adminId, { date: "2027-04-30", kind: "off", note: "Перенос с субботы 24 апреля" });
    expect(isWorkingDay(await loadProductionCalendar(db, start + 1), "2027-04-30")).toBe(false);
    const saved = await db.auditEvent.findFirstOrThrow({
      where: { action: "calendar.day-saved", subjectId: "2027-04-30" },
    });
    expect(saved).toMatchObject({ actorId: adminId, subjectType: "calendar", result: "ok" });
    expect(JSON.parse(saved.details)).toEqual({ kind: "off", previousKind: "short" });
    expect((await listCalendarYear(db, 2027)).find((d) => d.date === "2027-04-30")).toMatchObject({
      kind: "off",
      note: "Перенос с субботы 24 апреля",
    });

    // Another process of the deployment writes to the same database: seen within 5 seconds.
    await db.calendarDay.create({ data: { date: "2027-12-30", kind: "off" } });
    expect(isWorkingDay(await loadProductionCalendar(db, start + 2), "2027-12-30")).toBe(true);
    expect(isWorkingDay(await loadProductionCalendar(db, start + 5_002), "2027-12-30")).toBe(false);
    await db.calendarDay.delete({ where: { date: "2027-12-30" } });
    expect(isWorkingDay(await loadProductionCalendar(db, start + 10_003), "2027-12-30")).toBe(true);
  });

  it("removes a day on the audit record, and seeding does not bring it back", async () => {
    expect(await removeCalendarDay(db, adminId, "2027-12-31")).toBe(true);
    expect(isWorkingDay(await loadProductionCalendar(db), "2027-12-31")).toBe(true);
    expect(await removeCalendarDay(db, adminId, "2027-12-31")).toBe(false);
    const removals = await db.auditEvent.findMany({
      where: { action: "calendar.day-removed", subjectId: "2027-12-31" },
    });
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ actorId: adminId, subjectType: "calendar" });
    expect(JSON.parse(removals[0]!.details)).toEqual({ kind: "off" });

    expect(await seedProductionCalendar(db)).toEqual({ created: 0, updated: 0 });
    expect(await db.calendarDay.findUnique({ where: { date: "2027-12-31" } })).toBeNull();
    // The administrator's 30 April (saved above) is not brought back to the shipped short day either.
    expect(await db.calendarDay.findUnique({ where: { date: "2027-04-30" } })).toMatchObject({ kind: "off" });
  });

  it("keeps an administrator's version of a seeded day when seeding again", async () => {
    await saveCalendarDay(db, adminId, { date: "2027-11-03", kind: "off", note: "Перенос" });
    expect(await seedProductionCalendar(db)).toEqual({ created: 0, updated: 0 });
    expect(await db.calendarDay.findUnique({ where: { date: "2027-11-03" } })).toMatchObject({
      kind: "off",
      note: "Перенос",
    });
  });
});
