import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import path from "node:path";
import { createRequestListener } from "@mjackson/node-fetch-server";
import compression from "compression";
import { createRequestHandler, RouterContextProvider, type RouterContext, type ServerBuild } from "react-router";
import { env } from "~/env.server";
import { clientAddressOf, parseTrustedProxies } from "~/server/client-address.server";
import { isCrossOriginWrite } from "~/server/origin-check.server";
import { logger } from "~/platform/logger.server";
import { DOCUMENT_UPLOAD_RULES } from "~/domain/uploads/upload-rules";
import { Admission } from "~/server/admission.server";
import { changesPublicPages, PageCache } from "~/server/page-cache.server";
import { onSignal, signal } from "~/platform/process-signals.server";
import { STATIC_SECURITY_HEADERS } from "~/server/security-headers.server";
import { serveStaticFile } from "~/server/static-files.server";

/*
 * The production HTTP server: static files from the client build, everything else through React
 * Router. Plain node:http, because the SSR is the expensive part and a framework in front of it
 * only adds cost (docs/decisions/0005-plain-node-http-server.md).
 */
/** The largest request body accepted: a step of a form with several documents. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/*
 * How long a client may take: to send its request headers, and its whole request (a form with
 * documents of up to 64 MB on a slow line). A request that announces more body than it sends is
 * cut off then instead of holding a connection (and the parser waiting on it) for minutes.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export type PortalServerOptions = {
  buildDir: string;
  build: ServerBuild;
  mode: string;
  /** Defaults to HEADERS_TIMEOUT_MS; tests pass small values. */
  headersTimeoutMs?: number;
  /** Defaults to REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** Defaults to PAGE_CACHE_MS. */
  pageCacheMs?: number;
  /** Defaults to REQUESTS_AT_ONCE. */
  requestsAtOnce?: number;
};

/** The largest body read whole before its request joins the line (a form; not a file). */
const BODY_READ_BEFORE_THE_LINE = 64 * 1024;

/**
 * The request with its body read: the same request to the router, its body replayed from memory.
 * Null when the client left before sending all of it (the server's timeouts end a slow one).
 */
function bodyOf(req: IncomingMessage): Promise<IncomingMessage | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      const replay = Readable.from(chunks, { objectMode: false });
      resolve(
        Object.assign(replay, {
          method: req.method,
          url: req.url,
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          socket: req.socket,
        }) as unknown as IncomingMessage,
      );
    });
    req.once("error", () => resolve(null));
    req.once("close", () => {
      if (!req.complete) resolve(null);
    });
  });
}

/*
 * The health check (liveness and readiness in one: the process answers and its database does) is
 * answered here, outside the line and without the router: it tells how long a turn of the event
 * loop takes, not how long the line is, and at the opening of enrollment a thousand of them on
 * fresh connections cost next to nothing (docs/decisions/0036).
 */
const HEALTH_PATH = "/healthz";

function answerHealth(res: ServerResponse, databaseAnswers: () => Promise<boolean>): Promise<void> {
  return databaseAnswers().then((ok) => {
    res.statusCode = ok ? 200 : 503;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.end(JSON.stringify(ok ? { status: "ok", database: "ok" } : { status: "error", database: "unavailable" }));
  });
}

/*
 * With several server processes (app/start.ts) each keeps its own page cache: a back-office
 * write through one drops its pages and, by a signal, every other process's.
 */
const PAGES_CHANGED = "pages-changed";

