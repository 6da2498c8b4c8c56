import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PriorityClass } from "./eligibility";
import { compareForRanking, queuePosition, rankClass, rankSchoolList, type RankingEntry } from "./ranking";

const entry = (
  id: string,
  sequence: number,
  priorityClass: PriorityClass | null = null,
  stage: 1 | 2 = 1,
  extra: Partial<RankingEntry> = {},
): RankingEntry => ({ id, sequence, priorityClass, stage, ...extra });

describe("the rank class", () => {
  it.each<[PriorityClass | null, number]>([
    ["extraordinary", 0],
    ["first", 1],
    ["sibling", 2],
    [null, 3],
  ])("%s → %i", (priorityClass, expected) => {
    expect(rankClass({ priorityClass })).toBe(expected);
  });
});

describe("a school's list", () => {
  it("ranks by class, then by receipt sequence", () => {
    const list = [
      entry("territory-early", 1),
      entry("sibling-late", 90, "sibling"),
      entry("first-late", 80, "first"),
      entry("extraordinary-late", 99, "extraordinary"),
      entry("territory-late", 50),
      entry("first-early", 5, "first"),
      entry("sibling-early", 3, "sibling"),
      entry("extraordinary-early", 70, "extraordinary"),
    ];
    expect(rankSchoolList(list).map((r) => [r.position, r.rankClass, r.application.id])).toEqual([
      [1, 0, "extraordinary-early"],
      [2, 0, "extraordinary-late"],
      [3, 1, "first-early"],
      [4, 1, "first-late"],
      [5, 2, "sibling-early"],
      [6, 2, "sibling-late"],
      [7, 3, "territory-early"],
      [8, 3, "territory-late"],
    ]);
  });

  it("orders receipts of the same millisecond by their sequence, not by the list's order", () => {
    // Opening night: three receipts recorded in the same millisecond; the sequence says who came first.
    const receivedAt = new Date("2027-03-31T21:00:00.001Z");
    const list = [
      { ...entry("c", 1003), receivedAt },
      { ...entry("a", 1001), receivedAt },
      { ...entry("b", 1002), receivedAt },
    ];
    expect(rankSchoolList(list).map((r) => r.application.id)).toEqual(["a", "b", "c"]);
  });

  it("ranks a claim without proof in its class, carrying its flag to the school", () => {
    const list = [entry("territory", 1), entry("unproven", 2, "first", 1, { flags: ["proofMissing"] })];
    const ranked = rankSchoolList(list);
    expect(ranked.map((r) => r.application.id)).toEqual(["unproven", "territory"]);
    expect(ranked[0]?.application.flags).toEqual(["proofMissing"]);
  });

  it("ranks all of stage 1 ahead of stage 2, priority included", () => {
    const list = [
      entry("stage2-extraordinary", 500, "extraordinary", 2),
      entry("stage2-early", 400, null, 2),
      entry("stage1-territory", 100, null, 1),
    ];
    expect(rankSchoolList(list).map((r) => r.application.id)).toEqual([
      "stage1-territory",
      "stage2-extraordinary",
      "stage2-early",
    ]);
  });

  it("is a total order whatever the input order", () => {
    const classes: (PriorityClass | null)[] = ["extraordinary", "first", "sibling", null];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            sequence: fc.integer({ min: 1, max: 1_000_000 }),
            classIndex: fc.integer({ min: 0, max: 3 }),
            stage: fc.constantFrom<1 | 2>(1, 2),
          }),
          { selector: (r) => r.sequence, maxLength: 40 },
        ),
        (rows) => {
          const list = rows.map((r) => entry(String(r.sequence), r.sequence, classes[r.classIndex] ?? null, r.stage));
          const forward = rankSchoolList(list).map((r) => r.application.id);
          const backward = rankSchoolList([...list].reverse()).map((r) => r.application.id);
          expect(backward).toEqual(forward);
          const ranked = rankSchoolList(list);
          for (let i = 1; i < ranked.length; i += 1) {
            expect(compareForRanking(ranked[i - 1]!.application, ranked[i]!.application)).toBeLessThan(0);
          }
        },
      ),
    );
  });
});

describe("the queue position", () => {
  // 12 with a priority right, then 200 territory applications; the parent's is the 25th of those.
  const priority = Array.from({ length: 12 }, (_, i) =>
    entry(`p${i}`, 1000 + i, (["extraordinary", "first", "sibling"] as const)[i % 3]),
  );
  const territory = Array.from({ length: 200 }, (_, i) => entry(`t${i}`, i + 1));
  const list = [...territory, ...priority];

  it("says where the application stands and how many priority rights are ahead", () => {
    expect(queuePosition(list, "t24", 180)).toEqual({
      position: 37,
      seats: 180,
      aheadWithPriority: 12,
      withinSeats: true,
    });
  });

  it.each([
    ["the last seat", "t167", 180, true],
    ["the first beyond the seats", "t168", 180, false],
  ])("%s", (_, id, seats, withinSeats) => {
    expect(queuePosition(list, id, seats)?.withinSeats).toBe(withinSeats);
  });

  it("counts only the priority rights ahead", () => {
    expect(queuePosition(list, "p0", 180)).toEqual({
      position: 1,
      seats: 180,
      aheadWithPriority: 0,
      withinSeats: true,
    });
    expect(queuePosition(list, "p5", 180)?.aheadWithPriority).toBeLessThan(12);
  });

  it("is null for an application not on the list", () => {
    expect(queuePosition(list, "nobody", 180)).toBeNull();
  });
});
