// Which characters a regex cannot match without: a cheap test that lets the hot path skip a regex
// over a reply that lacks them. Most intent and detector regexes are alternations of Chinese words
// (爱买不买|不买拉倒|…, 造成(了)?[^,]{0,6}(不便|困扰)); V8 tries every one of them at every position of
// every reply (about 60 per reply, most of them failing), while a reply holds a few dozen characters.
//
// gateOf() reads the regex source (u-mode syntax only; anything it does not know gives no gate, so
// the regex simply always runs) and returns sets of UTF-16 code units, such that every match of the
// regex consumes at least one unit of EACH set. A text that lacks every unit of one set cannot
// match, so skipping the regex changes no answer. The sets come from the terms every match must
// pass through: a literal character, a class of a few characters, a group that is not optional (an
// alternation contributes the union of one set per alternative), and what a positive look-around
// must see (it lies in the text as well). Negative look-arounds, optional terms, '.', negated and
// wide classes, \s, \w, \p{…} and back-references contribute nothing.
// Under the i flag a set holds every character that matches case-insensitively: ASCII letters in
// both cases (plus the Kelvin sign and long s, which fold to k and s); any other cased character
// makes the set unknown.
// tests/engine/analysis/regexGate.test.ts checks each construct, the i flag against V8's case folding
// over all of Unicode, and that a match implies the gate for the shipped library and random regexes;
// regexGate.ungated.test.ts compares the engine with and without gates.

/** A set is dropped (unknown) past this many code units: a wide class rules nothing out. */
const MAX_SET = 512;
/** At most this many sets per regex: each one more is one more check per reply. */
const MAX_SETS = 3;
/**
 * Groups nested deeper than this give no gate. The parser recurses once per level, and V8 accepts
 * patterns nested thousands deep ('('.repeat(3000) + 'a' + ')'.repeat(3000)), which would otherwise
 * overflow the stack here and fail the compile of the whole lexicon.
 */
const MAX_DEPTH = 64;

/**
 * The Chinese characters found in most replies, most frequent first (the share of replies holding
 * each, over the scenario files, persona scripts and bench replies). A set holding them rarely rules
 * a reply out. Only used to choose which sets to keep: the choice never changes an answer.
 */
const FREQUENT = '我不了的您一你是这就好码亲们说给个费那问拍有下行要吧到运发能没还在换理鞋点买以哦可么家接看收时再脚话双后来会出都天单加价开回题上也款大包店小真别物穿实证平意算帮尺货快便信合心请啊先跟图吗退过按子链呀方用去付呢边送定量直多着解思得保两已歉人服';
const RANK = new Map([...FREQUENT].map((c, i) => [c.charCodeAt(0), i]));

type Units = Set<number>;

class Unsupported extends Error {}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Adds code point `cp` (and, case-insensitively, its case variants) as UTF-16 units; false if it cannot. */
function addCodePoint(out: Units, cp: number, ignoreCase: boolean): boolean {
  if (ignoreCase) {
    if (isAsciiLetter(cp)) {
      const lower = cp | 0x20;
      out.add(lower).add(lower & ~0x20);
      if (lower === 0x6b) out.add(0x212a); // KELVIN SIGN folds to k
      if (lower === 0x73) out.add(0x17f); // LATIN SMALL LETTER LONG S folds to s
      return true;
    }
    const s = String.fromCodePoint(cp);
    if (s.toLowerCase() !== s || s.toUpperCase() !== s) return false;
  }
  // an astral character shows in the text as a surrogate pair: its lead unit is enough to look for
  out.add(cp > 0xffff ? 0xd800 + ((cp - 0x10000) >> 10) : cp);
  return true;
}

