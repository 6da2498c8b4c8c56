import cluster from "node:cluster";
import { onSignal, relaySignals, signal } from "../../app/platform/process-signals.server";

/*
 * A primary with two workers, as app/start.ts runs them, for tests/integration/process-signals.test.ts:
 * the "listener" stands for the worker that runs the background jobs, the "sender" for the one a
 * parent's request happened to reach. The primary prints what the listener heard, then stops.
 */
if (cluster.isPrimary) {
  const listener = cluster.fork({ SIGNAL_ROLE: "listener" });
  const sender = cluster.fork({ SIGNAL_ROLE: "sender" });
  relaySignals(listener);
  relaySignals(sender);
  let ready = 0;
  const goWhenBothReady = () => {
    ready += 1;
    if (ready === 2) sender.send("go");
  };
  listener.on("message", (message: unknown) => {
    if (message === "ready") goWhenBothReady();
    if (typeof message === "string" && message.startsWith("heard:")) {
      console.log(message);
      for (const worker of [listener, sender]) worker.kill();
    }
  });
  sender.on("message", (message: unknown) => {
    if (message === "ready") goWhenBothReady();
  });
} else if (process.env.SIGNAL_ROLE === "listener") {
  let heard = 0;
  onSignal("wake-up", () => {
    heard += 1;
    process.send?.(`heard:${heard}`);
  });
  process.send?.("ready");
} else {
  process.on("message", (message: unknown) => {
    if (message === "go") signal("wake-up");
  });
  process.send?.("ready");
}
