import { useTranslation } from "react-i18next";
import { Form, Link, useLocation } from "react-router";
import type { Language } from "~/domain/i18n/localized";
import { LANGUAGES } from "~/domain/i18n/localized";
import { WORKPLACE_PATHS, type HeaderLinks } from "~/domain/navigation/workplaces";

const LANGUAGE_NAMES: Record<Language, string> = { ru: "Русский", en: "English" };

export function SiteHeader({
  language,
  vision,
  signedIn,
  unread,
  links = { workplaces: [], resident: true },
}: {
  language: string;
  vision: boolean;
  signedIn: boolean;
  unread: number;
  /** Which links a signed-in person gets: their workplaces (staff) and the resident's own. */
  links?: HeaderLinks;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  // The box shows the query only on the results page; elsewhere it starts empty. Keyed by it, so
  // that with JavaScript (no page load between pages) the field is drawn afresh on every page.
  const query = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-x-4 gap-y-1 px-4 pt-2 text-sm">
        <Form method="post" action="/preferences/vision" reloadDocument>
          <input type="hidden" name="redirectTo" value={here} />
          <input type="hidden" name="vision" value={vision ? "standard" : "high"} />
          <button type="submit" className="rounded px-1 py-1 text-brand-700 underline hover:text-brand-900">
            {vision ? t("layout.visionOff") : t("layout.visionOn")}
          </button>
        </Form>
        <Form method="post" action="/preferences/language" reloadDocument aria-label={t("layout.language")}>
          <input type="hidden" name="redirectTo" value={here} />
          <ul className="flex gap-1">
            {LANGUAGES.map((code) => (
              <li key={code}>
                <button
                  type="submit"
                  name="lng"
                  value={code}
                  lang={code}
                  aria-current={code === language ? "true" : undefined}
                  className={
                    code === language
                      ? "rounded bg-brand-600 px-2 py-1 font-semibold text-white"
                      : "rounded px-2 py-1 text-brand-700 underline hover:bg-brand-50"
                  }
                >
                  {LANGUAGE_NAMES[code]}
                </button>
              </li>
            ))}
          </ul>
        </Form>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 pt-2 pb-4">
        <Link to="/" className="flex items-center gap-3 no-underline">
          <span
            data-decorative
            aria-hidden="true"
            className="grid size-10 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white"
          >
            58
          </span>
          <span className="leading-tight">
            <span className="block text-lg font-bold text-brand-900">{t("layout.portalName")}</span>
            <span className="block text-sm text-muted">{t("layout.portalTagline")}</span>
          </span>
        </Link>
        <Form method="get" action="/search" role="search" className="flex min-w-0 flex-1 basis-64 gap-2">
          <label htmlFor="site-search" className="sr-only">
            {t("layout.searchLabel")}
          </label>
          <input
            key={`${location.pathname}?${query}`}
            id="site-search"
            type="search"
            name="q"
            defaultValue={query}
            placeholder={t("layout.searchPlaceholder")}
            className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2"
          />
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            {t("layout.searchButton")}
          </button>
        </Form>
        {signedIn ? (
          <nav aria-label={t("layout.accountNav")} className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {links.workplaces.map((workplace) => (
              <Link
                key={workplace}
                to={WORKPLACE_PATHS[workplace]}
                className="font-semibold text-brand-700 underline hover:text-brand-900"
                data-testid={`workplace-${workplace}`}
              >
                {t(`layout.workplaces.${workplace}`)}
              </Link>
            ))}
            {links.resident && (
              <>
                <Link
                  to="/cabinet/applications"
                  className="font-semibold text-brand-700 underline hover:text-brand-900"
                >
                  {t("layout.applications")}
                </Link>
                <Link
                  to="/cabinet/notifications"
                  className="font-semibold text-brand-700 underline hover:text-brand-900"
                  data-testid="notifications-link"
                >
                  {t("layout.notifications")}
                  {unread > 0 && (
                    <span
                      className="ml-1 rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white"
                      data-testid="unread"
                    >
                      {unread}
                      <span className="sr-only"> {t("layout.unread", { count: unread })}</span>
                    </span>
                  )}
                </Link>
              </>
            )}
            <Link to="/cabinet" className="font-semibold text-brand-700 underline hover:text-brand-900">
              {t("layout.cabinet")}
            </Link>
          </nav>
        ) : (
          <Link to="/login" className="font-semibold text-brand-700 underline hover:text-brand-900">
            {t("layout.signIn")}
          </Link>
        )}
      </div>
    </header>
  );
}
