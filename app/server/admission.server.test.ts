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

describe("the two lanes of the line", () => {
  it("takes pages and forms in turn, each lane in the order it came", () => {
    const admission = new Admission(1);
    const started: string[] = [];
    const places = new Map<string, { leave: () => void }>();
    const enter = (name: string, lane: "page" | "form") =>
      places.set(
        name,
        admission.enter(() => started.push(name), lane),
      );
    enter("form 1", "form");
    enter("form 2", "form");
    enter("form 3", "form");
    enter("form 4", "form");
    enter("page 1", "page");
    enter("page 2", "page");
    expect(admission.waiting).toBe(5);
    // Each request ends once started, freeing the one slot for the next.
    for (let i = 0; i < 6; i++) places.get(started[i]!)!.leave();
    // The pages came after three forms, yet each waits for one form only.
    expect(started).toEqual(["form 1", "page 1", "form 2", "page 2", "form 3", "form 4"]);
  });

  it("lets one lane have every turn while the other is empty, and skips the abandoned", () => {
    const admission = new Admission(1);
    const started: string[] = [];
    const first = admission.enter(() => started.push("page 1"), "page");
    const second = admission.enter(() => started.push("page 2"), "page");
    const gone = admission.enter(() => started.push("form gone"), "form");
    const third = admission.enter(() => started.push("page 3"), "page");
    gone.cancel();
    first.leave();
    second.leave();
    third.leave();
    expect(started).toEqual(["page 1", "page 2", "page 3"]);
  });
});
