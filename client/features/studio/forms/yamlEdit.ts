// Form edits as text changes to the YAML. The Document API finds the node and its exact range; the
// change rewrites only that range (or inserts one line / one flow item), so the trainer's comments,
// key order, folding and quoting everywhere else stay byte-for-byte as they were. We do not use
// Document.toString() for the whole file: it re-folds long block scalars and re-flows `[...]`
// lists, so a one-word edit would touch dozens of unrelated lines (all 13 library files change on
// a no-op round trip). The change is applied to CodeMirror as one transaction, so undo works.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { removeKey, removeListItem } from './yamlBlock.ts';
import { locate, parsed, rangeOf } from './yamlDoc.ts';
import type { YamlPath } from './yamlDoc.ts';
import { flowItem, flowList, flowValue, scalarText } from './yamlWrite.ts';
import type { FormValue, Where } from './yamlWrite.ts';

export type { FormValue } from './yamlWrite.ts';

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export function applyChange(source: string, change: TextChange): string {
  return source.slice(0, change.from) + change.insert + source.slice(change.to);
}

/** The same change with the unchanged head and tail trimmed off (keeps undo and the cursor tidy). */
export function narrowChange(source: string, change: TextChange): TextChange {
  const old = source.slice(change.from, change.to);
  const next = change.insert;
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { from: change.from + head, to: change.to - tail, insert: next.slice(head, next.length - tail) };
}

// ---------------------------------------------------------------- text positions

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function indentOfLine(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ ]*/.exec(source.slice(start))?.[0] ?? '';
}

function columnIndent(source: string, offset: number): string {
  return ' '.repeat(offset - lineStart(source, offset));
}

function restOfLineIsBlank(source: string, offset: number): boolean {
  const end = source.indexOf('\n', offset);
  return /^\s*$/.test(source.slice(offset, end < 0 ? source.length : end));
}

/** The indentation the content of a block scalar has now (or one step deeper than its line). */
function blockIndent(source: string, node: unknown, at: number): string {
  const range = rangeOf(node);
  if (range && isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) {
    const firstContent = source.slice(range[0], range[1]).split('\n')[1];
    const indent = firstContent ? /^[ ]*/.exec(firstContent)?.[0] : undefined;
    if (indent) return indent;
  }
  return `${indentOfLine(source, at)}  `;
}

// ---------------------------------------------------------------- the edits

/** Replace a node's text, keeping a block node's trailing line break where it had one. */
export function replaceNode(source: string, node: unknown, insert: string): TextChange | null {
  const range = rangeOf(node);
  if (!range) return null;
  const old = source.slice(range[0], range[1]);
  let text = old.endsWith('\n') && !insert.endsWith('\n') ? `${insert}\n` : insert;
  // An empty value (`zh-CN:` with nothing after it) sits right after its colon: keep them apart.
  if (range[0] === range[1] && /[:-]$/.test(source.slice(0, range[0]))) text = ` ${text}`;
  return narrowChange(source, { from: range[0], to: range[1], insert: text });
}

/**
 * Set the value at `path`. An existing scalar keeps its quoting style where the new text allows it;
 * a list keeps flow or block style; a missing key is added to its mapping (as `key: value` on a new
 * line, or `, key: value` inside `{...}`), last or, with `first`, before its first key (a state's
 * `label` leads the state, as in the library). Null when the YAML does not parse or the path cannot
 * be written (an alias, a list where a mapping should be): the form then offers the YAML instead.
 */
export function setValue(source: string, path: YamlPath, value: FormValue, options: { first?: boolean } = {}): TextChange | null {
  const doc = parsed(source);
  if (!doc) return null;
  const found = locate(doc, path);
  if (clearsEnglish(doc, path, value)) {
    if (!found) return null;
    // (a key the removal cannot take out cleanly is emptied instead, for the check to point at)
    const removed = removeKey(source, doc, path);
    if (removed) return removed;
  }
  if (found && found.node !== null && found.node !== undefined) return replaceValue(source, found.node, found.inFlow, value);
  return insertMissing(source, doc, path, value, options.first === true);
}

