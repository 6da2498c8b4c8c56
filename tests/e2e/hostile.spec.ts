import { connect } from "node:net";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../../app/routes";
import {
  HOSTILE_FIELD_NAMES,
  HOSTILE_IDS,
  HOSTILE_VALUES,
  MALFORMED_BODIES,
  QUERY_VALUES,
  oversizedBodies,
  type HostileBody,
} from "../fixtures/hostile-corpus";
import { createResident, portalDb, RESIDENT_PASSWORD } from "./portal-db";
import { PORTAL_PORT, PORTAL_URL } from "./ports";

/*
 * Every route of app/routes.ts, as an anonymous visitor and as each kind of demo account, with
 * hostile query strings, path parameters, field values, field names and bodies: never a 5xx, never
 * a stack frame or SQL in an answer, never a redirect off the portal, always nosniff. The route
 * list is read from app/routes.ts, so a new route is covered without editing this file. Runs once,
 * in its own Playwright project ("hostile"), over HTTP only.
 */

const DEMO_PASSWORD = "penza-demo-2026";
const ROLES = {
  anonymous: null,
  resident: "parent@demo.gosuslugi58.ru",
  officer: "officer.education@demo.gosuslugi58.ru",
  supervisor: "supervisor.education@demo.gosuslugi58.ru",
  analyst: "analyst@demo.gosuslugi58.ru",
  admin: "admin@demo.gosuslugi58.ru",
} as const;
type Role = keyof typeof ROLES;

/** A service with a one-step online form, so a draft is cheap to make and to check. */
const DRAFT_SERVICE = "clinic-registration";

// --- The routes, from app/routes.ts --------------------------------------------------------

function flatten(entries: readonly RouteConfigEntry[], parent = ""): string[] {
  return entries.flatMap((entry) => {
    const own = entry.index ? parent : [parent, entry.path ?? ""].filter(Boolean).join("/");
    return [...(entry.index || entry.path !== undefined ? [own] : []), ...flatten(entry.children ?? [], own)];
  });
}
const PATTERNS = [...new Set(flatten(routes))];

/*
 * Routes with path parameters that a POST may reach with real ids: the suite's own draft, and
 * actions that check a hostile `intent` before anything else. Elsewhere a POST with real ids could
 * delete, withdraw, submit, answer or create something the other browser tests rely on, so those
 * get crafted ids.
 */
const REAL_IDS_FOR_POST = [/:stepId$/, /^admin\/users\/:userId$/, /^office\/applications\/:number$/, /^api\//];
/** Signing out ends the session the rest of the sweep needs: it goes last. */
const LAST = ["logout"];

type Known = Record<string, string | undefined>;

function fill(pattern: string, value: (param: string) => string): string {
  const path = pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return value("*");
      return segment.replace(/^:([A-Za-z]+)/, (_, name: string) =>
        encodeURIComponent(value(name)).replace(/%25/g, "%"),
      );
    })
    .join("/");
  return "/" + path;
}

function realValue(pattern: string, param: string, known: Known): string {
  if (param === "*") return "no/such/page";
  if (param === "slug") return (pattern.startsWith("categories") ? known.category : DRAFT_SERVICE) ?? "no-such-slug";
  if (param === "number") return (pattern.startsWith("office") ? known.officeNumber : known.number) ?? "58-0000-000000";
  return known[param] ?? `no-such-${param}`;
}

// --- Checks every answer must pass ---------------------------------------------------------

