// Counting a text's code points as `[...text].length` does (a lone surrogate counts as one), without
// building the array: buyer pacing and the repeat check count the characters of every line and reply.

/** `[...text].length` */
export function codePointLength(text: string): number {
  let points = 0;
  for (let i = 0; i < text.length; i++, points++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return points;
}

/** `[...text].length < n`, looking at as little of the text as it must (each code point is one or two units). */
export function fewerCodePointsThan(text: string, n: number): boolean {
  if (text.length < n) return true;
  if (text.length >= 2 * n) return false;
  return codePointLength(text) < n;
}
