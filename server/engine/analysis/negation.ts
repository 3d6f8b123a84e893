// Negation scope over normalised text: a negator governs a keyword that follows it in the same
// clause within a small window. Plain character scans, no regex, because this runs for every hit.
import { NEGATORS, NOT_NEGATIONS } from './negationLexicon.ts';

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

/** Is the text at `index` governed by a negator before it in the same clause? */
export function negatedBefore(text: string, index: number, window = NEGATION_WINDOW): boolean {
  const start = clauseStart(text, index, Math.max(0, index - window - LONGEST));
  for (let p = start; p < index; p++) {
    const f = negatorAt(text, p, index);
    if (f !== undefined && index - (p + f.length) <= window) return true;
  }
  return false;
}

/**
 * Is there a negator right after `end` in the same clause? Chinese often puts the topic first
 * (微信是不能加的, QQ不方便给您), so contact mentions also look forward.
 */
export function negatedAfter(text: string, end: number, window = 6): boolean {
  const stop = Math.min(text.length, end + window);
  for (let p = end; p < stop; p++) {
    if (BREAKS.has(text[p]!) || contrastEndingAt(text, p, text.length) !== -1) return false;
    if (negatorAt(text, p, text.length) !== undefined) return true;
  }
  return false;
}
