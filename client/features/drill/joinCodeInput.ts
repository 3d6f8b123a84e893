// What the trainee typed or pasted into the join-code field, as the 6-digit code: a code read out
// in groups ("746 652", "746-652") or typed with a Chinese keyboard in full-width ("７４６６５２")
// is still the code. Anything else is dropped, and said (`stray`), never silently.
const FULL_WIDTH_ZERO = 0xff10;
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uff0d_.·]/g;

export const CODE_DIGITS = 6;

export function normaliseCode(raw: string): { code: string; stray: boolean } {
  const ascii = raw.replace(/[\uff10-\uff19]/g, (c) => String(c.charCodeAt(0) - FULL_WIDTH_ZERO)).replace(SEPARATORS, '');
  const digits = ascii.replace(/\D/g, '');
  return { code: digits.slice(0, CODE_DIGITS), stray: digits.length !== ascii.length };
}
