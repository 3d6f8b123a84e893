// Maps a JSON path (as zod reports it, or as the checker builds it) back to a line:col in the YAML
// source, so every diagnostic points at the node an author has to edit.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';

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

export interface PathStep {
  /** the mapping or list this step was taken in */
  collection: YAMLMap | YAMLSeq;
  /** the mapping key node, or undefined for a list item */
  key: unknown;
  /** the value reached (null when it is empty: `key:` with nothing after it) */
  node: unknown;
}

export interface PathWalk {
  /** the steps that exist, in order; stops at the first missing one */
  steps: PathStep[];
  /** whether the whole path was found */
  complete: boolean;
}

/**
 * Walks `path` from the document root. With `followAliases` an alias is walked through to its
 * anchored node (diagnostics still locate inside `*base`); without, the walk stops there, because
 * an editor must not write into a node other places share.
 */
export function walkPath(doc: Document, path: JsonPath, followAliases: boolean): PathWalk {
  const steps: PathStep[] = [];
  let node: unknown = doc.contents;
  for (const segment of path) {
    const collection = followAliases ? deref(doc, node) : node;
    let step: PathStep | undefined;
    if (isMap(collection)) {
      const pair = collection.items.find((p) => isPair(p) && keyMatches(p.key, segment));
      if (pair) step = { collection, key: pair.key, node: pair.value };
    } else if (isSeq(collection) && typeof segment === 'number' && segment >= 0 && segment < collection.items.length) {
      step = { collection, key: undefined, node: collection.items[segment] };
    }
    if (!step) return { steps, complete: false };
    steps.push(step);
    node = step.node;
  }
  return { steps, complete: true };
}

function walk(doc: Document, path: JsonPath): Step {
  let node: unknown = doc.contents;
  let offset = start(node);
  let keyOffset = offset;
  const { steps, complete } = walkPath(doc, path, true);
  for (const step of steps) {
    const nextKeyOffset = isSeq(step.collection) ? start(step.node) : start(step.key);
    node = step.node;
    keyOffset = nextKeyOffset ?? offset;
    offset = start(deref(doc, node)) ?? start(node) ?? keyOffset;
  }
  return { node: complete ? node : deref(doc, node), offset, keyOffset, complete };
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
