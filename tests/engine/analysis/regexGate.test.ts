// regexGate.ts lets the hot path skip a regex over a reply lacking characters every match must
// consume. A wrong gate skips a regex that would have matched and silently misjudges the reply, so:
//  - gateOf() on each piece of u-mode syntax, with the exact gate (or none) it must give;
//  - the i flag: every character gateOf() accepts case-insensitively, checked against V8's own
//    case folding over the whole of Unicode (BMP and plane 1 in full, the rest sampled);
//  - soundness: for every regex of the shipped library (intents, scenarios, detector and contact
//    lexicons) and thousands of random regexes, on strings drawn from each regex's own syntax tree
//    (so that most of them match) plus the reply corpus, a match implies the gate passes, both on
//    the text as given and as normalize() makes it; GateTable answers exactly as the sets do;
//  - the compiled lexicon (gated) answers as every matcher run in full (ungated), for the shipped
//    lexicons and for random lexicons of random regexes.
// The engine with gates switched off altogether is compared in regexGate.ungated.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';
import { describe, expect, it } from 'vitest';
import { GateTable, gateOf } from '../../../server/engine/analysis/regexGate.ts';
import { compileRegex } from '../../../server/engine/analysis/matcher.ts';
import type { TextFeatures } from '../../../server/engine/analysis/index.ts';
import { analyzeText, compileLexicon, compileMatcher, normalize } from '../../../server/engine/analysis/index.ts';
import { intentDef, lexiconSchema } from '../../../server/engine/scenario/schema.ts';
import type { IntentDef } from '../../../server/engine/scenario/schema.ts';
import * as conduct from '../../../server/engine/analysis/conductLexicon.ts';
import * as contact from '../../../server/engine/analysis/contactLexicon.ts';
import * as promise from '../../../server/engine/analysis/promiseLexicon.ts';
import * as rude from '../../../server/engine/analysis/rudeLexicon.ts';
import * as negationLexicon from '../../../server/engine/analysis/negationLexicon.ts';
import { benchReplies } from '../../../server/cli/benchReplies.ts';
import { bargainer } from '../library/lexicon.rows.bargainer.ts';
import { greetingAndClose } from '../library/lexicon.rows.courtesy.ts';
import { phisher } from '../library/lexicon.rows.phisher.ts';
import { postSale } from '../library/lexicon.rows.postSale.ts';
import { sizeHesitant } from '../library/lexicon.rows.sizeHesitant.ts';
import { randomStream } from '../../../server/engine/session/prng.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

/** The gate as strings (one per set, its units in order), sorted: order of the sets is a cost choice. */
function gate(source: string, flags = 'u'): string[] | null {
  const g = gateOf(new RegExp(source, flags));
  return g === null ? null : g.map((units) => String.fromCharCode(...units)).sort();
}

/** Does `text` hold a unit of every set of `g`? */
function holds(g: readonly (readonly number[])[], text: string): boolean {
  const units = new Set<number>();
  for (let i = 0; i < text.length; i++) units.add(text.charCodeAt(i));
  return g.every((set) => set.some((u) => units.has(u)));
}


class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = randomStream(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// The library: corpus and regexes

const scenariosDir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scriptsDir = fileURLToPath(new URL('../../scenarios/scripts/', import.meta.url));
const globalIntents = lexiconSchema.parse(parse(readFileSync(`${scenariosDir}intents.yaml`, 'utf8'))).intents;
const scenarioFiles = readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml') && f !== 'intents.yaml');
const scenarioDocs = scenarioFiles.map((f) => parse(readFileSync(`${scenariosDir}${f}`, 'utf8')) as Record<string, unknown>);

function hanStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (/\p{Script=Han}/u.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) hanStrings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) hanStrings(v, out);
  return out;
}

/** Every `regex:` and `unless:` of a matcher anywhere in a scenario or lexicon document. */
function matcherRegexes(value: unknown, out: { regex: string[]; unless: string[] }): typeof out {
  if (Array.isArray(value)) for (const v of value) matcherRegexes(v, out);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.regex === 'string') out.regex.push(o.regex);
    if (typeof o.unless === 'string') out.unless.push(o.unless);
    for (const v of Object.values(o)) matcherRegexes(v, out);
  }
  return out;
}

const scripts = readdirSync(scriptsDir).flatMap((p) =>
  readdirSync(`${scriptsDir}${p}`).map((f) => JSON.parse(readFileSync(`${scriptsDir}${p}/${f}`, 'utf8')) as unknown));
const rows = [...bargainer, ...greetingAndClose, ...phisher, ...postSale, ...sizeHesitant].map((r) => r[0]);
const corpus = [...new Set([...rows, ...benchReplies, ...hanStrings(scenarioDocs, []), ...hanStrings(scripts, [])])];
const normalizedCorpus = [...new Set(corpus.map(normalize))];

interface LibraryRegex {
  where: string;
  re: RegExp;
  /** run by the engine over normalised text (scenario and intent matchers) */
  engine: boolean;
}

