// The lexicon's hot path: a matcher answers only "matched or not", reading keyword occurrences from
// the shared TextScan instead of searching the text itself, and stopping at the first counted hit.
// compileMatcher (matcher.ts) stays the plain reference; tests/engine/analysis/fastMatcher.test.ts
// checks that both give the same answer for every intent of the real lexicon.
import type { MatcherDef } from '../scenario/schema.ts';
import type { TextFeatures } from './types.ts';
import type { CompiledMatcher } from './matcher.ts';
import { compileRegex, negationOf } from './matcher.ts';
import { builtinRegex } from './builtinLexicons.ts';
import type { KeywordSet, Need, TextScan } from './keywordScan.ts';
import { NEED_ANY, NEED_NEGATED, NEED_NOT_NEGATED } from './keywordScan.ts';
import { normalize } from './normalize.ts';
import type { GateTable } from './regexGate.ts';
import { gateOf } from './regexGate.ts';

/** `scan` has already scanned `f.normalized` (and the lexicon's GateTable is prepared with it). */
export type FastMatcher = (scan: TextScan, f: TextFeatures) => boolean;

const NEEDS: Record<NonNullable<MatcherDef['negation']>, Need> = {
  exclude: NEED_NOT_NEGATED,
  require: NEED_NEGATED,
  ignore: NEED_ANY,
};

function anyOf(ids: number[], need: Need): FastMatcher {
  return (s) => {
    for (const id of ids) if (s.has(id, need)) return true;
    return false;
  };
}

function allOf(ids: number[], need: Need): FastMatcher {
  return (s) => {
    for (const id of ids) if (!s.has(id, need)) return false;
    return true;
  };
}

function nOf(ids: number[], n: number, need: Need): FastMatcher {
  return (s) => {
    let found = 0;
    for (let k = 0; k < ids.length; k++) {
      if (s.has(ids[k]!, need) && ++found >= n) return true;
      // the rest cannot make up the difference
      if (found + (ids.length - k - 1) < n) return false;
    }
    return found >= n;
  };
}

/** Where String.prototype.matchAll resumes after an empty match under the u flag. */
function advance(text: string, index: number): number {
  const c = text.codePointAt(index);
  return index + (c !== undefined && c > 0xffff ? 2 : 1);
}

function regexOf(re: RegExp, need: Need): FastMatcher {
  return (s, f) => {
    const text = f.normalized;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (need === NEED_ANY) return true;
      if (s.negated(m.index, m.index + m[0].length) === (need === NEED_NEGATED)) return true;
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex);
    }
    return false;
  };
}

export interface CompiledFastMatcher {
  test: FastMatcher;
  /**
   * Keyword ids of which at least one must occur in the text for `test` to pass (any, all and
   * n-of matchers), so the lexicon can skip the matcher when the scan found none of them; null
   * when the matcher can pass without any (regex, similarity, an empty or zero-count list).
   */
  requires: readonly number[] | null;
  /**
   * For a regex matcher: its sets in the lexicon's GateTable, of which the text must hold a
   * character each for `test` to pass (see regexGate.ts); null when it must always run.
   */
  gate: Int32Array | null;
}

/**
 * The fast form of `def`. `reference` is the same matcher compiled by compileMatcher, which has
 * already validated `def`; similarity matchers have no keywords to share and simply delegate to it.
 */
export function compileFastMatcher(def: MatcherDef, keywords: KeywordSet, reference: CompiledMatcher, gates: GateTable): CompiledFastMatcher {
  const need = NEEDS[negationOf(def)];
  const ids = (words: readonly string[]) => words.map((w) => keywords.add(normalize(w)));
  let base: FastMatcher;
  let requires: number[] | null = null;
  let gate: Int32Array | null = null;
  if (def.any !== undefined) base = anyOf((requires = ids(def.any)), need);
  else if (def.all !== undefined) base = allOf((requires = ids(def.all)), need);
  else if (def.nOf !== undefined) {
    requires = ids([...new Set(def.nOf.of)]);
    base = nOf(requires, def.nOf.n, need);
    if (def.nOf.n <= 0) requires = null;
  } else if (def.regex !== undefined || def.builtin !== undefined) {
    // a built-in list is compiled exactly as its detector compiles it (builtinLexicons.ts)
    const re = def.builtin === undefined ? compileRegex(def.regex ?? '', 'regex', 'gu') : builtinRegex(def.builtin);
    base = regexOf(re, need);
    gate = gates.add(gateOf(re));
  }
  else base = (_s, f) => reference(f).matched;
  if (requires !== null && requires.length === 0) requires = null;
  if (def.unless === undefined) return { test: base, requires, gate };
  const unless = compileRegex(def.unless, 'unless regex');
  return { test: (s, f) => base(s, f) && !unless.test(f.normalized), requires, gate };
}