/**
 * An emptied English text of an authored text (`{ zh-CN, en }`: a title, a label, a rule's
 * feedback). English is optional there but may not be empty, so clearing it removes the `en` key
 * (the English UI then shows the Chinese) instead of writing `en: ''`, which the check refuses.
 */
function clearsEnglish(doc: Document, path: YamlPath, value: FormValue): boolean {
  if (path[path.length - 1] !== 'en' || typeof value !== 'string' || value.trim() !== '') return false;
  const parent = locate(doc, path.slice(0, -1))?.node;
  return isMap(parent) && parent.items.some((p) => isScalar(p.key) && p.key.value === 'zh-CN');
}

function replaceValue(source: string, node: unknown, inFlow: boolean, value: FormValue): TextChange | null {
  const range = rangeOf(node);
  if (!range) return null;
  if (Array.isArray(value)) {
    const list = value as readonly string[];
    const now = isSeq(node) ? node.items.map((i) => (isScalar(i) ? i.value : undefined)) : isScalar(node) ? [node.value] : undefined;
    if (now && now.length === list.length && now.every((v, i) => v === list[i]) && (isSeq(node) || list.length === 1)) return null;
    if (isScalar(node) && list.length === 1 && typeof list[0] === 'string') return replaceNode(source, node, flowItem(list[0]));
    if (isSeq(node) && !node.flow && !inFlow && list.length > 0) {
      const indent = columnIndent(source, range[0]);
      return replaceNode(source, node, `${list.map((v, i) => `${i === 0 ? '' : indent}- ${flowItem(v)}`).join('\n')}\n`);
    }
    return replaceNode(source, node, flowList(list));
  }
  if (!isScalar(node)) return null;
  // Writing back what is there already is no edit (and must not re-fold a paragraph).
  if (node.value === value) return null;
  const contentLines = source.slice(range[0], range[1]).split('\n').slice(1);
  const where: Where = {
    flow: inFlow,
    width: Math.max(60, ...contentLines.map((l) => l.trim().length)),
    indent: blockIndent(source, node, range[0]),
    original: node,
    lineEndsAfter: restOfLineIsBlank(source, range[1]),
  };
  return replaceNode(source, node, scalarText(value as string | number | boolean, where));
}

function insertMissing(source: string, doc: Document, path: YamlPath, value: FormValue, first: boolean): TextChange | null {
  // The deepest mapping on the path that exists; the missing keys hang below it.
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parentPath = path.slice(0, depth);
    const parent = parentPath.length === 0 ? { node: doc.contents, inFlow: false } : locate(doc, parentPath);
    if (!parent) continue;
    const map = parent.node;
    if (!isMap(map)) return null;
    const rest = path.slice(depth);
    if (rest.some((k) => typeof k !== 'string')) return null;
    const [key, ...inner] = rest as string[];
    if (key === undefined) return null;
    const nested = inner.reduceRight<FormValue | Record<string, unknown>>((acc, k) => ({ [k]: acc }), value);
    const valueText = flowValue(nested as FormValue);
    const range = rangeOf(map);
    if (!range) return null;
    if (map.flow || parent.inFlow) {
      const last = map.items[map.items.length - 1];
      const after = last ? rangeOf(last.value ?? last.key) : undefined;
      const open = source.indexOf('{', range[0]);
      if (!after) return open < 0 ? null : { from: open + 1, to: open + 1, insert: ` ${flowItem(key)}: ${valueText} ` };
      if (first && open >= 0) return { from: open + 1, to: open + 1, insert: ` ${flowItem(key)}: ${valueText},` };
      return { from: after[1], to: after[1], insert: `, ${flowItem(key)}: ${valueText}` };
    }
    const firstKey = map.items[0] ? rangeOf(map.items[0].key) : undefined;
    if (!firstKey) return null;
    const indent = columnIndent(source, firstKey[0]);
    // Before the first key when it starts its line (not after `- ` in a list item).
    const firstLine = lineStart(source, firstKey[0]);
    if (first && /^[ ]*$/.test(source.slice(firstLine, firstKey[0]))) return { from: firstLine, to: firstLine, insert: `${indent}${flowItem(key)}: ${valueText}\n` };
    const end = range[1];
    const lead = end > 0 && source[end - 1] !== '\n' ? '\n' : '';
    return { from: end, to: end, insert: `${lead}${indent}${flowItem(key)}: ${valueText}\n` };
  }
  return null;
}

