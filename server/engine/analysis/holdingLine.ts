// Holding lines (rubric revision 5): a reply that only greets the buyer or asks her to wait a moment
// (亲，您好~ / 在的亲，稍等，我帮您查一下库存哦). 客服 send one first so the buyer is answered at once,
// then look things up; the answer is the next line. Anything that says something of its own (a
// size, a price, 有货, a bare 好的) is a reply, not a holding line.
// Read clause by clause: every clause must be made only of courtesy pieces, and one of them must
// greet or ask for a moment (an address word or a particle alone holds nothing).
import { EMOJI_SOURCE } from './emoji.ts';
import { normalize } from './normalize.ts';

/** Longer than this (after emoticons and punctuation go) it says more than a holding line does. */
const MAX_CORE_CHARS = 40;
const MAX_CLAUSES = 5;
/** Emoticon codes and punctuation included: a reply longer than this is never only courtesy. */
const MAX_RAW_CHARS = 120;

const EMOJI = new RegExp(EMOJI_SOURCE, 'gu');
const NOT_A_WORD = /[\p{P}\p{S}\s]/u;
const LOOKUP_VERB = /[查看问核确]/u;
/** before the verb: the agent is the one looking (我查一下 / 帮您看下 / 这边核实一下) */
const AGENT_LOOKS = /我|帮|给[您你]|为[您你]|这边/u;
/** anywhere in the reply: it asks for a moment, so a bare 看一下哈 is the agent looking */
const ASKS_FOR_A_MOMENT = /稍等|稍候|等一下|等我|马上|这就/u;
/** what is looked up, told apart from a statement or a question (是有货的 / 不能便宜 / 是43码吗) */
const NOT_AN_OBJECT = /[您你吗是不能行]|可以|有货|没货|好的/u;
const EITHER_OR = /有没有|是不是|能不能|可不可以|行不行/gu;
/** what an emoticon may be made of: a 旺旺表情 token or code, an ASCII smiley, an emoji */
// (no u flag: an emoji outside the BMP is then seen as its two surrogate halves)
const MAYBE_EMOJI = /[[/:;^=\uD800-\uDFFF\u2000-\u2BFF]/;

// What a clause that greets or asks for a moment contains. A pure address (亲) or particle does not hold.
const CUE = /您好|你好|哈喽|hello|hi|嗨|在的|在呢|在哦|在滴|在线|欢迎|光临|早上好|上午好|中午好|下午好|晚上好|为您服务|为你服务|有什么可以|有什么能|有什么需要|稍等|稍候|等一下|等我|马上|这就|查|看一下|看下|核实|确认一下|问一下/u;

// "…查一下<what>": what is being looked up may follow the verb (稍等，我帮您查一下库存哦). The verb
// must not be done already (查了一下 reports a result, it does not ask for a moment).
const LOOKUP_WITH_OBJECT = /(?:查|看|问|核实|确认|核对|查询|查看)(?:一下|下)([\p{Script=Han}a-z0-9]{0,8})$/u;

const PIECES = [
  // greetings and welcomes
  '您好', '你好', '哈喽', 'hello', 'hi', '嗨', '早上好', '上午好', '中午好', '下午好', '晚上好',
  '欢迎光临', '欢迎来到', '欢迎进店', '欢迎', '光临', '本店', '小店', '我们店', '店铺', '官方', '旗舰店', '专卖店', '专营店', '店',
  '在线', '在的', '在呢', '在哦', '在滴', '在',
  '很高兴为您服务', '很高兴为你服务', '为您服务', '为你服务', '很高兴', '我是', '客服', '这边', '我这边', '我们这边',
  '请问', '有什么可以帮到您', '有什么可以帮您', '有什么可以帮你', '有什么能帮您', '有什么能帮你', '有什么需要', '有什么可以', '有什么能', '帮到', '需要', '吗',
  // asking for a moment
  '请稍等', '稍等一下', '稍等片刻', '稍等下', '稍等', '稍候', '等一下', '等我一下', '等下', '一会儿', '一会', '片刻', '马上', '这就', '立刻', '请耐心等待', '耐心等待',
  '帮您', '帮你', '给您', '给你', '为您', '为你', '我', '正在',
  // address and soft particles
  '亲爱的', '亲亲', '亲', '您', '你', '宝宝', '宝子', '小主', '客官',
  '好的', '好滴', '好哒', '嗯嗯', '收到',
  '哦', '哈', '呀', '呢', '啦', '哟', '喔', '噢', '滴', '的', '啊', '吧', '哒', '嘛', '~',
];

/**
 * The pieces as a trie of UTF-16 code units (every piece is Han or ASCII): a clause is read greedily,
 * longest piece first, with no regex. Code units, not one-character strings: `text[i]` of a Han
 * character makes a new string each time, and this runs on every first answer to a move.
 */
interface PieceNode {
  next: Map<number, PieceNode>;
  ends: boolean;
}

function pieceTrie(pieces: readonly string[]): PieceNode {
  const root: PieceNode = { next: new Map(), ends: false };
  for (const piece of pieces) {
    let node = root;
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      let child = node.next.get(code);
      if (child === undefined) {
        child = { next: new Map(), ends: false };
        node.next.set(code, child);
      }
      node = child;
    }
    node.ends = true;
  }
  return root;
}

