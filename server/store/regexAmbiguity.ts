// Exponential ambiguity, the cause of exponential backtracking that regexSafety's other checks miss:
// `(a|aa)*b`, `(\d|\d\d)+q`, `(好|好好)+吗`. Their alternatives never match the same text, yet a run of
// "a" splits into a's and aa's in exponentially many ways, and a backtracking engine tries each when
// the match fails. Measured: `(\d|\d\d)+q` on 40 digits takes seconds.
//
// The test is Weber and Seidl's: an automaton is exponentially ambiguous exactly when some state
// has two different paths back to itself on the same text. In the product of the automaton with
// itself (two runs reading the same characters) that is a strongly connected component holding both
// a pair where the runs agree, (q, q), and one where they differ. refa builds the automaton; it merges
// parallel edges, so `(a|a)*` looks unambiguous here: overlappingAlternatives() covers that case.
import type { AST } from '@eslint-community/regexpp';
import { JS, NFA } from 'refa';
import type { CharSet } from 'refa';

/** A repeated part of a library pattern has at most a few dozen states; far past that, it is too big to check. */
const MAX_STATES = 1500;
/** The longest repeated part accepted, in characters of pattern source (the library's longest has 61). */
const MAX_ELEMENT_CHARS = 1000;
/** Like regexSafety's MAX_BOUNDED_OVERLAP: 2^8 ways at most per start position are cheap. */
const MAX_BOUNDED_ROUNDS = 8;
/**
 * Rounds of a bounded repeat whose part has a variable length, before it is judged as unbounded: like
 * regexSafety's MAX_NESTED_REPEATS (the library's `^(?:[\s\S]*?(?:\?+|吗)){3}` has 3).
 */
const MAX_ROUNDS_OF_VARIABLE = 3;

function hasVariableRepeat(node: AST.Node): boolean {
  if (node.type === 'Quantifier' && node.max > node.min) return true;
  return childNodes(node).some(hasVariableRepeat);
}
/** Pairs of states visited at most: bounds the check's own time (a few ms per 10k) on the server. */
const MAX_PAIRS = 200_000;
/** Edge pairs compared at most, for the same reason. */
const MAX_EDGE_CHECKS = 2_000_000;

export type Ambiguity = 'exponential' | 'too-big' | undefined;

/**
 * Every cycle of the automaton runs through the loop of some repeat, and two cycles on the same
 * text stay within the outermost repeat around them: so each outermost repeat is judged alone, as
 * `(?:element)+`, and a long word list elsewhere in the pattern costs nothing here. A bounded repeat
 * that runs more than MAX_BOUNDED_ROUNDS times (counting the bounded repeats around it) is judged as
 * if unbounded: `(a|aa){0,30}` is as bad in practice (fib(30) ways to split 30 a's); one that runs
 * fewer is looked into instead (the library's anchored `^(?:[\s\S]*?(?:\?+|吗)){3}`: 0.1 ms on
 * 2,000 characters).
 */
export function exponentialAmbiguity(pattern: AST.Pattern, flags: AST.Flags): Ambiguity {
  const parser = JS.Parser.fromAst({ pattern, flags });
  const repeats: AST.Quantifier[] = [];
  // `rounds`: how often the enclosing bounded repeats run this part at most.
  const visit = (node: AST.Node, rounds: number): void => {
    // `(?:.{1,60}){1,8}x`: a few rounds, each taking a variable length, split a run in ~n^8 ways.
    const splits = node.type === 'Quantifier' && node.max > MAX_ROUNDS_OF_VARIABLE && hasVariableRepeat(node.element);
    if (node.type === 'Quantifier' && (node.max * rounds > MAX_BOUNDED_ROUNDS || splits)) {
      repeats.push(node);
      return;
    }
    const inner = node.type === 'Quantifier' ? rounds * node.max : rounds;
    for (const child of childNodes(node)) visit(child, inner);
  };
  visit(pattern, 1);
  for (const repeat of repeats) {
    const verdict = repeatAmbiguity(parser, repeat);
    if (verdict !== undefined) return verdict;
  }
  return undefined;
}

function repeatAmbiguity(parser: JS.Parser, repeat: AST.Quantifier): Ambiguity {
  // refa builds a word list's automaton in time that grows faster than the list (400 words: 0.7 s).
  if (repeat.element.raw.length > MAX_ELEMENT_CHARS) return 'too-big';
  let nfa: NFA;
  try {
    // Lookarounds ignored and backreferences dropped, as in regexSafety: judged on what is consumed.
    const { expression, maxCharacter } = parser.parseElement(repeat.element, { assertions: 'ignore', backreferences: 'disable', maxNodes: MAX_STATES * 4 });
    nfa = NFA.fromRegex(expression, { maxCharacter });
    nfa.quantify(1, Infinity);
  } catch {
    return 'too-big';
  }
  const states = [...nfa.nodes()];
  if (states.length > MAX_STATES) return 'too-big';
  const number = new Map(states.map((s, i) => [s, i]));
  const edges = states.map((s) => outEdges([...s.out].map(([to, chars]) => [number.get(to) ?? -1, chars] as const)));
  return ambiguousProduct(edges, number.get(nfa.initial) ?? 0);
}

