import { describe, expect, it } from "vitest";
import { ALL_STATUSES, decide } from "~/domain/applications/lifecycle";
import { commandsOnTaking } from "./taking";

describe("taking an application into work", () => {
  it("registers and starts the review of a new application, one lifecycle command each", () => {
    expect(commandsOnTaking("sent")).toEqual(["acknowledge", "startReview"]);
    expect(commandsOnTaking("received")).toEqual(["startReview"]);
  });

  it("changes no status once the review has begun or the case is decided", () => {
    for (const status of ["inReview", "waitingForInfo", "needsCorrection", "invitedToVisit", "completed"] as const) {
      expect(commandsOnTaking(status), status).toEqual([]);
    }
  });

  it("only ever walks steps the lifecycle table allows, ending in review", () => {
    for (const status of ALL_STATUSES) {
      let current = status;
      for (const command of commandsOnTaking(status)) {
        const decision = decide(current, command, "staff");
        expect(decision.ok, `${status}: ${command}`).toBe(true);
        if (decision.ok) current = decision.to;
      }
      if (commandsOnTaking(status).length > 0) expect(current).toBe("inReview");
    }
  });
});