/** Whether `text` is pieces end to end (each step takes the longest piece that starts there). */
function onlyPieces(text: string, root: PieceNode): boolean {
  let i = 0;
  while (i < text.length) {
    let node: PieceNode | undefined = root;
    let end = -1;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (node === undefined) break;
      if (node.ends) end = j + 1;
    }
    if (end < 0) return false;
    i = end;
  }
  return true;
}

/** What the matcher is built from once per shop. */
interface Tables {
  pieces: PieceNode;
  /** every code unit of every piece */
  chars: ReadonlySet<number>;
}

/**
 * One matcher per set of names (the shop's name, its brand words, the agents' nicknames: a welcome
 * may name them), built once per shop.
 */
export function holdingLineMatcher(names: readonly string[]): (normalized: string) => boolean {
  const own = [...new Set(names.map((n) => normalize(n).replace(/\s+/g, '')).filter((n) => n.length > 0))];
  const all = [...own, ...PIECES];
  const chars = new Set<number>();
  for (const piece of all) for (let i = 0; i < piece.length; i++) chars.add(piece.charCodeAt(i));
  const tables: Tables = { pieces: pieceTrie(all), chars };
  return (normalized) => isHoldingLine(normalized, tables);
}

/** A moment asked for, or a lookup announced: what a holding line holds the buyer with. */
const MOMENT = /稍等|稍候|等一下|等我|等下|一会|片刻|马上|这就|立刻|耐心等待|查|看一下|看下|核实|确认一下|问一下/u;

/**
 * Revision 6: of the lines the matcher takes for courtesy, only one that asks for a moment (稍等 /
 * 马上 / 我帮您查一下) holds the buyer. A line that only greets (你好 在的, 亲，您好~) is a greeting:
 * she reads it as the agent being there and expects her answer next, not as "please wait". Meant for
 * a line the matcher already accepted, whose lookups are the agent's own.
 */
export function asksForAMoment(normalized: string): boolean {
  return MOMENT.test(normalized);
}

/** Punctuation, symbols and spaces end a clause; Han characters and ASCII letters and digits never do. */
function isBreak(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  if (code < 0x80) return !((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a));
  return NOT_A_WORD.test(String.fromCharCode(code));
}

const OPEN_BRACKET = 0x5b;
const LOOKUP_VERB_CODES: ReadonlySet<number> = new Set([...'查看问核确'].map((c) => c.charCodeAt(0)));

/**
 * A cheap first look: whether every character could belong to a courtesy piece (punctuation,
 * emoji and 旺旺表情 codes aside). Nearly every answer names something (a size, 有货, 便宜) whose
 * characters no piece has, and is told apart here in a few characters, before any regex runs.
 */
function onlyCourtesyCharacters(text: string, chars: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (chars.has(code)) continue;
    // an emoji (a surrogate pair), or a 旺旺表情 code such as [微笑]
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (code === OPEN_BRACKET) {
      const close = text.indexOf(']', i);
      if (close > i && close - i <= 8) {
        i = close;
        continue;
      }
    }
    if (!isBreak(code)) return false;
  }
  return true;
}

function isHoldingLine(normalized: string, tables: Tables): boolean {
  // Most replies are answers, and most answers are long: decided before any regex runs.
  if (normalized.length > MAX_RAW_CHARS) return false;
  // What is being looked up may follow the verb (查一下库存): only then can other characters belong.
  if (!LOOKUP_VERB.test(normalized) && !onlyCourtesyCharacters(normalized, tables.chars)) return false;
  if (readsAsHolding(normalized, tables)) return true;
  // Emoticons are read as the break between clauses they are; most replies have none to take out.
  return MAYBE_EMOJI.test(normalized) && readsAsHolding(normalized.replace(EMOJI, ' '), tables);
}

/**
 * 我帮您查一下库存 asks for a moment; 您看一下这款 (the buyer is to look), 看下详情页的尺码表 (a pointer),
 * 问下您穿多大码 (a question) and 我看一下是有货的 (a result) say something.
 */
function agentLooksUp(reply: string, before: string, object: string): boolean {
  if (!AGENT_LOOKS.test(before) && !(ASKS_FOR_A_MOMENT.test(reply) && !/[您你]$/u.test(before))) return false;
  return !NOT_AN_OBJECT.test(object.replace(EITHER_OR, ''));
}

/** Clause by clause (walked, not split: an answer is told apart in its first clause). */
function readsAsHolding(text: string, tables: Tables): boolean {
  let count = 0;
  let length = 0;
  let cued = false;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBreak(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    // A clause opens with a piece, or with the verb of a lookup (看一下哈): most answers stop here.
    const first = text.charCodeAt(i);
    if (!tables.chars.has(first) && !LOOKUP_VERB_CODES.has(first)) return false;
    let j = i;
    while (j < text.length && !isBreak(text.charCodeAt(j))) j++;
    const clause = text.slice(i, j);
    i = j;
    count += 1;
    length += clause.length;
    if (count > MAX_CLAUSES || length > MAX_CORE_CHARS) return false;
    const lookup = LOOKUP_WITH_OBJECT.exec(clause);
    const rest = lookup ? clause.slice(0, lookup.index) : clause;
    if (lookup && !agentLooksUp(text, rest, lookup[1] ?? '')) return false;
    if (!onlyPieces(rest, tables.pieces)) return false;
    if (lookup || CUE.test(rest)) cued = true;
  }
  return cued;
}