/** Rename the key at `path` (require <-> forbid), leaving its value as written. */
export function renameKey(source: string, path: YamlPath, name: string): TextChange | null {
  const doc = parsed(source);
  const found = doc ? locate(doc, path) : undefined;
  return found && isScalar(found.key) ? replaceNode(source, found.key, flowItem(name)) : null;
}

/** Where a buyer line keeps its variants: the line itself (a list) or its `variants:` list. */
function variantsPath(doc: Document, linePath: YamlPath): { path: YamlPath; node: unknown; inFlow: boolean } | undefined {
  const line = locate(doc, linePath);
  if (!line) return undefined;
  if (isMap(line.node)) {
    const inner = locate(doc, [...linePath, 'variants']);
    return inner ? { path: [...linePath, 'variants'], node: inner.node, inFlow: inner.inFlow } : undefined;
  }
  return { path: linePath, node: line.node, inFlow: line.inFlow };
}

/** Add a variant to a buyer line; a single-string line becomes a `[old, new]` list. */
export function addVariant(source: string, linePath: YamlPath, text: string): TextChange | null {
  const doc = parsed(source);
  const at = doc ? variantsPath(doc, linePath) : undefined;
  if (!at) return null;
  const { node } = at;
  const range = rangeOf(node);
  if (!range) return null;
  if (isScalar(node)) {
    const blockStyle = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
    const old = blockStyle ? flowItem(String(node.value)) : source.slice(range[0], range[1]);
    return replaceNode(source, node, `[${old}, ${flowItem(text)}]`);
  }
  if (!isSeq(node)) return null;
  const last = node.items[node.items.length - 1];
  const lastRange = rangeOf(last);
  if (node.flow || at.inFlow) {
    if (!lastRange) {
      const open = source.indexOf('[', range[0]);
      return open < 0 ? null : { from: open + 1, to: open + 1, insert: flowItem(text) };
    }
    return { from: lastRange[1], to: lastRange[1], insert: `, ${flowItem(text)}` };
  }
  const indent = columnIndent(source, range[0]);
  const end = range[1];
  const lead = end > 0 && source[end - 1] !== '\n' ? '\n' : '';
  return { from: end, to: end, insert: `${lead}${indent}- ${flowItem(text)}\n` };
}

/**
 * Remove one variant of a buyer line; the last one stays (a line needs at least one). `expected` is
 * the wording the form showed: the form can lag the editor by a debounce, and a variant that has
 * moved since is not removed (null) rather than the wrong one.
 */
export function removeVariant(source: string, linePath: YamlPath, index: number, expected?: string): TextChange | null {
  const doc = parsed(source);
  const at = doc ? variantsPath(doc, linePath) : undefined;
  if (!doc || !at || !isSeq(at.node) || at.node.items.length <= 1) return null;
  const seq = at.node;
  const itemNode = seq.items[index];
  const item = rangeOf(itemNode);
  if (!item) return null;
  if (expected !== undefined && !(isScalar(itemNode) && itemNode.value === expected)) return null;
  if (seq.flow || at.inFlow) {
    const prev = index > 0 ? rangeOf(seq.items[index - 1]) : undefined;
    const next = rangeOf(seq.items[index + 1]);
    if (prev) return { from: prev[1], to: item[1], insert: '' };
    return next ? { from: item[0], to: next[0], insert: '' } : null;
  }
  // A block list: the item's lines go, comments between the variants stay.
  return removeListItem(source, doc, at.path, index, 'empty');
}
