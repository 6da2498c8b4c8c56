import type { IncomingMessage, ServerResponse } from "node:http";
import type { Behaviour } from "./control";
import { readJson, sameSecret, sendJson } from "./http";
import type { Payments } from "./payments";
import { PaymentRequestSchema, type PaymentView } from "./protocol";
import { createdViewOf, fingerprintOf, viewOf } from "./store";

/*
 * The merchant's API: `POST /v1/payments` and `GET /v1/payments/<id>`, exactly as docs/payments.md ("The
 * acquirer protocol") states them. Checked in this order: authorization (401), the Idempotency-Key
 * (400), JSON (400), the body's schema (422 with the paths of what is wrong).
 */
export type ApiDeps = { payments: Payments; behaviour: Behaviour; apiKey: string; publicUrl: string };

/** "hang" holds a status request longer than any client waits ("never within 10 s"), then drops it. */
const HANG_MS = 15_000;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, path: string) {
  if (!authorized(req, deps.apiKey)) {
    return sendJson(res, 401, { error: "unauthorized" }, { "WWW-Authenticate": 'Bearer realm="demo-acquirer"' });
  }
  if (path === "/v1/payments") {
    if (req.method !== "POST") return sendJson(res, 405, { error: "method-not-allowed" }, { Allow: "POST" });
    return createPayment(deps, req, res);
  }
  const match = /^\/v1\/payments\/([^/]+)$/.exec(path);
  if (match) {
    if (req.method !== "GET") return sendJson(res, 405, { error: "method-not-allowed" }, { Allow: "GET" });
    return answerStatus(deps, req, res, decodeURIComponent(match[1]!));
  }
  sendJson(res, 404, { error: "not-found" });
}

function authorized(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  return token !== undefined && sameSecret(token, apiKey);
}

async function createPayment(deps: ApiDeps, req: IncomingMessage, res: ServerResponse) {
  const key = req.headers["idempotency-key"];
  if (typeof key !== "string" || !IDEMPOTENCY_KEY.test(key)) {
    return sendJson(res, 400, {
      error: "idempotency-key-required",
      message: "an Idempotency-Key header of 1 to 255 printable characters is required",
    });
  }
  const body = await readJson(req, res);
  if (!body.ok) return;
  const request = PaymentRequestSchema.safeParse(body.value);
  if (!request.success) {
    return sendJson(res, 422, {
      error: "invalid-request",
      issues: request.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  const outcome = deps.payments.create(request.data, key, fingerprintOf(body.value));
  if (outcome.kind === "conflict") {
    return sendJson(res, 409, {
      error: "idempotency-key-reused",
      message: "this Idempotency-Key was used with another request body",
    });
  }
  // A replay answers the payment as it is now: it may have been paid since the first answer.
  sendJson(res, outcome.kind === "created" ? 201 : 200, createdViewOf(outcome.payment, deps.publicUrl));
}

function answerStatus(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const answer = deps.behaviour.takeStatusAnswer();
  if (answer === "error500") return sendJson(res, 500, { error: "internal" });
  if (answer === "hang") {
    const timer = setTimeout(() => req.socket.destroy(), HANG_MS);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  const payment = deps.payments.find(id);
  if (!payment) return sendJson(res, 404, { error: "not-found" });
  const view = viewOf(payment);
  sendJson(res, 200, answer === "pending" ? stillPending(view) : view);
}

/** The payment as an acquirer that has not heard from the bank yet would show it. */
function stillPending({ paidAt: _paidAt, declineReason: _reason, receipt: _receipt, ...view }: PaymentView) {
  return { ...view, status: "pending" as const };
}
