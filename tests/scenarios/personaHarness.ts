// What the scripted-trainee tests share: a persona's three levels loaded and compiled once, trainee
// scripts read from tests/scenarios/scripts/<persona>/<name>.json and played through the same step()
// the server uses, and compact assertions about a run and about how the levels differ.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compileScenario, parseScript, playScript } from '../../server/engine/index.ts';
import type { Bundle, CompiledScenario, OutcomeKind, Scenario, Script, ScriptRun, Verdict } from '../../server/engine/index.ts';
import { loadBundle, scenariosDir } from '../../server/store/scenarioFiles.ts';

/** Every script is replayed with these seeds so that no buyer-line variant can hide a failure. */
export const SEEDS = [1, 2, 3, 4, 5];

/** A persona's scenario ids, easiest first: `<persona>-easy`, `<persona>`, `<persona>-hard`. */
export function personaLevels<P extends string>(persona: P): readonly [`${P}-easy`, P, `${P}-hard`] {
  return [`${persona}-easy`, persona, `${persona}-hard`];
}

export interface LoadedLevel {
  bundle: Bundle;
  compiled: CompiledScenario;
}

const levels = new Map<string, Promise<LoadedLevel>>();

/** A scenario from the library (by id or path), loaded, checked and compiled once per test file. */
export function loadLevel(idOrPath: string): Promise<LoadedLevel> {
  let level = levels.get(idOrPath);
  if (!level) {
    level = loadAndCompile(idOrPath);
    levels.set(idOrPath, level);
  }
  return level;
}

async function loadAndCompile(idOrPath: string): Promise<LoadedLevel> {
  const loaded = await loadBundle(scenariosDir(), idOrPath);
  if (!loaded.ok) throw new Error(`${idOrPath}:\n${loaded.diagnostics.map((d) => `${d.path}:${d.line.toString()}:${d.col.toString()}: ${d.message}`).join('\n')}`);
  return { bundle: loaded.bundle, compiled: compileScenario(loaded.bundle) };
}

/** All of a persona's levels, keyed by scenario id. */
export async function loadLevels<Id extends string>(ids: readonly Id[]): Promise<Record<Id, LoadedLevel>> {
  return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await loadLevel(id)] as const))) as Record<Id, LoadedLevel>;
}

/** tests/scenarios/scripts/<persona>/<name>.json */
export function readScript(persona: string, name: string): Script {
  return parseScript(readFileSync(fileURLToPath(new URL(`./scripts/${persona}/${name}.json`, import.meta.url)), 'utf8'));
}

/** Plays trainee script scripts/<persona>/<name>.json against a compiled level; speed 1 is human pacing, 0 instant. */
export function playTrainee(compiled: CompiledScenario, persona: string, name: string, seed: number, speed = 1): ScriptRun {
  return playScript(compiled, readScript(persona, name), seed, speed);
}

/** What a scripted run should come to: its ending, red lines, pass and score, and the verdicts of the
 *  listed rules (`pass: [...]`, `fail: [...]`, `'n/a': [...]`). Every field left out goes unchecked. */
export interface ExpectedRun extends Partial<Record<Verdict['verdict'], readonly string[]>> {
  kind?: OutcomeKind;
  /** the outcome state the chat ends in */
  ends?: string;
  /** compared in any order */
  redLines?: readonly string[];
  passed?: boolean;
  minScore?: number;
}

export function expectRun(run: ScriptRun, { kind, ends, redLines, passed, minScore, ...expectedVerdicts }: ExpectedRun): void {
  if (kind !== undefined) expect(run.state.outcome?.kind, 'outcome kind').toBe(kind);
  if (ends !== undefined) expect(run.state.outcome?.state, 'outcome state').toBe(ends);
  if (redLines !== undefined) expect([...run.report.redLines].sort(), 'red lines').toEqual([...redLines].sort());
  if (passed !== undefined) expect(run.report.passed, 'passed').toBe(passed);
  if (minScore !== undefined) expect(run.report.score, 'score').toBeGreaterThanOrEqual(minScore);
  const verdicts = Object.fromEntries(run.report.rules.map((v) => [v.rule, v.verdict]));
  for (const [verdict, rules] of Object.entries(expectedVerdicts)) for (const rule of rules) expect(verdicts[rule], rule).toBe(verdict);
}

/** Asserts that a level setting strictly rises (or falls) from each level to the next, easiest first. */
export function expectByLevel(what: string, levels: readonly Scenario[], setting: (scenario: Scenario) => number, trend: 'rises' | 'falls'): void {
  const values = levels.map(setting);
  for (let i = 1; i < values.length; i++) {
    const step = (values[i] ?? NaN) - (values[i - 1] ?? NaN);
    expect(trend === 'rises' ? step : -step, `${what} ${trend} from ${levels[i - 1]?.id ?? '?'} to ${levels[i]?.id ?? '?'}`).toBeGreaterThan(0);
  }
}

/** Each level up nudges sooner when the trainee goes quiet and asks for a higher pass mark. */
export function expectStricterByLevel(levels: readonly Scenario[]): void {
  expectByLevel('silence.nudgeAfter', levels, (s) => s.silence.nudgeAfter ?? Infinity, 'falls');
  expectByLevel('passMark', levels, (s) => s.rubric.passMark, 'rises');
}

/** The ids of the rules the run failed, sorted. */
export function failedRules(run: ScriptRun): string[] {
  return run.report.rules.filter((r) => r.verdict === 'fail').map((r) => r.rule).sort();
}

export function buyerLines(run: ScriptRun): string[] {
  return run.state.messages.filter((m) => m.from === 'buyer').map((m) => m.text);
}

/** The scenario's own rules (not the global ones), from the loaded file. */
export function scenarioRuleIds(bundle: Bundle): string[] {
  return bundle.scenario.rubric.rules.map((r) => r.id);
}
