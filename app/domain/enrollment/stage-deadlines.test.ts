import { describe, expect, it } from "vitest";
import { russianCalendar } from "~/domain/calendar/production-calendar";
import { defaultCampaign } from "./campaign";
import { enrollmentOrderDueDate, stage1OrderDueDate, stage2OrderDueDate } from "./stage-deadlines";

const calendar = russianCalendar([2026, 2027]);
/** A Moscow wall-clock time as an instant (Moscow is UTC+3 all year). */
const moscow = (local: string) => new Date(`${local}+03:00`);

describe("the stage-1 enrollment order", () => {
  it.each([
    // 2026 (docs/deadlines.md): stage 1 ends Tue 30 June → Wed 1, Thu 2, Fri 3 July.
    [2026, "2026-07-03"],
    // 2027: stage 1 ends Wed 30 June → Thu 1, Fri 2, Mon 5 July (no holiday in between).
    [2027, "2027-07-05"],
  ])("in %i is due %s", (year, due) => {
    expect(stage1OrderDueDate(calendar, defaultCampaign(year))).toBe(due);
  });

  it("counts from a stage 1 the region ends on a day off", () => {
    // Ending on Sunday 28 June 2026: Mon 29, Tue 30 June, Wed 1 July.
    const campaign = { ...defaultCampaign(2026), stage1EndsAt: moscow("2026-06-28T23:59:59.999") };
    expect(stage1OrderDueDate(calendar, campaign)).toBe("2026-07-01");
  });

  it("counts over the calendar's holidays", () => {
    // A stage 1 ending Thu 11 June 2026: 12–14 June are off, so Mon 15, Tue 16, Wed 17 June.
    const campaign = { ...defaultCampaign(2026), stage1EndsAt: moscow("2026-06-11T23:59:59.999") };
    expect(stage1OrderDueDate(calendar, campaign)).toBe("2026-06-17");
  });

  it("is the same for every stage-1 application, whenever it arrived", () => {
    const campaign = defaultCampaign(2026);
    for (const receivedAt of [campaign.stage1OpensAt, moscow("2026-05-15T12:00:00"), campaign.stage1EndsAt]) {
      expect(enrollmentOrderDueDate(calendar, campaign, { stage: 1, receivedAt })).toBe("2026-07-03");
    }
  });
});

describe("the stage-2 enrollment order", () => {
  it.each([
    // docs/deadlines.md: received Mon 6 July 2026 → Tue 7 … Fri 10, Mon 13 July.
    ["at the opening, 6 July 2026 00:00", moscow("2026-07-06T00:00:00"), "2026-07-13"],
    ["6 July 2026 during office hours", moscow("2026-07-06T10:15:00"), "2026-07-13"],
    // After office hours: counts as received Tue 7 July.
    ["6 July 2026 after office hours", moscow("2026-07-06T18:00:00"), "2026-07-14"],
    // A school's early stage 2: Wed 1 July 2026 → Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
    ["an early opening on 1 July 2026", moscow("2026-07-01T00:00:00"), "2026-07-08"],
    // 2027: received Tue 6 July → Wed 7, Thu 8, Fri 9, Mon 12, Tue 13 July.
    ["at the opening, 6 July 2027", moscow("2027-07-06T00:00:00"), "2027-07-13"],
    // Received on Sat 4 September 2027: counts from Mon 6 September → Tue 7 … Mon 13 September.
    ["on a Saturday, 4 September 2027", moscow("2027-09-04T11:00:00"), "2027-09-13"],
    // Over the 4–7 November 2027 days off: received Wed 3 November → Mon 8 … Fri 12 November.
    ["before the November holidays of 2027", moscow("2027-11-03T12:00:00"), "2027-11-12"],
  ])("received %s is due %s", (_, receivedAt, due) => {
    expect(stage2OrderDueDate(calendar, receivedAt)).toBe(due);
    expect(
      enrollmentOrderDueDate(calendar, defaultCampaign(receivedAt.getUTCFullYear()), { stage: 2, receivedAt }),
    ).toBe(due);
  });
});