export function createPortalServer(options: PortalServerOptions): Server {
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
  const clientRoot = path.resolve(options.buildDir, "client");
  // The build's own context key: the routes read that one, not this file's copy of the module.
  const entry = options.build.entry.module as {
    clientAddressContext?: RouterContext<string>;
    databaseAnswers?: () => Promise<boolean>;
  };
  const { clientAddressContext, databaseAnswers } = entry;
  if (!clientAddressContext) throw new Error("the server build does not export clientAddressContext");
  if (!databaseAnswers) throw new Error("the server build does not export databaseAnswers");
  const trustedProxies = parseTrustedProxies(env().TRUSTED_PROXIES);
  const handleRequest = createRequestHandler(options.build, options.mode);
  const pages = new PageCache(options.pageCacheMs ?? env().PAGE_CACHE_MS);
  const stopHearing = onSignal(PAGES_CHANGED, () => pages.clear());
  const forgetPages = () => signal(PAGES_CHANGED);
  const admission = new Admission(options.requestsAtOnce ?? env().REQUESTS_AT_ONCE);
  const handle = createRequestListener(async (request, client) => {
    const context = new RouterContextProvider();
    context.set(
      clientAddressContext,
      clientAddressOf(client.address, request.headers.get("x-forwarded-for") ?? undefined, trustedProxies),
    );
    const key = pages.keyOf(request);
    if (key === null) {
      const response = await handleRequest(request, context);
      if (changesPublicPages(request.method, new URL(request.url).pathname)) forgetPages();
      return response;
    }
    return (await pages.answer(key, request)) ?? pages.keep(key, await handleRequest(request, context));
  });

  // Pages and data compressed as they stream (brotli at quality 4, else gzip): a village on shared
  // 10 Mbit/s Wi-Fi gets a page in a fifth of the bytes. Static files come precompressed and are
  // left alone (they carry Content-Encoding already).
  const compress = compression({ threshold: 1024 });

  const serverOptions = {
    headersTimeout,
    requestTimeout,
    // Node checks the two timeouts only this often (30 s by default): often enough to keep them.
    connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
  const server = createServer(serverOptions, (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader("X-Request-Id", requestId);
    // On every answer, whoever writes it: pages, data requests, resource routes, static files and
    // the plain-text errors below. A route's own headers of the same name win.
    for (const [name, value] of STATIC_SECURITY_HEADERS) res.setHeader(name, value);
    res.on("finish", () => {
      // Path only: query strings may carry what a person typed.
      const pathname = loggedPath((req.url ?? "/").split("?")[0] ?? "/");
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { requestId, method: req.method, path: pathname, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    if (isCrossOriginWrite(req.method, req.headers)) {
      res.statusCode = 403;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Forbidden: cross-origin request / Запрос с другого сайта отклонён");
      return;
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      // Larger than any form with its documents can be: refused before it is read into memory.
      res.statusCode = 413;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.setHeader("Connection", "close");
      const max = DOCUMENT_UPLOAD_RULES.maxSizeMb;
      res.end(
        `Request too large: attach files of at most ${max} MB each, fewer at a time / Слишком большой запрос: прикрепляйте файлы не больше ${max} МБ, по нескольку за раз`,
      );
      req.resume();
      return;
    }
    const answer = (request: IncomingMessage = req) =>
      new Promise<void>((done) => compress(req as never, res as never, () => done(handle(request, res))));
    const inLine = (request: IncomingMessage = req) =>
      new Promise<void>((done, failed) => {
        const lane = req.method === "GET" || req.method === "HEAD" ? "page" : "form";
        const place = admission.enter(() => void answer(request).then(done, failed), lane);
        res.once("close", () => {
          place.cancel();
          place.leave();
          done();
        });
      });
    serveStaticFile(clientRoot, req, res)
      .then(async (served) => {
        if (served) return;
        const url = req.url ?? "/";
        if (url.split("?")[0] === HEALTH_PATH) return answerHealth(res, databaseAnswers);
        if (req.method !== "GET" && req.method !== "HEAD") {
          // A body is read before its request joins the line, so a client sending slowly holds no
          // slot. A body too large to keep in memory meanwhile (an upload) is read by its route,
          // outside the line, as before there was one.
          const declared = Number(req.headers["content-length"] ?? NaN);
          if (!(declared <= BODY_READ_BEFORE_THE_LINE)) return answer();
          const arrived = await bodyOf(req);
          return arrived ? inLine(arrived) : undefined;
        }
        const key = pages.keyFor({
          method: req.method,
          path: url,
          cookie: req.headers.cookie,
          language: req.headers["accept-language"],
        });
        // A kept page costs next to nothing: it is answered at once rather than after the line,
        // from Node's own request (a page that expired meanwhile is rendered, in the line).
        if (key !== null && pages.holds(key) && (await pages.send(key, req, res))) return;
        return inLine();
      })
      .catch((error: unknown) => {
        logger.error({ err: error, requestId }, "unhandled request error");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
        }
        res.end("Internal error / Внутренняя ошибка");
      });
  });
  server.on("close", stopHearing);
  return server;
}

/**
 * The path as the log keeps it: a utility account's number (ЕЛС) names a flat and its payer, so it is written as
 * the route's parameter instead (docs/personal-data.md).
 */
export function loggedPath(pathname: string): string {
  return pathname.replace(/^\/cabinet\/payments\/(?!receipts\/|return\/)[^/]+/, "/cabinet/payments/:els");
}
