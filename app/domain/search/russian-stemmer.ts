/*
 * The Snowball stemmer for Russian (M. Porter's algorithm), so that «школа», «школу» and «школы»
 * meet at one stem. Input is lower-case with ё already folded to е.
 */

const VOWELS = "аеиоуыэюя";
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

const PERFECTIVE_GERUND_1 = ["вшись", "вши", "в"]; // after а or я
const PERFECTIVE_GERUND_2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
const ADJECTIVE = [
  "ими",
  "ыми",
  "его",
  "ого",
  "ему",
  "ому",
  "ее",
  "ие",
  "ые",
  "ое",
  "ей",
  "ий",
  "ый",
  "ой",
  "ем",
  "им",
  "ым",
  "ом",
  "их",
  "ых",
  "ую",
  "юю",
  "ая",
  "яя",
  "ою",
  "ею",
];
const PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"]; // after а or я
const PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
const REFLEXIVE = ["ся", "сь"];
const VERB_1 = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"]; // after а or я
const VERB_2 = [
  "ейте",
  "уйте",
  "ила",
  "ыла",
  "ена",
  "ите",
  "или",
  "ыли",
  "ило",
  "ыло",
  "ено",
  "ует",
  "уют",
  "ены",
  "ить",
  "ыть",
  "ишь",
  "ей",
  "уй",
  "ил",
  "ыл",
  "им",
  "ым",
  "ен",
  "ят",
  "ит",
  "ыт",
  "ую",
  "ю",
];
const NOUN = [
  "иями",
  "ями",
  "ами",
  "ией",
  "иям",
  "ием",
  "иях",
  "ев",
  "ов",
  "ие",
  "ье",
  "еи",
  "ии",
  "ей",
  "ой",
  "ий",
  "ям",
  "ем",
  "ам",
  "ом",
  "ах",
  "ях",
  "ию",
  "ью",
  "ия",
  "ья",
  "а",
  "е",
  "и",
  "й",
  "о",
  "у",
  "ы",
  "ь",
  "ю",
  "я",
];
const SUPERLATIVE = ["ейше", "ейш"];
const DERIVATIONAL = ["ость", "ост"];

const byLength = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
const SORTED = {
  gerund1: byLength(PERFECTIVE_GERUND_1),
  gerund2: byLength(PERFECTIVE_GERUND_2),
  adjective: byLength(ADJECTIVE),
  participle1: byLength(PARTICIPLE_1),
  participle2: byLength(PARTICIPLE_2),
  reflexive: byLength(REFLEXIVE),
  verb1: byLength(VERB_1),
  verb2: byLength(VERB_2),
  noun: byLength(NOUN),
  superlative: byLength(SUPERLATIVE),
  derivational: byLength(DERIVATIONAL),
};

/** Index where RV starts: after the first vowel. */
function regionRV(word: string): number {
  for (let i = 0; i < word.length; i++) if (isVowel(word[i])) return i + 1;
  return word.length;
}

/** Index where R1 (from `from`) starts: after the first non-vowel that follows a vowel. */
function regionR(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** The longest ending of `list` that lies within [start…]; for preceded endings, after а or я. */
function findEnding(word: string, start: number, list: string[], precededByAYa = false): string | null {
  for (const ending of list) {
    if (!word.endsWith(ending)) continue;
    const at = word.length - ending.length;
    if (at < start) continue;
    if (precededByAYa) {
      const before = word[at - 1];
      if (at - 1 < start || (before !== "а" && before !== "я")) continue;
    }
    return ending;
  }
  return null;
}

/** Removes the longest of two ending groups (the first needing а/я before it); true if removed. */
function removeGrouped(state: { word: string }, rv: number, group1: string[], group2: string[]): boolean {
  const a = findEnding(state.word, rv, group1, true);
  const b = findEnding(state.word, rv, group2);
  const ending = a && b ? (a.length >= b.length ? a : b) : (a ?? b);
  if (!ending) return false;
  state.word = state.word.slice(0, -ending.length);
  return true;
}

export function stemRussian(input: string): string {
  const state = { word: input.replace(/ё/g, "е") };
  if (state.word.length < 3) return state.word;
  const rv = regionRV(state.word);
  const r1 = regionR(state.word, 0);
  const r2 = regionR(state.word, r1);

  // Step 1.
  if (!removeGrouped(state, rv, SORTED.gerund1, SORTED.gerund2)) {
    const reflexive = findEnding(state.word, rv, SORTED.reflexive);
    if (reflexive) state.word = state.word.slice(0, -reflexive.length);
    const adjective = findEnding(state.word, rv, SORTED.adjective);
    if (adjective) {
      state.word = state.word.slice(0, -adjective.length);
      removeGrouped(state, rv, SORTED.participle1, SORTED.participle2);
    } else if (!removeGrouped(state, rv, SORTED.verb1, SORTED.verb2)) {
      const noun = findEnding(state.word, rv, SORTED.noun);
      if (noun) state.word = state.word.slice(0, -noun.length);
    }
  }

  // Step 2.
  if (state.word.endsWith("и") && state.word.length - 1 >= rv) state.word = state.word.slice(0, -1);

  // Step 3.
  const derivational = findEnding(state.word, r2, SORTED.derivational);
  if (derivational) state.word = state.word.slice(0, -derivational.length);

  // Step 4.
  if (state.word.endsWith("нн") && state.word.length - 2 >= rv) {
    state.word = state.word.slice(0, -1);
  } else {
    const superlative = findEnding(state.word, rv, SORTED.superlative);
    if (superlative) {
      state.word = state.word.slice(0, -superlative.length);
      if (state.word.endsWith("нн")) state.word = state.word.slice(0, -1);
    } else if (state.word.endsWith("ь") && state.word.length - 1 >= rv) {
      state.word = state.word.slice(0, -1);
    }
  }
  return state.word;
}
