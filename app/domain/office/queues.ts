import { z } from "zod";
import { STATUSES, type Status } from "~/domain/applications/lifecycle";

/*
 * The back office's queues (очереди заявлений): which applications an officer sees under each tab,
 * and the query of the queue page (filters, sort, page). Pure: the page's GET form is parsed with it.
 */
export const QUEUES = ["new", "mine", "waiting", "dueSoon", "overdue", "done"] as const;
export type QueueName = (typeof QUEUES)[number];

/** Submitted and not decided: what a department still owes an answer on. */
export const OPEN_STATUSES: readonly Status[] = [
  "sent",
  "received",
  "inReview",
  "waitingForInfo",
  "needsCorrection",
  "invitedToVisit",
];
export const WAITING_STATUSES: readonly Status[] = ["waitingForInfo", "needsCorrection", "invitedToVisit"];
export const DONE_STATUSES: readonly Status[] = ["completed", "refused", "withdrawn"];

/** "Due soon": the deadline is within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;
export const QUEUE_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined);

export const QueueQuerySchema = z.object({
  queue: z.enum(QUEUES).catch("new"),
  sort: z.enum(["deadline", "received"]).catch("deadline"),
  service: optionalText(20),
  status: z
    .enum(Object.keys(STATUSES) as [Status, ...Status[]])
    .optional()
    .catch(undefined),
  municipality: optionalText(11),
  assignee: optionalText(64),
  /** A registration number, or the start of the applicant's name. */
  q: optionalText(100),
  after: optionalText(80),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  return QueueQuerySchema.parse(Object.fromEntries(params));
}

/** Working days left, in words and as a tone (never colour alone: the words are always shown). */
export function urgency(daysLeft: number | null): "none" | "ok" | "soon" | "today" | "overdue" {
  if (daysLeft === null) return "none";
  if (daysLeft < 0) return "overdue";
  if (daysLeft === 0) return "today";
  if (daysLeft <= DUE_SOON_WORKING_DAYS) return "soon";
  return "ok";
}
