// npm run -s check:scenarios -- [paths or library folders...]   (default: the whole library)
// Parses and statically checks scenarios, shops and the lexicon, then runs each scenario's embedded
// tests. Prints `path:line:col: message` lines on stdout and exits 1 if there are any; a one-line
// summary goes to stderr. Library: $SCENARIOS_DIR or ./scenarios.
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { formatDiagnostic, runEmbeddedTests, sortDiagnostics } from '../engine/index.ts';
import type { Diagnostic, Lexicon, Shop } from '../engine/index.ts';
import { checkLexicon, checkScenario, checkShop } from '../engine/scenario/check.ts';
import {
  LEXICON_FILE, SHOPS_DIR, fileNameDiagnostics, lexiconPath, libraryFor, listScenarioFiles, listShopFiles,
  loadLexiconFile, loadScenarioFile, loadShopFile, scenariosDir, shopPath,
} from '../store/scenarioFiles.ts';
import { checkLexiconRegexSafety, checkScenarioRegexSafety } from '../store/regexSafety.ts';
import { fail, readArgs, UsageError } from './args.ts';

const USAGE = 'usage: npm run -s check:scenarios -- [scenario.yaml | shops/<id>.yaml | intents.yaml | library folder ...]';

type Kind = 'scenario' | 'shop' | 'lexicon';

function kindOf(path: string): Kind {
  if (basename(path) === LEXICON_FILE) return 'lexicon';
  if (basename(dirname(path)) === SHOPS_DIR) return 'shop';
  return 'scenario';
}

/** Library paths read better relative to the working directory when they lie under it. */
function display(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly counts = { scenario: 0, shop: 0, lexicon: 0, tests: 0 };
  // Each file is read and reported once, however many scenarios depend on it.
  private lexicons = new Map<string, Promise<Lexicon | undefined>>();
  private shops = new Map<string, Promise<Shop | 'broken' | undefined>>();

  constructor(private readonly dir: string) {}

  lexicon(path: string): Promise<Lexicon | undefined> {
    let found = this.lexicons.get(path);
    if (!found) {
      found = (async () => {
        this.counts.lexicon++;
        const loaded = await loadLexiconFile(path);
        if (!loaded.ok) {
          this.diagnostics.push(...loaded.diagnostics);
          return undefined;
        }
        const problems = [...checkLexicon(loaded.value, loaded.map, path), ...checkLexiconRegexSafety(loaded.value, loaded.map, path)];
        this.diagnostics.push(...problems);
        return problems.length === 0 ? loaded.value : undefined;
      })();
      this.lexicons.set(path, found);
    }
    return found;
  }

  shop(path: string, mustExist: boolean): Promise<Shop | 'broken' | undefined> {
    let found = this.shops.get(path);
    if (!found) {
      found = (async () => {
        const exists = await stat(path).then((s) => s.isFile(), () => false);
        if (!exists && !mustExist) return undefined;
        this.counts.shop++;
        const loaded = await loadShopFile(path);
        if (!loaded.ok) {
          this.diagnostics.push(...loaded.diagnostics);
          return 'broken';
        }
        const problems = [...fileNameDiagnostics(loaded.value, loaded.map, path), ...checkShop(loaded.value, loaded.map, path)];
        this.diagnostics.push(...problems);
        return problems.length === 0 ? loaded.value : 'broken';
      })();
      this.shops.set(path, found);
    }
    return found;
  }

  async scenario(path: string): Promise<void> {
    this.counts.scenario++;
    const loaded = await loadScenarioFile(path);
    if (!loaded.ok) {
      this.diagnostics.push(...loaded.diagnostics);
      return;
    }
    const scenario = loaded.value;
    const names = fileNameDiagnostics(scenario, loaded.map, path);
    this.diagnostics.push(...names);
    const library = display(libraryFor(this.dir, path));
    const lexicon = await this.lexicon(lexiconPath(library));
    const shop = await this.shop(shopPath(library, scenario.shop), false);
    // A broken lexicon or shop is reported in its own file; checking against it would only add noise.
    if (!lexicon || shop === 'broken') return;
    // Before the embedded tests, which would run a pattern that backtracks catastrophically.
    const problems = [...checkScenario(scenario, { shop, lexicon, map: loaded.map, path }), ...checkScenarioRegexSafety(scenario, loaded.map, path)];
    this.diagnostics.push(...problems);
    if (problems.length > 0 || names.length > 0 || !shop || scenario.tests.length === 0) return;
    this.counts.tests += scenario.tests.length;
    try {
      for (const result of runEmbeddedTests({ scenario, shop, lexicon })) {
        const test = scenario.tests[result.index];
        const label = `tests[${result.index}]${test?.name ? ` (${test.name})` : ''}`;
        const pos = loaded.map.locate(['tests', result.index]);
        for (const failure of result.failures) this.diagnostics.push({ path, line: pos.line, col: pos.col, message: `${label}: ${failure}` });
      }
    } catch (err) {
      const pos = loaded.map.locate(['tests']);
      this.diagnostics.push({ path, line: pos.line, col: pos.col, message: `the embedded tests could not run: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  async file(path: string): Promise<void> {
    const kind = kindOf(path);
    if (kind === 'lexicon') await this.lexicon(path);
    else if (kind === 'shop') await this.shop(path, true);
    else await this.scenario(path);
  }

  /** Everything in a library folder: the lexicon, every shop, every scenario. */
  async library(dir: string): Promise<void> {
    const shown = display(dir);
    await this.lexicon(lexiconPath(shown));
    for (const path of await listShopFiles(shown)) await this.shop(path, true);
    for (const path of await listScenarioFiles(shown)) await this.scenario(path);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), ['help']);
  if (args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.options.size > 0) fail(`unknown option --${[...args.options.keys()][0] ?? ''}\n${USAGE}`);
  const dir = scenariosDir();
  const checker = new Checker(dir);
  if (args.positional.length === 0) await checker.library(dir);
  for (const target of args.positional) {
    const isDir = await stat(target).then((s) => s.isDirectory(), () => false);
    if (isDir) await checker.library(target);
    else await checker.file(target);
  }
  const diagnostics = sortDiagnostics(checker.diagnostics);
  if (diagnostics.length > 0) process.stdout.write(`${diagnostics.map(formatDiagnostic).join('\n')}\n`);
  const { scenario, shop, lexicon, tests } = checker.counts;
  process.stderr.write(
    `check:scenarios: ${plural(scenario, 'scenario')}, ${plural(shop, 'shop')}, ${plural(lexicon, 'lexicon')}, ${plural(tests, 'embedded test')}, ${plural(diagnostics.length, 'error')}\n`,
  );
  // exitCode (not exit()) so a piped stdout is flushed completely.
  if (diagnostics.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) fail(`${err.message}\n${USAGE}`);
  fail(`check:scenarios: ${err instanceof Error ? err.message : String(err)}`, 1);
});
