import { createInstance, type i18n } from "i18next";
import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { RemixI18Next } from "remix-i18next/server";
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
const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
});

/*
 * One i18next instance per language for the whole process, not one per request as remix-i18next's
 * middleware makes: creating and initialising an instance with every namespace took ~6% of a busy
 * process at the opening of enrollment, for every request, form posts included
 * (docs/decisions/0037). Every resource is in memory and nothing on the server changes an
 * instance's language, so requests in the same language share one safely.
 */
const instances = new Map<string, Promise<i18n>>();
function instanceFor(language: string): Promise<i18n> {
  let instance = instances.get(language);
  if (!instance) {
    const created = createInstance({ ...i18nOptions, resources });
    instance = created.init({ lng: language }).then(() => created);
    instances.set(language, instance);
  }
  return instance;
}

const languageContext = createContext<string>();
const instanceContext = createContext<i18n>();

export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const language = await detector.getLocale(request);
  context.set(languageContext, language);
  context.set(instanceContext, await instanceFor(language));
  return next();
};

export const getLanguage = (context: Readonly<RouterContextProvider>): string => context.get(languageContext);
export const getInstance = (context: Readonly<RouterContextProvider>): i18n => context.get(instanceContext);

/** The language of this request, as the portal's Language type. */
export function requestLanguage(context: Parameters<typeof getLanguage>[0]): Language {
  const language = getLanguage(context);
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
