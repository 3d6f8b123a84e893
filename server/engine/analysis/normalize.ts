// Text normalisation shared by replies, keywords and matcher regexes. Every step is a precompiled
// table or regex; the order of the steps is what makes normalize() idempotent (see comments).
import { canonicalizeContacts } from './obfuscation.ts';
import { toSimplified } from './tradToSimp.ts';

// Invisible characters used to split words (微\u200b信) and control characters other than the
// whitespace ones. fold() keeps the emoji joiner and variation selectors so emoji stay whole;
// normalize() drops them too.
const INVISIBLE = /(?!\t|\n|\v|\f|\r|\x85|\u200d|\ufe0e|\ufe0f)[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
const HAS_INVISIBLE = /(?!\t|\n|\v|\f|\r|\x85|\u200d|\ufe0e|\ufe0f)[\p{Default_Ignorable_Code_Point}\p{Cc}]/u;
const EMOJI_GLUE = /\u200d|\ufe0e|\ufe0f/g;
const COMBINING = /\p{M}/u;
const LINE_BREAK = /\r\n?|[\x85\u2028\u2029]/g;
const WAVES = /[〜∼]/g;
const WHITESPACE = /\s+/g;
const OK_SYMBOL = /🆗/gu;
// Spaces are not word separators in Chinese: spaced single characters are a word pulled apart
// ("加 我 微 信" is "加我微信"), but casual chat uses a space where a comma would go
// ("不好意思哈 我们这边没有优惠了 已经是活动价了"). A space between two runs of 2+ Han characters
// therefore ends a clause; anything else is joined. Before 微信 it is always joined, as "加我 微信"
// is the usual way to slip past a keyword filter.
const HAN_SPACE = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;
const HAN = /\p{Script=Han}/u;
const HAN_DIGITS = /[零〇一二三四五六七八九幺]{7,}/gu;
const HAN_DIGIT_VALUE: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const DIGIT_RUN = /\d+(?:[ .\-_·–—]\d+)+/g;
const NON_DIGIT = /\D/;
const LONG_NUMBER = /^(?:(?:86)?1[3-9]\d{9}|0\d{9,11}|[48]00\d{7})$/;
const CONTACT_CUE = /(?:qq|微信|号码?|电话|手机|联系|加|私聊|打)[ :=是为]{0,3}$/u;
const REPEATED_MARK = /([?!~,])\1+/g;
const ELLIPSIS = /[.。]{2,}/g;

/**
 * Full-width -> half-width (NFKC), lower case, Traditional -> Simplified, invisible characters
 * dropped, whitespace collapsed (a run containing a line break becomes one '\n', since line
 * breaks end clauses). This is the stage links and emoji are read from: it keeps URLs intact.
 */
export function fold(raw: string): string {
  // invisibles go before NFKC so that a base letter and its combining mark are composed once
  let s = HAS_INVISIBLE.test(raw) ? raw.replace(INVISIBLE, '') : raw;
  s = s.normalize('NFKC').toLowerCase();
  // Lower-casing can leave combining marks that compose or reorder differently (İ -> i + U+0307,
  // Greek with dialytika); alternate until stable so that a second pass changes nothing.
  for (let i = 0; i < 3 && COMBINING.test(s); i++) {
    const again = s.normalize('NFKC').toLowerCase();
    if (again === s) break;
    s = again;
  }
  if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '').normalize('NFKC');
  s = toSimplified(s).replace(WAVES, '~').replace(LINE_BREAK, '\n');
  return collapseSpace(s);
}

/** Length in UTF-16 units of the Han character ending before `i` (or starting at `i` when ahead), else 0. */
function hanAt(s: string, i: number, ahead: boolean): number {
  const code = ahead ? s.codePointAt(i) : s.codePointAt(i - 1);
  // behind a surrogate pair, codePointAt(i - 1) lands on the low half
  const pair = !ahead && i >= 2 && code !== undefined && code >= 0xdc00 && code <= 0xdfff ? s.codePointAt(i - 2) : undefined;
  const c = pair ?? code;
  if (c === undefined || !HAN.test(String.fromCodePoint(c))) return 0;
  return c > 0xffff ? 2 : 1;
}

/** Does the Han run next to position `i` (behind or ahead of it) have at least two characters? */
function longRun(s: string, i: number, ahead: boolean): boolean {
  const first = hanAt(s, i, ahead);
  return first > 0 && hanAt(s, ahead ? i + first : i - first, ahead) > 0;
}

function spaceBetweenHan(s: string, offset: number): string {
  const clauses = longRun(s, offset, false) && longRun(s, offset + 1, true) && !s.startsWith('微信', offset + 1);
  return clauses ? ',' : '';
}

function collapseSpace(s: string): string {
  return s.replace(WHITESPACE, (w) => (w.includes('\n') ? '\n' : ' ')).trim();
}

function joinDigits(run: string, offset: number, text: string): string {
  const groups = run.split(NON_DIGIT);
  const joined = groups.join('');
  if (joined.length < 5) return run;
  const before = text.slice(Math.max(0, offset - 6), offset);
  const cued = CONTACT_CUE.test(lastNonDigitTail(before));
  if (joined.length < 7 && !cued) return run;
  const short = groups.every((g) => g.length <= 4);
  if (groups.every((g) => g.length === 1)) return joined;
  if (LONG_NUMBER.test(joined)) return joined;
  return cued && short ? joined : run;
}

// Only the text after the last digit counts as a cue, so that joining an earlier number cannot
// change the decision for a later one (keeps normalize idempotent).
function lastNonDigitTail(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) return s.slice(i + 1);
  return s;
}

/**
 * The canonical form every matcher works on. Steps after fold(), in an order chosen so that no
 * step creates work for an earlier one: contact words (they tolerate the spaces the next step
 * removes), Han spaces (joined, or a comma between clauses, after which the contact words are
 * looked at again), Chinese-numeral phone numbers, split digit runs, repeated marks.
 */
export function normalize(raw: string): string {
  return canonicalize(fold(raw));
}

/** normalize() for text that has already been through fold(). */
export function canonicalize(folded: string): string {
  let s = folded;
  // removing a joiner can bring a letter next to a combining mark: compose again
  if (s.includes('\u200d') || s.includes('\ufe0e') || s.includes('\ufe0f')) {
    s = collapseSpace(s.replace(EMOJI_GLUE, '').normalize('NFKC'));
  }
  s = s.replace(OK_SYMBOL, 'ok');
  s = canonicalizeContacts(s);
  let breaks = 0;
  s = s.replace(HAN_SPACE, (_space: string, offset: number, whole: string) => {
    const out = spaceBetweenHan(whole, offset);
    if (out !== '') breaks++;
    return out;
  });
  // The contact words looked across that space ("扣扣 好好": not 扣扣 when 好 follows, a button);
  // now that it ends a clause, look again, or a second normalize would.
  if (breaks > 0) s = canonicalizeContacts(s);
  s = s.replace(HAN_DIGITS, (run) => Array.from(run, (c) => HAN_DIGIT_VALUE[c] ?? c).join(''));
  s = s.replace(DIGIT_RUN, joinDigits);
  return s.replace(ELLIPSIS, (run) => (run === '..' ? run : '...')).replace(REPEATED_MARK, '$1');
}
