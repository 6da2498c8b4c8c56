import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { createRequestListener } from "@react-router/node";
import { RouterContextProvider, type ServerBuild } from "react-router";
import { clientAddressContext } from "~/server/client-address.server";
import { isCrossOriginWrite } from "~/server/origin-check.server";
import { logger } from "~/server/logger.server";
import { serveStaticFile } from "~/server/static-files.server";

/*
 * The production HTTP server: static files from the client build, everything else through React
 * Router. Plain node:http, because the SSR is the expensive part and a framework in front of it
 * only adds cost (STACK.md).
 */
/** The largest request body accepted: a step of a form with several documents. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export function createPortalServer(options: { buildDir: string; build: ServerBuild; mode: string }): Server {
  const clientRoot = path.resolve(options.buildDir, "client");
  const handle = createRequestListener({
    build: options.build,
    mode: options.mode,
    getLoadContext: (_request, client) => {
      const context = new RouterContextProvider();
      context.set(clientAddressContext, client.address);
      return context;
    },
  });

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      // Path only: query strings may carry what a person typed.
      const pathname = (req.url ?? "/").split("?")[0];
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
      res.end(
        "Request too large: attach files of at most 10 MB each, fewer at a time / Слишком большой запрос: прикрепляйте файлы не больше 10 МБ, по нескольку за раз",
      );
      req.resume();
      return;
    }
    serveStaticFile(clientRoot, req, res)
      .then((served) => (served ? undefined : handle(req, res)))
      .catch((error: unknown) => {
        logger.error({ err: error, requestId }, "unhandled request error");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
        }
        res.end("Internal error / Внутренняя ошибка");
      });
  });
}
