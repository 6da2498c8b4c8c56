import { describe, expect, it } from "vitest";
import {
  availableCommands,
  COMMANDS,
  decide,
  FINAL_STATUSES,
  STATUSES,
  type ActorKind,
  type Command,
  type Status,
  ALL_STATUSES,
} from "./lifecycle";

const statuses = ALL_STATUSES;
const commands = Object.keys(COMMANDS) as Command[];

/** The expected lifecycle, written out independently of the table: status → command → next status. */
const EXPECTED: Partial<Record<Status, Partial<Record<Command, Status>>>> = {
  draft: { submit: "registered" },
  registered: { forward: "sent", withdraw: "withdrawn" },
  sent: { acknowledge: "received", withdraw: "withdrawn" },
  received: { startReview: "inReview", withdraw: "withdrawn" },
  inReview: {
    requestInfo: "waitingForInfo",
    requestCorrection: "needsCorrection",
    inviteToVisit: "invitedToVisit",
    complete: "completed",
    refuse: "refused",
    withdraw: "withdrawn",
  },
  waitingForInfo: { provideInfo: "inReview", withdraw: "withdrawn" },
  needsCorrection: { correct: "inReview", withdraw: "withdrawn" },
  invitedToVisit: { complete: "completed", refuse: "refused", withdraw: "withdrawn" },
};

const full = { reason: "Нужна справка о составе семьи", ground: "no-free-seats", allowedGrounds: ["no-free-seats"] };

describe("every status × command", () => {
  for (const status of statuses) {
    for (const command of commands) {
      const next = EXPECTED[status]?.[command];
      it(`${status} + ${command} → ${next ?? "refused"}`, () => {
        const rightActor = COMMANDS[command].by;
        const decision = decide(status, command, rightActor, full);
        if (next) {
          expect(decision).toEqual({ ok: true, from: status, to: next });
          for (const other of (["resident", "staff", "system"] as ActorKind[]).filter((a) => a !== rightActor)) {
            expect(decide(status, command, other, full)).toEqual({ ok: false, error: "not-your-role" });
          }
        } else {
          expect(decision).toEqual({ ok: false, error: "not-allowed-now" });
        }
      });
    }
  }
});

describe("rules", () => {
  it("final statuses accept no command", () => {
    for (const status of FINAL_STATUSES) {
      for (const actor of ["resident", "staff", "system"] as const)
        expect(availableCommands(status, actor)).toEqual([]);
    }
  });
  it("a refusal needs a reason and one of the service's grounds", () => {
    expect(decide("inReview", "refuse", "staff", { ground: "no-free-seats" })).toEqual({
      ok: false,
      error: "reason-required",
    });
    expect(decide("inReview", "refuse", "staff", { reason: "Мест нет" })).toEqual({
      ok: false,
      error: "ground-required",
    });
    expect(
      decide("inReview", "refuse", "staff", {
        reason: "Мест нет",
        ground: "made-up",
        allowedGrounds: ["no-free-seats"],
      }),
    ).toEqual({ ok: false, error: "unknown-ground" });
  });
  it("a request for information names what is needed", () => {
    expect(decide("inReview", "requestInfo", "staff", { reason: "   " })).toEqual({
      ok: false,
      error: "reason-required",
    });
  });
  it("the resident may withdraw until a decision, and sees the right buttons", () => {
    expect(availableCommands("waitingForInfo", "resident")).toEqual(["provideInfo", "withdraw"]);
    expect(availableCommands("inReview", "staff")).toEqual([
      "requestInfo",
      "requestCorrection",
      "inviteToVisit",
      "complete",
      "refuse",
    ]);
  });
  it("uses the Gosuslugi status codes", () => {
    expect(STATUSES).toMatchObject({
      draft: 0,
      registered: 17,
      sent: 21,
      received: 2,
      inReview: 6,
      completed: 3,
      refused: 4,
      withdrawn: 10,
    });
  });
});
