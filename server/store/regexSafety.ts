// Author regexes run on the server's main thread against every trainee reply, so a pattern that
// backtracks super-linearly (`(\d+)+q`: 43 s on 33 characters) freezes the whole server. This check
// rejects such patterns wherever the server accepts scenario files (check:scenarios, the library at
// start, studio publish and export). It lives in store/, not engine/, because the engine is bundled
// into the web client and scslre, refa and regexpp (~1.2 MB unminified) must not be: the client cannot import store/ (lint).
import { RegExpParser } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';
// refa comes with scslre (its dependency, same lockfile); it decides whether two alternatives overlap.
import { JS, NFA } from 'refa';
import { analyse } from 'scslre';
import type { Report } from 'scslre';
import type { Bundle, Diagnostic, Lexicon, MatcherDef, Scenario, SourceMap } from '../engine/index.ts';
import { compileRegex } from '../engine/analysis/matcher.ts';
import { childNodes as children, exponentialAmbiguity } from './regexAmbiguity.ts';
import { forEachMatcher, reporter } from '../engine/scenario/checkWalk.ts';
import type { JsonPath } from '../engine/scenario/sourceMap.ts';

const parser = new RegExpParser({ ecmaVersion: 2025 });
const WHITESPACE = /^\s$/u;
/** refa gives up (and we accept the pattern) past this many automaton nodes: keeps the check fast. */
const MAX_NODES = 10_000;

/** 2^8 tries per start position at most: bounded repeats of overlapping alternatives below this are cheap. */
const MAX_BOUNDED_OVERLAP = 8;
/** Alternatives of one repeated group compared pairwise at most (the library's most: 1). */
const MAX_REPEATED_ALTERNATIVES = 64;
const TOO_BIG = 'too-big';
const TOO_BIG_MESSAGE = 'this pattern is too big to check that it runs fast on every reply; split it into several smaller matchers';
/** Repeats (`*`, `+`, `{m,n}` with n > 1) in one pattern at most: the library's most is 27. */
const MAX_REPEATS = 32;

function countRepeats(node: AST.Node): number {
  let n = node.type === 'Quantifier' && node.max > 1 ? 1 : 0;
  for (const child of children(node)) n += countRepeats(child);
  return n;
}
/** `(.*a){3}` is cheap on 2,000 characters, `(.*a){12}` is not: see judge(). */
const MAX_NESTED_REPEATS = 3;

/**
 * normalize() collapses every run of whitespace to one character, so a repeat that can only be
 * made to backtrack on a run of whitespace (`\s*(元|块)?\s*`, 24 patterns of the shipped library)
 * never sees more than one such character. Measured: those patterns take < 0.1 ms on any
 * normalised 2,000-character reply (raw, uncollapsed, the worst is cubic: 36 ms at 200 spaces).
 */
function onlyWhitespace(report: Report): boolean {
  let seen = 0;
  for (const { min, max } of report.character.set.ranges) {
    seen += max - min + 1;
    if (seen > 64) return false; // \s has 25 code points; a bigger set holds other characters
    for (let c = min; c <= max; c++) if (!WHITESPACE.test(String.fromCodePoint(c))) return false;
  }
  return true;
}

function describe(report: Report): string {
  const run = `a run of "${report.character.pick}"`;
  if (report.type === 'Self') return `nested repetition \`${report.parentQuant.raw}\` (${run}); rewrite it without a repeat inside a repeat`;
  if (report.type === 'Trade') {
    return `\`${report.startQuant.raw}\` and \`${report.endQuant.raw}\` can both match ${run}; rewrite it so that no two repeats can take the same characters`;
  }
  return `\`${report.quant.raw}\` (${run})`;
}

/**
 * `(a|a)*`, `(?:好(?:的|\S))+`: two alternatives of a group inside a repeat that match the same text
 * double the work per round. scslre misses these, and the ambiguity test cannot see them (refa merges
 * the two edges into one). Each pair is compared, so a group of more than MAX_REPEATED_ALTERNATIVES
 * inside a repeat is too big to check (`too-big`): 300 took 0.4 s of the server's one thread.
 */
