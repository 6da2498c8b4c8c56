/*
 * Requests worked on at once in one server process, the rest waiting in the order they came
 * (docs/decisions/0036). Without it every request that had arrived was started at once: the
 * database answers synchronously, so a request ran to its end in one turn of the event loop, a turn
 * held hundreds of them, and in the meantime nothing new was read — not a health check, not a
 * connection the primary handed over (one at a time per process), so at the opening of enrollment a
 * parent on a new connection waited half a minute while those already connected were answered.
 * With a few at a time a turn is short, new connections are taken at once and join the line, and
 * the line is served first come, first served — in two lanes that take turns (Lane).
 */
type Waiting = { start: () => void; cancelled: boolean };

/**
 * Which line a request waits in: pages asked for (GET, HEAD) or forms sent. The two take turns, so a
 * parent reloading the application page waits for one submission's slot, not for every submission
 * that came before; submissions still start in the order they came, which is the order their
 * receipts are taken in.
 */
export type Lane = "page" | "form";

/** One lane's requests in the order they came. */
class Line {
  #waiting: Waiting[] = [];
  #head = 0;

  get length(): number {
    return this.#waiting.length - this.#head;
  }

  push(entry: Waiting) {
    this.#waiting.push(entry);
  }

  /** The next request not abandoned, or none. */
  take(): Waiting | undefined {
    while (this.#head < this.#waiting.length) {
      const entry = this.#waiting[this.#head]!;
      this.#head += 1;
      // Compacted now and then, so a long line costs no more than its length.
      if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
        this.#waiting = this.#waiting.slice(this.#head);
        this.#head = 0;
      }
      if (!entry.cancelled) return entry;
    }
    return undefined;
  }
}

export class Admission {
  #active = 0;
  #lines: Record<Lane, Line> = { page: new Line(), form: new Line() };
  #lastServed: Lane = "form";

  constructor(readonly slots: number) {}

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.#lines.page.length + this.#lines.form.length;
  }

  /**
   * Runs `start` now if a slot is free, else when one frees up and its lane's turn comes; the
   * caller calls the returned `leave` once the request is over (answered or abandoned), and
   * `cancel` if it is abandoned while it waits.
   */
  enter(start: () => void, lane: Lane = "page"): { leave: () => void; cancel: () => void } {
    const entry: Waiting = { start, cancelled: false };
    let left = false;
    let started = false;
    const leave = () => {
      if (left || !started) return;
      left = true;
      this.#active -= 1;
      this.#next();
    };
    entry.start = () => {
      started = true;
      start();
    };
    if (this.#active < this.slots) {
      this.#active += 1;
      this.#lastServed = lane;
      entry.start();
    } else {
      this.#lines[lane].push(entry);
    }
    return { leave, cancel: () => void (entry.cancelled = true) };
  }

  #next() {
    while (this.#active < this.slots) {
      const other: Lane = this.#lastServed === "page" ? "form" : "page";
      let lane = other;
      let entry = this.#lines[other].take();
      if (!entry) {
        lane = this.#lastServed;
        entry = this.#lines[lane].take();
      }
      if (!entry) return;
      this.#active += 1;
      this.#lastServed = lane;
      entry.start();
    }
  }
}
