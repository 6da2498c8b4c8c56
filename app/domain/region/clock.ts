/** The region's time zone: deadlines, "today" and opening times are counted in it. */
export const REGION_TIME_ZONE = "Europe/Moscow";

// Made once: an Intl formatter costs tens of microseconds to make, and a submission asks the date often.
const REGION_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: REGION_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in the region as YYYY-MM-DD, whatever the server's or the browser's time zone. */
export function regionDate(now = new Date()): string {
  return REGION_DAY.format(now);
}
