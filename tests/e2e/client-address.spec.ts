import http from "node:http";
import { expect, test } from "@playwright/test";
import { createDraft } from "../../app/domain/applications/applications.server";
import { createResident, portalDb } from "./portal-db";
import { PORTAL_PORT, PORTAL_URL } from "./ports";

/*
 * The client's address reaches the routes of the production build (docs/security.md §2):
 * requests from two loopback addresses are throttled apart, a consent keeps the real address, and
 * X-Forwarded-For counts only from the trusted proxy (the test portal trusts 127.0.0.1).
 * Plain HTTP, no browser: it runs once, in the JavaScript-on project.
 */
test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, "HTTP only: once is enough");

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function post(path: string, form: Record<string, string>, from: string, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(form).toString();
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: PORTAL_PORT,
        path,
        method: "POST",
        localAddress: from,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: PORTAL_URL,
          ...headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const wrongSignIn = (n: number) => ({ email: `nobody-${n}-${Date.now()}@example.ru`, password: "неверный пароль" });

test("wrong passwords from one address lock that address only, and say when to come back", async () => {
  for (let i = 0; i < 30; i++) {
    expect((await post("/login", wrongSignIn(i), "127.0.0.2")).status).toBe(400);
  }
  const locked = await post("/login", wrongSignIn(99), "127.0.0.2");
  expect(locked.status).toBe(429);
  expect(Number(locked.headers["retry-after"])).toBeGreaterThan(14 * 60);
  expect(locked.body).toContain("Слишком много неудачных попыток входа");

  // Another address is not affected: a demo officer signs in.
  const other = await post(
    "/login",
    { email: "officer.social@demo.gosuslugi58.ru", password: "penza-demo-2026" },
    "127.0.0.3",
  );
  expect(other.status).toBe(302);
  expect(other.headers["set-cookie"]?.join(";")).toContain("session=");
});

async function register(from: string, headers: Record<string, string> = {}) {
  const email = `address-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.ru`;
  const password = "адрес клиента виден порталу";
  const answer = await post("/register", { email, password, passwordConfirm: password, consent: "on" }, from, headers);
  expect(answer.status).toBe(302);
  const user = await portalDb.user.findUniqueOrThrow({ where: { email }, include: { consents: true } });
  return user.consents[0]!.ip;
}

test("a consent keeps the address it was given from; X-Forwarded-For counts only from the trusted proxy", async () => {
  expect(await register("127.0.0.4")).toBe("127.0.0.4");
  // Written by the client itself: ignored.
  expect(await register("127.0.0.5", { "X-Forwarded-For": "198.51.100.23" })).toBe("127.0.0.5");
  // Appended by the trusted proxy in front of the portal: that is the client.
  expect(await register("127.0.0.1", { "X-Forwarded-For": "198.51.100.24" })).toBe("198.51.100.24");
});

test("an anonymous post to someone's draft keeps nothing that a restore link could bring in (finding 5)", async () => {
  const resident = await createResident("victim");
  const draftId = await createDraft(portalDb, resident.userId, "58-CUL-001");
  const answer = await post(`/services/library-card/apply/${draftId}/reader`, { birthDate: "1901-01-01" }, "127.0.0.6");
  expect(answer.status).toBe(302);
  expect(answer.headers.location).toMatch(/^\/login\?redirectTo=/);
  expect(decodeURIComponent(answer.headers.location!)).not.toContain("restore=");
  expect(await portalDb.pendingAnswers.count({ where: { applicationId: draftId } })).toBe(0);
});
