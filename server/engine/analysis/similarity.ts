// Character-bigram Dice coefficient: robust to word order changes and typos in short Chinese
// replies, where word segmentation would cost far more than it buys.
import { normalize } from './normalize.ts';

export type Bigrams = Map<string, number>;

// Punctuation, spaces and emoticon symbols carry no meaning for "is this the same reply".
const NOISE = /[\p{P}\p{S}\s]/gu;

/** The characters similarity compares: the text without noise. */
function meaningfulChars(normalized: string): string[] {
  return Array.from(normalized.replace(NOISE, ''));
}

/** The multiset of units compared: bigrams, or single characters for one-character texts. */
export function bigramsOf(normalized: string, unigrams = false): Bigrams {
  return unitsOf(meaningfulChars(normalized), unigrams);
}

function unitsOf(chars: readonly string[], unigrams: boolean): Bigrams {
  const grams: Bigrams = new Map();
  const step = unigrams || chars.length < 2 ? 1 : 2;
  for (let i = 0; i + step <= chars.length; i++) {
    const g = step === 1 ? chars[i]! : chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function total(g: Bigrams): number {
  let n = 0;
  for (const v of g.values()) n += v;
  return n;
}

/** Dice over two unit multisets; 1 when both are empty (nothing differs). */
export function dice(a: Bigrams, b: Bigrams): number {
  const na = total(a);
  const nb = total(b);
  if (na === 0 && nb === 0) return 1;
  let shared = 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return (2 * shared) / (na + nb);
}

/** True when the text is short enough that both sides must be compared by single characters. */
export function isShort(normalized: string): boolean {
  return meaningfulChars(normalized).length < 2;
}

/** Similarity in [0, 1] of two texts after normalisation; symmetric, 1 for identical texts. */
export function similarity(a: string, b: string): number {
  const na = normalize(a);
  const nb = normalize(b);
  if (na === nb) return 1;
  const unigrams = isShort(na) || isShort(nb);
  return dice(bigramsOf(na, unigrams), bigramsOf(nb, unigrams));
}

/**
 * One text prepared for similarity(): normalised once, its units built on first use. Comparing
 * prepared keys gives exactly similarity() of the texts, without normalising both sides again.
 */
export interface SimilarityKey {
  readonly normalized: string;
  readonly chars: readonly string[];
  bi?: Bigrams;
  uni?: Bigrams;
}

export function similarityKey(text: string): SimilarityKey {
  return similarityKeyOfNormalized(normalize(text));
}

/**
 * similarityKey() of a text that is normalize()'s output already: normalize() is idempotent, so
 * normalising it again (about a tenth of a step) would give the same key.
 */
export function similarityKeyOfNormalized(normalized: string): SimilarityKey {
  return { normalized, chars: meaningfulChars(normalized) };
}

function unitsOfKey(k: SimilarityKey, unigrams: boolean): Bigrams {
  if (unigrams || k.chars.length < 2) return (k.uni ??= unitsOf(k.chars, true));
  return (k.bi ??= unitsOf(k.chars, false));
}

/** How many units unitsOfKey(k, unigrams) holds (the Dice denominator), without building them. */
function unitCount(k: SimilarityKey, unigrams: boolean): number {
  const n = k.chars.length;
  return unigrams || n < 2 ? n : n - 1;
}

/**
 * similarity(a, b) >= threshold for prepared texts, with the same floating-point result as
 * similarity(). Texts whose sizes alone keep Dice below the threshold are refused before any unit
 * is built: shared units never exceed the smaller side, and dividing by the same positive
 * denominator keeps that bound in floating point too.
 */
export function similarAtLeast(a: SimilarityKey, b: SimilarityKey, threshold: number): boolean {
  if (a.normalized === b.normalized) return 1 >= threshold;
  const unigrams = a.chars.length < 2 || b.chars.length < 2;
  const na = unitCount(a, unigrams);
  const nb = unitCount(b, unigrams);
  if (na !== 0 || nb !== 0) {
    if ((2 * Math.min(na, nb)) / (na + nb) < threshold) return false;
  }
  return dice(unitsOfKey(a, unigrams), unitsOfKey(b, unigrams)) >= threshold;
}
