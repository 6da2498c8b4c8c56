import { describe, expect, it } from "vitest";
import { createLine } from "./submission-line";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the submission line", () => {
  it("works on at most its capacity at once and lets the rest in by order of arrival", async () => {
    const line = createLine(2);
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const works = [0, 1, 2, 3, 4].map((i) =>
      line.run(async () => {
        started.push(i);
        await new Promise<void>((resolve) => finish.set(i, resolve));
        return i * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(line.waiting).toBe(3);
    finish.get(1)!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish.get(0)!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const i of [2, 3]) finish.get(i)!();
    await tick();
    finish.get(4)!();
    expect(await Promise.all(works)).toEqual([0, 10, 20, 30, 40]);
    expect(line.waiting).toBe(0);
  });

  it("gives the next one its turn when a submission fails", async () => {
    const line = createLine(1);
    const failed = line.run(() => Promise.reject(new Error("refused")));
    const after = line.run(() => Promise.resolve("taken"));
    await expect(failed).rejects.toThrow("refused");
    expect(await after).toBe("taken");
  });
});
