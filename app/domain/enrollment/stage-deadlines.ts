import type { ProductionCalendar } from "~/domain/calendar/production-calendar";
import { addWorkingDays, legalDeadline } from "~/domain/calendar/working-days";
import { regionDate } from "~/domain/region/clock";
import type { EnrollmentCampaign, Stage } from "./campaign";

/*
 * When the enrollment order (распорядительный акт о приёме) is due (docs/enrollment.md): for stage 1,
 * within 3 working days after the end of stage 1, whenever the application arrived; for stage 2,
 * within 5 working days of receipt, counted as every regulatory term is (a receipt after office hours
 * or on a day off counts from the next working day). The calendar is the production calendar's data,
 * passed in by the caller.
 */

export const STAGE1_ORDER_WORKING_DAYS = 3;
export const STAGE2_ORDER_WORKING_DAYS = 5;

/** The last day of the stage-1 order, YYYY-MM-DD: the term starts the day after stage 1's last day. */
export function stage1OrderDueDate(calendar: ProductionCalendar, campaign: EnrollmentCampaign): string {
  return addWorkingDays(calendar, regionDate(campaign.stage1EndsAt), STAGE1_ORDER_WORKING_DAYS);
}

/** The last day of the order on a stage-2 application received at this instant, YYYY-MM-DD. */
export function stage2OrderDueDate(calendar: ProductionCalendar, receivedAt: Date): string {
  return legalDeadline(calendar, receivedAt, STAGE2_ORDER_WORKING_DAYS);
}

/** The last day of the order on an application of either stage. */
export function enrollmentOrderDueDate(
  calendar: ProductionCalendar,
  campaign: EnrollmentCampaign,
  application: { stage: Stage; receivedAt: Date },
): string {
  return application.stage === 1
    ? stage1OrderDueDate(calendar, campaign)
    : stage2OrderDueDate(calendar, application.receivedAt);
}
