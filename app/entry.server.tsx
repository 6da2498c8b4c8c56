import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import type { EntryContext, HandleErrorFunction, RouterContextProvider } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { I18nextProvider } from "react-i18next";
import { handleWantsClientCode } from "~/components/client-code";
import { NonceContext } from "~/components/nonce";
import { getInstance } from "~/i18n/i18n.server";
import { prisma } from "~/db/prisma.server";
import { sqliteConnectionOf } from "~/db/sqlite-adapter.server";
import { startNotificationMailer } from "~/mail/notification-mail.server";
import { startRetentionPurge } from "~/domain/applications/retention.server";
import { startScheduledSubmissions } from "~/domain/enrollment/scheduled-submission.server";
import { startOfferMailer } from "~/mail/offer-mail.server";
import { startReceiptMailer } from "~/mail/receipt-mail.server";
import { startPaymentReconciler } from "~/domain/payments/payments.server";
import { acquirerSettings, env, publicUrl } from "~/env.server";
import { paymentContext } from "~/server/payments.server";
import { logger } from "~/platform/logger.server";
import { closeMailTransport } from "~/platform/mail.server";
import { CACHEABLE_PAGE_HEADER } from "~/server/page-cache.server";
import { applySecurityHeaders, createNonce } from "~/server/security-headers.server";

export const streamTimeout = 5_000;

// The HTTP server sets the client's address on this very key (see client-address.server.ts).
export { clientAddressContext } from "~/server/client-address.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = createNonce();
  // A page without client code allows no script at all, and may be kept in the page cache for
  // visitors who are not signed in (the cache checks that and drops this header).
  const page = routerContext.staticHandlerContext.matches.at(-1)?.route.id;
  const scripts = handleWantsClientCode(page ? routerContext.routeModules[page]?.handle : undefined);
  applySecurityHeaders(responseHeaders, scripts ? nonce : null, env().NODE_ENV === "development", [
    acquirerSettings().pageOrigin,
  ]);
  if (!scripts) responseHeaders.set(CACHEABLE_PAGE_HEADER, "1");

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";

    let timeoutId: ReturnType<typeof setTimeout> | undefined;

    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={getInstance(loadContext)}>
        <NonceContext.Provider value={nonce}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timeoutId);
          timeoutId = undefined;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "streaming render failed");
        },
      },
    );
    // Set after abort exists, so a throw above never leaves a timer that calls an undefined abort.
    timeoutId = setTimeout(() => abort(), streamTimeout + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // A 4xx answer (a POST to a page without a form, an unknown URL) is the client's mistake, not
  // the portal's: logging it as an error would let anyone flood the error log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logger.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
};

/**
 * Work the server does besides answering requests, started once by app/start.ts: the
 * mailer that sends the e-mail copy of every notification (it lives in the server build because
 * mail texts are bundled there), the hourly retention purge of personal data, and the scheduled
 * first-grade submissions sent at their stage's opening instant. Stopping them also closes the kept
 * SMTP connections.
 */
/**
 * Whether the database answers, for the health check that the HTTP edge answers itself
 * (http-server.server.ts): one statement on the process's connection, no route, no rendering.
 */
export async function databaseAnswers(): Promise<boolean> {
  try {
    const connection = await sqliteConnectionOf(prisma);
    return (await connection.read(() => connection.statement("SELECT 1 AS ok").get())) !== undefined;
  } catch (error) {
    logger.error({ err: error }, "health check: database unavailable");
    return false;
  }
}

export function startBackgroundJobs(): () => void {
  const stops = [
    startNotificationMailer(prisma, publicUrl()),
    startRetentionPurge(prisma),
    startScheduledSubmissions(prisma),
    // Payments whose outcome is not known yet are asked about until it is (docs/payments.md).
    startPaymentReconciler(paymentContext(), (error) =>
      logger.error({ err: error instanceof Error ? error.name : "unknown" }, "payment reconciler pass failed"),
    ),
    startReceiptMailer(prisma, publicUrl()),
    startOfferMailer(prisma, publicUrl()),
  ];
  return () => {
    stops.forEach((stop) => stop());
    closeMailTransport();
  };
}
