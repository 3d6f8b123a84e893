// Maps a JSON path (as zod reports it, or as the checker builds it) back to a line:col in the YAML
// source, so every diagnostic points at the node an author has to edit.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';

export type JsonPath = readonly (string | number)[];

export interface Position {
  line: number;
  col: number;
}

export interface SourceMap {
  /** The node at `jsonPath`, or the nearest existing ancestor (a missing key -> its mapping). */
  locate(jsonPath: JsonPath): Position;
  /** Like locate, but for a mapping entry the key rather than its value (unknown keys, ids). */
  locateKey?(jsonPath: JsonPath): Position;
}

export const START: Position = { line: 1, col: 1 };

export function positionAt(counter: LineCounter, offset: number): Position {
  const { line, col } = counter.linePos(Math.max(0, offset));
  return { line: Math.max(1, line), col: Math.max(1, col) };
}

interface Step {
  /** the node reached, or null when the value is empty (`key:` with nothing after it) */
  node: unknown;
  /** where the last existing thing on the path starts: the value, or its key when the value is empty */
  offset: number | undefined;
  keyOffset: number | undefined;
  /** whether the whole path was found */
  complete: boolean;
}

// An empty value (`say:` with nothing after it) has a zero-width range; callers then use the key.
function start(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as YamlNode).range;
    if (Array.isArray(range) && range[1] > range[0]) return range[0];
  }
  return undefined;
}

// Aliases point at their anchored node; the walk follows them so `*base` entries still locate.
function deref(doc: Document, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(doc) ?? node;
    } catch {
      return node;
    }
  }
  return node;
}

function keyMatches(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return key === segment;
}

function walk(doc: Document, path: JsonPath): Step {
  let node: unknown = doc.contents;
  let offset = start(node);
  let keyOffset = offset;
  for (const segment of path) {
    node = deref(doc, node);
    let next: unknown;
    let nextKeyOffset: number | undefined;
    let found = false;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, segment));
      if (pair) {
        found = true;
        next = pair.value;
        nextKeyOffset = start(pair.key);
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      if (segment >= 0 && segment < node.items.length) {
        found = true;
        next = node.items[segment];
        nextKeyOffset = start(next);
      }
    }
    if (!found) return { node, offset, keyOffset, complete: false };
    node = next;
    keyOffset = nextKeyOffset ?? offset;
    offset = start(deref(doc, next)) ?? start(next) ?? keyOffset;
  }
  return { node, offset, keyOffset, complete: true };
}

export function createSourceMap(doc: Document, counter: LineCounter): SourceMap & Required<Pick<SourceMap, 'locateKey'>> {
  const at = (offset: number | undefined): Position => (offset === undefined ? START : positionAt(counter, offset));
  return {
    locate: (path) => at(walk(doc, path).offset),
    locateKey: (path) => {
      const step = walk(doc, path);
      return at(step.complete ? step.keyOffset : step.offset);
    },
  };
}

/** A map that knows no source: everything is at 1:1 (for data built in code, e.g. in tests). */
export const emptySourceMap: SourceMap = { locate: () => START, locateKey: () => START };
