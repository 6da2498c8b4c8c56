import { createCookie } from "react-router";
import { createI18nextMiddleware } from "remix-i18next/middleware";
import type { Language } from "~/domain/i18n/localized";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from "~/domain/i18n/localized";
import { secureCookies } from "~/env.server";
import { i18nOptions } from "~/i18n/config";
import { resources } from "~/i18n/resources.server";

/** Remembers the chosen language for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: secureCookies(),
});

// Language: ?lng=, then the cookie, then Accept-Language, then Russian.
export const [i18nextMiddleware, getLanguage, getInstance] = createI18nextMiddleware({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});

/** The language of this request, as the portal's Language type. */
export function requestLanguage(context: Parameters<typeof getLanguage>[0]): Language {
  const language = getLanguage(context);
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
