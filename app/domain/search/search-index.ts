import type { Language } from "~/domain/i18n/localized";
import { tokenize } from "./normalize";

/*
 * Full-text search over the catalogue, in memory. Each query word matches a document by the best
 * of: the same stem (school/schools, школа/школу), a prefix of a word (typing in progress,
 * «многодетн»), or a word within a small edit distance (typos, «шкла»).
 *
 * Ranking: documents that match more of the query's words come first; among them, those whose
 * name (title or curated keywords) carries more of the words; then the more used services (a
 * resident typing «школа» wants first-grade enrollment, not the rarer school transfer whose title
 * happens to contain the word); then the weighted score; then the id, so order is stable.
 */

export type SearchDocument = {
  id: number;
  language: Language;
  /** How much the document is used (e.g. views per month); higher ranks first among equals. */
  rank?: number;
  fields: { title: string; keywords: string; summary: string; description: string; category: string };
};

const FIELD_WEIGHTS: Record<keyof SearchDocument["fields"], number> = {
  title: 5,
  keywords: 4,
  category: 2,
  summary: 2,
  description: 1,
};

/** Fields that name the service: a match there means the service *is* what was asked for. */
const NAME_FIELDS: ReadonlySet<keyof SearchDocument["fields"]> = new Set(["title", "keywords"]);

/*
 * A posting keeps the summed field weight and whether a name field contains the stem in one number
 * (weight + NAMED), so an index of thousands of services stays a map of plain numbers.
 */
const NAMED = 1_000;
const postingWeight = (value: number) => value % NAMED;
const postingNamed = (value: number) => value >= NAMED;

const MATCH_QUALITY = { stem: 1, prefix: 0.7, typo: 0.5 } as const;
const MIN_PREFIX_LENGTH = 3;
const MIN_TYPO_LENGTH = 4;

type LanguageIndex = {
  /** stem → (document id → summed weight of the fields that contain it). */
  postings: Map<string, Map<number, number>>;
  /** Every word form seen, sorted (for prefix ranges), each with its stem. */
  words: string[];
  stemOfWord: Map<string, string>;
  /** Word forms grouped by length, for typo candidates. */
  wordsByLength: Map<number, string[]>;
  rankOf: Map<number, number>;
};

export type SearchIndex = Record<Language, LanguageIndex>;

function emptyLanguageIndex(): LanguageIndex {
  return { postings: new Map(), words: [], stemOfWord: new Map(), wordsByLength: new Map(), rankOf: new Map() };
}

export function buildSearchIndex(documents: SearchDocument[]): SearchIndex {
  const index: SearchIndex = { ru: emptyLanguageIndex(), en: emptyLanguageIndex() };
  for (const document of documents) {
    const target = index[document.language];
    target.rankOf.set(document.id, document.rank ?? 0);
    const weights = new Map<string, number>();
    const named = new Set<string>();
    for (const field of Object.keys(FIELD_WEIGHTS) as (keyof SearchDocument["fields"])[]) {
      const stemsInField = new Set<string>();
      for (const token of tokenize(document.fields[field], document.language)) {
        stemsInField.add(token.stem);
        target.stemOfWord.set(token.word, token.stem);
        if (NAME_FIELDS.has(field)) named.add(token.stem);
      }
      for (const stem of stemsInField) weights.set(stem, (weights.get(stem) ?? 0) + FIELD_WEIGHTS[field]);
    }
    for (const [stem, weight] of weights) {
      let posting = target.postings.get(stem);
      if (!posting) target.postings.set(stem, (posting = new Map<number, number>()));
      posting.set(document.id, weight + (named.has(stem) ? NAMED : 0));
    }
  }
  for (const target of Object.values(index)) {
    target.words = [...target.stemOfWord.keys()].sort();
    for (const word of target.words) {
      const bucket = target.wordsByLength.get(word.length);
      if (bucket) bucket.push(word);
      else target.wordsByLength.set(word.length, [word]);
    }
  }
  return index;
}

/** Stems a query word may stand for, each with how good a match it is. */
function candidateStems(target: LanguageIndex, word: string, stem: string): Map<string, number> {
  const found = new Map<string, number>();
  const offer = (candidate: string, quality: number) => {
    if ((found.get(candidate) ?? 0) < quality) found.set(candidate, quality);
  };
  if (target.postings.has(stem)) offer(stem, MATCH_QUALITY.stem);
  const known = target.stemOfWord.get(word);
  if (known) offer(known, MATCH_QUALITY.stem);

  if (word.length >= MIN_PREFIX_LENGTH) {
    for (const other of wordsWithPrefix(target.words, word)) offer(target.stemOfWord.get(other)!, MATCH_QUALITY.prefix);
    if (stem.length >= MIN_PREFIX_LENGTH && stem !== word) {
      for (const other of wordsWithPrefix(target.words, stem))
        offer(target.stemOfWord.get(other)!, MATCH_QUALITY.prefix);
    }
  }

  // Typos only where the word matched nothing better: short words are too ambiguous for it.
  if (found.size === 0 && word.length >= MIN_TYPO_LENGTH) {
    const limit = word.length >= 7 ? 2 : 1;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const other of target.wordsByLength.get(length) ?? []) {
        if (editDistance(word, other, limit) <= limit) offer(target.stemOfWord.get(other)!, MATCH_QUALITY.typo);
      }
    }
  }
  return found;
}

function wordsWithPrefix(sorted: string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

/**
 * Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance, giving up
 * early: returns limit + 1 as soon as the distance must exceed the limit.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export function searchIndex(
  index: SearchIndex,
  query: string,
  language: Language,
  options: { limit?: number; allowedIds?: ReadonlySet<number> } = {},
): { id: number; score: number }[] {
  const target = index[language];
  const tokens = tokenize(query, language);
  const seen = new Set<string>();
  const hits = new Map<number, { coverage: number; named: number; score: number; rank: number }>();

  for (const token of tokens) {
    if (seen.has(token.word)) continue;
    seen.add(token.word);
    // Best quality × weight per document for this query word, and whether it is in the name.
    const best = new Map<number, { value: number; named: boolean }>();
    for (const [stem, quality] of candidateStems(target, token.word, token.stem)) {
      for (const [id, posting] of target.postings.get(stem) ?? []) {
        if (options.allowedIds && !options.allowedIds.has(id)) continue;
        const value = quality * postingWeight(posting);
        const previous = best.get(id);
        if (!previous) best.set(id, { value, named: postingNamed(posting) });
        else {
          previous.value = Math.max(previous.value, value);
          previous.named ||= postingNamed(posting);
        }
      }
    }
    for (const [id, match] of best) {
      const hit = hits.get(id);
      if (hit) {
        hit.coverage += 1;
        hit.named += match.named ? 1 : 0;
        hit.score += match.value;
      } else {
        hits.set(id, { coverage: 1, named: match.named ? 1 : 0, score: match.value, rank: target.rankOf.get(id) ?? 0 });
      }
    }
  }

  return [...hits.entries()]
    .sort(
      ([idA, a], [idB, b]) =>
        b.coverage - a.coverage || b.named - a.named || b.rank - a.rank || b.score - a.score || idA - idB,
    )
    .slice(0, options.limit ?? Number.POSITIVE_INFINITY)
    .map(([id, hit]) => ({ id, score: Math.round(hit.score * 1000) / 1000 }));
}
