// A studio scenario's YAML -> a checked bundle, or the same diagnostics `check:scenarios` prints:
// schema, references, graph, then the embedded tests. Publishing is refused on any of them.
import { checkScenario, parseScenarioSource, runEmbeddedTests, sortDiagnostics } from '../engine/index.ts';
import type { Bundle, Diagnostic } from '../engine/index.ts';
import { checkLexicon } from '../engine/scenario/check.ts';
import { checkLexiconRegexSafety, checkScenarioRegexSafety } from './regexSafety.ts';
import { listScenarioFiles, loadLexicon, loadShop } from './scenarioFiles.ts';
import { basename } from 'node:path';

export const STUDIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_STUDIO_SOURCE_BYTES = 256 * 1024;

export type StudioCheck = { ok: true; bundle: Bundle } | { ok: false; diagnostics: Diagnostic[] };

/** The label diagnostics carry: the file it would be if exported to scenarios/. */
export function studioPath(id: string): string {
  return `${id}.yaml`;
}

export async function libraryIds(dir: string): Promise<string[]> {
  return (await listScenarioFiles(dir)).map((p) => basename(p).replace(/\.ya?ml$/, ''));
}

export async function checkStudioSource(dir: string, id: string, source: string): Promise<StudioCheck> {
  const path = studioPath(id);
  const parsed = parseScenarioSource(source, path);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const at = (keys: (string | number)[], message: string): Diagnostic => ({ path, ...parsed.map.locate(keys), message });
  const scenario = parsed.value;
  if (scenario.id !== id) return { ok: false, diagnostics: [at(['id'], `id "${scenario.id}" does not match the studio scenario "${id}"`)] };
  const lexicon = await loadLexicon(dir);
  if (!lexicon.ok) return { ok: false, diagnostics: lexicon.diagnostics };
  const lexiconProblems = [...checkLexicon(lexicon.value, lexicon.map, lexicon.path), ...checkLexiconRegexSafety(lexicon.value, lexicon.map, lexicon.path)];
  if (lexiconProblems.length > 0) return { ok: false, diagnostics: lexiconProblems };
  const shop = await loadShop(dir, scenario.shop);
  if (shop && !shop.ok) return { ok: false, diagnostics: shop.diagnostics };
  // The backtracking check also guards the embedded tests below: they run the patterns here.
  const problems = sortDiagnostics([
    ...checkScenario(scenario, { shop: shop?.value, lexicon: lexicon.value, map: parsed.map, path }),
    ...checkScenarioRegexSafety(scenario, parsed.map, path),
  ]);
  if (problems.length > 0 || !shop) return { ok: false, diagnostics: problems };
  const bundle: Bundle = { scenario, shop: shop.value, lexicon: lexicon.value };
  const failures: Diagnostic[] = [];
  try {
    for (const result of runEmbeddedTests(bundle)) {
      const test = scenario.tests[result.index];
      const label = `tests[${result.index}]${test?.name ? ` (${test.name})` : ''}`;
      for (const failure of result.failures) failures.push(at(['tests', result.index], `${label}: ${failure}`));
    }
  } catch (err) {
    failures.push(at(['tests'], `the embedded tests could not run: ${err instanceof Error ? err.message : String(err)}`));
  }
  return failures.length > 0 ? { ok: false, diagnostics: failures } : { ok: true, bundle };
}
