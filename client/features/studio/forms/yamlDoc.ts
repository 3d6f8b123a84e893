// Reading the scenario YAML for the forms: the `yaml` Document (with node ranges into the source),
// the first syntax error at its line:col when there is one, and a walk from a JSON path to the node,
// its key and whether it sits inside a flow collection (which decides how a new value is written).
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { composeYaml, positionAt, walkPath, yamlErrorText } from '../../../../server/engine/index.ts';

export type YamlPath = readonly (string | number)[];

export interface ParseFailure {
  message: string;
  line: number;
  col: number;
}

export type ReadDoc = { ok: true; doc: Document } | { ok: false; error: ParseFailure };

/** The document as the engine composes it, or its first syntax error at line:col. */
export function readDoc(source: string): ReadDoc {
  const composed = composeYaml(source);
  // Absurd nesting overflows the composer's stack; the form then shows this like a syntax error.
  if (!composed.ok) return { ok: false, error: { message: composed.thrown, line: 1, col: 1 } };
  const { doc, counter } = composed;
  const first = doc.errors[0];
  if (!first) return { ok: true, doc };
  // The form shows its own line:col link, so the message loses yaml's trailing position.
  return { ok: false, error: { message: yamlErrorText(first), ...positionAt(counter, first.pos[0]) } };
}

/** The document when the YAML parses, else undefined (the edits then decline). */
export function parsed(source: string): Document | undefined {
  const read = readDoc(source);
  return read.ok ? read.doc : undefined;
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

/**
 * The node at `path`, or undefined when some step does not exist. Aliases are not followed: an
 * aliased part is shared with other places, so the forms leave it to the YAML.
 */
export function locate(doc: Document, path: YamlPath): Located | undefined {
  const { steps, complete } = walkPath(doc, path, false);
  if (!complete) return undefined;
  const last = steps.at(-1);
  if (!last) return { node: doc.contents, keyStart: undefined, key: undefined, inFlow: false };
  return { node: last.node, keyStart: rangeOf(last.key)?.[0], key: last.key, inFlow: steps.some((step) => Boolean(step.collection.flow)) };
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
