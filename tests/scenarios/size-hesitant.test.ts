// The size-hesitant persona (尺码纠结) at its three levels, played by scripted trainees from
// tests/scenarios/scripts/size-hesitant/*.json through the same step() the server uses. Each script
// is replayed with several seeds so that no buyer-line variant can hide a failure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario, parseScript, personaEvents, playScript, runEmbeddedTests } from '../../server/engine/index.ts';
import type { Bundle, CompiledScenario, Report, Script, ScriptRun, Verdict } from '../../server/engine/index.ts';
import { loadBundle, scenariosDir } from '../../server/store/scenarioFiles.ts';

const SEEDS = [1, 2, 3, 4, 5];
const LEVELS = ['size-hesitant-easy', 'size-hesitant', 'size-hesitant-hard'] as const;
type Level = (typeof LEVELS)[number];

const bundles = new Map<Level, Bundle>();
async function bundle(id: Level): Promise<Bundle> {
  const cached = bundles.get(id);
  if (cached) return cached;
  const loaded = await loadBundle(scenariosDir(), id);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}:${d.line.toString()}:${d.col.toString()}: ${d.message}`).join('\n'));
  bundles.set(id, loaded.bundle);
  return loaded.bundle;
}
async function compiled(id: Level): Promise<CompiledScenario> {
  return compileScenario(await bundle(id));
}

function script(name: string): Script {
  const file = fileURLToPath(new URL(`./scripts/size-hesitant/${name}.json`, import.meta.url));
  return parseScript(readFileSync(file, 'utf8'));
}

function play(c: CompiledScenario, name: string, seed: number): ScriptRun {
  return playScript(c, script(name), seed);
}

function verdicts(report: Report): Record<string, Verdict['verdict']> {
  return Object.fromEntries(report.rules.map((v) => [v.rule, v.verdict]));
}

function buyerLines(run: ScriptRun): string[] {
  return run.state.messages.filter((m) => m.from === 'buyer').map((m) => m.text);
}

async function scenarioRuleIds(id: Level): Promise<string[]> {
  return (await bundle(id)).scenario.rubric.rules.map((r) => r.id);
}

describe.each(LEVELS)('%s: the scenario file', (id) => {
  it('passes its embedded golden and bad reply tests', async () => {
    const results = runEmbeddedTests(await bundle(id));
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.failures.length > 0)).toEqual([]);
  });

  it('has 10+ states, 3+ distinct outcomes and 4–8 scenario rules', async () => {
    const { scenario } = await bundle(id);
    expect(Object.keys(scenario.states).length).toBeGreaterThanOrEqual(10);
    const outcomes = new Set(Object.values(scenario.states).flatMap((s) => (s.outcome ? [`${s.outcome.kind}:${s.outcome.label?.en ?? ''}`] : [])));
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
    expect(scenario.rubric.rules.length).toBeGreaterThanOrEqual(4);
    expect(scenario.rubric.rules.length).toBeLessThanOrEqual(8);
    expect(scenario.shop).toBe('trailpeak');
    expect(scenario.persona).toBe('size-hesitant');
  });

  it('reaches every state and every outcome in a bounded path search', async () => {
    const c = await compiled(id);
    const serialize = (s: { value: unknown; context: unknown }) => `${JSON.stringify(s.value)}|${JSON.stringify(s.context)}`;
    const paths = getShortestPaths(c.machine, { events: (s) => personaEvents(c, String(s.value)), serializeState: serialize, limit: 20000 });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(c.scenario.states).sort());
    for (const [state, def] of Object.entries(c.scenario.states)) {
      if (def.outcome) expect(paths.find((p) => p.state.value === state)?.state.status, state).toBe('done');
    }
  });
});

// ------------------------------------------------------------------ skilled and careless trainees

const SKILLED: Record<Level, string> = {
  'size-hesitant-easy': 'easy-skilled',
  'size-hesitant': 'normal-skilled',
  'size-hesitant-hard': 'hard-skilled',
};
const CARELESS: Record<Level, string> = {
  'size-hesitant-easy': 'easy-careless',
  'size-hesitant': 'normal-careless',
  'size-hesitant-hard': 'hard-careless',
};

describe.each(LEVELS)('%s: scripted trainees', (id) => {
  it.each(SEEDS)('the skilled trainee names one size with a reason, discloses the exchange cost and closes (seed %i)', async (seed) => {
    const run = play(await compiled(id), SKILLED[id], seed);
    expect(run.state.outcome?.kind).toBe('purchased');
    expect(run.state.outcome?.state).toBe('bought-right');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(true);
    expect(run.report.score).toBeGreaterThanOrEqual(85);
    const v = verdicts(run.report);
    for (const rule of await scenarioRuleIds(id)) expect(v[rule], rule).toBe('pass');
    for (const rule of ['greeting', 'polite-address', 'first-response-time', 'avg-response-time', 'no-mechanical-reply', 'no-absolute-promise', 'good-outcome', 'no-buyer-waiting']) {
      expect(v[rule], rule).toBe('pass');
    }
  });

  it.each(SEEDS)('the careless trainee shrugs, guarantees the fit and promises a free exchange: bought on a false promise, fails (seed %i)', async (seed) => {
    const run = play(await compiled(id), CARELESS[id], seed);
    expect(run.state.outcome?.kind).toBe('purchased');
    expect(run.state.outcome?.state).toBe('bought-false-promise');
    expect(run.report.passed).toBe(false);
    expect(run.report.redLines).toEqual(['no-free-size-exchange-promise']);
    const v = verdicts(run.report);
    for (const rule of [
      'no-free-size-exchange-promise', 'size-decisive-recommendation', 'size-advice-foot-shape', 'seven-day-return-reassurance',
      'no-absolute-promise', 'greeting', 'polite-address', 'good-outcome',
    ]) {
      expect(v[rule], rule).toBe('fail');
    }
    // He never got to ask who pays for an exchange: that rule does not apply.
    expect(v['size-exchange-cost-disclosed']).toBe('n/a');
    expect(v['no-interrogation']).toBe('pass');
  });

  it('two seeds give different transcripts', async () => {
    const c = await compiled(id);
    const a = buyerLines(play(c, SKILLED[id], 1));
    const b = buyerLines(play(c, SKILLED[id], 2));
    expect(a).not.toEqual(b);
    // ...while the same seed replays identically.
    expect(buyerLines(play(c, SKILLED[id], 1))).toEqual(a);
  });

  it.each(SEEDS)('a trainee who only ever says "any size is fine" loses the buyer undecided (seed %i)', async (seed) => {
    const run = play(await compiled(id), 'vague', seed);
    expect(run.state.outcome?.state).toBe('left-undecided');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    expect(v['size-decisive-recommendation']).toBe('fail');
    expect(v['good-outcome']).toBe('fail');
  });
});

// ------------------------------------------------------------------ the other endings

describe('size-hesitant-easy: other endings', () => {
  it.each(SEEDS)('keeping wide feet in the usual 41 sells the wrong size and fails (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant-easy'), 'easy-usual-size', seed);
    expect(run.state.outcome?.state).toBe('bought-wrong-size');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['size-advice-foot-shape', 'size-decisive-recommendation', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    for (const rule of ['size-exchange-cost-disclosed', 'no-free-size-exchange-promise', 'related-recommendation']) expect(v[rule], rule).toBe('pass');
  });
});

describe('size-hesitant: other endings', () => {
  it.each(SEEDS)('"standard, take your usual 43" against the reviews sells a size too small and fails (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant'), 'normal-usual-size', seed);
    expect(run.state.outcome?.state).toBe('bought-wrong-size');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['size-advice-foot-shape', 'size-decisive-recommendation', 'size-chart-reference-caveat', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    for (const rule of ['size-exchange-cost-disclosed', 'seven-day-return-reassurance', 'no-free-size-exchange-promise']) expect(v[rule], rule).toBe('pass');
  });

  it.each(SEEDS)('asking again what he already said, in strings of questions, makes him leave annoyed (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant'), 'normal-interrogator', seed);
    expect(run.state.outcome?.state).toBe('left-annoyed');
    expect(run.report.passed).toBe(false);
    expect(verdicts(run.report)['no-interrogation']).toBe('fail');
  });

  it.each(SEEDS)('an unanswered buyer nudges, then leaves (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant'), 'normal-silent', seed);
    expect(run.state.outcome?.state).toBe('left-silent');
    expect(buyerLines(run).length).toBeGreaterThanOrEqual(6);
    const v = verdicts(run.report);
    expect(v['no-buyer-waiting']).toBe('fail');
    expect(v['first-response-time']).toBe('fail');
    expect(run.report.passed).toBe(false);
  });
});

describe('size-hesitant-hard: other endings', () => {
  it.each(SEEDS)('the Trekker in 42, argued from the wide last and the instep, is a sound recommendation too (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant-hard'), 'hard-skilled-trekker', seed);
    expect(run.state.outcome?.state).toBe('bought-right');
    expect(run.report.passed).toBe(true);
    expect(run.report.score).toBeGreaterThanOrEqual(85);
  });

  it.each(SEEDS)('giving the guarantee he asks for at the brink loses him and fails (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant-hard'), 'hard-guarantee', seed);
    expect(run.state.outcome?.state).toBe('left-undecided');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    expect(v['no-absolute-promise']).toBe('fail');
    expect(v['good-outcome']).toBe('fail');
    // Everything before the trap was right.
    for (const rule of await scenarioRuleIds('size-hesitant-hard')) expect(v[rule], rule).toBe('pass');
  });

  it.each(SEEDS)('two interrogations are enough for him to leave annoyed (seed %i)', async (seed) => {
    const run = play(await compiled('size-hesitant-hard'), 'hard-interrogator', seed);
    expect(run.state.outcome?.state).toBe('left-annoyed');
    expect(verdicts(run.report)['no-interrogation']).toBe('fail');
    expect(run.report.passed).toBe(false);
  });

  it('the careless normal-level trainee fares no better at hard', async () => {
    const run = play(await compiled('size-hesitant-hard'), 'normal-interrogator', 1);
    expect(run.state.outcome?.state).toBe('left-annoyed');
  });
});

// ------------------------------------------------------------------ the levels differ

describe('the levels differ', () => {
  async function levels(): Promise<Bundle[]> {
    return Promise.all(LEVELS.map((id) => bundle(id)));
  }

  it('in patience, silence times and pass marks', async () => {
    const all = await levels();
    expect(all.map((b) => b.scenario.variables['patience']?.initial)).toEqual([4, 3, 2]);
    const nudge = all.map((b) => b.scenario.silence.nudgeAfter ?? Infinity);
    expect(nudge[0]).toBeGreaterThan(nudge[1] ?? 0);
    expect(nudge[1]).toBeGreaterThan(nudge[2] ?? 0);
    const marks = all.map((b) => b.scenario.rubric.passMark);
    expect(marks[0]).toBeLessThan(marks[1] ?? 0);
    expect(marks[1]).toBeLessThan(marks[2] ?? 0);
  });

  it('in the number of ploys: the chart wobble from normal up; heel slip, a second waver and the guarantee trap only at hard', async () => {
    const [easy, normal, hard] = await levels();
    const has = (state: string) => (b: Bundle | undefined) => b !== undefined && state in b.scenario.states;
    expect([easy, normal, hard].map(has('waver'))).toEqual([false, true, false]);
    expect([easy, normal, hard].map(has('cost-dither'))).toEqual([false, true, true]);
    for (const state of ['heel-worry', 'friend-waver', 'want-guarantee']) expect([easy, normal, hard].map(has(state)), state).toEqual([false, false, true]);
    const moves = (b: Bundle | undefined) => Object.values(b?.scenario.states ?? {}).filter((s) => !s.outcome).length;
    expect(moves(easy)).toBeLessThan(moves(normal));
    expect(moves(normal)).toBeLessThan(moves(hard));
  });

  it('in how many vague answers the buyer puts up with: four at easy, three at normal, two at hard', async () => {
    const vague = script('vague');
    const leavesAfter = async (id: Level): Promise<number | undefined> => {
      const c = await compiled(id);
      for (let n = 1; n <= vague.turns.length; n++) {
        const run = playScript(c, { turns: vague.turns.slice(0, n) }, 1);
        if (run.state.outcome) return n;
      }
      return undefined;
    };
    expect(await leavesAfter('size-hesitant-easy')).toBe(4);
    expect(await leavesAfter('size-hesitant')).toBe(3);
    expect(await leavesAfter('size-hesitant-hard')).toBe(2);
  });
});
