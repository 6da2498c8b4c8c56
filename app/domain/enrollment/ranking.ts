import type { Stage } from "./campaign";
import { PRIORITY_CLASSES, type ClaimFlag, type PriorityClass } from "./eligibility";

/*
 * A school's list of first-grade applications in the order seats are given (docs/enrollment.md): by
 * priority class — внеочередное, первоочередное, преимущественное, then the territory — then by the
 * receipt sequence, the server's global monotonic counter. The time on the parent's device plays no
 * part, and neither does the receipt instant itself: receipts in the same millisecond are told apart
 * by their sequence.
 *
 * Stage 1 is decided first (its order is issued within 3 working days of its end, before stage 2
 * opens), so every stage-1 application ranks ahead of every stage-2 one; within a stage, class then
 * sequence. The caller passes the school's live applications — withdrawn and refused ones hold no place.
 */

export type RankingEntry = {
  id: string;
  stage: Stage;
  /** The class it ranks in at this school (`rankingPriorityClass`), or null. */
  priorityClass: PriorityClass | null;
  /** The receipt sequence. */
  sequence: number;
  /**
   * Shown to the school, not used in the order: a claim flagged "proofMissing" still ranks in its
   * class, and the school checks it.
   */
  flags?: readonly ClaimFlag[];
};

/** 0 внеочередное, 1 первоочередное, 2 преимущественное, 3 the territory in stage 1 and everyone else in stage 2. */
export type RankClass = 0 | 1 | 2 | 3;

export const NO_PRIORITY_RANK_CLASS = 3;

export function rankClass(application: Pick<RankingEntry, "priorityClass">): RankClass {
  return application.priorityClass === null ? NO_PRIORITY_RANK_CLASS : PRIORITY_CLASSES[application.priorityClass].rank;
}

/** Negative when `a` takes a seat before `b`. */
export function compareForRanking(a: RankingEntry, b: RankingEntry): number {
  return a.stage - b.stage || rankClass(a) - rankClass(b) || a.sequence - b.sequence;
}

export type RankedEntry<T extends RankingEntry> = { position: number; rankClass: RankClass; application: T };

/** The school's list in ranking order, positions from 1. */
export function rankSchoolList<T extends RankingEntry>(applications: readonly T[]): RankedEntry<T>[] {
  return [...applications]
    .sort(compareForRanking)
    .map((application, index) => ({ position: index + 1, rankClass: rankClass(application), application }));
}

export type QueuePosition = {
  position: number;
  seats: number;
  /** Applications ahead of this one that rank on a priority right. */
  aheadWithPriority: number;
  withinSeats: boolean;
};

/** "37th for 180 seats; 12 with a priority right ahead of you" — or null when the application is not on the list. */
export function queuePosition(applications: readonly RankingEntry[], id: string, seats: number): QueuePosition | null {
  const ranked = rankSchoolList(applications);
  const index = ranked.findIndex((entry) => entry.application.id === id);
  if (index < 0) return null;
  const aheadWithPriority = ranked.slice(0, index).filter((entry) => entry.rankClass < NO_PRIORITY_RANK_CLASS).length;
  const position = index + 1;
  return { position, seats, aheadWithPriority, withinSeats: position <= seats };
}
