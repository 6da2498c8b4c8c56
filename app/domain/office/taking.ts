import { decide, type Command, type Status } from "~/domain/applications/lifecycle";

/*
 * Taking a new application into work (взять в работу) is one act for the officer: the application
 * is theirs, registered by the department (получено ведомством) and under review (принято к
 * рассмотрению), ready for real work. Each step is still a command of the lifecycle table with its
 * own event, so the history, the statistics and the deadlines read as if given one by one.
 */
const STEPS_TO_REVIEW: readonly Command[] = ["acknowledge", "startReview"];

/** The lifecycle's commands that lead from this status up to review, in order (none once there). */
export function commandsOnTaking(status: Status): Command[] {
  const path: Command[] = [];
  let current = status;
  for (const command of STEPS_TO_REVIEW) {
    const decision = decide(current, command, "staff");
    if (!decision.ok) continue;
    path.push(command);
    current = decision.to;
  }
  return path;
}
