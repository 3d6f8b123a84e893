// Scenario, shop and lexicon files -> validated data, or diagnostics that point at the exact
// line:col to edit. Pure: the caller reads the file; this never throws, whatever the input.
import { LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { z } from 'zod';
import { lexiconSchema, scenarioSchema } from './schema.ts';
import type { Lexicon, Scenario } from './schema.ts';
import { shopSchema } from './shopSchema.ts';
import type { Shop } from './shopSchema.ts';
import { START, createSourceMap, positionAt } from './sourceMap.ts';
import type { Position, SourceMap } from './sourceMap.ts';
import { issueMessages } from './zodIssues.ts';

export type { JsonPath, PathStep, PathWalk, Position, SourceMap } from './sourceMap.ts';
export { emptySourceMap, positionAt, walkPath } from './sourceMap.ts';

/** One problem in one file; line and col are 1-based. */
export interface Diagnostic {
  path: string;
  line: number;
  col: number;
  message: string;
}

/** One line per problem, always: tools and editors parse this format line by line. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.col}: ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

export function diagnostic(path: string, pos: Position, message: string): Diagnostic {
  return { path, line: pos.line, col: pos.col, message };
}

/** Stable order for output: by file, then position, then text; exact repeats dropped. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)))
    .filter((d) => {
      const key = formatDiagnostic(d);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export type Parsed<T> = { ok: true; value: T; map: SourceMap } | { ok: false; diagnostics: Diagnostic[] };

/** An alias-expansion bomb ("billion laughs") stops here instead of eating memory. */
const MAX_ALIAS_COUNT = 200;
/** Past this many, more messages are noise caused by the first ones. */
const MAX_DIAGNOSTICS = 50;

function yamlMessage(err: YAMLError, source: string): string {
  if (err.code === 'DUPLICATE_KEY') {
    // The error marks where the key starts; the key runs to its colon.
    const rest = source.slice(err.pos[0], err.pos[0] + 200).split('\n')[0] ?? '';
    const key = /^(.*?)\s*:(?:\s|$)/.exec(rest)?.[1]?.replace(/^(["'])(.*)\1$/, '$2');
    return key && key.length <= 60 ? `duplicate key ${JSON.stringify(key)}` : 'duplicate key';
  }
  return `YAML syntax error: ${yamlErrorText(err)}`;
}

/** A yaml error's first line without its trailing position: callers say where themselves. */
export function yamlErrorText(err: YAMLError): string {
  // yaml's messages may end with a position or a code excerpt.
  return err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.message;
}

function limit(list: Diagnostic[], path: string): Diagnostic[] {
  const sorted = sortDiagnostics(list);
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const last = sorted[MAX_DIAGNOSTICS - 1] ?? { line: 1, col: 1 };
  return [...sorted.slice(0, MAX_DIAGNOSTICS), diagnostic(path, last, `… and ${sorted.length - MAX_DIAGNOSTICS} more problems`)];
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export type ComposedYaml = { ok: true; doc: Document; counter: LineCounter } | { ok: false; thrown: string };

/**
 * The YAML document (with node ranges and a line counter) exactly as the engine reads it; its
 * errors and warnings are left on the document. Never throws: a composer crash comes back as text.
 */
export function composeYaml(source: string): ComposedYaml {
  const counter = new LineCounter();
  try {
    const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    return { ok: true, doc, counter };
  } catch (err) {
    // The composer recurses; absurd nesting overflows the stack before it can report an error.
    return { ok: false, thrown: errorText(err) };
  }
}

function readYaml(source: string, path: string): { doc: Document; counter: LineCounter; data: unknown } | { diagnostics: Diagnostic[] } {
  const composed = composeYaml(source);
  if (!composed.ok) return { diagnostics: [diagnostic(path, START, `cannot read this YAML: ${composed.thrown}`)] };
  const { doc, counter } = composed;
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const deep = problems.find((e) => /call stack/i.test(e.message));
    if (deep) return { diagnostics: [diagnostic(path, positionAt(counter, deep.pos[0]), 'the document is nested too deeply')] };
    // One cause often yields the same complaint at many places; the first of each kind is enough.
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const e of problems) {
      const message = yamlMessage(e, source);
      if (e.code !== 'DUPLICATE_KEY' && seen.has(message)) continue;
      seen.add(message);
      diagnostics.push(diagnostic(path, positionAt(counter, e.pos[0]), message));
    }
    return { diagnostics };
  }
  try {
    return { doc, counter, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    const message = /alias/i.test(errorText(err)) ? 'too many aliases: the document expands to an excessive size' : `cannot read this YAML: ${errorText(err)}`;
    return { diagnostics: [diagnostic(path, START, message)] };
  }
}

/** Parse YAML `source` and validate it with `schema`; `path` only labels the diagnostics. */
export function parseYamlSource<S extends z.ZodType>(schema: S, source: string, path: string): Parsed<z.output<S>> {
  try {
    const read = readYaml(typeof source === 'string' ? source : String(source), path);
    if ('diagnostics' in read) return { ok: false, diagnostics: limit(read.diagnostics, path) };
    const map = createSourceMap(read.doc, read.counter);
    const result = schema.safeParse(read.data);
    if (result.success) return { ok: true, value: result.data, map };
    const located = issueMessages(result.error.issues, read.data, schema, map);
    return { ok: false, diagnostics: limit(located.map((l) => diagnostic(path, l.pos, l.message)), path) };
  } catch (err) {
    // Defence in depth: a bug here must become a message, never a crash of the caller.
    return { ok: false, diagnostics: [diagnostic(path, START, `internal error while reading this file: ${errorText(err)}`)] };
  }
}

export function parseScenarioSource(source: string, path: string): Parsed<Scenario> {
  return parseYamlSource(scenarioSchema, source, path);
}

export function parseShopSource(source: string, path: string): Parsed<Shop> {
  return parseYamlSource(shopSchema, source, path);
}

export function parseLexiconSource(source: string, path: string): Parsed<Lexicon> {
  return parseYamlSource(lexiconSchema, source, path);
}
