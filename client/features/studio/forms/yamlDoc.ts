// Reading the scenario YAML for the forms: the `yaml` Document (with node ranges into the source),
// the first syntax error at its line:col when there is one, and a walk from a JSON path to the node,
// its key and whether it sits inside a flow collection (which decides how a new value is written).
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';

export type YamlPath = readonly (string | number)[];

export interface ParseFailure {
  message: string;
  line: number;
  col: number;
}

export type ReadDoc = { ok: true; doc: Document } | { ok: false; error: ParseFailure };

export function readDoc(source: string): ReadDoc {
  const counter = new LineCounter();
  try {
    const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
    const first = doc.errors[0];
    if (!first) return { ok: true, doc };
    const { line, col } = counter.linePos(first.pos[0]);
    // yaml's message may end with a position or an excerpt; the form shows its own line:col link.
    const message = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: { message, line: Math.max(1, line), col: Math.max(1, col) } };
  } catch (err) {
    // Absurd nesting overflows the composer's stack; the form then shows this like a syntax error.
    return { ok: false, error: { message: err instanceof Error ? err.message : String(err), line: 1, col: 1 } };
  }
}

export interface Located {
  /** the node at the path (a Scalar, YAMLMap, YAMLSeq or Alias; null for `key:` with no value) */
  node: unknown;
  /** where the mapping key of the last step starts, when the last step is a key */
  keyStart: number | undefined;
  /** the key node itself (for renaming) */
  key: unknown;
  /** inside a `[...]` or `{...}`: new values must be written in flow style */
  inFlow: boolean;
}

function keyMatches(key: unknown, segment: string | number): boolean {
  return isScalar(key) ? String(key.value) === String(segment) : key === segment;
}

/**
 * The node at `path`, or undefined when some step does not exist. Aliases are not followed: an
 * aliased part is shared with other places, so the forms leave it to the YAML.
 */
export function locate(doc: Document, path: YamlPath): Located | undefined {
  let node: unknown = doc.contents;
  let keyStart: number | undefined;
  let key: unknown;
  let inFlow = false;
  for (const segment of path) {
    if (isMap(node)) {
      inFlow ||= Boolean(node.flow);
      const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, segment));
      if (!pair) return undefined;
      key = pair.key;
      keyStart = rangeOf(pair.key)?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      inFlow ||= Boolean(node.flow);
      if (segment < 0 || segment >= node.items.length) return undefined;
      key = undefined;
      keyStart = undefined;
      node = node.items[segment];
    } else {
      return undefined;
    }
  }
  return { node, keyStart, key, inFlow };
}

/** [start, valueEnd, nodeEnd] of a node, when it has one. */
export function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: unknown }).range;
    if (Array.isArray(range) && range.length === 3) return range as [number, number, number];
  }
  return undefined;
}

/** The plain JS value of a node (what the checks see), or undefined for a missing one. */
export function valueOf(doc: Document, node: unknown): unknown {
  if (node === null || node === undefined) return undefined;
  if (isScalar(node)) return node.value;
  if (isAlias(node)) return undefined;
  if (isMap(node) || isSeq(node)) return node.toJS(doc) as unknown;
  return undefined;
}

/** 1-based line and column of a character offset. */
export function lineColAt(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: before.length - lineStart + 1 };
}
