import pino from "pino";
import { env } from "~/env.server";

/*
 * Structured logs. Personal data never goes here: request logs carry the method, the route path
 * (never the query string, where search terms and form values may be), status and timing.
 */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.email"], remove: true },
});
