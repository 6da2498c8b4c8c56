import { getOptionalUser } from "~/server/auth.server";
import { prisma } from "~/db/prisma.server";
import { countUnread } from "~/domain/applications/notifications.server";
import { SESSION_WARNING_MS, SessionTimeoutWarning } from "~/components/session-timeout-warning";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import stylesheet from "~/app.css?url";
import { needsClientCode } from "~/components/client-code";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { NavigationFocus } from "~/components/navigation-focus";
import { headerLinksFor } from "~/domain/navigation/workplaces";
import { useNonce } from "~/components/nonce";
import { getLanguage, i18nextMiddleware } from "~/i18n/i18n.server";
import { readVisionPreference } from "~/server/preferences.server";
import { demoMailboxEnabled } from "~/platform/mail.server";

export const middleware: Route.MiddlewareFunction[] = [i18nextMiddleware];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getOptionalUser(request);
  const expiresAt = user ? user.sessionExpiresAt.getTime() : null;
  return {
    language: getLanguage(context),
    vision: await readVisionPreference(request),
    signedIn: user !== null,
    // Staff get the way to their work in the header on every page (site-header.tsx).
    links: user ? headerLinksFor(user.roles) : undefined,
    unread: user ? await countUnread(prisma, user.id) : 0,
    // For the warning before the session ends (milliseconds since the epoch).
    sessionExpiresAt: expiresAt,
    sessionWarning: expiresAt !== null && expiresAt - Date.now() <= SESSION_WARNING_MS,
    // Without a mail server the portal is a demo, and says so on every page.
    demo: demoMailboxEnabled(),
  };
}

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const language = data?.language ?? i18n.language;
  const scripts = needsClientCode(useMatches());

  useEffect(() => {
    // Lets browser tests wait until React has taken over the server-rendered page.
    document.documentElement.dataset.hydrated = "true";
  }, []);

  return (
    <html lang={language} data-vision={data?.vision ? "high" : undefined} data-static={scripts ? undefined : "true"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-base">
        <a
          href="#main"
          className="sr-only z-50 bg-white px-4 py-2 font-semibold text-brand-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          {t("layout.skipToContent")}
        </a>
        <SiteHeader
          language={language}
          vision={data?.vision ?? false}
          signedIn={data?.signedIn ?? false}
          unread={data?.unread ?? 0}
          links={data?.links}
        />
        {data?.sessionExpiresAt && (
          <SessionTimeoutWarning expiresAt={data.sessionExpiresAt} warnNow={data.sessionWarning} />
        )}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:py-8">
          {data?.demo && (
            <p className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3" data-testid="demo-banner">
              {t("auth:demoMailbox.banner")}{" "}
              <a href="/dev/mailbox" className="font-semibold text-brand-700 underline">
                {t("auth:demoMailbox.link")}
              </a>
            </p>
          )}
          {children}
        </main>
        <SiteFooter />
        <NavigationFocus />
        {scripts && <ScrollRestoration nonce={nonce} />}
        {scripts && <Scripts nonce={nonce} />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 413
          ? "tooLarge"
          : status === 415
            ? "unsupportedType"
            : status >= 400 && status < 500
              ? "badRequest"
              : "server";
  return (
    <section aria-labelledby="error-title" className="max-w-2xl">
      <title>{`${t(`errors.${kind}.title`)} — ${t("layout.portalName")}`}</title>
      <p className="text-sm font-semibold text-muted">{t("errors.code", { status })}</p>
      <h1 id="error-title" className="mt-1 text-3xl font-bold">
        {t(`errors.${kind}.title`)}
      </h1>
      <p className="mt-4 text-lg">{t(`errors.${kind}.body`)}</p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-brand-600 underline">
          {t("errors.backHome")}
        </a>
      </p>
    </section>
  );
}
