/*
 * Submissions take turns (docs/decisions/0033). At most `capacity` are worked on at once; the rest
 * wait in the order they arrived. A waiting submission costs no CPU, so at the opening of enrollment
 * pages, the health check and new connections are served between a few submissions instead of behind
 * hundreds, and a group commit still gathers the few that reach their write together.
 */
export type Line = { run<T>(work: () => Promise<T>): Promise<T>; readonly waiting: number };

export function createLine(capacity: number): Line {
  let working = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    working -= 1;
    const start = queue.shift();
    if (start) {
      working += 1;
      start();
    }
  };
  return {
    get waiting() {
      return queue.length;
    },
    async run(work) {
      if (working < capacity) working += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        next();
      }
    },
  };
}
