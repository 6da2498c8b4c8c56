import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { VALIDATION_KEYS } from "~/domain/forms/form-schema";
import { i18nOptions } from "~/i18n/config";

const root = path.resolve("locales");
const load = (language: string) =>
  Object.fromEntries(
    readdirSync(path.join(root, language)).map((file) => [
      file.replace(/\.json$/, ""),
      JSON.parse(readFileSync(path.join(root, language, file), "utf8")) as Record<string, unknown>,
    ]),
  );
const resources = { ru: load("ru"), en: load("en") };

/** Keys with plural suffixes folded, so "count_few" (ru only) and "count_other" compare as "count". */
function keys(tree: Record<string, unknown>, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix + key.replace(/_(zero|one|two|few|many|other)$/, "");
    if (value && typeof value === "object")
      for (const k of keys(value as Record<string, unknown>, `${name}.`)) out.add(k);
    else out.add(name);
  }
  return out;
}

async function translator(language: "ru" | "en") {
  const i18n = createInstance();
  await i18n.init({ ...i18nOptions, lng: language, resources });
  return i18n.t;
}

describe("translations", () => {
  it("have the same namespaces and keys in Russian and English", () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.ru).sort());
    for (const namespace of Object.keys(resources.ru)) {
      expect([...keys(resources.en[namespace]!)].sort(), namespace).toEqual([...keys(resources.ru[namespace]!)].sort());
    }
  });

  it("use Russian plural forms: 1 услуга, 2 услуги, 5 услуг, 11 услуг, 21 услуга, 22 услуги", async () => {
    const t = await translator("ru");
    const forms = [1, 2, 5, 11, 21, 22].map((count) => t("catalogue:count", { count }));
    expect(forms).toEqual(["1 услуга", "2 услуги", "5 услуг", "11 услуг", "21 услуга", "22 услуги"]);
    expect(t("catalogue:deadline.days", { count: 5 })).toBe("5 рабочих дней");
    expect(t("catalogue:deadline.days", { count: 1 })).toBe("1 рабочий день");
    expect(t("catalogue:deadline.days", { count: 3 })).toBe("3 рабочих дня");
  });

  it("use English plural forms", async () => {
    const t = await translator("en");
    expect(t("catalogue:count", { count: 1 })).toBe("1 service");
    expect(t("catalogue:count", { count: 21 })).toBe("21 services");
    expect(t("catalogue:deadline.days", { count: 10 })).toBe("10 working days");
  });

  it("have a message for every error a derived form schema can produce", () => {
    for (const language of ["ru", "en"] as const) {
      const validation = keys(resources[language].validation!);
      for (const key of VALIDATION_KEYS) expect(validation.has(key), `${language}: ${key}`).toBe(true);
    }
  });
});