const library: LibraryRegex[] = [];
{
  const docs: [string, unknown][] = [['intents.yaml', parse(readFileSync(`${scenariosDir}intents.yaml`, 'utf8'))], ...scenarioFiles.map((f, i): [string, unknown] => [f, scenarioDocs[i]])];
  for (const [file, doc] of docs) {
    const { regex, unless } = matcherRegexes(doc, { regex: [], unless: [] });
    // exactly as compileFastMatcher / compileMatcher compile them
    for (const s of regex) library.push({ where: `${file} regex`, re: compileRegex(s, 'regex', 'gu'), engine: true });
    for (const s of unless) library.push({ where: `${file} unless`, re: compileRegex(s, 'unless regex'), engine: true });
  }
  // The analysis lexicons: every exported pattern, alone and (for lists) joined as detectors.ts
  // joins them, with the flags detectors.ts and contacts.ts give them.
  const modules: [string, Record<string, unknown>][] = [['conductLexicon', conduct], ['contactLexicon', contact], ['promiseLexicon', promise], ['rudeLexicon', rude], ['negationLexicon', negationLexicon]];
  const add = (where: string, source: string, flags: string) => {
    try {
      library.push({ where, re: new RegExp(source, flags), engine: false });
    } catch {
      // a plain word list, not a pattern
    }
  };
  for (const [name, mod] of modules) {
    for (const [key, value] of Object.entries(mod)) {
      if (value instanceof RegExp) library.push({ where: `${name}.${key}`, re: value, engine: false });
      else if (typeof value === 'string') add(`${name}.${key}`, value, 'gu');
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        value.forEach((v: string, i) => add(`${name}.${key}[${i}]`, v, 'gdu'));
        add(`${name}.${key} joined`, value.join('|'), 'gu');
      }
    }
  }
  add('detectors APOLOGY_DECLINED', `(?:${conduct.APOLOGY_DECLINERS})$`, 'u');
  add('detectors MAYBE_PROMISE', `${promise.MARKER}|包`, 'u');
}

/** Characters to draw from where a regex allows "anything" (., negated classes, \D, \W, \P{…}). */
const POOL: string[] = (() => {
  const chars = new Set<string>([...'abcdekqsxyzABKSZ0123456789 ,.!?:;~-_@#%+=/\\\n\t', 'ß', 'ẞ', '\u212a', '\u017f', 'σ', 'ς', 'Σ', 'İ', 'ı', 'é', 'É', '😀', '😁', '👍', '𐐀', '𐐨', '\ud83d', '\ude00']);
  const han = new Map<string, number>();
  for (const { re } of library) for (const c of re.source) if (/\p{Script=Han}/u.test(c)) han.set(c, (han.get(c) ?? 0) + 1);
  // the Han characters the library's patterns use most, and some it does not use
  for (const [c] of [...han].sort((a, b) => b[1] - a[1]).slice(0, 160)) chars.add(c);
  for (const c of '们说给个那问有下行要吧到运发能没还在换鞋点买以哦可么家接看收时再脚话双后来会出都天单加价开') chars.add(c);
  return [...chars];
})();

// ---------------------------------------------------------------------------------------------
// Strings a regex matches, drawn from its syntax tree (regexpp: a parser independent of regexGate)

const regexpp = new RegExpParser({ ecmaVersion: 2025 });

/** The single characters `c` that `ch` matches case-insensitively, as far as we need them. */
function caseVariants(ch: string): string[] {
  const v = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
  if (/^[ks]$/iu.test(ch)) v.add(/k/i.test(ch) ? '\u212a' : '\u017f');
  if (ch === '\u212a') v.add('k').add('K');
  if (ch === '\u017f') v.add('s').add('S');
  return [...v].filter((x) => [...x].length === 1);
}

type AnyNode = AST.Node;

class Sampler {
  private readonly ast: AST.Pattern;
  private readonly flags: string;
  private readonly ignoreCase: boolean;
  private readonly poolCache = new Map<string, string[]>();
  private caps = new Map<AnyNode, string>();

  constructor(
    re: RegExp,
    private readonly r: Random,
  ) {
    this.ast = regexpp.parsePattern(re.source, undefined, undefined, { unicode: re.unicode, unicodeSets: re.flags.includes('v') });
    this.ignoreCase = re.ignoreCase;
    this.flags = re.flags.replace(/[gyd]/g, '');
  }

  sample(): string {
    this.caps = new Map();
    return this.node(this.ast);
  }

  /** Pool characters matching `raw` (a class, an escape or '.') under the regex's flags. */
  private poolFor(raw: string): string[] {
    let list = this.poolCache.get(raw);
    if (list === undefined) {
      const re = new RegExp(`^(?:${raw})$`, this.flags);
      list = POOL.filter((c) => re.test(c));
      this.poolCache.set(raw, list);
    }
    return list;
  }

  private fromPool(raw: string): string {
    const list = this.poolFor(raw);
    return list.length === 0 ? '' : this.r.pick(list);
  }

  private char(cp: number): string {
    const ch = String.fromCodePoint(cp);
    return this.ignoreCase ? this.r.pick(caseVariants(ch)) : ch;
  }

