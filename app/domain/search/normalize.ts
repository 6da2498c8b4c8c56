import type { Language } from "~/domain/i18n/localized";
import { stemEnglish } from "./english-stemmer";
// The Snowball Russian stemmer as a maintained package: it agrees with the Snowball reference on
// every word of its vocabulary (stemmers.test.ts), which our own port did not.
import { stemmer as stemRussian } from "@orama/stemmers/russian";

/*
 * Turning text into comparable words: lower case, ё → е, punctuation away, stop words away,
 * each word with its stem.
 */

const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  ru: new Set(
    "в во на и или для по о об обо с со к ко за из у от до как что это мне меня мой моя моего моей мои нас наш наша не ни же ли бы а но то так где когда какой какие чтобы".split(
      " ",
    ),
  ),
  en: new Set(
    "the a an of for to in on at by my our your how and or is are be with from into i me we do can get what which".split(
      " ",
    ),
  ),
};

export type Token = { word: string; stem: string };

export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е");
}

/** Words of a text: runs of letters or digits in either alphabet. */
export function words(text: string): string[] {
  return normalizeText(text).match(/[a-zа-я0-9]+/g) ?? [];
}

function stemFor(word: string): string {
  if (/^[0-9]+$/.test(word)) return word;
  return /[а-я]/.test(word) ? stemRussian(word) : stemEnglish(word);
}

/**
 * Words with stems, stop words of the language dropped. The stemmer follows the word's alphabet,
 * not the interface language, so «ЖКУ» typed in the English interface still stems as Russian.
 */
export function tokenize(text: string, language: Language): Token[] {
  const stop = STOP_WORDS[language];
  return words(text)
    .filter((word) => !stop.has(word) && !STOP_WORDS.ru.has(word) && !STOP_WORDS.en.has(word))
    .map((word) => ({ word, stem: stemFor(word) }));
}
