/*
 * The application lifecycle (docs/lifecycle.md) as a table: each command says from which statuses it
 * may be given, the status it leads to, who may give it and whether a reason is required. One pure
 * `decide` applies it; the same table decides which buttons a person sees. Status codes are the
 * ones Gosuslugi uses, so residents recognise the wording.
 */
export const STATUSES = {
  draft: 0,
  registered: 17,
  sent: 21,
  received: 2,
  inReview: 6,
  waitingForInfo: 14,
  needsCorrection: 15,
  invitedToVisit: 25,
  completed: 3,
  refused: 4,
  withdrawn: 10,
} as const;
export type Status = keyof typeof STATUSES;

/** Every status, in the table's order. */
export const ALL_STATUSES = Object.keys(STATUSES) as Status[];

export function isStatus(value: string): value is Status {
  return Object.hasOwn(STATUSES, value);
}

/**
 * A status read back from the database. Only the lifecycle writes statuses, so an unknown one is a
 * defect to stop at, not a value to pass on under a cast.
 */
export function parseStatus(value: string): Status {
  if (!isStatus(value)) throw new Error(`unknown application status ${JSON.stringify(value)}`);
  return value;
}

export const FINAL_STATUSES: readonly Status[] = ["completed", "refused", "withdrawn"];

export type ActorKind = "resident" | "staff" | "system";

type Rule = {
  from: readonly Status[];
  to: Status;
  by: ActorKind;
  /** A reason the resident will read (requests, refusals, invitations). */
  reasonRequired: boolean;
  /** A refusal names one of the service's grounds as well. */
  groundRequired?: boolean;
};

const OPEN: readonly Status[] = [
  "registered",
  "sent",
  "received",
  "inReview",
  "waitingForInfo",
  "needsCorrection",
  "invitedToVisit",
];

export const COMMANDS = {
  submit: { from: ["draft"], to: "registered", by: "resident", reasonRequired: false },
  forward: { from: ["registered"], to: "sent", by: "system", reasonRequired: false },
  /** The department registers the application (получено ведомством). */
  acknowledge: { from: ["sent"], to: "received", by: "staff", reasonRequired: false },
  startReview: { from: ["received"], to: "inReview", by: "staff", reasonRequired: false },
  requestInfo: { from: ["inReview"], to: "waitingForInfo", by: "staff", reasonRequired: true },
  provideInfo: { from: ["waitingForInfo"], to: "inReview", by: "resident", reasonRequired: false },
  requestCorrection: { from: ["inReview"], to: "needsCorrection", by: "staff", reasonRequired: true },
  correct: { from: ["needsCorrection"], to: "inReview", by: "resident", reasonRequired: false },
  inviteToVisit: { from: ["inReview"], to: "invitedToVisit", by: "staff", reasonRequired: true },
  complete: { from: ["inReview", "invitedToVisit"], to: "completed", by: "staff", reasonRequired: false },
  refuse: {
    from: ["inReview", "invitedToVisit"],
    to: "refused",
    by: "staff",
    reasonRequired: true,
    groundRequired: true,
  },
  withdraw: { from: OPEN, to: "withdrawn", by: "resident", reasonRequired: false },
} as const satisfies Record<string, Rule>;
export type Command = keyof typeof COMMANDS;

export type Decision =
  | { ok: true; from: Status; to: Status }
  | {
      ok: false;
      error: "not-allowed-now" | "not-your-role" | "reason-required" | "ground-required" | "unknown-ground";
    };

export function decide(
  current: Status,
  command: Command,
  actor: ActorKind,
  input: { reason?: string; ground?: string; allowedGrounds?: readonly string[] } = {},
): Decision {
  const rule: Rule = COMMANDS[command];
  if (!rule.from.includes(current)) return { ok: false, error: "not-allowed-now" };
  if (rule.by !== actor) return { ok: false, error: "not-your-role" };
  if (rule.reasonRequired && !input.reason?.trim()) return { ok: false, error: "reason-required" };
  if (rule.groundRequired) {
    if (!input.ground) return { ok: false, error: "ground-required" };
    if (input.allowedGrounds && !input.allowedGrounds.includes(input.ground))
      return { ok: false, error: "unknown-ground" };
  }
  return { ok: true, from: current, to: rule.to };
}

/** The commands a person of this kind can give now: the buttons they see. */
export function availableCommands(current: Status, actor: ActorKind): Command[] {
  return (Object.keys(COMMANDS) as Command[]).filter((command) => {
    const rule: Rule = COMMANDS[command];
    return rule.by === actor && rule.from.includes(current);
  });
}