function overlappingAlternatives(pattern: AST.Pattern, flags: AST.Flags): string | undefined {
  let found: string | undefined;
  let refa: JS.Parser | undefined;
  const visit = (node: AST.Node, repeat: AST.Quantifier | undefined): void => {
    if (found !== undefined) return;
    const inside = repeat ?? (node.type === 'Quantifier' && node.max > MAX_BOUNDED_OVERLAP ? node : undefined);
    if (inside && (node.type === 'Group' || node.type === 'CapturingGroup')) {
      const alts = node.alternatives;
      if (alts.length > MAX_REPEATED_ALTERNATIVES) {
        found = TOO_BIG;
        return;
      }
      if (alts.length >= 2) {
        refa ??= JS.Parser.fromAst({ pattern, flags });
        const nfas = alts.map((alt) => automaton(refa as JS.Parser, alt));
        for (let i = 0; i < alts.length && found === undefined; i++) {
          for (let j = i + 1; j < alts.length && found === undefined; j++) {
            if (overlap(nfas[i], nfas[j])) found = `the alternatives \`${alts[i]?.raw}\` and \`${alts[j]?.raw}\` of \`${node.raw}\` in the repeated \`${inside.raw}\` can match the same text`;
          }
        }
      }
    }
    for (const child of children(node)) visit(child, inside);
  };
  visit(pattern, undefined);
  return found;
}

function automaton(refa: JS.Parser, alt: AST.Alternative): NFA | undefined {
  try {
    // Lookarounds ignored and backreferences dropped: an overlap is then judged on what is consumed.
    const { expression, maxCharacter } = refa.parseElement(alt, { assertions: 'ignore', backreferences: 'disable', maxNodes: MAX_NODES });
    return NFA.fromRegex(expression, { maxCharacter });
  } catch {
    return undefined; // too big to decide: left to scslre
  }
}

function overlap(a: NFA | undefined, b: NFA | undefined): boolean {
  if (!a || !b) return false;
  try {
    const both = NFA.fromIntersection(a, b);
    both.withoutEmptyWord();
    return !both.isEmpty;
  } catch {
    return false;
  }
}

/**
 * Why the pattern is unsafe, in plain words, or undefined. `flags` are the matcher's ('gu' for
 * regex, 'u' for unless); the pattern is checked exactly as compileRegex prepares and compiles it.
 */
export function regexSafetyProblem(source: string, flags: string): string | undefined {
  // The library is loaded again for every listing (every 2 s under load) and the lexicon for each
  // scenario: remember verdicts. Bounded, as studio drafts bring new patterns.
  const key = `${flags}/${source}`;
  if (verdicts.has(key)) {
    // Least recently used go first: the library's patterns, asked for at every listing, stay.
    const known = verdicts.get(key);
    verdicts.delete(key);
    verdicts.set(key, known);
    return known;
  }
  if (verdicts.size >= MAX_VERDICTS) {
    let drop = MAX_VERDICTS / 4;
    for (const old of verdicts.keys()) {
      if (drop-- <= 0) break;
      verdicts.delete(old);
    }
  }
  let verdict: string | undefined;
  try {
    verdict = judge(source, flags);
  } catch (err) {
    // V8 compiles groups nested thousands deep; the analysers walk them recursively and run out of stack.
    if (!(err instanceof RangeError)) throw err;
    verdict = TOO_BIG_MESSAGE;
  }
  verdicts.set(key, verdict);
  return verdict;
}

const verdicts = new Map<string, string | undefined>();
const MAX_VERDICTS = 4096;