const STACK_FRAME = /\bat (?:[\w$.<>]+ \()?(?:file:\/\/)?[\w./\\-]+\.(?:[cm]?js|tsx?|jsx):\d+/;
const SQL_OR_ORM = /SQLITE_|PrismaClient|Invalid `prisma|prisma\.\w+\.\w+\(|\bSELECT\b[^<>]{0,200}\bFROM\b/;

async function check(response: APIResponse, what: string) {
  const status = response.status();
  expect(status, `${what}: no 5xx`).toBeLessThan(500);
  const body = await response.text();
  expect(STACK_FRAME.exec(body)?.[0], `${what}: no stack frame`).toBeUndefined();
  expect(SQL_OR_ORM.exec(body)?.[0], `${what}: no SQL or Prisma text`).toBeUndefined();
  const headers = response.headers();
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  const location = headers["location"];
  // A sign-in redirect carries the address asked for (bounded by the request's own header limit).
  if (location !== undefined) expectOwnLocation(location, what, 16 * 1024);
}

function expectOwnLocation(location: string, what: string, maxLength = 2_100) {
  expect(location.length, `${what}: a short Location`).toBeLessThan(maxLength);
  expect(location, `${what}: an ASCII Location`).toMatch(/^[\x21-\x7e]+$/);
  expect(location.startsWith("//"), `${what}: ${location} is not protocol-relative`).toBe(false);
  expect(new URL(location, PORTAL_URL).origin, `${what}: ${location} stays on the portal`).toBe(PORTAL_URL);
}

// --- Requests -------------------------------------------------------------------------------

/*
 * The suite's requests come from an address of their own (X-Forwarded-For through the trusted
 * 127.0.0.1 "proxy"), so its many failed sign-ins lock only that address, never the other tests'.
 */
const HOSTILE_CLIENT = { "X-Forwarded-For": "127.0.9.1" };

type Playwright = Parameters<Parameters<typeof test>[2]>[0]["playwright"];

async function session(playwright: Playwright, role: Role): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({
    baseURL: PORTAL_URL,
    // Cross-origin writes are refused before they reach a route; this suite is about the routes.
    extraHTTPHeaders: { ...HOSTILE_CLIENT, Origin: PORTAL_URL, "Accept-Language": "ru" },
  });
  const email = ROLES[role];
  if (email) await signIn(context, email, DEMO_PASSWORD);
  return context;
}

async function signIn(context: APIRequestContext, email: string, password: string) {
  const response = await context.post("/login", { form: { email, password }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
}

const post = (context: APIRequestContext, url: string, body: HostileBody) =>
  context.post(url, {
    data: body.body,
    headers: body.contentType ? { "Content-Type": body.contentType } : {},
    maxRedirects: 0,
  });

/**
 * A large body the portal answers (404, 405, a redirect) without reading may see its connection
 * closed while it is still being written: refused, which is fine. Anything else must answer.
 */
async function postLarge(context: APIRequestContext, url: string, body: HostileBody, what: string) {
  try {
    await check(await post(context, url, body), what);
  } catch (error) {
    const closed = /EPIPE|ECONNRESET|socket hang up/.test(String(error));
    if (!closed || body.body.length < 64 * 1024) throw error;
  }
}

/** The names of the fields of a page's forms. */
function formFieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    for (const match of form.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g)) {
      names.add(match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    }
  }
  return [...names];
}

/** Query parameters the portal's pages read, besides those of their GET forms. */
const QUERY_NAMES = [
  "q",
  "page",
  "after",
  "before",
  "from",
  "to",
  "period",
  "status",
  "queue",
  "sort",
  "category",
  "situation",
  "online",
  "mszu",
  "lng",
  "redirectTo",
  "token",
  "inline",
  "year",
  "department",
  "actor",
  "subject",
  "restore",
  "return",
  "check",
  "notice",
  "service",
  "municipality",
  "assignee",
  "code",
  "saved",
  "restored",
];
/** Field names the actions read, besides those of the page's forms. */
const FIELD_NAMES = [
  "intent",
  "redirectTo",
  "email",
  "password",
  "lng",
  "vision",
  "departmentCode",
  "assignmentId",
  "role",
  "scope",
  "fetch",
];

/** `count` values of `pool`, starting at `offset` and wrapping, so each route sees the whole corpus over its requests. */
const rotate = <T>(pool: readonly T[], offset: number, count: number): T[] =>
  Array.from({ length: count }, (_, i) => pool[(offset + i) % pool.length]!);

function hostileQuery(names: string[], offset: number): string {
  const params = new URLSearchParams();
  rotate(QUERY_VALUES, offset, names.length).forEach((v, i) => params.append(names[i]!, v.value));
  // Percent-escapes no decoder accepts, and a repeated parameter.
  return `${params.toString()}&raw=%E0%A4%A&%ZZ=%&page=1&page=2`;
}

function hostileFields(names: string[], offset: number): Record<string, string> {
  const all = [...names, ...rotate(HOSTILE_FIELD_NAMES, offset, 2)];
  return Object.fromEntries(all.map((name, i) => [name, HOSTILE_VALUES[(offset + i) % HOSTILE_VALUES.length]!.value]));
}

async function sweep(context: APIRequestContext, role: Role, known: Known, roleIndex: number) {
  const patterns = [...PATTERNS].sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)));
  const oversized = oversizedBodies();
  let requests = 0;
  for (const [index, pattern] of patterns.entries()) {
    const offset = index * 7 + roleIndex * 13;
    const real = fill(pattern, (param) => realValue(pattern, param, known));
    const crafted = fill(pattern, (param) =>
      param === "*"
        ? HOSTILE_IDS[offset % HOSTILE_IDS.length]!
        : HOSTILE_IDS[(offset + param.length) % HOSTILE_IDS.length]!,
    );
    const what = (method: string, url: string) => `${role} ${method} ${pattern} (${url.slice(0, 120)})`;

    // GET: the page itself (its forms name the fields), then hostile query strings and path parameters.
    const page = await context.get(real, { maxRedirects: 0 });
    await check(page, what("GET", real));
    const names = formFieldNames(await page.text());
    const queryNames = [...new Set([...names, ...QUERY_NAMES])];
    for (const url of [
      `${real}?${hostileQuery(queryNames, offset)}`,
      `${crafted}?${hostileQuery(queryNames, offset + 17)}`,
    ]) {
      await check(await context.get(url, { maxRedirects: 0 }), what("GET", url));
    }
    await check(await context.get(`${real}?q=${"%D1%8F".repeat(800)}`, { maxRedirects: 0 }), what("GET", "long query"));
    requests += 4;

    // POST: to the real address where that cannot destroy anything (every field is hostile, so no
    // intent is ever valid), else to a crafted one.
    const target = !pattern.includes(":") || REAL_IDS_FOR_POST.some((p) => p.test(pattern)) ? real : crafted;
    const fieldNames = [...new Set([...names, ...FIELD_NAMES])];
    const fields = hostileFields(fieldNames, offset);
    const bodies: Array<[string, Parameters<APIRequestContext["post"]>[1]]> = [
      ["urlencoded", { form: fields }],
      [
        "multipart",
        {
          multipart: {
            ...hostileFields(fieldNames, offset + 3),
            [names[0] ?? "file"]: {
              name: "<img src=x>\u202Efdp.exe",
              mimeType: "text/html",
              buffer: Buffer.from("<script>alert(1)</script>"),
            },
          },
        },
      ],
      ["json", { data: fields }],
      [
        "text/plain",
        {
          data: Object.entries(fields)
            .map(([k, v]) => `${k}=${v}`)
            .join("\r\n"),
          headers: { "Content-Type": "text/plain" },
        },
      ],
    ];
    for (const [label, options] of bodies) {
      await check(await context.post(target, { ...options, maxRedirects: 0 }), what(`POST ${label}`, target));
    }
    for (const body of [
      MALFORMED_BODIES[(offset + index) % MALFORMED_BODIES.length]!,
      oversized[(index + roleIndex) % oversized.length]!,
    ]) {
      await postLarge(context, target, body, what(`POST ${body.label}`, target));
    }
    requests += 6;
  }
  return requests;
}

/** Ids of real rows this role may see, found through its own pages. */
async function discover(context: APIRequestContext, role: Role): Promise<Known> {
  const known: Known = {};
  const find = async (url: string, pattern: RegExp) => pattern.exec(await (await context.get(url)).text())?.[1];
  known.category = await find("/", /href="\/categories\/([\w-]+)"/);
  const indicators = (await (await context.get("/api/indicators")).json()) as { indicators?: Array<{ code: string }> };
  known.code = indicators.indicators?.[0]?.code;
  if (role === "resident") {
    known.number = await find("/cabinet/applications", /href="\/cabinet\/applications\/([^"/?]+)"/);
    known.childId = await find("/cabinet/profile", /\/cabinet\/children\/([^/"]+)\/delete/);
    // The utility account the demo parent has linked (its ЕЛС, as the page links it).
    known.els = await find("/cabinet/payments", /href="\/cabinet\/payments\/(58[^"/?#]+)"/);
    if (known.number)
      known.uploadId = await find(`/cabinet/applications/${known.number}`, /href="\/documents\/([^"?]+)/);
    // A draft of its own, for the step and review routes.
    const started = await context.post(`/services/${DRAFT_SERVICE}/apply`, { form: {}, maxRedirects: 0 });
    const step = /\/apply\/([^/]+)\/([^/?]+)/.exec(started.headers()["location"] ?? "");
    known.draftId = step?.[1];
    known.stepId = step?.[2];
  }
  if (role === "officer" || role === "supervisor") {
    known.officeNumber = await find("/office", /href="\/office\/applications\/([^"/?]+)"/);
  }
  if (role === "admin") {
    known.userId = await find("/admin", /href="\/admin\/users\/([^"/?]+)"/);
    known.importId = await find("/admin/utility/import", /href="\/admin\/utility\/imports\/([^"/?]+)"/);
  }
  return known;
}

test.describe("every route withstands hostile input", () => {
  for (const [roleIndex, role] of (Object.keys(ROLES) as Role[]).entries()) {
    test(`as ${role}`, async ({ playwright }) => {
      test.setTimeout(150_000);
      const context = await session(playwright, role);
      const known = await discover(context, role);
      const requests = await sweep(context, role, known, roleIndex);
      expect(requests).toBeGreaterThan(PATTERNS.length * 9);
      await context.dispose();
    });
  }
});

// --- A resident's draft loses nothing ----------------------------------------------------------

test("a draft's valid answers survive hostile posts to its steps", async ({ playwright }) => {
  test.setTimeout(90_000);
  const context = await session(playwright, "resident");
  const started = await context.post(`/services/${DRAFT_SERVICE}/apply`, { form: {}, maxRedirects: 0 });
  // The first step (the applicant's details), then the service's own step with the valid answer.
  const firstStep = new URL(started.headers()["location"]!, PORTAL_URL).pathname;
  const clinicStep = firstStep.replace(/[^/]+$/, "clinic");
  const saved = await context.post(clinicStep, { form: { clinic: "gp-4", intent: "save" }, maxRedirects: 0 });
  expect(saved.status()).toBe(302);
  const chosen = /<option[^>]*value="gp-4"[^>]*selected/;
  expect(await (await context.get(clinicStep)).text()).toMatch(chosen);

  // Bodies that are not a form, or not one any page sends: refused before anything is saved.
  for (const stepUrl of [clinicStep, firstStep]) {
    for (const body of [...MALFORMED_BODIES.filter((b) => !b.parses), ...oversizedBodies()]) {
      const response = await post(context, stepUrl, body);
      await check(response, `hostile ${body.label} to ${stepUrl}`);
      expect(response.status(), body.label).toBeGreaterThanOrEqual(400);
      // The route's error page, in the reader's language.
      expect(await response.text(), body.label).toMatch(/Код ошибки 4\d\d/);
    }
    for (const data of [{ clinic: "gp-1", intent: "save" }, ["clinic=gp-1"]]) {
      expect((await context.post(stepUrl, { data, maxRedirects: 0 })).status()).toBe(415);
    }
  }
  // Hostile values in every field of the other step, as a form and as multipart.
  const html = await (await context.get(firstStep)).text();
  const names = formFieldNames(html).filter((n) => n !== "intent");
  for (const [offset, kind] of [
    [0, "form"],
    [11, "multipart"],
    [23, "form"],
  ] as const) {
    const fields = { ...hostileFields(names, offset), intent: "continue" };
    const response = await context.post(firstStep, { [kind]: fields, maxRedirects: 0 });
    await check(response, `hostile ${kind} values to the first step`);
  }
  await check(await context.get(firstStep), "the first step with hostile answers");
  await check(await context.get(firstStep.replace(/[^/]+$/, "review")), "the review page with hostile answers");

  const after = await (await context.get(clinicStep)).text();
  expect(after, "the valid answer is still there").toMatch(chosen);
  await context.dispose();
});

// --- Finding 4: return URLs -----------------------------------------------------------------

const HOSTILE_RETURNS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/./%2E%2E//evil.example/x?y#z",
  "/。/x",
  "/\u202Eevil",
  "/ok\r\nSet-Cookie: x=1",
  "https://evil.example/",
  "/" + "a".repeat(5 * 1024 * 1024),
];

test("every redirectTo stays on the portal, short and in ASCII", async ({ playwright }) => {
  test.setTimeout(90_000);
  const anonymous = await session(playwright, "anonymous");
  const resident = await createResident("hostile-return");
  const signedIn = await playwright.request.newContext({
    baseURL: PORTAL_URL,
    extraHTTPHeaders: { ...HOSTILE_CLIENT, Origin: PORTAL_URL },
  });
  await signIn(signedIn, resident.email, RESIDENT_PASSWORD);
  const child = { lastName: "Тестов", firstName: "Иван", birthDate: "2020-05-05", birthCertificate: "I-ИЗ 654321" };

  for (const [i, redirectTo] of HOSTILE_RETURNS.entries()) {
    const fresh = await playwright.request.newContext({
      baseURL: PORTAL_URL,
      extraHTTPHeaders: { ...HOSTILE_CLIENT, Origin: PORTAL_URL },
    });
    const label = JSON.stringify(redirectTo.slice(0, 40));
    const answers: Array<[string, APIResponse]> = [
      ["language", await anonymous.post("/preferences/language", { form: { lng: "ru", redirectTo }, maxRedirects: 0 })],
      [
        "vision",
        await anonymous.post("/preferences/vision", { form: { vision: "high", redirectTo }, maxRedirects: 0 }),
      ],
      ["extend, signed out", await anonymous.post("/session/extend", { form: { redirectTo }, maxRedirects: 0 })],
      ["extend, signed in", await signedIn.post("/session/extend", { form: { redirectTo }, maxRedirects: 0 })],
      [
        "sign-in",
        await fresh.post("/login", {
          form: { email: resident.email, password: RESIDENT_PASSWORD, redirectTo },
          maxRedirects: 0,
        }),
      ],
      [
        "child added",
        await signedIn.post(`/cabinet/children/new?redirectTo=${encodeURIComponent(redirectTo.slice(0, 4_000))}`, {
          form: { ...child, birthCertificate: `I-ИЗ ${654_321 + i}` },
          maxRedirects: 0,
        }),
      ],
    ];
    if (redirectTo.length < 4_000) {
      answers.push([
        "login page, signed in",
        await signedIn.get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`, { maxRedirects: 0 }),
      ]);
    }
    for (const [where, response] of answers) {
      await check(response, `${where} ${label}`);
      expect([302, 303], `${where} ${label}: a redirect`).toContain(response.status());
      expectOwnLocation(response.headers()["location"]!, `${where} ${label}`);
      expect(response.headers()["location"], `${where} ${label}`).not.toContain("evil.example");
    }
    await fresh.dispose();
  }
  await anonymous.dispose();
  await signedIn.dispose();
});

