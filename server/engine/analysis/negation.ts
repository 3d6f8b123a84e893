// Negation scope over normalised text: a negator governs a keyword that follows it in the same
// clause within a small window. Plain character scans, no regex, because this runs for every hit.
import { FINAL_PARTICLES, GIVE_VERBS, NEGATORS, NOT_NEGATIONS, POST_NEGATORS, TOPIC_FILLER } from './negationLexicon.ts';

export const NEGATION_WINDOW = 8;

// 、 is deliberately not a boundary: it joins list items, and "不能加微信、QQ" refuses both.
const BREAKS = new Set([',', '.', '!', '?', ';', ':', '。', '\n', '…', '~']);
const CONTRASTS: readonly string[] = ['但', '不过', '可是', '然而'];

const formsByFirst = new Map<string, string[]>();
for (const form of NEGATORS) {
  const list = formsByFirst.get(form[0]!) ?? [];
  list.push(form);
  formsByFirst.set(form[0]!, list);
}
for (const list of formsByFirst.values()) list.sort((a, b) => b.length - a.length);
const LONGEST = Math.max(...NEGATORS.map((n) => n.length));

/** For each negator character, the idioms containing it and where in the idiom it sits. */
const idiomsByChar = new Map<string, [string, number][]>();
for (const idiom of NOT_NEGATIONS) {
  for (let k = 0; k < idiom.length; k++) {
    const c = idiom[k]!;
    if (!formsByFirst.has(c)) continue;
    const list = idiomsByChar.get(c) ?? [];
    list.push([idiom, k]);
    idiomsByChar.set(c, list);
  }
}

function isHan(c: string | undefined): boolean {
  return c !== undefined && c >= '\u3400' && c <= '\u9fff';
}

/** True when the negating character at p belongs to an idiom or an A-not-A question (能不能). */
export function isIdiomAt(text: string, p: number): boolean {
  const c = text[p]!;
  if ((c === '不' || c === '没') && p > 0 && text[p - 1] === text[p + 1] && isHan(text[p - 1])) return true;
  const idioms = idiomsByChar.get(c);
  if (idioms === undefined) return false;
  for (const [idiom, k] of idioms) if (p >= k && text.startsWith(idiom, p - k)) return true;
  return false;
}

/** The negator form starting at p (longest first) that ends by `limit`, or undefined. */
export function negatorAt(text: string, p: number, limit: number): string | undefined {
  const forms = formsByFirst.get(text[p]!);
  if (forms === undefined) return undefined;
  for (const f of forms) if (p + f.length <= limit && text.startsWith(f, p)) return isIdiomAt(text, p) ? undefined : f;
  return undefined;
}

function contrastEndingAt(text: string, j: number, limit: number): number {
  for (const w of CONTRASTS) if (j + w.length <= limit && text.startsWith(w, j)) return j + w.length;
  return -1;
}

/** Start of the clause containing `index`, looking back no further than `floor`. */
export function clauseStart(text: string, index: number, floor: number): number {
  for (let j = index - 1; j >= floor; j--) {
    if (BREAKS.has(text[j]!)) return j + 1;
    const after = contrastEndingAt(text, j, index);
    if (after !== -1) return after;
  }
  return Math.max(floor, 0);
}

const CONDITION_OPENERS: readonly string[] = ['如果', '要是', '假如', '假设', '万一', '若是'];

/**
 * Does a conditional close between a negator (ending at `from`) and `to`? The negator belongs to
 * the condition: 真不到的话加我微信 and 如果不合适就加我微信 offer the WeChat, they do not refuse it.
 * 的话 closes the condition by itself; 如果/要是… needs its consequence word (就, 那么) before `to`.
 */
function conditionClosed(text: string, clause: number, negator: number, from: number, to: number): boolean {
  const between = text.slice(from, to);
  if (between.includes('的话')) return true;
  if (!between.includes('就') && !between.includes('那么')) return false;
  const before = text.slice(clause, negator);
  return CONDITION_OPENERS.some((w) => before.includes(w));
}

/** Is the text at `index` governed by a negator before it in the same clause? */
export function negatedBefore(text: string, index: number, window = NEGATION_WINDOW): boolean {
  const start = clauseStart(text, index, Math.max(0, index - window - LONGEST));
  for (let p = start; p < index; p++) {
    const f = negatorAt(text, p, index);
    if (f !== undefined && index - (p + f.length) <= window && !conditionClosed(text, start, p, p + f.length, index)) return true;
  }
  return false;
}

