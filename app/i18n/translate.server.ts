import { createInstance, type TFunction } from "i18next";
import type { Language } from "~/domain/i18n/localized";
import { i18nOptions } from "~/i18n/config";
import { resources } from "~/i18n/resources.server";

/*
 * A translator for one language outside a request's rendering: e-mails are written in the
 * recipient's language, not the language of whoever triggered them.
 */
const translators = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nOptions, ns: [...i18nOptions.ns, "mail"], lng: language, resources, initAsync: false });
    t = instance.t;
    translators.set(language, t);
  }
  return t;
}
