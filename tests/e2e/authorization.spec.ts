import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import routes from "../../app/routes";
import { PORTAL_URL } from "./ports";

/*
 * The authorization matrix: every URL of the portal × every kind of visitor, against the
 * production build. A route added to app/routes.ts without a row here fails the first test.
 */
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "HTTP checks run once");

type Visitor = "anonymous" | "resident" | "officer" | "supervisor" | "analyst" | "admin";
const ACCOUNTS: Record<Exclude<Visitor, "anonymous">, string> = {
  resident: "parent@demo.gosuslugi58.ru",
  officer: "officer.education@demo.gosuslugi58.ru",
  supervisor: "supervisor.education@demo.gosuslugi58.ru",
  analyst: "analyst@demo.gosuslugi58.ru",
  admin: "admin@demo.gosuslugi58.ru",
};

// 200 allowed, "login" = sent to sign in, 403/404 refused.
// 405: a machine interface that takes POST only (the registry intake, signed by its sources).
// 401: a provider's export, which answers only a signed request.
type Outcome = 200 | 401 | 404 | 403 | 405 | "login" | "redirect";
const everyone = (outcome: Outcome) =>
  ({
    anonymous: outcome,
    resident: outcome,
    officer: outcome,
    supervisor: outcome,
    analyst: outcome,
    admin: outcome,
  }) as const;
const signedIn = { ...everyone(200), anonymous: "login" } as const;
const staffOffice = { ...everyone(403), anonymous: "login", officer: 200, supervisor: 200 } as const;
/** The indicators' dashboard: analysts, supervisors and administrators. */
const indicatorStaff = { ...everyone(403), anonymous: "login", supervisor: 200, analyst: 200, admin: 200 } as const;
const adminOnly = { ...everyone(403), anonymous: "login", admin: 200 } as const;
const signedOutOnly = { ...everyone("redirect"), anonymous: 200 } as const;
/** Someone's own records: a visitor signs in first; anyone else's (or nothing) is "not found". */
const notFoundWhenSignedIn = { ...everyone(404), anonymous: "login" } as const;