  private node(n: AnyNode): string {
    switch (n.type) {
      case 'Pattern':
      case 'Group':
        return this.node(this.r.pick(n.alternatives));
      case 'CapturingGroup': {
        const s = this.node(this.r.pick(n.alternatives));
        this.caps.set(n, s);
        return s;
      }
      case 'Alternative':
        return n.elements.map((e) => this.node(e)).join('');
      case 'Character':
        return this.char(n.value);
      case 'CharacterClassRange':
        return this.char(n.min.value + this.r.int(n.max.value - n.min.value + 1));
      case 'CharacterSet':
        return this.fromPool(n.raw);
      case 'CharacterClass': {
        if (n.negate || n.elements.length === 0 || this.r.chance(0.2)) return this.fromPool(n.raw);
        return this.node(this.r.pick(n.elements as AnyNode[]));
      }
      case 'Quantifier': {
        const max = Math.min(n.max, n.min + 2);
        const k = n.min + this.r.int(max - n.min + 1);
        let s = '';
        for (let i = 0; i < k; i++) s += this.node(n.element);
        return s;
      }
      case 'Assertion':
        if (n.kind === 'lookbehind' && !n.negate) return this.node(this.r.pick(n.alternatives));
        // what a lookahead sees is what follows: sometimes put it there, sometimes leave it to chance
        if (n.kind === 'lookahead' && !n.negate && this.r.chance(0.5)) return this.node(this.r.pick(n.alternatives));
        return '';
      case 'Backreference': {
        const groups = (Array.isArray(n.resolved) ? n.resolved : [n.resolved]) as AnyNode[];
        for (const g of groups) {
          const s = this.caps.get(g);
          if (s !== undefined) return s;
        }
        return '';
      }
      default:
        return this.fromPool(n.raw);
    }
  }
}

/** Strings for `re`: samples of it, alone, amid noise, spliced into replies, cut, paired. */
function stringsFor(re: RegExp, r: Random, n: number): string[] {
  const sampler = new Sampler(re, r);
  const noise = () => Array.from({ length: r.int(4) }, () => r.pick(POOL)).join('');
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const s = sampler.sample();
    switch (k % 6) {
      case 0:
        out.push(s);
        break;
      case 1:
        out.push(noise() + s + noise());
        break;
      case 2: {
        const at = r.int(s.length + 1);
        out.push(s.slice(0, at) + s.slice(at + 1 + r.int(2)));
        break;
      }
      case 3: {
        const a = r.pick(normalizedCorpus);
        const at = r.int(a.length + 1);
        out.push(a.slice(0, at) + s + a.slice(at));
        break;
      }
      case 4: {
        const at = r.int(s.length + 1);
        out.push(s.slice(0, at) + noise() + s.slice(at));
        break;
      }
      default:
        out.push(s + sampler.sample());
    }
  }
  return out;
}

interface Failure {
  source: string;
  flags: string;
  text: string;
  gate: number[][];
}

/**
 * Runs `re` (anywhere in the text: g and y dropped, so every start position counts) on each text
 * and checks that a match implies the gate; `table` must answer exactly as the sets do.
 */
function check(re: RegExp, texts: Iterable<string>, table: GateTable, stats: { pairs: number; matches: number; gatedMatches: number }, failures: Failure[]): void {
  const g = gateOf(re);
  const id = table.add(g);
  const anywhere = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  for (const text of texts) {
    stats.pairs++;
    const matched = anywhere.test(text);
    const passes = g === null || holds(g, text);
    if (table.mayMatch(id, text) !== passes) failures.push({ source: `GateTable disagrees: ${re.source}`, flags: re.flags, text, gate: g ?? [] });
    if (!matched) continue;
    stats.matches++;
    if (g !== null) stats.gatedMatches++;
    if (!passes) failures.push({ source: re.source, flags: re.flags, text, gate: g! });
  }
}

// ---------------------------------------------------------------------------------------------
// Random regexes

const RANDOM_CHARS = [...'我不了您亲包邮运费抱歉码微信退款qq', ...'aksKSz09', 'ß', '\u212a', '\u017f', 'σ', 'Σ', 'İ', 'é', '😀', '😁', '𐐀', '𐐨', '-', ' ', ',', '.', '?', '\n'];
const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

function escapeChar(ch: string, r: Random): string {
  const cp = ch.codePointAt(0)!;
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  switch (r.int(8)) {
    case 0:
      return `\\u{${hex(cp, 1)}}`;
    case 1:
      if (cp > 0xffff) return `\\u${hex(ch.charCodeAt(0), 4)}\\u${hex(ch.charCodeAt(1), 4)}`;
      return `\\u${hex(cp, 4)}`;
    case 2:
      return cp < 0x100 ? `\\x${hex(cp, 2)}` : ch;
    default:
      if (SYNTAX_CHARS.includes(ch)) return `\\${ch}`;
      if (ch === '\n') return r.chance(0.5) ? '\\n' : '\\cJ';
      return ch;
  }
}

const CLASS_EXTRAS = ['\\d', '\\s', '\\w', '\\D', '\\p{Script=Han}', '\\P{L}', 'a-f', '0-9', 'A-Z', '\\u4e00-\\u4e10', '\\u{1F600}-\\u{1F64F}', '\\b', '\\cJ', '\\0', '\\-', '-'];
const ESCAPES = ['\\d', '\\D', '\\s', '\\S', '\\w', '\\W', '\\p{L}', '\\P{L}', '\\p{Script=Han}', '\\p{Lu}', '.', '\\cJ', '\\0', '\\t', '\\x41', '\\u{1F600}', '\\uD83D\\uDE00', '\\.', '\\/', '\\?'];

