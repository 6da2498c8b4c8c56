import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CalendarDayRemovalSchema, CalendarDaySchema } from "./calendar-forms";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};
const errors = (entries: Record<string, string>) => {
  const submission = parseWithZod(form(entries), { schema: CalendarDaySchema });
  return submission.status === "success" ? {} : submission.error;
};

describe("the calendar day form", () => {
  it("accepts an ISO date, a kind and a note", () => {
    expect(CalendarDaySchema.parse({ date: "2027-12-31", kind: "off", note: "  Указ губернатора  " })).toEqual({
      date: "2027-12-31",
      kind: "off",
      note: "Указ губернатора",
    });
  });

  it("accepts a date typed as ДД.ММ.ГГГГ and an empty note (sent by Conform as nothing)", () => {
    const submission = parseWithZod(form({ date: "6.11.2027", kind: "working", note: "" }), {
      schema: CalendarDaySchema,
    });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      date: "2027-11-06",
      kind: "working",
      note: "",
    });
  });

  it("asks for the date and the kind", () => {
    expect(errors({})).toEqual({ date: ["required"], kind: ["choice.invalid"] });
  });

  it.each(["31.02.2027", "2027/12/31", "завтра", "2027-13-01"])("refuses the date %s", (date) => {
    expect(errors({ date, kind: "off" })).toEqual({ date: ["date.invalid"] });
  });

  it("refuses dates out of any sensible range (typos)", () => {
    expect(errors({ date: "01.01.0202", kind: "short" })).toEqual({ date: ['date.tooEarly|{"min":"2000-01-01"}'] });
    expect(errors({ date: "01.01.20266", kind: "short" })).toEqual({ date: ["date.invalid"] });
  });

  it("refuses an unknown kind", () => {
    expect(errors({ date: "2027-12-31", kind: "holiday" })).toEqual({ kind: ["choice.invalid"] });
  });

  it("refuses a day off on a weekend and a working day on a weekday: they change nothing", () => {
    expect(errors({ date: "2027-12-25", kind: "off" })).toEqual({ kind: ["calendar.offOnWeekend"] });
    expect(errors({ date: "2027-12-31", kind: "working" })).toEqual({ kind: ["calendar.workingOnWeekday"] });
    // A short day may be a worked Saturday (1 November 2025).
    expect(errors({ date: "2025-11-01", kind: "short" })).toEqual({});
  });

  it("limits the note to 200 characters", () => {
    expect(errors({ date: "2027-12-31", kind: "off", note: "я".repeat(200) })).toEqual({});
    expect(errors({ date: "2027-12-31", kind: "off", note: "я".repeat(201) })).toEqual({
      note: ['text.tooLong|{"max":200}'],
    });
  });
});

describe("the remove button's form", () => {
  it("needs the intent and a valid date", () => {
    expect(CalendarDayRemovalSchema.parse({ intent: "remove", date: "2027-12-31" })).toEqual({
      intent: "remove",
      date: "2027-12-31",
    });
    expect(CalendarDayRemovalSchema.safeParse({ intent: "save", date: "2027-12-31" }).success).toBe(false);
    expect(CalendarDayRemovalSchema.safeParse({ intent: "remove", date: "31.02.2027" }).success).toBe(false);
  });
});