/** How far past the window filler may stretch a post-posed negation (微信的话我们这边是不能加的). */
const FILLER_STRETCH = 8;

/**
 * Is there a negator right after `end` in the same clause? Chinese often puts the topic first
 * (微信是不能加的, QQ不方便给您), so contact mentions also look forward. Topic filler (这边, 我们,
 * 的话, 确实) does not use up the window, so a longer aside still reaches its negator.
 */
export function negatedAfter(text: string, end: number, window = 6): boolean {
  const stop = Math.min(text.length, end + window + FILLER_STRETCH);
  let used = 0;
  for (let p = end; p < stop && used < window; p++) {
    if (BREAKS.has(text[p]!) || contrastEndingAt(text, p, text.length) !== -1) return false;
    if (negatorAt(text, p, text.length) !== undefined) return true;
    if (!TOPIC_FILLER.has(text[p]!)) used++;
  }
  return false;
}

const POST_GAP = 8;
const POST_FIRST = new Set(POST_NEGATORS.map((n) => n.form[0]!));
const ASCII_WORD = /[a-z0-9]/;

function giveVerbAt(text: string, p: number): number {
  for (const v of GIVE_VERBS) if (text.startsWith(v, p)) return v.length;
  return 0;
}

/**
 * Does the text from `q` close a denial: an optional giving verb (+ 给您), sentence-final particles,
 * then the end of the clause? A question (没有吗, 不行?) or a condition (没有的话) does not, nor
 * does a negator that governs something else (物流信息没有更新, 领导也没法给您更低).
 */
function closesDenial(text: string, q: number, needVerb: boolean): boolean {
  let i = q;
  const verb = giveVerbAt(text, i);
  if (needVerb && verb === 0) return false;
  i += verb;
  if (verb > 0) {
    if (text[i] === '给') i++;
    if (text[i] === '您' || text[i] === '你' || text[i] === '亲') i++;
  }
  while (i < text.length && FINAL_PARTICLES.has(text[i]!)) i++;
  if (i >= text.length) return true;
  const c = text[i]!;
  if (c === '?') return false;
  if (BREAKS.has(c) || c === ' ') return true;
  // a following character that is neither Han nor a letter or digit is an emoticon: the clause ended
  return !isHan(c) && !ASCII_WORD.test(c);
}

// V不了 where the verb promises rather than refuses (少不了 = surely included, 错不了 = surely right)
const SURE_BEFORE_BULIAO = new Set([...'少差错跑']);

/**
 * The keyword itself takes the potential complement: 保证不了 (cannot guarantee), 便宜不了. Unlike a
 * denial it need not close the clause (我保证不了具体哪天). 不了解 is "not know", not "cannot".
 */
function cannotRightAfter(text: string, end: number): boolean {
  return end > 0 && text.startsWith('不了', end) && text[end + 2] !== '解' && !SURE_BEFORE_BULIAO.has(text[end - 1]!);
}

/**
 * Is a keyword ending at `end` denied by a comment placed after it (赠品是没有的, 小礼物这边确实没有,
 * 包邮不行的, 小礼物送不了)? Only topic filler may stand between the keyword and the negator, and the
 * denial must close the clause, so a statement about something else keeps the keyword counted.
 */
export function deniedAfter(text: string, end: number): boolean {
  if (cannotRightAfter(text, end)) return true;
  const stop = Math.min(text.length, end + POST_GAP + 1);
  for (let p = end; p < stop; p++) {
    const c = text[p]!;
    if (POST_FIRST.has(c)) {
      for (const { form, verb } of POST_NEGATORS) {
        if (text.startsWith(form, p) && !isIdiomAt(text, p)) return closesDenial(text, p + form.length, verb);
      }
    }
    // the potential complement: 送不了, 给不了 (but not 少不了, which promises the gift)
    const verb = giveVerbAt(text, p);
    if (verb > 0 && text.startsWith('不了', p + verb)) return closesDenial(text, p + verb + 2, false);
    if (!TOPIC_FILLER.has(c)) return false;
  }
  return false;
}