class RegexGen {
  private groups = 0;
  private depth = 0;

  constructor(private readonly r: Random) {}

  source(): string {
    this.groups = 0;
    this.depth = 0;
    return this.disjunction();
  }

  private disjunction(): string {
    const n = this.r.chance(0.3) ? 2 + this.r.int(2) : 1;
    return Array.from({ length: n }, () => this.alternative()).join('|');
  }

  private alternative(): string {
    return Array.from({ length: this.r.int(4) + (this.depth === 0 ? 1 : 0) }, () => this.term()).join('');
  }

  private klass(): string {
    const r = this.r;
    let body = Array.from({ length: r.int(3) + 1 }, () => {
      const ch = r.pick(RANDOM_CHARS);
      return ch === '-' ? '\\-' : escapeChar(ch, r);
    }).join('');
    if (r.chance(0.3)) body += r.pick(CLASS_EXTRAS);
    if (r.chance(0.05)) body = '';
    return `[${r.chance(0.15) ? '^' : ''}${body}]`;
  }

  private atom(): string {
    const r = this.r;
    const k = r.int(20);
    if (this.depth > 2 || k < 8) return escapeChar(r.pick(RANDOM_CHARS), r);
    if (k < 11) return this.klass();
    if (k < 13) return r.pick(ESCAPES);
    if (k < 14 && this.groups > 0) {
      const n = 1 + r.int(this.groups);
      return r.chance(0.5) ? `\\${n}` : `\\k<g${n}>`;
    }
    this.depth++;
    const kind = r.int(9);
    // every group is named gN (N its number), so that \N and \k<gN> both refer to it
    const open = ['(?<g#>', '(?<g#>', '(?:', '(?:', '(?=', '(?<=', '(?!', '(?<!', '(?:'][kind]!;
    const named = open.includes('#') ? open.replace('#', String(++this.groups)) : open;
    const inner = this.disjunction();
    this.depth--;
    return `${named}${inner})`;
  }

