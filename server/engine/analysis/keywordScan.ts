// One pass over a reply finds every keyword of a whole lexicon. Matching each keyword separately
// (one indexOf per keyword per intent) cost ~2,000 string searches per reply; a trie walked from
// every position costs a few map lookups per character however many keywords there are.
import { deniedAfter, negatedBefore } from './negation.ts';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** ids of the keywords that end at this node */
  ends: number[];
}

/** How a keyword occurrence must relate to negation to count (the schema's negation modes). */
export type Need = 0 | 1 | 2;
export const NEED_ANY: Need = 0;
export const NEED_NOT_NEGATED: Need = 1;
export const NEED_NEGATED: Need = 2;

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** The keywords of a lexicon, deduplicated by normalised form, in a trie. */
export class KeywordSet {
  readonly needles: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly root: TrieNode = { next: new Map(), ends: [] };

  /** The id of an already normalised keyword, added on first sight. */
  add(needle: string): number {
    const known = this.ids.get(needle);
    if (known !== undefined) return known;
    const id = this.needles.length;
    this.needles.push(needle);
    this.ids.set(needle, id);
    let node = this.root;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(id);
    return id;
  }
}

/**
 * The keyword occurrences of one text, plus lazily computed, cached negation per position.
 * Scratch buffers are reused from text to text, so scanning allocates nothing once warm; an
 * instance serves one text at a time (matching is synchronous, so nothing interleaves).
 */
export class TextScan {
  text = '';
  private readonly lengths: Int32Array;
  /** per keyword: the scan generation that last touched it, its first occurrence, its last end */
  private readonly seen: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly lastEnd: Int32Array;
  /** per keyword and need: cached answer for this generation (0 unknown, 1 no, 2 yes) */
  private readonly answered: Int32Array;
  private readonly answer: Int8Array;
  private gen = 0;
  /** occurrences as a linked list per keyword, in text order */
  private occPos: number[] = [];
  private occNext: number[] = [];
  private occCount = 0;
  /** ids of the keywords found by the last scan, each once, in the order first found */
  readonly found: number[] = [];
  foundCount = 0;
  private before = new Int8Array(64);
  private after = new Int8Array(64);
  /**
   * The root's children by UTF-16 code unit (index + 1; 0 = none). Nearly every character of a
   * Chinese reply starts some keyword, so the root is looked up once per character: an array
   * index instead of a hash lookup. Built once, after every keyword was added.
   */
  private readonly rootIndex = new Int32Array(0x10000);
  private readonly rootNodes: TrieNode[] = [];

  constructor(set: KeywordSet) {
    for (const [code, child] of set.root.next) {
      this.rootNodes.push(child);
      this.rootIndex[code] = this.rootNodes.length;
    }
    const n = set.needles.length;
    this.lengths = Int32Array.from(set.needles, (s) => s.length);
    this.seen = new Int32Array(n);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.lastEnd = new Int32Array(n);
    this.answered = new Int32Array(n * 3);
    this.answer = new Int8Array(n * 3);
  }

  scan(text: string): void {
    this.text = text;
    this.gen++;
    this.occCount = 0;
    this.foundCount = 0;
    const len = text.length;
    if (this.before.length <= len) {
      this.before = new Int8Array(len + 1);
      this.after = new Int8Array(len + 1);
    } else {
      this.before.fill(UNKNOWN, 0, len + 1);
      this.after.fill(UNKNOWN, 0, len + 1);
    }
    for (let i = 0; i < len; i++) {
      const first = this.rootIndex[text.charCodeAt(i)]!;
      let node = first === 0 ? undefined : this.rootNodes[first - 1];
      for (let j = i + 1; node !== undefined; j++) {
        for (const id of node.ends) this.record(id, i);
        if (j >= len) break;
        node = node.next.get(text.charCodeAt(j));
      }
    }
  }

  /** Keeps only non-overlapping occurrences, leftmost first: what an indexOf loop finds. */
  private record(id: number, at: number): void {
    const first = this.seen[id] !== this.gen;
    if (!first && at < this.lastEnd[id]!) return;
    const occ = this.occCount++;
    this.occPos[occ] = at;
    this.occNext[occ] = -1;
    if (first) {
      this.seen[id] = this.gen;
      this.head[id] = occ;
      this.found[this.foundCount++] = id;
    } else {
      this.occNext[this.tail[id]!] = occ;
    }
    this.tail[id] = occ;
    this.lastEnd[id] = at + this.lengths[id]!;
  }

  /** Is the span [start, end) governed by a negation (before it, or denied after it)? */
  negated(start: number, end: number): boolean {
    let b = this.before[start]!;
    if (b === UNKNOWN) this.before[start] = b = negatedBefore(this.text, start) ? YES : NO;
    if (b === YES) return true;
    let a = this.after[end]!;
    if (a === UNKNOWN) this.after[end] = a = deniedAfter(this.text, end) ? YES : NO;
    return a === YES;
  }

  /** Does keyword `id` occur in the text with an occurrence acceptable to `need`? */
  has(id: number, need: Need): boolean {
    if (this.seen[id] !== this.gen) return false;
    if (need === NEED_ANY) return true;
    const slot = id * 3 + need;
    if (this.answered[slot] === this.gen) return this.answer[slot] === YES;
    const len = this.lengths[id]!;
    let found = false;
    for (let o = this.head[id]!; o !== -1 && !found; o = this.occNext[o]!) {
      const at = this.occPos[o]!;
      found = this.negated(at, at + len) === (need === NEED_NEGATED);
    }
    this.answered[slot] = this.gen;
    this.answer[slot] = found ? YES : NO;
    return found;
  }
}