/** What every match of a piece of pattern consumes: a conjunction of sets (empty = nothing known). */
type Need = Units[];

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  pattern(): Need {
    const need = this.disjunction();
    if (this.i !== this.src.length) throw new Unsupported();
    return need;
  }

  private peek(k = 0): string | undefined {
    return this.src[this.i + k];
  }

  private eat(s: string): boolean {
    if (!this.src.startsWith(s, this.i)) return false;
    this.i += s.length;
    return true;
  }

  private disjunction(): Need {
    if (++this.depth > MAX_DEPTH) throw new Unsupported();
    const need = this.alternatives();
    this.depth--;
    return need;
  }

  private alternatives(): Need {
    const alternatives = [this.alternative()];
    while (this.eat('|')) alternatives.push(this.alternative());
    if (alternatives.length === 1) return alternatives[0]!;
    // a match goes through one alternative: the union of one set per alternative must be consumed
    const union: Units = new Set();
    for (const need of alternatives) {
      const best = cheapest(need);
      if (best === undefined) return [];
      for (const u of best) union.add(u);
    }
    return union.size > MAX_SET ? [] : [union];
  }

  private alternative(): Need {
    const need: Need = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) need.push(...this.term());
    return need;
  }

  private term(): Need {
    const c = this.peek()!;
    if (c === '^' || c === '$') {
      this.i++;
      return [];
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.i += 2;
      return [];
    }
    let atom: Need;
    if (c === '(') {
      this.i++;
      if (this.eat('?')) {
        if (this.eat(':')) atom = this.disjunction();
        // what a positive look-around sees is part of the text too; a negative one says nothing
        else if (this.eat('=') || this.eat('<=')) atom = this.disjunction();
        else if (this.eat('!') || this.eat('<!')) {
          this.disjunction();
          atom = [];
        } else if (this.peek() === '<') {
          const close = this.src.indexOf('>', this.i);
          if (close === -1) throw new Unsupported();
          this.i = close + 1;
          atom = this.disjunction();
        } else throw new Unsupported();
      } else atom = this.disjunction();
      if (!this.eat(')')) throw new Unsupported();
    } else if (c === '[') atom = this.characterClass();
    else if (c === '.') {
      this.i++;
      atom = [];
    } else if (c === '\\') atom = this.atomEscape();
    else if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Unsupported();
    else {
      const cp = this.src.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      atom = this.single(cp);
    }
    const min = this.quantifier();
    return min === 0 ? [] : atom;
  }

  /** Minimum repeat count of an optional quantifier (1 when there is none). */
  private quantifier(): number {
    let min = 1;
    const c = this.peek();
    if (c === '*' || c === '?') {
      this.i++;
      min = 0;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) throw new Unsupported();
      this.i += m[0].length;
      min = Number(m[1]);
    } else return 1;
    this.eat('?');
    return min;
  }

  private single(cp: number): Need {
    const set: Units = new Set();
    return addCodePoint(set, cp, this.ignoreCase) ? [set] : [];
  }

  private atomEscape(): Need {
    this.i++; // the backslash
    const c = this.peek();
    if (c === undefined) throw new Unsupported();
    if (c === 'd') {
      this.i++;
      return [digits()];
    }
    if ('DsSwW'.includes(c)) {
      this.i++;
      return [];
    }
    if (c === 'p' || c === 'P') {
      this.skipProperty();
      return [];
    }
    if (c === 'k') {
      const close = this.src.indexOf('>', this.i);
      if (this.peek(1) !== '<' || close === -1) throw new Unsupported();
      this.i = close + 1;
      return [];
    }
    if (c >= '1' && c <= '9') {
      while (/\d/.test(this.peek() ?? '')) this.i++;
      return [];
    }
    return this.single(this.characterEscape());
  }

  private skipProperty(): void {
    this.i++;
    const close = this.src.indexOf('}', this.i);
    if (this.peek() !== '{' || close === -1) throw new Unsupported();
    this.i = close + 1;
  }

  /** The code point of an escape that stands for one character (the backslash already read). */
  private characterEscape(): number {
    const c = this.peek()!;
    this.i++;
    switch (c) {
      case 't': return 0x09;
      case 'n': return 0x0a;
      case 'v': return 0x0b;
      case 'f': return 0x0c;
      case 'r': return 0x0d;
      case '0':
        if (/\d/.test(this.peek() ?? '')) throw new Unsupported();
        return 0;
      case 'c': {
        const letter = this.peek();
        if (letter === undefined || !/[a-z]/i.test(letter)) throw new Unsupported();
        this.i++;
        return letter.charCodeAt(0) % 32;
      }
      case 'x': return this.hex(2);
      case 'u': {
        if (this.eat('{')) {
          const close = this.src.indexOf('}', this.i);
          if (close === -1 || !/^[0-9a-f]{1,6}$/i.test(this.src.slice(this.i, close))) throw new Unsupported();
          const cp = parseInt(this.src.slice(this.i, close), 16);
          this.i = close + 1;
          return cp;
        }
        const lead = this.hex(4);
        // \uD83D\uDE00 is one code point under the u flag
        if (lead >= 0xd800 && lead <= 0xdbff && this.src.startsWith('\\u', this.i) && /^[0-9a-f]{4}$/i.test(this.src.slice(this.i + 2, this.i + 6))) {
          const trail = parseInt(this.src.slice(this.i + 2, this.i + 6), 16);
          if (trail >= 0xdc00 && trail <= 0xdfff) {
            this.i += 6;
            return 0x10000 + ((lead - 0xd800) << 10) + (trail - 0xdc00);
          }
        }
        return lead;
      }
      default:
        if (SYNTAX.has(c)) return c.charCodeAt(0);
        throw new Unsupported();
    }
  }

  private hex(n: number): number {
    const digitsText = this.src.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-f]{${n}}$`, 'i').test(digitsText)) throw new Unsupported();
    this.i += n;
    return parseInt(digitsText, 16);
  }

  /** A character class: its set, or nothing known when negated, wide or holding \s, \w, \p{…}. */
  private characterClass(): Need {
    this.i++; // [
    const negated = this.eat('^');
    const ranges: [number, number][] = [];
    let known = true;
    while (!this.eat(']')) {
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (from === null || to === null || to < from) throw new Unsupported();
        ranges.push([from, to]);
      } else if (from === null) known = false;
      else ranges.push([from, from]);
    }
    if (negated || !known) return [];
    let size = 0;
    for (const [a, b] of ranges) size += b - a + 1;
    if (size > MAX_SET) return [];
    const set: Units = new Set();
    for (const [a, b] of ranges) for (let cp = a; cp <= b; cp++) if (!addCodePoint(set, cp, this.ignoreCase)) return [];
    return [set];
  }

  /** One class member: its code point, or null for a class escape (\d and the like). */
  private classAtom(): number | null {
    const c = this.peek();
    if (c === undefined) throw new Unsupported();
    if (c !== '\\') {
      const cp = this.src.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return cp;
    }
    this.i++;
    const e = this.peek();
    if (e === undefined) throw new Unsupported();
    if ('dDsSwW'.includes(e)) {
      this.i++;
      return null;
    }
    if (e === 'p' || e === 'P') {
      this.skipProperty();
      return null;
    }
    if (e === 'b') {
      this.i++;
      return 0x08;
    }
    if (e === '-') {
      this.i++;
      return 0x2d;
    }
    return this.characterEscape();
  }
}

function digits(): Units {
  const set: Units = new Set();
  for (let c = 0x30; c <= 0x39; c++) set.add(c);
  return set;
}

/** How often a set lets a reply through, roughly: common characters weigh more. */
function cost(set: Units): number {
  let n = 0;
  for (const u of set) {
    const rank = RANK.get(u);
    n += rank === undefined ? 1 : 2 + (FREQUENT.length - rank) / 4;
  }
  return n;
}

function cheapest(need: Need): Units | undefined {
  let best: Units | undefined;
  let bestCost = Infinity;
  for (const set of need) {
    const c = cost(set);
    if (c < bestCost) [best, bestCost] = [set, c];
  }
  return best;
}

/**
 * Sets of UTF-16 code units, each sorted, such that a text matched by `re` anywhere holds at least
 * one unit of every set; null when nothing can be said (the regex must always run). Only u-flag
 * regexes are read (the syntax of the others differs), and only the flags i, g, y, d, s, u.
 */
export function gateOf(re: RegExp): number[][] | null {
  if (!re.unicode || /[^dgimsuy]/.test(re.flags) || re.multiline) return null;
  let need: Need;
  try {
    need = new Parser(re.source, re.ignoreCase).pattern();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const kept: number[][] = [];
  const seen = new Set<string>();
  for (const set of [...need].sort((a, b) => cost(a) - cost(b))) {
    const units = [...set].sort((a, b) => a - b);
    const key = units.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(units);
    if (kept.length === MAX_SETS) break;
  }
  return kept.length === 0 ? null : kept;
}

/**
 * Gates over one text at a time: each distinct set gets an id, a table from code unit to the sets
 * holding it, and per text a stamp per set that the text holds. Sets are shared between gates.
 * The last text prepared is remembered, so callers that each ask about the same reply (the
 * detectors) pay for one pass over it.
 */
export class GateTable {
  private readonly ids = new Map<string, number>();
  private readonly members: number[][] = [];
  private head: Int32Array | null = null;
  private lists: Int32Array[] = [];
  private stamps = new Int32Array(0);
  private gen = 0;
  private text: string | null = null;

  /** Registers the sets of `gate` (from gateOf); returns their ids, null for no gate. */
  add(gate: readonly (readonly number[])[] | null): Int32Array | null {
    if (gate === null) return null;
    // a set added later makes the table rebuild (and the prepared text be read again)
    this.head = null;
    this.text = null;
    return Int32Array.from(gate, (units) => {
      const key = units.join(',');
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.members.length;
        this.ids.set(key, id);
        this.members.push([...units]);
      }
      return id;
    });
  }

  private build(): Int32Array {
    const byUnit = new Map<number, number[]>();
    this.members.forEach((units, id) => {
      for (const u of units) {
        const list = byUnit.get(u);
        if (list === undefined) byUnit.set(u, [id]);
        else list.push(id);
      }
    });
    const head = new Int32Array(0x10000);
    this.lists = [];
    for (const [u, list] of byUnit) {
      this.lists.push(Int32Array.from(list));
      head[u] = this.lists.length;
    }
    this.stamps = new Int32Array(this.members.length);
    return (this.head = head);
  }

  /** Marks the sets `text` holds a unit of; gates are then asked about this text. */
  prepare(text: string): void {
    if (text === this.text) return;
    const head = this.head ?? this.build();
    this.text = text;
    const gen = (this.gen = (this.gen + 1) | 0);
    const stamps = this.stamps;
    for (let i = 0; i < text.length; i++) {
      const l = head[text.charCodeAt(i)]!;
      if (l === 0) continue;
      const list = this.lists[l - 1]!;
      for (let k = 0; k < list.length; k++) stamps[list[k]!] = gen;
    }
  }

  /**
   * Does the prepared text hold a unit of every set of `gate`? With no text prepared since the last
   * add() (or ever), the stamps say nothing about any text: everything passes.
   */
  passes(gate: Int32Array): boolean {
    if (this.text === null) return true;
    for (let k = 0; k < gate.length; k++) if (this.stamps[gate[k]!] !== this.gen) return false;
    return true;
  }

  /** Can a regex with `gate` (null: no gate) match `text`? False only when it certainly cannot. */
  mayMatch(gate: Int32Array | null, text: string): boolean {
    if (gate === null) return true;
    this.prepare(text);
    return this.passes(gate);
  }
}
