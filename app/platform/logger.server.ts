import pino from "pino";
import { env } from "~/env.server";

/*
 * Structured logs. Personal data never goes here: request logs carry the method, the route path
 * (never the query string, where search terms and form values may be), status and timing.
 */
const config = env();

export const logger = pino(
  {
    level: config.LOG_LEVEL,
    base: undefined,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.email"], remove: true },
  },
  // LOG_FILE: append to a file (the browser tests read it to prove no personal data is logged).
  config.LOG_FILE ? pino.destination({ dest: config.LOG_FILE, mkdir: true, sync: true }) : undefined,
);
