// The studio's live checks, run in the browser on each (debounced) edit: the same parser, checker
// and embedded tests as `check:scenarios` and the publish route, so what the editor shows is what
// publishing will say.
import { checkScenario, compileScenario, parseScenarioSource, runEmbeddedTest } from '../../../server/engine/index.ts';
import type { CompiledScenario, Diagnostic, Lexicon, Scenario, Shop, SourceMap } from '../../../server/engine/index.ts';

export interface StudioContext {
  lexicon: Lexicon;
  shops: Record<string, Shop>;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** set when the YAML parses and fits the schema (the graph can be drawn) */
  scenario?: Scenario;
  map?: SourceMap;
  /** set when the static checks pass too (play-testing is possible) */
  compiled?: CompiledScenario;
}

export function studioPath(id: string): string {
  return `${id}.yaml`;
}

export function checkSource(source: string, id: string, ctx: StudioContext, withTests = true): CheckResult {
  const path = studioPath(id);
  const parsed = parseScenarioSource(source, path);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const scenario = parsed.value;
  const map = parsed.map;
  const at = (keys: (string | number)[], message: string): Diagnostic => {
    const pos = map.locate(keys);
    return { path, line: pos.line, col: pos.col, message };
  };
  const diagnostics: Diagnostic[] = [];
  if (scenario.id !== id) diagnostics.push(at(['id'], `id "${scenario.id}" does not match the studio scenario "${id}"`));
  const shop = ctx.shops[scenario.shop];
  diagnostics.push(...checkScenario(scenario, { shop, lexicon: ctx.lexicon, map, path }));
  if (diagnostics.length > 0 || !shop) return { diagnostics, scenario, map };
  let compiled: CompiledScenario;
  try {
    compiled = compileScenario({ scenario, shop, lexicon: ctx.lexicon });
  } catch (err) {
    return { diagnostics: [at([], `cannot compile: ${err instanceof Error ? err.message : String(err)}`)], scenario, map };
  }
  if (withTests) {
    scenario.tests.forEach((test, index) => {
      const label = `tests[${index}]${test.name ? ` (${test.name})` : ''}`;
      for (const failure of runEmbeddedTest(compiled, test)) diagnostics.push(at(['tests', index], `${label}: ${failure}`));
    });
  }
  return { diagnostics, scenario, map, compiled };
}

/** A character offset in `source` for a 1-based line and column (clamped to the text). */
export function offsetOf(source: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  const end = source.indexOf('\n', offset);
  const lineEnd = end < 0 ? source.length : end;
  return Math.min(offset + Math.max(0, col - 1), lineEnd);
}

/** 1-based line and column of a character offset (the inverse of offsetOf). */
export function lineColAt(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: before.length - lineStart + 1 };
}