/** GET of each route pattern, with a concrete URL where the pattern has parameters. */
type Row = { url: string; expect: Record<Visitor, Outcome> };
const MATRIX: Record<string, Row> = {
  "/": { url: "/", expect: everyone(200) },
  "categories/:slug": { url: "/categories/education", expect: everyone(200) },
  "services/:slug": { url: "/services/first-grade-enrollment", expect: everyone(200) },
  "services/:slug/measures": { url: "/services/large-family-status/measures", expect: everyone(200) },
  search: { url: "/search?q=школа", expect: everyone(200) },
  schools: { url: "/schools?address=Пенза, ул. Московская, 11", expect: everyone(200) },
  "schools/:code": { url: "/schools/112", expect: everyone(200) },
  indicators: { url: "/indicators", expect: everyone(200) },
  "indicators/definitions": { url: "/indicators/definitions", expect: everyone(200) },
  "services/:slug/apply": { url: "/services/library-card/apply", expect: signedIn },
  "services/:slug/apply/:draftId/review": {
    url: "/services/library-card/apply/no-such-draft/review",
    expect: notFoundWhenSignedIn,
  },
  "services/:slug/apply/:draftId/:stepId": {
    url: "/services/library-card/apply/no-such-draft/applicant",
    expect: notFoundWhenSignedIn,
  },
  login: { url: "/login", expect: signedOutOnly },
  logout: { url: "/logout", expect: everyone("redirect") },
  register: { url: "/register", expect: signedOutOnly },
  "register/sent": { url: "/register/sent", expect: everyone(200) },
  "confirm-email": { url: "/confirm-email?token=nothing", expect: everyone(200) },
  "forgot-password": { url: "/forgot-password", expect: everyone(200) },
  "reset-password": { url: "/reset-password?token=nothing", expect: everyone(200) },
  cabinet: { url: "/cabinet", expect: signedIn },
  "session/extend": { url: "/session/extend", expect: everyone("redirect") },
  "cabinet/applications": { url: "/cabinet/applications", expect: signedIn },
  "cabinet/applications/:number": { url: "/cabinet/applications/58-2026-9999999-0", expect: notFoundWhenSignedIn },
  "cabinet/applications/:number/withdraw": {
    url: "/cabinet/applications/58-2026-9999999-0/withdraw",
    expect: notFoundWhenSignedIn,
  },
  // GET only explains (the button POSTs); someone else's application, or none, is not found.
  "cabinet/applications/:number/apply-to/:schoolCode": {
    url: "/cabinet/applications/58-2026-9999999-0/apply-to/112",
    expect: notFoundWhenSignedIn,
  },
  "cabinet/drafts/:draftId/delete": { url: "/cabinet/drafts/x/delete", expect: everyone("redirect") },
  "cabinet/notifications": { url: "/cabinet/notifications", expect: signedIn },
  // Offers and assignments from life events: one's own list; someone else's offer, or none, is not found.
  "cabinet/offers": { url: "/cabinet/offers", expect: signedIn },
  "cabinet/offers/:offerId": { url: "/cabinet/offers/no-such-offer", expect: notFoundWhenSignedIn },
  "cabinet/payments": { url: "/cabinet/payments", expect: signedIn },
  // The demo parent's own account: nobody else who has not linked it sees it.
  "cabinet/payments/:els": { url: "/cabinet/payments/58АБ123456", expect: { ...notFoundWhenSignedIn, resident: 200 } },
  "cabinet/payments/receipts/:paymentId": { url: "/cabinet/payments/receipts/no-such", expect: notFoundWhenSignedIn },
  "cabinet/payments/return/:paymentId": { url: "/cabinet/payments/return/no-such", expect: notFoundWhenSignedIn },
  // Residents delete their own account; staff accounts are not deleted this way.
  "cabinet/account/delete": {
    url: "/cabinet/account/delete",
    expect: { ...everyone(403), anonymous: "login", resident: 200 },
  },
  "documents/:uploadId": { url: "/documents/no-such-upload", expect: notFoundWhenSignedIn },
  "cabinet/profile": { url: "/cabinet/profile", expect: signedIn },
  "cabinet/children/new": { url: "/cabinet/children/new", expect: signedIn },
  "cabinet/children/:childId/delete": { url: "/cabinet/children/x/delete", expect: everyone("redirect") },
  office: { url: "/office", expect: staffOffice },
  "office/enrollment": { url: "/office/enrollment?school=112", expect: staffOffice },
  // The ministry's dashboard: the enrollment department's staff (not school staff) and analysts.
  "office/enrollment/campaign": {
    url: "/office/enrollment/campaign?year=2027",
    expect: { ...staffOffice, analyst: 200 },
  },
  "office/applications/:number": {
    url: "/office/applications/58-2026-9999999-0",
    expect: { ...staffOffice, officer: 404, supervisor: 404 },
  },
  "office/supervisor": { url: "/office/supervisor", expect: { ...staffOffice, officer: 403 } },
  "office/indicators": { url: "/office/indicators?period=2026-Q1&channel=portal", expect: indicatorStaff },
  "office/indicators/:code": { url: "/office/indicators/decided-on-time", expect: indicatorStaff },
  admin: { url: "/admin", expect: adminOnly },
  "admin/invite": { url: "/admin/invite", expect: adminOnly },
  "admin/users/:userId": { url: "/admin/users/no-such-user", expect: { ...adminOnly, admin: 404 } },
  "admin/audit": { url: "/admin/audit", expect: adminOnly },
  "admin/calendar": { url: "/admin/calendar", expect: adminOnly },
  "admin/schools": { url: "/admin/schools", expect: adminOnly },
  "admin/schools/:code/territory": { url: "/admin/schools/112/territory", expect: adminOnly },
  "admin/territories/import": { url: "/admin/territories/import", expect: adminOnly },
  "admin/campaigns": { url: "/admin/campaigns", expect: adminOnly },
  "admin/utility/import": { url: "/admin/utility/import", expect: adminOnly },
  "admin/utility/imports/:importId": { url: "/admin/utility/imports/no-such", expect: { ...adminOnly, admin: 404 } },
  "admin/campaigns/:year": { url: "/admin/campaigns/2027", expect: adminOnly },
  "preferences/language": { url: "/preferences/language", expect: everyone("redirect") },
  "preferences/vision": { url: "/preferences/vision", expect: everyone("redirect") },
  "api/services": { url: "/api/services", expect: everyone(200) },
  "api/schools": { url: "/api/schools", expect: everyone(200) },
  "api/enrollment/campaign": { url: "/api/enrollment/campaign?year=2027", expect: everyone(200) },
  "api/schools/:code/orders": { url: "/api/schools/112/orders?year=2027", expect: everyone(200) },
  "api/schools/:code/orders.csv": { url: "/api/schools/112/orders.csv?year=2027", expect: everyone(200) },
  "api/indicators": { url: "/api/indicators?period=2026", expect: everyone(200) },
  "api/indicators/:code.csv": { url: "/api/indicators/decided-on-time.csv", expect: everyone(200) },
  "api/registry/events": { url: "/api/registry/events", expect: everyone(405) },
  "api/registry/schema": { url: "/api/registry/schema", expect: everyone(200) },
  "api/utility/bills": { url: "/api/utility/bills", expect: everyone(405) },
  "api/utility/readings.csv": { url: "/api/utility/readings.csv?period=2026-11", expect: everyone(401) },
  "api/utility/payments.csv": { url: "/api/utility/payments.csv?date=2026-12-01", expect: everyone(401) },
  "api/payments/notifications": { url: "/api/payments/notifications", expect: everyone(405) },
  // The test portal has SMTP configured, so the demo mailbox does not exist.
  "dev/mailbox": { url: "/dev/mailbox", expect: everyone(404) },
  "*": { url: "/no-such-page", expect: everyone(404) },
};