  private term(): string {
    const r = this.r;
    if (r.chance(0.08)) return r.pick(['^', '$', '\\b', '\\B']);
    const a = this.atom();
    // no quantifier on a look-around (u mode forbids it); repeats of groups stay small so that
    // backtracking stays cheap
    if (/^\(\?<?[=!]/.test(a)) return a;
    const group = a.startsWith('(');
    const lazy = r.chance(0.3) ? '?' : '';
    const m = r.int(3);
    switch (r.int(group ? 14 : 10)) {
      case 0:
        return `${a}?${lazy}`;
      case 1:
        return group ? `${a}{0,2}${lazy}` : `${a}*${lazy}`;
      case 2:
        return group ? `${a}{1,2}${lazy}` : `${a}+${lazy}`;
      case 3:
        return `${a}{${m},${m + r.int(3)}}${lazy}`;
      case 4:
        return `${a}{${m}}${lazy}`;
      case 5:
        return group ? `${a}{${m},${m + 1}}${lazy}` : `${a}{${m},}${lazy}`;
      default:
        return a;
    }
  }
}

// ---------------------------------------------------------------------------------------------

describe('gateOf on each piece of syntax', () => {
  const KELVIN = '\u212a';
  const LONG_S = '\u017f';
  const LEAD = '\ud83d'; // lead surrogate of 😀 (U+1F600) and 😁

  const cases: [source: string, flags: string, gate: string[] | null][] = [
    // literals: one set per character, at most three, the rarest first
    ['a', 'u', ['a']],
    ['abc', 'u', ['a', 'b', 'c']],
    ['退款了', 'u', ['了', '款', '退']],
    ['我不了的', 'u', ['不', '了', '的']], // the three least frequent of four common characters
    ['aa', 'u', ['a']],
    ['中', 'iu', ['中']],
    // escapes
    ['\\u{1F600}', 'u', [LEAD]],
    ['\\uD83D\\uDE00', 'u', [LEAD]],
    ['😀', 'u', [LEAD]],
    ['\\uD83D', 'u', [LEAD]],
    ['\\uDE00', 'u', ['\ude00']],
    ['\\x41', 'u', ['A']],
    ['\\u0041', 'u', ['A']],
    ['\\u{41}', 'u', ['A']],
    ['\\cJ', 'u', ['\n']],
    ['\\cj', 'u', ['\n']],
    ['\\0', 'u', ['\0']],
    ['\\t\\n\\v', 'u', ['\t', '\n', '\v']],
    ['\\f\\r', 'u', ['\f', '\r']],
    ['\\^\\$\\\\', 'u', ['$', '\\', '^']],
    ['\\.\\*\\+', 'u', ['*', '+', '.']],
    ['\\?\\(\\)', 'u', ['(', ')', '?']],
    ['\\[\\]\\{', 'u', ['[', ']', '{']],
    ['\\}\\|\\/', 'u', ['/', '|', '}']],
    ['a/b', 'u', ['/', 'a', 'b']],
    ['\\\\b', 'u', ['\\', 'b']],
    // character classes
    ['[abc]', 'u', ['abc']],
    ['[a-c]', 'u', ['abc']],
    ['[a-cx]', 'u', ['abcx']],
    ['[a-]', 'u', ['-a']],
    ['[-a]', 'u', ['-a']],
    ['[\\-a]', 'u', ['-a']],
    ['[--/]', 'u', ['-./']],
    ['[\\b]', 'u', ['\b']],
    ['[\\cJ\\0\\x41]', 'u', ['\0\nA']],
    ['[\\]\\\\]', 'u', ['\\]']],
    ['[[]', 'u', ['[']],
    ['[😀😁]', 'u', [LEAD]],
    ['[\\u{1F600}-\\u{1F64F}]', 'u', [LEAD]],
    ['[\\uD83D\\uDE00-\\uD83D\\uDE4F]', 'u', [LEAD]],
    ['[\\uFFFF-\\u{10001}]', 'u', ['\ud800\uffff']],
    ['[\\x00-\\u01ff]', 'u', [String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i))]],
    ['[\\x00-\\u0200]', 'u', null], // wider than 512: rules nothing out
    ['[\\u4e00-\\u9fff]', 'u', null],
    ['[^a]', 'u', null],
    ['[^]', 'u', null],
    ['[]', 'u', ['']], // matches nothing: a set no text holds
    ['a[]|b', 'u', ['b']], // the first alternative cannot match
    ['[a\\d]', 'u', null],
    ['[a\\s]', 'u', null],
    ['[a\\w]', 'u', null],
    ['[a\\D]', 'u', null],
    ['[a\\p{Script=Han}]', 'u', null],
    ['[a\\P{L}]', 'u', null],
    // class escapes and the dot
    ['\\d', 'u', ['0123456789']],
    ['\\d', 'iu', ['0123456789']],
    ['\\D', 'u', null],
    ['\\s', 'u', null],
    ['\\S', 'u', null],
    ['\\w', 'u', null],
    ['\\W', 'u', null],
    ['\\p{L}', 'u', null],
    ['\\P{L}', 'u', null],
    ['\\p{Script=Han}', 'u', null],
    ['.', 'u', null],
    ['.', 'su', null],
    ['a.b', 'su', ['a', 'b']],
    // alternation
    ['a|b', 'u', ['ab']],
    ['ab|cd', 'u', ['ac']],
    ['a|', 'u', null],
    ['|a', 'u', null],
    ['a|b|', 'u', null],
    ['x(?:a|)', 'u', ['x']],
    ['x(?:a|b)', 'u', ['ab', 'x']],
    ['(?:a|b)(?:c|d)', 'u', ['ab', 'cd']],
    ['a|\\d', 'u', ['0123456789a']],
    ['a|.', 'u', null],
    // quantifiers
    ['a?', 'u', null],
    ['a??', 'u', null],
    ['a*', 'u', null],
    ['a*?', 'u', null],
    ['a+', 'u', ['a']],
    ['a+?', 'u', ['a']],
    ['a{0}', 'u', null],
    ['a{0,3}', 'u', null],
    ['a{0,}', 'u', null],
    ['a{0,3}?', 'u', null],
    ['a{1}', 'u', ['a']],
    ['a{1,3}', 'u', ['a']],
    ['a{2,}', 'u', ['a']],
    ['a{1,3}?', 'u', ['a']],
    ['😀?x', 'u', ['x']],
    ['\\uD83D\\uDE00?x', 'u', ['x']], // a surrogate pair escape is one atom: the ? covers both halves
    ['\\u{1F600}*x', 'u', ['x']],
    ['(?:ab)?c', 'u', ['c']],
    ['(?:ab)+', 'u', ['a', 'b']],
    ['(?:ab){0,2}c', 'u', ['c']],
    ['(?:a?)+b', 'u', ['b']],
    ['[ab]{0}c', 'u', ['c']],
    // groups
    ['(a)', 'u', ['a']],
    ['(?:a)', 'u', ['a']],
    ['(?<name>a)', 'u', ['a']],
    ['(?:)', 'u', null],
    ['()a', 'u', ['a']],
    ['((a))', 'u', ['a']],
    // back-references add nothing (the group they copy already counted, or matched nothing)
    ['(a)\\1', 'u', ['a']],
    ['(a?)\\1b', 'u', ['b']],
    ['(a)?\\1', 'u', null],
    ['(?<n>a)\\k<n>', 'u', ['a']],
    ['(?<n>a)?\\k<n>', 'u', null],
    ['\\1(a)', 'u', ['a']],
    // look-arounds: a positive one sees text that is there; a negative one says nothing
    ['(?=a)', 'u', ['a']],
    ['(?=a)b', 'u', ['a', 'b']],
    ['b(?<=a)', 'u', ['a', 'b']],
    ['(?<=a)b', 'u', ['a', 'b']],
    ['(?!a)b', 'u', ['b']],
    ['(?<!a)b', 'u', ['b']],
    ['(?!a)', 'u', null],
    ['(?<!a)', 'u', null],
    ['(?=a|)', 'u', null],
    ['(?=(?!a))b', 'u', ['b']],
    ['(?!(?=a))b', 'u', ['b']],
    ['(?:(?=a))?b', 'u', ['b']],
    ['(?=a)|b', 'u', ['ab']],
    // anchors and word boundaries consume nothing
    ['^a$', 'u', ['a']],
    ['^$', 'u', null],
    ['\\ba\\B', 'u', ['a']],
    ['\\b', 'u', null],
    // the i flag: ASCII letters in both cases, plus KELVIN SIGN (k) and LATIN SMALL LETTER LONG S (s)
    ['a', 'iu', ['Aa']],
    ['A', 'iu', ['Aa']],
    ['k', 'iu', [`Kk${KELVIN}`]],
    ['K', 'iu', [`Kk${KELVIN}`]],
    ['s', 'iu', [`Ss${LONG_S}`]],
    ['[a-c]', 'iu', ['ABCabc']],
    ['[jk]', 'iu', [`JKjk${KELVIN}`]],
    ['\\x4B', 'iu', [`Kk${KELVIN}`]],
    ['[A-z]', 'iu', [`ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz${LONG_S}${KELVIN}`]],
    ['1', 'iu', ['1']],
    ['-', 'iu', ['-']],
    // any other cased character gives no gate under i (its case partners are not worked out)
    ['ß', 'iu', null],
    ['ß', 'u', ['ß']],
    ['ẞ', 'iu', null],
    [KELVIN, 'iu', null],
    [KELVIN, 'u', [KELVIN]],
    [LONG_S, 'iu', null],
    ['σ', 'iu', null],
    ['ς', 'iu', null],
    ['Σ', 'iu', null],
    ['Σ', 'u', ['Σ']],
    ['İ', 'iu', null],
    ['ı', 'iu', null],
    ['é', 'iu', null],
    ['[aé]', 'iu', null],
    ['a|é', 'iu', null],
    ['xé', 'iu', ['Xx']],
    // astral characters: the lead surrogate; cased ones give nothing under i
    ['𐐀', 'u', ['\ud801']],
    ['𐐀', 'iu', null],
    ['\\u{10428}', 'iu', null],
    ['\\uD801\\uDC00', 'iu', null],
    ['😀', 'iu', [LEAD]],
    ['[😀-😂]', 'iu', [LEAD]],
    // flags: only u-mode syntax is read; m is left alone; v is not u
    ['a', '', null],
    ['a', 'i', null],
    ['a', 'mu', null],
    ['a', 'v', null],
    ['[\\p{L}--[a-z]]', 'v', null], // set syntax: compileRegex never adds v, and gateOf does not read it
    ['\\uD83D\\u{DE00}?x', 'u', ['x', LEAD]], // \u{…} does not pair: a lone lead, then an optional lone trail
    ['a', 'gdsyu', ['a']],
    // what the parser does not know gives no gate
    ['\\u{0000041}', 'u', null], // 7 hex digits: valid, not read
    [`${'('.repeat(100)}a${')'.repeat(100)}`, 'u', null], // nested too deep
    [`${'(?:'.repeat(5000)}a${')'.repeat(5000)}`, 'u', null], // would overflow the parser's stack
  ];
  it.each(cases.map(([source, flags, expected]) => ({ label: source.length > 40 ? `${source.slice(0, 12)}…(${source.length} characters)` : source, source, flags, expected })))(
    '/$label/$flags',
    ({ source, flags, expected }) => {
      expect(gate(source, flags)).toEqual(expected);
    },
  );

