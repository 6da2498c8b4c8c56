import { z } from "zod";
import { parseDate } from "~/domain/forms/form-schema";
import { validationMessage as m } from "~/domain/forms/validation-message";
import { CALENDAR_DAY_KINDS, isWeekend } from "./calendar-days";

/*
 * The administrator's forms of the production calendar page: adding or changing a special day, and
 * removing one. Messages are keys of the "validation" namespace.
 */

export const CALENDAR_NOTE_MAX_LENGTH = 200;
/** A guard against typos such as 0202 or 20266, not a policy. */
const EARLIEST = "2000-01-01";
const LATEST = "2100-12-31";

/** YYYY-MM-DD (a date input) or ДД.ММ.ГГГГ (typed), yielding YYYY-MM-DD. */
const calendarDate = z.string({ message: m("required") }).transform((input, ctx) => {
  const date = parseDate(input);
  if (!date) {
    ctx.addIssue({ code: "custom", message: m("date.invalid") });
    return z.NEVER;
  }
  if (date < EARLIEST) ctx.addIssue({ code: "custom", message: m("date.tooEarly", { min: EARLIEST }) });
  if (date > LATEST) ctx.addIssue({ code: "custom", message: m("date.tooLate", { max: LATEST }) });
  return date;
});

export const CalendarDaySchema = z
  .object({
    date: calendarDate,
    kind: z.enum(CALENDAR_DAY_KINDS, { message: m("choice.invalid") }),
    note: z
      .string()
      .trim()
      .max(CALENDAR_NOTE_MAX_LENGTH, { message: m("text.tooLong", { max: CALENDAR_NOTE_MAX_LENGTH }) })
      .optional()
      .transform((note) => note ?? ""),
  })
  .superRefine((day, ctx) => {
    // A row must change something: Saturdays and Sundays are off, weekdays are working, anyway.
    if (day.kind === "off" && isWeekend(day.date)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: m("calendar.offOnWeekend") });
    }
    if (day.kind === "working" && !isWeekend(day.date)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: m("calendar.workingOnWeekday") });
    }
  });

export type CalendarDayInput = z.output<typeof CalendarDaySchema>;

export const CalendarDayRemovalSchema = z.object({
  intent: z.literal("remove"),
  date: calendarDate,
});