// --- Finding 7: malformed requests ------------------------------------------------------------

test("malformed forms and out-of-range queries answer 4xx with a localized page", async ({ playwright }) => {
  test.setTimeout(90_000);
  const anonymous = await session(playwright, "anonymous");
  for (const body of [...MALFORMED_BODIES.filter((b) => !b.parses), ...oversizedBodies()]) {
    for (const url of ["/login", "/register", "/preferences/language"]) {
      const response = await post(anonymous, url, body);
      await check(response, `${body.label} to ${url}`);
      expect([400, 413, 415], `${body.label} to ${url}`).toContain(response.status());
    }
    const page = await post(anonymous, "/login", body);
    expect(await page.text(), body.label).toMatch(/Код ошибки 4\d\d/);
  }
  // The data request a script would make gets the status too.
  const data = await anonymous.post("/login.data", { data: { email: "x" }, maxRedirects: 0 });
  expect([400, 415]).toContain(data.status());

  const admin = await session(playwright, "admin");
  const invite = await admin.post("/admin/invite", {
    form: { email: `unknown-dept-${Date.now()}@example.ru`, role: "officer", departmentCode: "NO-SUCH-DEPT" },
    maxRedirects: 0,
  });
  expect(invite.status()).toBe(400);
  expect(await invite.text()).toContain("такого ведомства нет");
  const userId = /href="\/admin\/users\/([^"/?]+)"/.exec(await (await admin.get("/admin")).text())![1]!;
  const grant = await admin.post(`/admin/users/${userId}`, {
    form: { role: "supervisor", departmentCode: "<script>" },
    maxRedirects: 0,
  });
  expect(grant.status()).toBe(400);
  expect(await grant.text()).toContain("такого ведомства нет");
  for (const assignmentId of ["abc", "1e309", "9999999999999999999999", "-0", ""]) {
    const revoke = await admin.post(`/admin/users/${userId}`, {
      form: { intent: "revoke", assignmentId },
      maxRedirects: 0,
    });
    await check(revoke, `revoke ${assignmentId}`);
    expect(revoke.status(), `assignmentId ${JSON.stringify(assignmentId)}`).toBe(400);
  }
  for (const query of [
    "from=2019-13-01",
    "to=0000-00-00",
    "from=2019-02-30&to=9999-99-99",
    "before=9999999999999999999999",
  ]) {
    const audit = await admin.get(`/admin/audit?${query}`);
    await check(audit, query);
    expect(audit.status(), query).toBe(200);
  }

  const officer = await session(playwright, "officer");
  for (const query of ["sort=received&after=9999999999999999999999", "sort=received&after=1e309", "after=x~y"]) {
    const office = await officer.get(`/office?${query}`);
    await check(office, query);
    expect(office.status(), query).toBe(200);
  }
  const resident = await session(playwright, "resident");
  for (const after of ["9999999999999999999999", "1e309", "-0", "NaN"]) {
    const list = await resident.get(`/cabinet/applications?after=${after}`);
    await check(list, after);
    expect(list.status(), after).toBe(200);
  }
  for (const context of [anonymous, admin, officer, resident]) await context.dispose();
});

