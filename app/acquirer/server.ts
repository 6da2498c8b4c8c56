import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";
import { handleApi } from "./api";
import { Behaviour, handleControl } from "./control";
import { FiscalRegister } from "./fiscal";
import { sendJson } from "./http";
import { Notifier } from "./notifier";
import { handlePaymentPage } from "./payment-page";
import { Payments } from "./payments";
import { PaymentStore } from "./store";

/*
 * The demo acquirer (docs/payments.md, "The demo acquirer"): a process of its own, with its own port, its
 * own payment page and real HMAC-signed notifications, so the portal talks to it exactly as it would to a
 * real acquirer. Start: `node_modules/.bin/tsx app/acquirer/server.ts` (or startAcquirer in
 * start-acquirer.ts). Plain node:http and nothing of the portal's code: it stands for another company.
 */
const EnvSchema = z.object({
  ACQUIRER_PORT: z.coerce.number().int().min(1).max(65535).default(3200),
  ACQUIRER_HOST: z.string().min(1).default("127.0.0.1"),
  ACQUIRER_API_KEY: z.string().min(8).default("demo-acquirer-api-key"),
  ACQUIRER_NOTIFICATION_SECRET: z.string().min(16).default("demo-acquirer-notification-secret"),
  /** Its own address as payers reach it, for confirmationUrl. Default http://localhost:<port>. */
  ACQUIRER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The test switches under /__control/ (control.ts); on in the demo, off anywhere else. */
  ACQUIRER_CONTROL: z.enum(["on", "off"]).default("on"),
  /** Set by startAcquirer: stop when the parent's end of standard input closes, i.e. the parent died. */
  ACQUIRER_STOP_WITH_PARENT: z.enum(["on", "off"]).default("off"),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`demo acquirer: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;
const publicUrl = withSlash(env.ACQUIRER_PUBLIC_URL ?? `http://localhost:${env.ACQUIRER_PORT}`);

const behaviour = new Behaviour();
const notifier = new Notifier(env.ACQUIRER_NOTIFICATION_SECRET, behaviour);
const payments = new Payments(new PaymentStore(), notifier, behaviour, new FiscalRegister());

const server = createServer((req, res) => {
  const started = Date.now();
  // startAcquirer polls /healthz while it waits: not worth a line each.
  if (pathOf(req) !== "/healthz") res.on("finish", () => log(req, res, started));
  route(req, res).catch((error: unknown) => {
    console.error(
      `demo acquirer: ${req.method} ${pathOf(req)} failed: ${error instanceof Error ? error.message : "?"}`,
    );
    if (!res.headersSent) sendJson(res, 500, { error: "internal" });
    else res.destroy();
  });
});
server.headersTimeout = 10_000;
server.requestTimeout = 30_000;

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://acquirer.invalid");
  const path = url.pathname;
  if (path === "/healthz") return sendJson(res, 200, { status: "ok", pid: process.pid });
  if (path.startsWith("/v1/"))
    return handleApi({ payments, behaviour, apiKey: env.ACQUIRER_API_KEY, publicUrl }, req, res, path);
  if (path.startsWith("/pay/")) return handlePaymentPage({ payments, publicUrl }, req, res, path);
  if (env.ACQUIRER_CONTROL === "on" && path.startsWith("/__control/")) {
    return handleControl({ behaviour, payments, notifier }, req, res, url);
  }
  sendJson(res, 404, { error: "not-found" });
}

/** Method, path (no query string), status and time; the path holds only a payment id, never card data. */
function log(req: IncomingMessage, res: ServerResponse, started: number) {
  console.log(`${new Date().toISOString()} ${req.method} ${pathOf(req)} ${res.statusCode} ${Date.now() - started}ms`);
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0]!;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  payments.stop();
  notifier.stop();
  server.close(() => process.exit(0));
  // Held requests (statusAnswer "hang") and idle keep-alive connections must not delay the exit.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
if (env.ACQUIRER_STOP_WITH_PARENT === "on") {
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
}

server.on("error", (error) => {
  console.error(`demo acquirer: cannot listen on ${env.ACQUIRER_HOST}:${env.ACQUIRER_PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(env.ACQUIRER_PORT, env.ACQUIRER_HOST, () => {
  console.log(
    `demo acquirer listening on http://${env.ACQUIRER_HOST}:${env.ACQUIRER_PORT} (payment pages at ${publicUrl}, control ${env.ACQUIRER_CONTROL})`,
  );
});
