import { z } from "zod";

export const LANGUAGES = ["ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ru";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A text the portal shows in both of its languages; content is incomplete without either. */
export const LocalizedSchema = z.object({
  ru: z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof LocalizedSchema>;

export function pick(text: Localized, language: Language): string {
  return text[language];
}
