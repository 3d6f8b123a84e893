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
// Spaces are not word separators in Chinese; dropping them between two Han characters makes
// "加 我 微 信" and "加我微信" the same text.
const HAN_SPACE = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;
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
 * removes), Han spaces, Chinese-numeral phone numbers, split digit runs, repeated marks.
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
  s = s.replace(HAN_SPACE, '');
  s = s.replace(HAN_DIGITS, (run) => Array.from(run, (c) => HAN_DIGIT_VALUE[c] ?? c).join(''));
  s = s.replace(DIGIT_RUN, joinDigits);
  return s.replace(ELLIPSIS, (run) => (run === '..' ? run : '...')).replace(REPEATED_MARK, '$1');
}