  it('the gate holds on texts these patterns match (and the empty class rules every text out)', () => {
    const matching: [string, string, string[]][] = [
      ['b(?<=a.)', 'u', ['ab']],
      ['(?<=a)b', 'u', ['ab', 'xab']],
      ['(?=a)\\w', 'u', ['a']],
      ['k', 'iu', ['K', '\u212a']],
      ['s', 'iu', ['S', '\u017f']],
      ['\\u{1F600}', 'u', ['😀']],
      ['x(?:a|)', 'u', ['x']],
    ];
    for (const [source, flags, texts] of matching) {
      const re = new RegExp(source, flags);
      const g = gateOf(re)!;
      for (const t of texts) {
        expect(re.test(t), `/${source}/${flags} on ${t}`).toBe(true);
        expect(holds(g, t), `/${source}/${flags} on ${t}`).toBe(true);
      }
    }
    const table = new GateTable();
    const never = table.add(gateOf(new RegExp('a[]', 'u')));
    for (const t of ['', 'a', POOL.join('')]) expect(table.mayMatch(never, t)).toBe(false);
  });

  it('never throws on a pattern V8 accepts', () => {
    const r = new Random(7);
    const gen = new RegexGen(r);
    for (let k = 0; k < 2000; k++) {
      const s = gen.source();
      for (const flags of ['u', 'iu', 'gsu', 'v', '']) {
        let re: RegExp;
        try {
          re = new RegExp(s, flags);
        } catch {
          continue;
        }
        expect(() => gateOf(re), `/${s}/${flags}`).not.toThrow();
      }
    }
  });
});

