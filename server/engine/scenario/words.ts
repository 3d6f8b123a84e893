// Small wording helpers shared by the parser and the checker: authors read these messages, not zod's.
import type { JsonPath } from './sourceMap.ts';

/** `states.greet.on[0].goto`; odd keys are quoted: `intents["a b"]`. */
export function showPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Prefix a message with the path it is about (nothing for the document itself). */
export function about(path: JsonPath, message: string): string {
  return path.length === 0 ? message : `${showPath(path)}: ${message}`;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(clip(value)) : String(value);
}

/** What a YAML value looks like to an author. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'nothing',
};

export function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** "a", "a or b", "a, b or c" */
export function orList(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1] ?? ''}`;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 99) + 1, (row[j - 1] ?? 99) + 1, (prev[j - 1] ?? 99) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 99;
}

/** ` (did you mean "goto"?)` when a known name is a typo away, else ''. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  for (const candidate of known) {
    // A truncated or extended name ("asking" for "ask") is as likely a slip as a typo.
    const affix = name.length >= 3 && candidate.length >= 3 && (name.startsWith(candidate) || candidate.startsWith(name));
    const d = affix ? Math.min(1, distance(name.toLowerCase(), candidate.toLowerCase())) : distance(name.toLowerCase(), candidate.toLowerCase());
    if (d <= bestDistance && d < name.length && candidate !== name) {
      best = candidate;
      bestDistance = d - 1;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
