// Whole entries added to and removed from block-style YAML as one text change: a list item (a rule,
// a reaction), or a key with its block below (on:, silence:, rubric:). New text takes the file's
// own indentation (how far a nested key and a list dash sit under their parent); everything outside
// the inserted or removed lines stays byte-identical, comments included.
import { isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document } from 'yaml';
import { locate, rangeOf } from './yamlDoc.ts';
import type { YamlPath } from './yamlDoc.ts';
import type { TextChange } from './yamlEdit.ts';
import { scalarText } from './yamlWrite.ts';

/** A value to write in block style: text already written inline, a string scalar, a mapping, a list. */
export type Block =
  | { inline: string }
  | { text: string }
  | { map: readonly (readonly [string, Block])[] }
  | { list: readonly Block[] };

export interface Layout {
  /** a nested mapping's keys sit this far right of their parent key */
  mapIndent: string;
  /** a list's dashes sit this far right of the key that holds it (may be '') */
  listIndent: string;
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(source: string, offset: number): number {
  return offset - lineStart(source, offset);
}

/** The first offset at or after `offset` that starts a line (the end of the text when none does). */
function nextLineStart(source: string, offset: number): number {
  if (offset === 0 || source[offset - 1] === '\n') return offset;
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end + 1;
}

/** The file's habits, read from its first nested block mapping and block list (two spaces else). */
export function layoutOf(doc: Document, source: string): Layout {
  let mapIndent: number | undefined;
  let listIndent: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = rangeOf(pair.key);
      if (!key || !isScalar(pair.key)) return undefined;
      const keyCol = columnOf(source, key[0]);
      const value = pair.value;
      const first = isMap(value) && !value.flow ? rangeOf(value.items[0]?.key) : isSeq(value) && !value.flow ? rangeOf(value) : undefined;
      // Only a value that starts on a later line shows the habit (`- id:` puts the key after a dash).
      if (!first || source.lastIndexOf('\n', first[0]) < key[0]) return undefined;
      const offset = columnOf(source, first[0]) - keyCol;
      if (isMap(value) && mapIndent === undefined && offset > 0) mapIndent = offset;
      if (isSeq(value) && listIndent === undefined && offset >= 0) listIndent = offset;
      return mapIndent !== undefined && listIndent !== undefined ? visit.BREAK : undefined;
    },
  });
  const map = mapIndent ?? 2;
  return { mapIndent: ' '.repeat(map), listIndent: ' '.repeat(listIndent ?? map) };
}

/** `key: value` lines at `indent`, ending with a line break. */
export function renderEntry(key: string, value: Block, indent: string, layout: Layout): string {
  if ('inline' in value) return `${indent}${key}: ${value.inline}\n`;
  if ('text' in value) {
    const where = { flow: false, width: 80, indent: indent + layout.mapIndent, lineEndsAfter: true };
    return `${indent}${key}: ${scalarText(value.text, where)}\n`;
  }
  if ('map' in value) return `${indent}${key}:\n${value.map.map(([k, v]) => renderEntry(k, v, indent + layout.mapIndent, layout)).join('')}`;
  return `${indent}${key}:\n${value.list.map((item) => renderItem(item, indent + layout.listIndent, layout)).join('')}`;
}

/** One `- ...` list item with its dash at `dashIndent`; a mapping's keys line up after the dash. */
export function renderItem(item: Block, dashIndent: string, layout: Layout): string {
  if ('inline' in item) return `${dashIndent}- ${item.inline}\n`;
  if ('text' in item) return `${dashIndent}- ${scalarText(item.text, { flow: false, width: 80, indent: `${dashIndent}  `, lineEndsAfter: true })}\n`;
  if ('map' in item) {
    const inner = `${dashIndent}  `;
    const text = item.map.map(([k, v]) => renderEntry(k, v, inner, layout)).join('');
    return `${dashIndent}- ${text.slice(inner.length)}`;
  }
  return `${dashIndent}-\n${item.list.map((i) => renderItem(i, `${dashIndent}  `, layout)).join('')}`;
}