async function signedInAs(visitor: Visitor): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: PORTAL_URL });
  if (visitor === "anonymous") return context;
  const response = await context.post("/login", {
    headers: { Origin: PORTAL_URL },
    form: { email: ACCOUNTS[visitor], password: "penza-demo-2026" },
    maxRedirects: 0,
  });
  expect(response.status(), `${visitor} signs in`).toBe(302);
  return context;
}

/** Answered by the HTTP edge, not by a route (app/server/http-server.server.ts). */
const EDGE: Record<string, Row> = {
  healthz: { url: "/healthz", expect: everyone(200) },
};

test("every route of the portal is in the matrix", () => {
  const paths = routes.map((r) => (r.index ? "/" : r.path!));
  expect(paths.sort()).toEqual(Object.keys(MATRIX).sort());
});

for (const visitor of ["anonymous", "resident", "officer", "supervisor", "analyst", "admin"] as const) {
  test(`what a ${visitor} may open`, async () => {
    const context = await signedInAs(visitor);
    const seen: Record<string, Outcome> = {};
    const wanted: Record<string, Outcome> = {};
    for (const [pattern, row] of Object.entries({ ...MATRIX, ...EDGE })) {
      const response = await context.get(row.url, { maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      const status = response.status();
      seen[pattern] =
        status === 302 && location.startsWith("/login?redirectTo=")
          ? "login"
          : status === 302
            ? "redirect"
            : (status as Outcome);
      wanted[pattern] = row.expect[visitor];
    }
    expect(seen).toEqual(wanted);
    await context.dispose();
  });
}

test("an unknown indicator is not found for those who may see the indicators", async () => {
  for (const visitor of ["supervisor", "analyst", "admin"] as const) {
    const context = await signedInAs(visitor);
    const response = await context.get("/office/indicators/no-such-indicator", { maxRedirects: 0 });
    expect(response.status(), visitor).toBe(404);
    await context.dispose();
  }
  // Everyone else is refused before the code is even looked at.
  const resident = await signedInAs("resident");
  expect((await resident.get("/office/indicators/no-such-indicator", { maxRedirects: 0 })).status()).toBe(403);
  await resident.dispose();
});

test("a resident cannot remove another resident's child", async () => {
  const owner = await playwrightRequest.newContext({ baseURL: PORTAL_URL });
  await owner.post("/login", {
    headers: { Origin: PORTAL_URL },
    form: { email: "large-family@demo.gosuslugi58.ru", password: "penza-demo-2026" },
    maxRedirects: 0,
  });
  const profile = await (await owner.get("/cabinet/profile")).text();
  const childIds = [...profile.matchAll(/\/cabinet\/children\/([0-9a-f-]{36})\/delete/g)].map((m) => m[1]);
  expect(childIds).toHaveLength(4);

  const stranger = await signedInAs("resident");
  const attempt = await stranger.post(`/cabinet/children/${childIds[0]}/delete`, {
    headers: { Origin: PORTAL_URL },
    maxRedirects: 0,
  });
  expect(attempt.status()).toBe(404);
  expect(await (await owner.get("/cabinet/profile")).text()).toContain(childIds[0]);
  await owner.dispose();
  await stranger.dispose();
});