describe('gateOf and the i flag over all of Unicode', () => {
  it('a character given a gate under i folds to nothing else (V8 case folding decides)', () => {
    // Every character gateOf accepts under i, other than the ASCII letters, must match only itself
    // case-insensitively. A character that matches another one has a simple case folding that
    // differs from it, or is the folding of one that does: either way one of the pair changes when
    // case-folded (\p{Changes_When_Casefolded}, full folding, a superset). So no accepted character
    // may match [\p{CWCF}] under i.
    const accepted: string[] = [];
    const visit = (cp: number) => {
      if (cp >= 0xd800 && cp <= 0xdfff) return;
      const g = gateOf(new RegExp(`\\u{${cp.toString(16)}}`, 'iu'));
      const ch = String.fromCodePoint(cp);
      if (/^[a-z]$/i.test(ch)) return;
      if (g === null) return;
      // the gate of an accepted character is the character itself (its lead unit when astral)
      expect(g, `U+${cp.toString(16)}`).toEqual([[ch.charCodeAt(0)]]);
      accepted.push(ch);
    };
    for (let cp = 0; cp <= 0x1ffff; cp++) visit(cp);
    for (let cp = 0x20000; cp <= 0x10ffff; cp += 61) visit(cp);
    expect(accepted.length).toBeGreaterThan(100_000);
    const folding = [...accepted.join('').matchAll(/\p{Changes_When_Casefolded}/giu)].map((m) => `U+${m[0].codePointAt(0)!.toString(16)}`);
    expect(folding).toEqual([]);
    // …and the few cased characters gateOf refuses are indeed cased
    expect(accepted.some((c) => c.toLowerCase() !== c || c.toUpperCase() !== c)).toBe(false);
  });

  it('an ASCII letter matches exactly its two cases, plus KELVIN SIGN for k and LONG S for s', () => {
    let all = '';
    for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) all += String.fromCodePoint(cp);
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const re = new RegExp(letter, 'giu');
      const matched = [...all.matchAll(re)].map((m) => m[0]).join('');
      expect(gate(letter, 'iu'), letter).toEqual([[...matched].sort().join('')]);
    }
  });
});