/** Where a new key goes in a block mapping: before the first of `before` it has, else at its end. */
function keyInsertPoint(source: string, map: unknown, before: readonly string[]): number | undefined {
  if (!isMap(map)) return undefined;
  const next = map.items.find((p) => isPair(p) && isScalar(p.key) && before.includes(String(p.key.value)));
  const keyRange = next ? rangeOf(next.key) : undefined;
  if (keyRange) return aboveComments(source, lineStart(source, keyRange[0]));
  const range = rangeOf(map);
  return range ? range[1] : undefined;
}

/** Comment lines right above a line belong to it: something inserted before it goes above them. */
function aboveComments(source: string, start: number): number {
  let at = start;
  while (at > 0) {
    const prev = lineStart(source, at - 1);
    if (!/^[ ]*#/.test(source.slice(prev, at))) break;
    at = prev;
  }
  return at;
}

export interface BlockInsert {
  /** the list to add to; missing keys on the way are created */
  listPath: readonly string[];
  item: Block;
  /** the new item goes before the first existing item this accepts (else last) */
  before?: (item: unknown) => boolean;
  /** a created key goes before the first of these keys its mapping has */
  keyBefore?: (key: string) => readonly string[];
}

/** Add one item to a block list, creating the list (and mappings above it) when missing. */
export function insertListItem(source: string, doc: Document, insert: BlockInsert): TextChange | null {
  const layout = layoutOf(doc, source);
  const { listPath } = insert;
  const found = locate(doc, listPath);
  const list = found?.node;
  if (isSeq(list) && !list.flow && !found?.inFlow) {
    const range = rangeOf(list);
    if (!range) return null;
    const dash = ' '.repeat(columnOf(source, range[0]));
    const text = renderItem(insert.item, dash, layout);
    const target = insert.before ? list.items.find((i) => insert.before?.(i)) : undefined;
    const dashLine = target ? dashLineStart(source, rangeOf(target)?.[0] ?? -1) : undefined;
    if (dashLine !== undefined) {
      const at = aboveComments(source, dashLine);
      return { from: at, to: at, insert: text };
    }
    return appendAt(source, range[1], text);
  }
  if (found && (list === null || (isScalar(list) && list.value === null) || (isSeq(list) && list.items.length === 0 && list.flow))) {
    // `rules:` or `rules: []`: the list is written below its key instead.
    const keyRange = rangeOf(found.key);
    if (!keyRange || found.inFlow) return null;
    const keyIndent = ' '.repeat(columnOf(source, keyRange[0]));
    const text = renderItem(insert.item, keyIndent + layout.listIndent, layout);
    const valueRange = rangeOf(list);
    const keyLineEnd = nextLineStart(source, keyRange[1]);
    const from = valueRange && valueRange[1] > valueRange[0] ? valueRange[0] : keyLineEnd;
    if (from === keyLineEnd) return appendAt(source, keyLineEnd, text);
    // Drop the `[]` (and the space before it); what followed it on the line stays after the list.
    let start = from;
    while (start > 0 && source[start - 1] === ' ') start--;
    return { from: start, to: valueRange?.[1] ?? from, insert: `\n${text.replace(/\n$/, '')}` };
  }
  if (found) return null;
  return insertMissingKey(source, doc, insert, layout);
}

function insertMissingKey(source: string, doc: Document, insert: BlockInsert, layout: Layout): TextChange | null {
  const { listPath } = insert;
  for (let depth = listPath.length - 1; depth >= 0; depth--) {
    const parentPath = listPath.slice(0, depth);
    const parent = parentPath.length === 0 ? { node: doc.contents, inFlow: false } : locate(doc, parentPath);
    if (!parent) continue;
    const map = parent.node;
    if (!isMap(map) || map.flow || parent.inFlow) return null;
    const firstKey = rangeOf(map.items[0]?.key);
    if (!firstKey) return null;
    const indent = ' '.repeat(columnOf(source, firstKey[0]));
    const keys = listPath.slice(depth);
    const [head, ...rest] = keys;
    if (head === undefined) return null;
    const value = rest.reduceRight<Block>((inner, key) => ({ map: [[key, inner]] }), { list: [insert.item] });
    const text = renderEntry(head, value, indent, layout);
    const at = keyInsertPoint(source, map, insert.keyBefore?.(head) ?? []);
    if (at === undefined) return null;
    // A new top-level section keeps the blank line the file puts between sections.
    const spaced = parentPath.length === 0 ? `${text}\n` : text;
    return appendAt(source, at, spaced);
  }
  return null;
}

function appendAt(source: string, offset: number, text: string): TextChange {
  const at = nextLineStart(source, offset);
  const lead = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
  return { from: at, to: at, insert: lead + text };
}

/** The start of the line holding the `- ` before a block list item. */
export function dashLineStart(source: string, itemStart: number): number | undefined {
  let at = itemStart - 1;
  while (at >= 0 && source[at] === ' ') at--;
  if (at < 0 || source[at] !== '-') return undefined;
  const start = lineStart(source, at);
  return /^[ ]*$/.test(source.slice(start, at)) ? start : undefined;
}

/** The end of the line `offset` is on when only spaces or a comment follow it there. */
function endOfItemLine(source: string, offset: number): number {
  if (offset === 0 || source[offset - 1] === '\n') return offset;
  const end = source.indexOf('\n', offset);
  const rest = source.slice(offset, end < 0 ? source.length : end);
  return /^[ \t]*(#.*)?$/.test(rest) ? (end < 0 ? source.length : end + 1) : offset;
}

/**
 * Remove item `index` of the block list at `listPath`: its lines go, comments between items stay.
 * The last item takes its key with it (`whenLast: 'key'`) or leaves an empty `[]` list.
 */
export function removeListItem(source: string, doc: Document, listPath: YamlPath, index: number, whenLast: 'key' | 'empty'): TextChange | null {
  const found = locate(doc, listPath);
  const list = found?.node;
  if (!found || !isSeq(list) || list.flow || found.inFlow) return null;
  const item = rangeOf(list.items[index]);
  if (!item) return null;
  if (list.items.length === 1) {
    const keyRange = rangeOf(found.key);
    const listRange = rangeOf(list);
    if (!keyRange || !listRange) return null;
    const from = lineStart(source, keyRange[0]);
    const to = endOfItemLine(source, listRange[1]);
    if (whenLast === 'key') return { from, to, insert: '' };
    return { from: keyRange[1], to: to - (source[to - 1] === '\n' ? 1 : 0), insert: ': []' };
  }
  const from = dashLineStart(source, item[0]);
  if (from === undefined) return null;
  return { from, to: endOfItemLine(source, item[1]), insert: '' };
}

/**
 * Remove the key at `path` with its value (a move's `label`). In block style its lines go, comments on
 * them too; inside `{...}` the entry goes with one comma. Null when it is its mapping's only key (an
 * empty mapping would change what its parent means) or does not start its line (after `- `).
 */
export function removeKey(source: string, doc: Document, path: YamlPath): TextChange | null {
  const name = path[path.length - 1];
  const parent = path.length > 0 ? locate(doc, path.slice(0, -1)) : undefined;
  const map = parent?.node;
  if (typeof name !== 'string' || !parent || !isMap(map) || map.items.length < 2) return null;
  const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === name);
  const pair = map.items[index];
  const keyRange = rangeOf(pair?.key);
  if (!pair || !keyRange) return null;
  const end = rangeOf(pair.value)?.[1] ?? keyRange[1];
  if (map.flow || parent.inFlow) {
    const nextStart = rangeOf(map.items[index + 1]?.key)?.[0];
    if (nextStart !== undefined) return { from: keyRange[0], to: nextStart, insert: '' };
    const prev = map.items[index - 1];
    const prevEnd = rangeOf(prev?.value ?? prev?.key)?.[1];
    return prevEnd === undefined ? null : { from: prevEnd, to: end, insert: '' };
  }
  const from = lineStart(source, keyRange[0]);
  if (!/^[ ]*$/.test(source.slice(from, keyRange[0]))) return null;
  return { from, to: endOfItemLine(source, end), insert: '' };
}
