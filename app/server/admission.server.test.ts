import { describe, expect, it } from "vitest";
import { Admission } from "./admission.server";

describe("the line of requests in one server process", () => {
  it("starts as many as there are slots, then the rest in the order they came", () => {
    const admission = new Admission(2);
    const started: number[] = [];
    const places = [0, 1, 2, 3, 4].map((i) => admission.enter(() => started.push(i)));
    expect(started).toEqual([0, 1]);
    expect(admission.waiting).toBe(3);
    places[1]!.leave();
    expect(started).toEqual([0, 1, 2]);
    places[0]!.leave();
    places[2]!.leave();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(admission.waiting).toBe(0);
  });

  it("skips a request abandoned while it waited, and a second leave frees nothing more", () => {
    const admission = new Admission(1);
    const started: string[] = [];
    const first = admission.enter(() => started.push("first"));
    const gone = admission.enter(() => started.push("gone"));
    admission.enter(() => started.push("third"));
    gone.cancel();
    gone.leave();
    first.leave();
    first.leave();
    expect(started).toEqual(["first", "third"]);
    const fourth = admission.enter(() => started.push("fourth"));
    expect(started).toEqual(["first", "third"]);
    fourth.cancel();
  });

  it("keeps a long line in order through its compaction", () => {
    const admission = new Admission(1);
    const started: number[] = [];
    const places = Array.from({ length: 5_000 }, (_, i) => admission.enter(() => started.push(i)));
    for (const place of places) place.leave();
    expect(started).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(admission.waiting).toBe(0);
  });
});
