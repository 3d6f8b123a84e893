// The persona library on disk: scenarios/<id>.yaml, scenarios/shops/<id>.yaml and the global
// lexicon scenarios/intents.yaml. Reads files and hands the text to the pure parser and checker.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkScenario, parseLexiconSource, parseScenarioSource, parseShopSource } from '../engine/index.ts';
import type { Bundle, Diagnostic, Lexicon, Parsed, Scenario, Shop, SourceMap } from '../engine/index.ts';
import { checkLexicon, checkShop } from '../engine/scenario/check.ts';
import { checkLexiconRegexSafety, checkScenarioRegexSafety } from './regexSafety.ts';

export const LEXICON_FILE = 'intents.yaml';
export const SHOPS_DIR = 'shops';

/** The library directory: $SCENARIOS_DIR (tests point it at a temp dir) or ./scenarios. */
export function scenariosDir(): string {
  return process.env['SCENARIOS_DIR'] || 'scenarios';
}

/** A parsed file with the text it came from (empty when the file could not be read). */
export type Loaded<T> = Parsed<T> & { path: string; source: string };

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

async function yamlFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter(isYaml).sort().map((name) => join(dir, name));
}

/** scenarios/*.yaml except the lexicon (shops live in a subfolder and are not listed). */
export async function listScenarioFiles(dir = scenariosDir()): Promise<string[]> {
  return (await yamlFiles(dir)).filter((path) => basename(path) !== LEXICON_FILE);
}

export async function listShopFiles(dir = scenariosDir()): Promise<string[]> {
  return yamlFiles(join(dir, SHOPS_DIR));
}

function unreadable(path: string, err: unknown): Loaded<never> {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : (code ?? String(err));
  return { ok: false, path, source: '', diagnostics: [{ path, line: 1, col: 1, message: `cannot read the file: ${why}` }] };
}

async function load<T>(path: string, parse: (source: string, path: string) => Parsed<T>): Promise<Loaded<T>> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    return unreadable(path, err);
  }
  return { ...parse(source, path), path, source };
}

export function loadScenarioFile(path: string): Promise<Loaded<Scenario>> {
  return load(path, parseScenarioSource);
}

export function loadShopFile(path: string): Promise<Loaded<Shop>> {
  return load(path, parseShopSource);
}

export function loadLexiconFile(path: string): Promise<Loaded<Lexicon>> {
  return load(path, parseLexiconSource);
}

export function lexiconPath(dir: string): string {
  return join(dir, LEXICON_FILE);
}

export function shopPath(dir: string, id: string): string {
  return join(dir, SHOPS_DIR, `${id}.yaml`);
}

export function loadLexicon(dir = scenariosDir()): Promise<Loaded<Lexicon>> {
  return loadLexiconFile(lexiconPath(dir));
}

/** undefined when the library has no such shop (the checker reports it as an unknown shop). */
export async function loadShop(dir: string, id: string): Promise<Loaded<Shop> | undefined> {
  const path = shopPath(dir, id);
  if (!existsSync(path)) return undefined;
  return loadShopFile(path);
}

/** Ids must match file names: that is how a scenario finds its shop and how CLIs find a scenario. */
export function fileNameDiagnostics(value: { id: string }, map: SourceMap, path: string): Diagnostic[] {
  const stem = basename(path).replace(/\.ya?ml$/, '');
  if (value.id === stem) return [];
  const pos = map.locate(['id']);
  return [{ path, line: pos.line, col: pos.col, message: `id "${value.id}" does not match the file name "${basename(path)}" (expected id: ${stem})` }];
}

/** A path names a file; anything else is a scenario id in `dir`. */
export function scenarioPathFor(dir: string, idOrPath: string): string {
  return isYaml(idOrPath) || idOrPath.includes('/') || idOrPath.includes('\\') ? idOrPath : join(dir, `${idOrPath}.yaml`);
}

/** The library a scenario file belongs to: its own folder when that holds a lexicon, else `dir`. */
export function libraryFor(dir: string, scenarioPath: string): string {
  const own = dirname(scenarioPath);
  return existsSync(lexiconPath(own)) ? own : dir;
}

export type BundleResult = { ok: true; bundle: Bundle; map: SourceMap; path: string } | { ok: false; diagnostics: Diagnostic[] };

/** Scenario + its shop + the lexicon, parsed and statically checked: ready to compile and play. */
export async function loadBundle(dir: string, idOrPath: string): Promise<BundleResult> {
  const path = scenarioPathFor(dir, idOrPath);
  const scenario = await loadScenarioFile(path);
  if (!scenario.ok) return { ok: false, diagnostics: scenario.diagnostics };
  const library = libraryFor(dir, path);
  const lexicon = await loadLexicon(library);
  if (!lexicon.ok) return { ok: false, diagnostics: lexicon.diagnostics };
  const lexiconProblems = [...checkLexicon(lexicon.value, lexicon.map, lexicon.path), ...checkLexiconRegexSafety(lexicon.value, lexicon.map, lexicon.path)];
  if (lexiconProblems.length > 0) return { ok: false, diagnostics: lexiconProblems };
  const shop = await loadShop(library, scenario.value.shop);
  if (shop && !shop.ok) return { ok: false, diagnostics: shop.diagnostics };
  const shopProblems = shop ? checkShop(shop.value, shop.map, shop.path) : [];
  const diagnostics = [
    ...shopProblems,
    ...fileNameDiagnostics(scenario.value, scenario.map, path),
    ...checkScenario(scenario.value, { shop: shop?.value, lexicon: lexicon.value, map: scenario.map, path }),
    // not in checkScenario: the engine is bundled into the web client, the backtracking analysis is not
    ...checkScenarioRegexSafety(scenario.value, scenario.map, path),
  ];
  if (diagnostics.length > 0 || !shop) return { ok: false, diagnostics };
  return { ok: true, bundle: { scenario: scenario.value, shop: shop.value, lexicon: lexicon.value }, map: scenario.map, path };
}
