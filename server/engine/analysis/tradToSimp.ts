// Traditional -> Simplified by single characters, from the generated opencc-js table.
// A flat Uint16Array indexed by UTF-16 unit keeps the common (BMP -> BMP) case to one array read;
// the few mappings that involve supplementary-plane characters go through a Map.
import { TRAD_SIMP_PAIRS } from './tradToSimp.generated.ts';

const VIA_MAP = 0xffff;
const bmp = new Uint16Array(0x10000);
const wide = new Map<string, string>();

{
  const cps = Array.from(TRAD_SIMP_PAIRS);
  for (let i = 0; i + 1 < cps.length; i += 2) {
    const from = cps[i]!;
    const to = cps[i + 1]!;
    if (from.length === 1 && to.length === 1) bmp[from.charCodeAt(0)] = to.charCodeAt(0);
    else {
      wide.set(from, to);
      if (from.length === 1) bmp[from.charCodeAt(0)] = VIA_MAP;
    }
  }
}

/** Replaces every Traditional character that has a Simplified counterpart. */
export function toSimplified(s: string): string {
  let out = '';
  let last = 0;
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const rep = wide.get(s.slice(i, i + 2));
      if (rep !== undefined) {
        out += s.slice(last, i) + rep;
        last = i + 2;
        changed = true;
      }
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      continue;
    }
    const m = bmp[c]!;
    if (m === 0) continue;
    out += s.slice(last, i) + (m === VIA_MAP ? wide.get(s[i]!)! : String.fromCharCode(m));
    last = i + 1;
    changed = true;
  }
  return changed ? out + s.slice(last) : s;
}
