// Scenario matchers (schema.ts MatcherDef) compiled once into closures over TextFeatures.
import type { MatcherDef } from '../scenario/schema.ts';
import type { KeywordHit, TextFeatures } from './types.ts';
import { builtinRegex } from './builtinLexicons.ts';
import { findNormalized } from './keywords.ts';
import { deniedAfter, negatedBefore } from './negation.ts';
import { normalize } from './normalize.ts';
import type { Bigrams } from './similarity.ts';
import { bigramsOf, dice, isShort } from './similarity.ts';
import { toSimplified } from './tradToSimp.ts';

export type CompiledMatcher = (f: TextFeatures) => { matched: boolean; hits: KeywordHit[] };
type Counts = (h: KeywordHit) => boolean;

export const DEFAULT_SIMILARITY_THRESHOLD = 0.6;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const REGEX_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

/**
 * Authors write patterns the way they write replies; the text they run on is normalised, so the
 * pattern gets the same Traditional -> Simplified and full-width -> ASCII treatment (full-width
 * punctuation becomes the escaped ASCII character, so "？" still means a literal question mark).
 * The 'i' flag stands in for lower-casing, which would corrupt escapes such as \D or \S.
 */
export function compileRegex(source: string, what = 'regex', flags = 'u'): RegExp {
  const prepared = toSimplified(source).replace(FULL_WIDTH, (c) => {
    const ascii = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    return REGEX_SYNTAX.has(ascii) ? `\\${ascii}` : ascii;
  });
  try {
    return new RegExp(prepared, `${flags}i`);
  } catch (e) {
    throw new Error(`invalid ${what} /${source}/: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function keywordList(words: readonly string[]): { label: string; needle: string }[] {
  return words.map((label) => {
    const needle = normalize(label);
    if (needle === '') throw new Error(`keyword "${label}" is empty after normalisation`);
    return { label, needle };
  });
}

function keywordMatcher(words: readonly string[], need: (distinct: number, total: number) => boolean, counts: Counts): CompiledMatcher {
  const list = keywordList(words);
  return (f) => {
    const hits: KeywordHit[] = [];
    let distinct = 0;
    for (const { label, needle } of list) {
      const counted = findNormalized(f.normalized, needle, label).filter(counts);
      if (counted.length > 0) distinct++;
      hits.push(...counted);
    }
    return { matched: need(distinct, list.length), hits };
  };
}

function regexMatcher(re: RegExp, counts: Counts): CompiledMatcher {
  return (f) => {
    const hits: KeywordHit[] = [];
    for (const m of f.normalized.matchAll(re)) {
      const negated = negatedBefore(f.normalized, m.index) || deniedAfter(f.normalized, m.index + m[0].length);
      const hit = { keyword: m[0], index: m.index, negated };
      if (counts(hit)) hits.push(hit);
    }
    return { matched: hits.length > 0, hits };
  };
}

// One bigram multiset (and one shortness test) per analysed reply, shared by every similar-matcher
// of every intent.
const gramCache = new WeakMap<TextFeatures, { bi?: Bigrams; uni?: Bigrams; short?: boolean }>();
function gramEntry(f: TextFeatures): { bi?: Bigrams; uni?: Bigrams; short?: boolean } {
  let entry = gramCache.get(f);
  if (entry === undefined) gramCache.set(f, (entry = {}));
  return entry;
}
function gramsOf(f: TextFeatures, unigrams: boolean): Bigrams {
  const entry = gramEntry(f);
  if (unigrams) return (entry.uni ??= bigramsOf(f.normalized, true));
  return (entry.bi ??= bigramsOf(f.normalized, false));
}

function similarMatcher(examples: readonly string[], threshold: number): CompiledMatcher {
  const compiled = examples.map((label) => {
    const text = normalize(label);
    return { label, text, short: isShort(text), bi: bigramsOf(text, false), uni: bigramsOf(text, true) };
  });
  return (f) => {
    const textShort = (gramEntry(f).short ??= isShort(f.normalized));
    let best = -1;
    let bestLabel = '';
    for (const ex of compiled) {
      const uni = textShort || ex.short;
      const score = ex.text === f.normalized ? 1 : dice(gramsOf(f, uni), uni ? ex.uni : ex.bi);
      if (score > best) [best, bestLabel] = [score, ex.label];
    }
    const matched = best >= threshold;
    return { matched, hits: matched ? [{ keyword: bestLabel, index: 0, negated: false }] : [] };
  };
}

const COUNTS: Record<NonNullable<MatcherDef['negation']>, Counts> = {
  exclude: (h) => !h.negated,
  require: (h) => h.negated,
  ignore: () => true,
};

/** A built-in list carries its own exclusions and is read as its red line reads it: negation ignored. */
export function negationOf(def: MatcherDef): NonNullable<MatcherDef['negation']> {
  return def.negation ?? (def.builtin === undefined ? 'exclude' : 'ignore');
}

export function compileMatcher(def: MatcherDef): CompiledMatcher {
  const counts = COUNTS[negationOf(def)];
  const kinds = [def.any, def.all, def.nOf, def.regex, def.similar, def.builtin].filter((k) => k !== undefined).length;
  if (kinds !== 1) throw new Error('a matcher needs exactly one of any, all, nOf, regex, similar or builtin');
  let base: CompiledMatcher;
  if (def.any !== undefined) base = keywordMatcher(def.any, (d) => d >= 1, counts);
  else if (def.all !== undefined) base = keywordMatcher(def.all, (d, n) => d === n, counts);
  else if (def.nOf !== undefined) {
    const { n, of } = def.nOf;
    base = keywordMatcher([...new Set(of)], (d) => d >= n, counts);
  } else if (def.regex !== undefined) base = regexMatcher(compileRegex(def.regex, 'regex', 'gu'), counts);
  else if (def.builtin !== undefined) base = regexMatcher(builtinRegex(def.builtin), counts);
  else base = similarMatcher(def.similar ?? [], def.threshold ?? DEFAULT_SIMILARITY_THRESHOLD);
  if (def.unless === undefined) return base;
  const unless = compileRegex(def.unless, 'unless regex');
  return (f) => {
    const r = base(f);
    return r.matched && unless.test(f.normalized) ? { matched: false, hits: r.hits } : r;
  };
}
