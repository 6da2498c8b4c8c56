import type { Status } from "./lifecycle";

/** The cabinet's filters of "My applications": groups of statuses in the resident's words. */
export const STATUS_FILTERS = {
  active: ["registered", "sent", "received", "inReview", "waitingForInfo", "needsCorrection", "invitedToVisit"],
  action: ["waitingForInfo", "needsCorrection", "invitedToVisit"],
  done: ["completed", "refused", "withdrawn"],
} as const satisfies Record<string, readonly Status[]>;
export type StatusFilter = keyof typeof STATUS_FILTERS;