/** The nodes a pattern node contains (regexSafety walks the same tree). */
export function childNodes(node: AST.Node): AST.Node[] {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives;
    case 'Assertion':
      return 'alternatives' in node ? node.alternatives : [];
    case 'Alternative':
      return node.elements;
    case 'Quantifier':
      return [node.element];
    default:
      return [];
  }
}

/**
 * A state's edges, those on one character apart: most edges of a word list are, and pairing two
 * states' edges by character through a map keeps a 900-word alternation to milliseconds.
 */
interface Out {
  single: Map<number, number[]>;
  sets: (readonly [number, CharSet])[];
}

function outEdges(list: readonly (readonly [number, CharSet])[]): Out {
  const out: Out = { single: new Map(), sets: [] };
  for (const [to, chars] of list) {
    const only = chars.ranges.length === 1 && chars.ranges[0]?.min === chars.ranges[0]?.max ? chars.ranges[0]?.min : undefined;
    if (only === undefined) {
      out.sets.push([to, chars]);
      continue;
    }
    const targets = out.single.get(only);
    if (targets) targets.push(to);
    else out.single.set(only, [to]);
  }
  return out;
}

/** Pairs of targets of two states' edges that can read the same character; undefined past the budget. */
function pairedTargets(a: Out, b: Out, n: number, budget: { left: number }): number[] | undefined {
  const pairs: number[] = [];
  const [small, large] = a.single.size <= b.single.size ? [a, b] : [b, a];
  for (const [c, fromSmall] of small.single) {
    const fromLarge = large.single.get(c);
    if (fromLarge) for (const x of fromSmall) for (const y of fromLarge) pairs.push(small === a ? x * n + y : y * n + x);
  }
  budget.left -= small.single.size + a.sets.length * (b.single.size + b.sets.length) + b.sets.length * a.single.size;
  if (budget.left < 0) return undefined;
  for (const [x, xs] of a.sets) {
    for (const [c, ys] of b.single) if (xs.has(c)) for (const y of ys) pairs.push(x * n + y);
    for (const [y, ys] of b.sets) if (!xs.isDisjointWith(ys)) pairs.push(x * n + y);
  }
  for (const [y, ys] of b.sets) for (const [c, xs] of a.single) if (ys.has(c)) for (const x of xs) pairs.push(x * n + y);
  return pairs;
}

interface Frame {
  pair: number;
  next: number[];
  at: number;
}

/** Tarjan's strongly connected components over the pairs reachable from (start, start), iteratively. */
function ambiguousProduct(edges: readonly Out[], start: number): Ambiguity {
  const n = edges.length;
  const budget = { left: MAX_EDGE_CHECKS };
  const empty: Out = { single: new Map(), sets: [] };
  const successors = (pair: number) => pairedTargets(edges[Math.floor(pair / n)] ?? empty, edges[pair % n] ?? empty, n, budget);
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const work: Frame[] = [];
  const enter = (pair: number) => {
    order.set(pair, order.size);
    low.set(pair, order.size - 1);
    stack.push(pair);
    onStack.add(pair);
    const next = successors(pair);
    if (next === undefined) return false;
    work.push({ pair, next, at: 0 });
    return true;
  };
  if (!enter(start * n + start)) return 'too-big';
  while (work.length > 0) {
    if (order.size > MAX_PAIRS) return 'too-big';
    const top = work[work.length - 1] as Frame;
    if (top.at < top.next.length) {
      const to = top.next[top.at++] as number;
      if (!order.has(to)) {
        if (!enter(to)) return 'too-big';
      } else if (onStack.has(to)) low.set(top.pair, Math.min(low.get(top.pair) as number, order.get(to) as number));
      continue;
    }
    work.pop();
    const parent = work[work.length - 1];
    if (parent) low.set(parent.pair, Math.min(low.get(parent.pair) as number, low.get(top.pair) as number));
    if (low.get(top.pair) !== order.get(top.pair)) continue;
    let agree = false;
    let differ = false;
    for (;;) {
      const pair = stack.pop() as number;
      onStack.delete(pair);
      if (Math.floor(pair / n) === pair % n) agree = true;
      else differ = true;
      if (pair === top.pair) break;
    }
    if (agree && differ) return 'exponential';
  }
  return undefined;
}