describe('gateOf is sound: a match implies the gate', () => {
  it('for every regex of the shipped library, on replies and on strings drawn from each regex', () => {
    expect(library.length).toBeGreaterThan(150);
    expect(normalizedCorpus.length).toBeGreaterThan(500);
    const r = new Random(20251125);
    const table = new GateTable();
    const stats = { pairs: 0, matches: 0, gatedMatches: 0 };
    const failures: Failure[] = [];
    let gated = 0;
    for (const { re, engine } of library) {
      if (gateOf(re) !== null) gated++;
      const own = stringsFor(re, r, 60);
      // the engine runs these over normalize(reply): the sample as a reply, and as it is
      const texts = engine ? [...own, ...own.map(normalize)] : own;
      const replies = Array.from({ length: 120 }, () => r.pick(normalizedCorpus));
      check(re, [...texts, ...replies], table, stats, failures);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // the library is mostly gated, and the strings do reach matches of gated regexes
    expect(gated / library.length).toBeGreaterThan(0.8);
    expect(stats.pairs).toBeGreaterThan(50_000);
    expect(stats.gatedMatches).toBeGreaterThan(15_000);
  });

  it('for random regexes (literals, escapes, classes, groups, alternations, quantifiers, look-arounds, back-references)', () => {
    const r = new Random(42);
    const gen = new RegexGen(r);
    const table = new GateTable();
    const stats = { pairs: 0, matches: 0, gatedMatches: 0 };
    const failures: Failure[] = [];
    let regexes = 0;
    for (let k = 0; k < 3000; k++) {
      const source = gen.source();
      for (const flags of ['u', 'iu']) {
        let re: RegExp;
        try {
          re = new RegExp(source, flags);
        } catch {
          continue; // e.g. \k<g2> before any group gN exists, a class range out of order
        }
        regexes++;
        check(re, stringsFor(re, r, 12), table, stats, failures);
      }
      // as the engine compiles a scenario regex, over normalised text
      let engine: RegExp;
      try {
        engine = compileRegex(source, 'regex', 'gu');
      } catch {
        continue;
      }
      check(engine, stringsFor(engine, r, 6).map(normalize), table, stats, failures);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(regexes).toBeGreaterThan(5000);
    expect(stats.pairs).toBeGreaterThan(60_000);
    expect(stats.gatedMatches).toBeGreaterThan(10_000);
  });

  it('for small random regexes, on every string of up to 3 characters over their own alphabet', () => {
    const r = new Random(3);
    const gen = new RegexGen(r);
    const stats = { pairs: 0, matches: 0, gatedMatches: 0 };
    const failures: Failure[] = [];
    const table = new GateTable();
    let tried = 0;
    while (tried < 300) {
      const source = gen.source();
      if (source.length > 24) continue;
      const flags = r.pick(['u', 'iu']);
      let re: RegExp;
      try {
        re = new RegExp(source, flags);
      } catch {
        continue;
      }
      const g = gateOf(re);
      if (g === null) continue;
      tried++;
      // the characters of the gate and of samples, plus one the regex does not name
      const alphabet = new Set<string>([r.pick(POOL)]);
      for (const set of g) for (const u of set.slice(0, 2)) alphabet.add(String.fromCharCode(u));
      for (const s of stringsFor(re, r, 4)) for (const c of s) if (alphabet.size < 6) alphabet.add(c);
      const letters = [...alphabet].slice(0, 6);
      const texts = [''];
      for (let len = 1, level = ['']; len <= 3; len++) {
        level = level.flatMap((p) => letters.map((c) => p + c));
        texts.push(...level);
      }
      check(re, texts, table, stats, failures);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(stats.gatedMatches).toBeGreaterThan(2000);
  });
});

describe('GateTable answers exactly as the sets do', () => {
  it('over many gates and texts, with gates added between texts', () => {
    const r = new Random(11);
    const table = new GateTable();
    const gates: { g: number[][] | null; id: Int32Array | null }[] = [];
    const alphabet = [...'abc我不了😀\u212a\0', '\uffff'];
    const units = [...new Set(alphabet.join(''))].map((c) => c.charCodeAt(0));
    for (let k = 0; k < 3000; k++) {
      if (k % 50 === 0 || gates.length === 0) {
        const g = r.chance(0.1) ? null : Array.from({ length: 1 + r.int(3) }, () => [...new Set(Array.from({ length: r.int(3) }, () => r.pick(units)))].sort((a, b) => a - b));
        gates.push({ g, id: table.add(g) });
      }
      const text = Array.from({ length: r.int(5) }, () => r.pick(alphabet)).join('');
      for (const { g, id } of gates) expect(table.mayMatch(id, text), `${JSON.stringify(g)} on ${JSON.stringify(text)}`).toBe(g === null || holds(g, text));
    }
  });

  it('a table asked before any text is prepared lets everything through', () => {
    const table = new GateTable();
    const id = table.add([[0x61]])!;
    expect(table.passes(id)).toBe(true);
    table.prepare('b');
    expect(table.passes(id)).toBe(false);
    // a set added after a text was prepared: the text is read again before the answer
    const later = table.add([[0x62]])!;
    expect(table.passes(later)).toBe(true);
    expect(table.mayMatch(later, 'b')).toBe(true);
    expect(table.mayMatch(id, 'b')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Gated lexicon matching against every matcher run in full

/** Every matcher compiled alone (compileMatcher: no gate, no keyword scan), vetoes on raw results. */
function reference(intents: Record<string, IntentDef>): (f: TextFeatures) => string[] {
  const compiled = Object.entries(intents).map(([id, def]) => ({ id, matchers: def.match.map(compileMatcher), unless: def.unless ?? [] }));
  return (f) => {
    const raw = new Set(compiled.filter((c) => c.matchers.some((m) => m(f).matched)).map((c) => c.id));
    return compiled.filter((c) => raw.has(c.id) && !c.unless.some((u) => raw.has(u))).map((c) => c.id);
  };
}

describe('the gated lexicon answers as the ungated matchers', () => {
  const lexicons: [string, Record<string, IntentDef>][] = [
    ['intents.yaml', globalIntents],
    ...scenarioFiles.map((f, i): [string, Record<string, IntentDef>] => {
      const own = (scenarioDocs[i]!.intents ?? {}) as Record<string, unknown>;
      return [f, { ...globalIntents, ...Object.fromEntries(Object.entries(own).map(([id, d]) => [id, intentDef.parse(d)])) }];
    }),
  ];

  it('for the shipped lexicons, on strings drawn from their regex matchers', () => {
    const r = new Random(5);
    let compared = 0;
    for (const [name, intents] of lexicons) {
      const fast = compileLexicon(intents);
      const slow = reference(intents);
      // the scenario's own regexes; the global ones once, with intents.yaml
      const defs = Object.entries(intents).filter(([id]) => name === 'intents.yaml' || !(id in globalIntents) || globalIntents[id] !== intents[id]);
      const texts: string[] = [];
      for (const [, def] of defs) for (const m of def.match) if (m.regex !== undefined) texts.push(...stringsFor(compileRegex(m.regex, 'regex', 'gu'), r, name === 'intents.yaml' ? 12 : 6));
      for (const text of texts) {
        const f = analyzeText(text);
        expect(fast.match(f), text).toEqual(slow(f));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('for random lexicons of random regexes', () => {
    const r = new Random(9);
    const gen = new RegexGen(r);
    let compared = 0;
    for (let k = 0; k < 60; k++) {
      const intents: Record<string, IntentDef> = {};
      const sources: RegExp[] = [];
      for (let i = 0; i < 8; i++) {
        const match = [];
        for (let j = 0; j < 1 + r.int(2); j++) {
          const source = gen.source();
          let re: RegExp;
          try {
            re = compileRegex(source, 'regex', 'gu');
          } catch {
            continue;
          }
          sources.push(re);
          match.push({ regex: source, negation: r.pick(['exclude', 'require', 'ignore'] as const) });
        }
        if (match.length > 0) intents[`intent-${i}`] = { match };
      }
      const fast = compileLexicon(intents);
      const slow = reference(intents);
      for (const re of sources) {
        for (const text of stringsFor(re, r, 8)) {
          const f = analyzeText(text);
          expect(fast.match(f), `${text} / ${sources.map((s) => s.source).join(' ; ')}`).toEqual(slow(f));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});