function judge(source: string, flags: string): string | undefined {
  let re: RegExp;
  try {
    re = compileRegex(source, 'regex', flags);
  } catch {
    return undefined; // does not compile: the compile check reports it
  }
  const pattern = parser.parsePattern(re.source, undefined, undefined, { unicodeSets: re.flags.includes('v'), unicode: re.flags.includes('u') });
  const parsedFlags = parser.parseFlags(re.flags);
  const literal = { pattern, flags: parsedFlags };
  // scslre compares repeats pairwise, on the server's one thread: 20 repeats in a row took 0.3 s, 150 took 5.5 s.
  if (countRepeats(pattern) > MAX_REPEATS) return TOO_BIG_MESSAGE;
  // scslre's own heuristic (is there a suffix that makes the match fail?) is right for anchored
  // patterns like the library's `^(?:[\s\S]*?(?:\?+|吗…)){3}` (0.1 ms on any 2,000 characters) but
  // lets `(.*a){12}` through, measured at 0.83 s per reply ({20}: 49 s). So: everything it reports
  // by default, and, assuming a failing suffix, repeats around a repeat allowing more than
  // MAX_NESTED_REPEATS rounds ({4}: 10 ms, {6}: 38 ms) or chains of that many trading repeats.
  const bad = analyse(literal).reports.filter((r) => r.type !== 'Move' && (r.exponential || !onlyWhitespace(r)));
  if (bad.length === 0) {
    const assumed = analyse(literal, { assumeRejectingSuffix: true }).reports.filter((r) => r.type !== 'Move' && !onlyWhitespace(r));
    const nested = assumed.filter((r) => r.type === 'Self' && r.parentQuant.max > MAX_NESTED_REPEATS);
    const chain = new Set(assumed.flatMap((r) => (r.type === 'Trade' ? [r.startQuant, r.endQuant] : [])));
    bad.push(...(chain.size > MAX_NESTED_REPEATS ? assumed.filter((r) => r.type === 'Trade') : nested));
  }
  // Move reports (one unbounded repeat re-tried from each start) are at most quadratic: accepted.
  const worst = bad.find((r) => r.exponential) ?? bad[0];
  if (worst) return `this pattern can take ${worst.exponential ? 'exponential' : 'polynomial (super-linear)'} time on some replies: ${describe(worst)}`;
  // The bounded ambiguity test first: a pattern too big for it is refused before the pairwise one.
  const ambiguity = exponentialAmbiguity(pattern, parsedFlags);
  if (ambiguity === 'too-big') return TOO_BIG_MESSAGE;
  const alternatives = overlappingAlternatives(pattern, parsedFlags);
  if (alternatives === TOO_BIG) return TOO_BIG_MESSAGE;
  if (alternatives !== undefined) return `this pattern can take exponential time on some replies: ${alternatives}; make the alternatives exclusive (e.g. \`(a|a)*\` -> \`a*\`)`;
  if (ambiguity === 'exponential') {
    return 'this pattern can take exponential time on some replies: a repeated part can split the same text in more than one way (like `(a|aa)*`, where "aaa" is a+a+a, a+aa or aa+a); rewrite it so that any text can be matched only one way (`a*`)';
  }
  return undefined;
}

/** regex runs with 'g' (every hit is collected), unless with none: see matcher.ts. */
function checkMatcher(m: MatcherDef, path: JsonPath, report: (path: JsonPath, message: string) => void): void {
  for (const [key, flags] of [['regex', 'gu'], ['unless', 'u']] as const) {
    const source = m[key];
    const problem = source === undefined ? undefined : regexSafetyProblem(source, flags);
    if (problem !== undefined) report([...path, key], `${key}: ${problem}`);
  }
}

export function checkScenarioRegexSafety(scenario: Scenario, map: SourceMap, path: string): Diagnostic[] {
  const r = reporter(map, path);
  forEachMatcher(scenario, (m, at) => checkMatcher(m, at, r.at));
  return r.diagnostics;
}

export function checkLexiconRegexSafety(lexicon: Lexicon, map: SourceMap, path: string): Diagnostic[] {
  const r = reporter(map, path);
  for (const [id, intent] of Object.entries(lexicon.intents)) intent.match.forEach((m, i) => checkMatcher(m, ['intents', id, 'match', i], r.at));
  return r.diagnostics;
}

/**
 * The first unsafe pattern of a stored bundle (a scenario published from the studio, or stored with
 * a session), or undefined: a bundle saved before this check existed is checked when it is opened.
 */
export function bundleRegexProblem(bundle: Bundle): string | undefined {
  let problem: string | undefined;
  const note = (_path: JsonPath, message: string) => (problem ??= message);
  forEachMatcher(bundle.scenario, (m, at) => checkMatcher(m, at, note));
  for (const [id, intent] of Object.entries(bundle.lexicon.intents)) intent.match.forEach((m, i) => checkMatcher(m, ['intents', id, 'match', i], note));
  return problem;
}
