import type { InitOptions } from "i18next";
import { DEFAULT_LANGUAGE, LANGUAGES } from "~/domain/i18n/localized";

export const NAMESPACES = [
  "common",
  "catalogue",
  "validation",
  "auth",
  "profile",
  "staff",
  "applications",
  "office",
  "indicators",
  "enrollment",
  "proactive",
  "payments",
  "payments-admin",
] as const;

/** Options shared by the server's per-request instances and the browser's one. */
export const i18nOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;