/** Raw bytes to the portal; what it answered before it closed the connection (or after `waitMs`). */
function rawRequest(bytes: string, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(PORTAL_PORT, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("close", () => resolve(answer));
    socket.on("error", () => resolve(answer));
    setTimeout(() => socket.destroy(), waitMs);
  });
}

test("a body larger than announced is refused at once", async () => {
  const answer = await rawRequest(
    `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${PORTAL_PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\nemail=x`,
    5_000,
  );
  expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
});

// --- Finding 10: headers on every kind of answer -----------------------------------------------

test("every kind of answer says nosniff; documents carry a sandbox CSP", async ({ playwright }) => {
  const anonymous = await session(playwright, "anonymous");
  const code = ((await (await anonymous.get("/api/indicators")).json()) as { indicators: Array<{ code: string }> })
    .indicators[0]!.code;
  for (const url of [
    "/api/indicators",
    `/api/indicators/${code}.csv`,
    "/api/services",
    "/healthz",
    "/_.data",
    "/search.data?q=школа",
  ]) {
    const response = await anonymous.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
  }
  const foreign = await anonymous.post("/login", { headers: { Origin: "https://evil.example" }, form: { email: "x" } });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["x-content-type-options"]).toBe("nosniff");

  // A document of one's own application: sandboxed, whatever its type.
  const resident = await createResident("hostile-document");
  const context = await playwright.request.newContext({
    baseURL: PORTAL_URL,
    extraHTTPHeaders: { ...HOSTILE_CLIENT, Origin: PORTAL_URL },
  });
  await signIn(context, resident.email, RESIDENT_PASSWORD);
  const started = await context.post("/services/young-entrepreneur-grant/apply", { form: {}, maxRedirects: 0 });
  const draftId = /\/apply\/([^/]+)\//.exec(started.headers()["location"]!)![1]!;
  await context.post(`/services/young-entrepreneur-grant/apply/${draftId}/project`, {
    multipart: {
      intent: "save",
      businessPlan: {
        name: "plan.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      },
    },
    maxRedirects: 0,
  });
  const upload = await portalDb.upload.findFirstOrThrow({ where: { ownerId: resident.userId } });
  for (const url of [`/documents/${upload.id}`, `/documents/${upload.id}?inline=1`]) {
    const document = await context.get(url);
    expect(document.status(), url).toBe(200);
    expect(document.headers()["content-security-policy"], url).toBe("default-src 'none'; sandbox");
    expect(document.headers()["x-content-type-options"], url).toBe("nosniff");
  }
  await anonymous.dispose();
  await context.dispose();
});
