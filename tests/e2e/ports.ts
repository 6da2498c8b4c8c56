import path from "node:path";

/** Where the browser tests find their two production portals and the mail the first one sends. */
export const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BROKEN_PORTAL_PORT = PORTAL_PORT + 1;
export const SMTP_SINK_PORT = PORTAL_PORT + 2;
export const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`;
export const BROKEN_PORTAL_URL = `http://127.0.0.1:${BROKEN_PORTAL_PORT}`;
/** Each mail the test portal sends arrives at the SMTP sink and is written here as JSON. */
export const MAIL_DIR = path.join("tests", ".tmp", "e2e-mail");
/** The test portal's log, checked for personal data after all browser tests (logs.audit.ts). */
export const PORTAL_LOG = path.join("tests", ".tmp", "e2e-portal.log");
