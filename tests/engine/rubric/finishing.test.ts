// A chat has to be finished to pass (rubric revision 3): one that stops before the buyer reaches an
// ending (the trainee ends it, or a drill's time runs out) tested only its first moves, and its
// report says so instead of passing on the rules that happened to apply. A chat with no reply has no
// category totals. Played on library personas through the same step() the server uses.
import { describe, expect, it } from 'vitest';
import { compileScenario, playScript, startSession, step } from '../../../server/engine/index.ts';
import type { CompiledScenario, Report, Script, SessionState } from '../../../server/engine/index.ts';
import { loadBundle, scenariosDir } from '../../../server/store/scenarioFiles.ts';
import { readScript } from '../../scenarios/personaHarness.ts';

async function level(id: string): Promise<CompiledScenario> {
  const loaded = await loadBundle(scenariosDir(), id);
  if (!loaded.ok) throw new Error(`${id}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return compileScenario(loaded.bundle);
}

const bargainerEasy = await level('bargainer-easy');
const phisherEasy = await level('phisher-easy');
const phisher = await level('phisher');
const complainerHard = await level('post-sale-complainer-hard');

const says = (...lines: string[]): Script => ({ turns: lines.map((say) => ({ say, afterMs: 4000 })) });

/** The session's report under a given rubric revision: what sessionReport gives once it passes the session's revision on. */
function reportAt(compiled: CompiledScenario, state: SessionState, rulesRevision: number): Report {
  return compiled.rubric.finalize(state.rubric, {
    outcome: state.outcome?.kind ?? null,
    success: state.outcome?.success ?? false,
    offered: state.offered,
    waited: state.waited,
    rulesRevision,
  });
}

describe('a chat the trainee ends before the buyer reaches an ending', () => {
  it('bargainer-easy: a greeting, then the trainee leaves at the first haggle: not a pass, and says why', () => {
    const run = playScript(bargainerEasy, says('亲，您好，欢迎光临~ 有货的哦'), 1, 0);
    expect(run.state.outcome).toBeNull();
    expect(run.report.unfinished).toBe('no-ending');
    expect(run.report.passed).toBe(false);
    // the score still rates what was said: the same number the old revision showed
    expect(run.report.score).toBe(reportAt(bargainerEasy, run.state, 2).score);
    expect(run.report.score).toBeGreaterThan(run.report.passMark);
  });

  it.each([1, 2, 3])('phisher-easy: a greeting and one line is not a pass (seed %i)', (seed) => {
    const run = playScript(phisherEasy, says('亲，您好，欢迎光临~', '链接我这边打不开哦，您直接在店铺里下单就可以'), seed, 0);
    expect(run.state.outcome).toBeNull();
    expect(run.report).toMatchObject({ passed: false, unfinished: 'no-ending' });
  });

  it('an old session (revision 2) keeps the pass it was given', () => {
    const start = startSession(bargainerEasy, { seed: 1, now: 0, speed: 0, rulesRevision: 2 }).state;
    const replied = step(bargainerEasy, start, { type: 'reply', text: '亲，您好，欢迎光临~ 有货的哦' }, 4000).state;
    const end = step(bargainerEasy, replied, { type: 'end' }, 60_000);
    const ended = end.state;
    const old = reportAt(bargainerEasy, ended, ended.rulesRevision);
    expect(old.passed).toBe(true);
    // the report the session itself ends with uses its own revision
    expect(end.effects.find((e) => e.type === 'ended')).toMatchObject({ report: { passed: true, score: old.score } });
    expect(old).not.toHaveProperty('unfinished');
    expect(reportAt(bargainerEasy, ended, 3)).toMatchObject({ passed: false, unfinished: 'no-ending', score: old.score });
  });

  it('a chat that reaches an ending is judged on its rules as before', () => {
    const run = playScript(bargainerEasy, readScript('bargainer', 'easy-skilled'), 1, 0);
    expect(run.state.outcome?.success).toBe(true);
    expect(run.report.passed).toBe(true);
    expect(run.report).not.toHaveProperty('unfinished');
  });
});

describe('an old session with no reply (revision 2)', () => {
  it('keeps the report it was given: no reason, its category totals', () => {
    const start = startSession(bargainerEasy, { seed: 1, now: 0, speed: 0, rulesRevision: 2 });
    const end = step(bargainerEasy, start.state, { type: 'end' }, 60_000);
    const report = (end.effects.find((e) => e.type === 'ended') as { report: Report }).report;
    expect(report).not.toHaveProperty('unfinished');
    expect(report.categories.length).toBeGreaterThan(0);
    expect(report).toMatchObject({ score: 0, passed: false });
  });
});

describe('a chat with no reply', () => {
  it('post-sale-complainer-hard: score 0, not a pass, no category totals, and the reason', () => {
    const run = playScript(complainerHard, { turns: [] }, 1, 0);
    expect(run.report).toMatchObject({ score: 0, passed: false, unfinished: 'no-reply', categories: [] });
  });
});

describe('phisher: escalating is judged at the fake notice', () => {
  it('a chat that ends before the notice does not fail 超权限及时上报', () => {
    const run = playScript(phisher, says('亲，您好~ 聊天里的链接我们不方便打开哦，您直接在店铺页面下单就好'), 1, 0);
    expect(run.state.machine.value).not.toBe('fake-notice');
    expect(run.report.rules.find((v) => v.rule === 'escalate-when-beyond-authority')?.verdict).toBe('n/a');
  });
});
