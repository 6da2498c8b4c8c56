import type { ResourceLanguage } from "i18next";

const files = import.meta.glob<Record<string, unknown>>("../../locales/*/*.json", {
  import: "default",
});

/** Loads one language's namespaces (each a separate small chunk). */
export async function loadLanguage(language: string): Promise<ResourceLanguage> {
  const bundle: ResourceLanguage = {};
  await Promise.all(
    Object.entries(files)
      // Mail texts are written on the server only.
      .filter(([file]) => file.includes(`/locales/${language}/`) && !file.endsWith("/mail.json"))
      .map(async ([file, load]) => {
        const namespace = /\/([a-z-]+)\.json$/.exec(file)?.[1];
        if (namespace) bundle[namespace] = await load();
      }),
  );
  return bundle;
}
