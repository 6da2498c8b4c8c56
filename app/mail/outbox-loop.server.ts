import { logger } from "~/platform/logger.server";

/*
 * The background loop of one mail outbox, in the one process that runs the background jobs: a pass
 * every `intervalMs`, one at a time; after a full pass (a backlog, as after the opening minute) the next
 * starts at once, so a backlog drains at the speed of the mail server, not of the timer
 * (docs/decisions/0038). A failed pass is logged and tried again at the next turn.
 */
export function startOutboxLoop(
  name: string,
  pass: (limit: number) => Promise<number>,
  { intervalMs, limit }: { intervalMs: number; limit: number },
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout;
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), delay);
    timer.unref();
  };
  const run = async () => {
    let full = false;
    try {
      full = (await pass(limit)) >= limit;
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown", outbox: name }, "mailer pass failed");
    }
    schedule(full ? 0 : intervalMs);
  };
  schedule(intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
