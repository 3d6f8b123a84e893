// Reads the app's real CSS (client/**/*.css) well enough to check colour contrast: the rules by
// selector (screen rules only: @media print is left out, other @media blocks count), the custom
// properties of :root in base.css resolved, colours parsed (hex, rgb() with alpha, white, gradients as
// their stops) and the WCAG 2.1 contrast ratio. Small on purpose: it knows the CSS this app writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rgba { r: number; g: number; b: number; a: number }

interface Rule { selectors: string[]; decls: Map<string, string> }

const CLIENT = join(import.meta.dirname, '../../client');
const cache = new Map<string, Rule[]>();

function norm(selector: string): string {
  return selector.trim().replace(/\s+/g, ' ').replace(/"/g, "'");
}

/** The rules of one stylesheet, in source order; `file` is relative to client/. */
export function rules(file: string): Rule[] {
  const known = cache.get(file);
  if (known) return known;
  const css = readFileSync(join(CLIENT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Rule[] = [];
  const preludes: string[] = [];
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '{') {
      preludes.push(css.slice(start, i).trim());
      start = i + 1;
    } else if (ch === '}') {
      const prelude = preludes.pop() ?? '';
      const body = css.slice(start, i);
      start = i + 1;
      if (prelude.startsWith('@') || preludes.some((p) => /^@media\s+print\b/.test(p))) continue;
      const decls = new Map<string, string>();
      for (const d of body.split(';')) {
        const at = d.indexOf(':');
        if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
      }
      out.push({ selectors: prelude.split(',').map(norm), decls });
    }
  }
  cache.set(file, out);
  return out;
}

/** Whether some rule of `file` naming `selector` declares `prop`. */
export function isDeclared(file: string, selector: string, prop: string): boolean {
  const want = norm(selector);
  return rules(file).some((r) => r.selectors.includes(want) && r.decls.has(prop));
}

/** The value `prop` has in the last rule of `file` naming `selector` (one of a selector list). */
export function declared(file: string, selector: string, prop: string): string {
  const want = norm(selector);
  const hits = rules(file).filter((r) => r.selectors.includes(want) && r.decls.has(prop));
  const value = hits.at(-1)?.decls.get(prop);
  if (value === undefined) throw new Error(`${file}: no ${prop} in a rule for ${selector}`);
  return value;
}

/** var(--x) replaced by the value :root in base.css gives it, recursively. */
export function resolveVars(value: string): string {
  return value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => resolveVars(declared('styles/base.css', ':root', name)));
}

function hex(h: string): Rgba {
  const full = h.length <= 5 ? [...h].map((c) => c + c).join('') : h;
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

/** Every colour named in a (resolved) value, in order: one for a plain colour, the stops of a gradient. */
export function coloursIn(value: string): Rgba[] {
  const found: Rgba[] = [];
  const re = /#([0-9a-f]{3,8})\b|rgba?\(([^)]*)\)|\b(white|black|transparent)\b/gi;
  for (const m of resolveVars(value).matchAll(re)) {
    if (m[1] !== undefined) found.push(hex(m[1]));
    else if (m[2] !== undefined) {
      const parts = m[2].split(/[\s,/]+/).filter(Boolean);
      const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
      found.push({ r: Number(parts[0]), g: Number(parts[1]), b: Number(parts[2]), a: alpha });
    } else {
      const word = m[3]?.toLowerCase();
      found.push(word === 'black' ? { r: 0, g: 0, b: 0, a: 1 } : { r: 255, g: 255, b: 255, a: word === 'white' ? 1 : 0 });
    }
  }
  if (found.length === 0) throw new Error(`no colour in "${value}"`);
  return found;
}

/** `top` painted over the opaque `under`, with the extra `opacity` of its element. */
export function over(top: Rgba, under: Rgba, opacity = 1): Rgba {
  const a = top.a * opacity;
  const mix = (t: number, u: number): number => t * a + u * (1 - a);
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a: 1 };
}

function luminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** The WCAG 2.1 contrast ratio of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
