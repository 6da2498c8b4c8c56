/** Where the browser tests find their two production portals. */
export const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BROKEN_PORTAL_PORT = PORTAL_PORT + 1;
export const PORTAL_URL = `http://127.0.0.1:${PORTAL_PORT}`;
export const BROKEN_PORTAL_URL = `http://127.0.0.1:${BROKEN_PORTAL_PORT}`;
