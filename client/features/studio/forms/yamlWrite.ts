// How a form value is written as YAML text at a given place: plain when it reads back exactly,
// else in the quoting style the node had, a block scalar where the value has line breaks (folded
// paragraphs re-wrapped at the trainer's width), lists and new mappings in flow style.
import { parseDocument } from 'yaml';
import type { Scalar } from 'yaml';

export type FormValue = string | number | boolean | readonly string[];

/** Whether `text` reads back as exactly this string when written without quotes here. */
function plainWorks(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || /[\n\r\t]/.test(text)) return false;
  const probe = parseDocument(flow ? `[${text}]` : `k: ${text}`, { logLevel: 'silent' });
  if (probe.errors.length > 0 || probe.warnings.length > 0) return false;
  const data = probe.toJS() as unknown;
  const read = flow ? (Array.isArray(data) && data.length === 1 ? data[0] : undefined) : (data as { k?: unknown } | null)?.k;
  return read === text;
}

function singleQuoted(text: string): string | undefined {
  return /[\n\r]/.test(text) ? undefined : `'${text.replace(/'/g, "''")}'`;
}

/** A literal/folded block scalar for `text`, or undefined when one cannot say it exactly. */
function blockScalar(text: string, indent: string, folded: boolean, width: number): string | undefined {
  const keepNewline = text.endsWith('\n');
  const body = keepNewline ? text.slice(0, -1) : text;
  if (body === '' || body.endsWith('\n') || /^\s/.test(body) || /\r/.test(body)) return undefined;
  const multiLine = body.includes('\n');
  // A folded scalar turns single newlines into spaces: only one line keeps its meaning there.
  const useFolded = folded && !multiLine;
  const header = `${useFolded ? '>' : '|'}${keepNewline ? '' : '-'}`;
  const lines = useFolded ? fold(body, width) : body.split('\n');
  return `${header}\n${lines.map((l) => (l === '' ? '' : indent + l)).join('\n')}`;
}

/**
 * Greedy wrap at single spaces (each break reads back as one space in a folded scalar), so an edited
 * paragraph keeps the trainer's line width. Text with runs of spaces stays on one line.
 */
function fold(text: string, width: number): string[] {
  const words = text.split(' ');
  if (words.some((w) => w === '')) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}

export interface Where {
  flow: boolean;
  /** the longest content line of the block scalar being replaced (its wrap width) */
  width: number;
  /** indentation of block-scalar content written here */
  indent: string;
  /** the scalar being replaced, to keep its style */
  original?: Scalar | undefined;
  /** the rest of the line after the value is only a line break: a block scalar may go here */
  lineEndsAfter: boolean;
}

export function scalarText(value: string | number | boolean, where: Where): string {
  if (typeof value !== 'string') return String(value);
  const style = where.original?.type;
  const isBlockStyle = style === 'BLOCK_FOLDED' || style === 'BLOCK_LITERAL';
  if (!where.flow && (isBlockStyle || (value.includes('\n') && where.lineEndsAfter))) {
    const block = blockScalar(value, where.indent, style === 'BLOCK_FOLDED', where.width);
    if (block !== undefined) return block;
  }
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return singleQuoted(value) ?? JSON.stringify(value);
  if (plainWorks(value, where.flow)) return value;
  return singleQuoted(value) ?? JSON.stringify(value);
}

export function flowItem(value: string): string {
  return plainWorks(value, true) ? value : (singleQuoted(value) ?? JSON.stringify(value));
}

export function flowList(values: readonly string[]): string {
  return `[${values.map(flowItem).join(', ')}]`;
}

function flowObject(value: Record<string, FormValue | Record<string, unknown>>): string {
  const entries = Object.entries(value).map(([k, v]) => `${flowItem(k)}: ${flowValue(v as FormValue | Record<string, FormValue>)}`);
  return `{ ${entries.join(', ')} }`;
}

export function flowValue(value: FormValue | Record<string, FormValue>): string {
  if (Array.isArray(value)) return flowList(value as readonly string[]);
  if (typeof value === 'object') return flowObject(value as Record<string, FormValue>);
  return typeof value === 'string' ? flowItem(value) : String(value);
}
