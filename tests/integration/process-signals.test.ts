import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/*
 * A signal sent in one server process is heard in another (app/platform/process-signals.server.ts):
 * the way a draft scheduled through any process wakes the one that sends scheduled drafts, and a
 * write through any process drops every process's kept pages. Before the signal existed, a draft
 * scheduled through the other process waited up to half a minute past its instant.
 */
const run = promisify(execFile);

describe("signals between server processes", () => {
  it("reach the other worker through the primary, once", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/support/signal-cluster.ts"], {
      timeout: 60_000,
    });
    expect(stdout.trim().split("\n")).toEqual(["heard:1"]);
  }, 70_000);
});
