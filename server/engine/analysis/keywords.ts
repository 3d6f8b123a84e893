// Keyword occurrences in normalised text, each with its negation status.
import type { KeywordHit } from './types.ts';
import { deniedAfter, negatedBefore } from './negation.ts';
import { normalize } from './normalize.ts';

/** Non-overlapping occurrences of an already normalised needle; `label` is reported as the keyword. */
export function findNormalized(text: string, needle: string, label: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  if (needle === '') return hits;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    hits.push({ keyword: label, index: i, negated: negatedBefore(text, i) || deniedAfter(text, i + needle.length) });
  }
  return hits;
}

/**
 * Every occurrence of `keyword` in `normalized` (the keyword is normalised the same way as text,
 * so 加我微信 finds 加我V信). `negated` is true when a negator governs the occurrence, before it
 * (没有赠品) or as a denial closing its clause (赠品是没有的).
 */
export function findKeywords(normalized: string, keyword: string): KeywordHit[] {
  return findNormalized(normalized, normalize(keyword), keyword);
}
