// The post-sale complainer persona (售后投诉) at its three levels — easy: a late parcel, normal: a
// quality defect with the QQ/video detour, hard: a size-exchange shipping fight that turns into a
// bad-review threat — played by scripted trainees from tests/scenarios/scripts/post-sale-complainer/
// through the same step() the server uses. Each script is replayed with several seeds so that no
// buyer-line variant can hide a failure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario, parseScript, personaEvents, playScript, runEmbeddedTests } from '../../server/engine/index.ts';
import type { Bundle, CompiledScenario, Report, ScriptRun, Verdict } from '../../server/engine/index.ts';
import { loadBundle, scenariosDir } from '../../server/store/scenarioFiles.ts';

const SEEDS = [1, 2, 3, 4, 5];
const LEVELS = ['post-sale-complainer-easy', 'post-sale-complainer', 'post-sale-complainer-hard'] as const;
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

function script(name: string) {
  const file = fileURLToPath(new URL(`./scripts/post-sale-complainer/${name}.json`, import.meta.url));
  return parseScript(readFileSync(file, 'utf8'));
}

async function play(id: Level, name: string, seed: number): Promise<ScriptRun> {
  return playScript(await compiled(id), script(name), seed);
}

function verdicts(report: Report): Record<string, Verdict['verdict']> {
  return Object.fromEntries(report.rules.map((v) => [v.rule, v.verdict]));
}

function transcript(run: ScriptRun): string {
  return run.state.messages.map((m) => `${m.from}: ${m.text}`).join('\n');
}

/** The scenario's own rules (not the global ones), from the loaded file. */
async function scenarioRuleIds(id: Level): Promise<string[]> {
  return (await bundle(id)).scenario.rubric.rules.map((r) => r.id);
}

// ------------------------------------------------------------------ the files

describe.each(LEVELS)('%s: the scenario file', (id) => {
  it('passes its embedded golden and bad reply tests', async () => {
    const results = runEmbeddedTests(await bundle(id));
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(results.filter((r) => r.failures.length > 0)).toEqual([]);
  });

  it('has an order, 10+ states, 3+ distinct outcomes, complaint moves and 4–8 scenario rules', async () => {
    const { scenario } = await bundle(id);
    expect(scenario.persona).toBe('post-sale-complainer');
    expect(scenario.shop).toBe('trailpeak');
    expect(scenario.order?.placedAt).toMatch(/^2026-11-\d\d$/);
    expect(Object.keys(scenario.states).length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(Object.values(scenario.states).flatMap((s) => (s.outcome ? [s.outcome.kind] : [])));
    expect([...kinds]).toEqual(expect.arrayContaining(['resolved', 'left']));
    expect(kinds.has('escalated')).toBe(true);
    expect(scenario.states[scenario.initial]?.complaint).toBeDefined();
    expect(scenario.rubric.rules.length).toBeGreaterThanOrEqual(4);
    expect(scenario.rubric.rules.length).toBeLessThanOrEqual(8);
    expect(scenario.rubric.rules.find((r) => r.id === 'no-blame-buyer')?.redLine).toBe(true);
  });

  it('opens with the complaint the level is about', async () => {
    const { scenario } = await bundle(id);
    const expected: Record<Level, string> = {
      'post-sale-complainer-easy': 'delivery',
      'post-sale-complainer': 'quality',
      'post-sale-complainer-hard': 'size',
    };
    expect(scenario.states[scenario.initial]?.complaint).toBe(expected[id]);
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

describe('the levels differ', () => {
  it('in starting anger, the anger ceiling and patience', async () => {
    const easy = (await bundle('post-sale-complainer-easy')).scenario;
    const normal = (await bundle('post-sale-complainer')).scenario;
    const hard = (await bundle('post-sale-complainer-hard')).scenario;
    const anger = (s: typeof easy) => {
      const v = s.variables['anger'];
      if (v?.type !== 'int') throw new Error('anger must be an int variable');
      return v.initial;
    };
    expect(anger(easy)).toBeLessThan(anger(normal));
    expect(anger(normal)).toBeLessThan(anger(hard));
    const nudge = (s: typeof easy) => s.silence.nudgeAfter ?? Infinity;
    expect(nudge(easy)).toBeGreaterThan(nudge(normal));
    expect(nudge(normal)).toBeGreaterThan(nudge(hard));
  });
});

// ------------------------------------------------------------------ skilled trainees

const SKILLED: Record<Level, { script: string; outcome: string }> = {
  'post-sale-complainer-easy': { script: 'easy-skilled', outcome: 'sorted' },
  'post-sale-complainer': { script: 'normal-skilled', outcome: 'resolved' },
  'post-sale-complainer-hard': { script: 'hard-skilled', outcome: 'exchange-agreed' },
};

describe.each(LEVELS)('%s: the skilled trainee', (id) => {
  it.each(SEEDS)('calms the buyer with the five steps, resolves the case and passes (seed %i)', async (seed) => {
    const run = await play(id, SKILLED[id].script, seed);
    expect(run.state.outcome?.kind, transcript(run)).toBe('resolved');
    expect(run.state.outcome?.state).toBe(SKILLED[id].outcome);
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(true);
    expect(run.report.score).toBeGreaterThanOrEqual(85);
    const v = verdicts(run.report);
    for (const rule of await scenarioRuleIds(id)) expect(v[rule], rule).toBe('pass');
    for (const rule of [
      'greeting', 'polite-address', 'first-response-time', 'avg-response-time', 'no-mechanical-reply', 'no-absolute-promise',
      'apology-on-complaint', 'no-offplatform-contact', 'no-rude-language', 'good-outcome', 'no-buyer-waiting',
    ]) {
      expect(v[rule], rule).toBe('pass');
    }
  });

  it('reads differently with different seeds', async () => {
    const lines = (run: ScriptRun) => run.state.messages.filter((m) => m.from === 'buyer').map((m) => m.text).join('|');
    const texts = new Set<string>();
    for (const seed of SEEDS) texts.add(lines(await play(id, SKILLED[id].script, seed)));
    expect(texts.size).toBeGreaterThan(1);
    const [a, b] = [await play(id, SKILLED[id].script, 1), await play(id, SKILLED[id].script, 2)];
    expect(lines(a)).not.toBe(lines(b));
    // the same buyer moves, only the wording differs
    expect(a.state.outcome?.state).toBe(b.state.outcome?.state);
  });
});

describe('the normal level: the defect evidence', () => {
  it.each(SEEDS)('the two photos arrive as attachments once the trainee keeps the video in the chat (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer', 'normal-skilled', seed);
    const photos = run.state.messages.filter((m) => m.from === 'buyer' && m.attachment?.kind === 'photo');
    expect(photos.map((m) => (m.attachment?.kind === 'photo' ? m.attachment.image : ''))).toEqual([
      'ridge-boot-toe-split-overview',
      'ridge-boot-toe-split-closeup',
    ]);
    expect(verdicts(run.report)['ask-photo-evidence']).toBe('pass');
  });
});

// ------------------------------------------------------------------ careless trainees

describe('post-sale-complainer-easy: careless trainees', () => {
  it.each(SEEDS)('blames Double 11 on him, guarantees tomorrow and offers WeChat: moved off the platform, fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer-easy', 'easy-careless', seed);
    expect(run.state.outcome?.state).toBe('went-offplatform');
    expect(run.state.outcome?.kind).toBe('left');
    expect(run.report.passed).toBe(false);
    expect([...run.report.redLines].sort()).toEqual(['no-blame-buyer', 'no-offplatform-contact']);
    const v = verdicts(run.report);
    for (const rule of [
      'no-blame-buyer', 'no-offplatform-contact', 'no-absolute-promise', 'apology-on-complaint', 'dispute-apology-first',
      'delay-tracking-action', 'dispute-remedy-offered-or-asked', 'first-response-time', 'greeting', 'good-outcome',
    ]) {
      expect(v[rule], rule).toBe('fail');
    }
    // he never got to the screenshot or to the "can you guarantee Friday?" question
    expect(v['offer-inplatform-evidence-path']).toBe('n/a');
    expect(v['delay-hedged-eta']).toBe('n/a');
  });

  it.each(SEEDS)('a polite trainee who guarantees Friday only gets a hollow ending and fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer-easy', 'easy-hollow', seed);
    expect(run.state.outcome?.state).toBe('hollow-promise');
    expect(run.report.redLines).toEqual([]);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['no-absolute-promise', 'delay-hedged-eta', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    for (const rule of ['dispute-apology-first', 'apology-on-complaint', 'delay-tracking-action']) expect(v[rule], rule).toBe('pass');
  });
});

describe('post-sale-complainer: careless trainees', () => {
  it.each(SEEDS)('says he wore them out and makes him pay shipping for the defect: platform complaint, fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer', 'normal-careless', seed);
    expect(run.state.outcome?.state).toBe('complained');
    expect(run.state.outcome?.kind).toBe('escalated');
    expect(run.report.passed).toBe(false);
    expect([...run.report.redLines].sort()).toEqual(['no-blame-buyer', 'quality-shop-pays-shipping']);
    const v = verdicts(run.report);
    for (const rule of [
      'no-blame-buyer', 'quality-shop-pays-shipping', 'apology-on-complaint', 'dispute-apology-first', 'quality-two-photo-request',
      'quality-round-trip-shipping-stated', 'greeting', 'good-outcome',
    ]) {
      expect(v[rule], rule).toBe('fail');
    }
    // a vague "拍个照片" still counts as asking for evidence, just not the two prescribed photos
    expect(v['ask-photo-evidence']).toBe('pass');
    expect(v['offer-inplatform-evidence-path']).toBe('n/a');
  });

  it.each(SEEDS)('gives a QQ number for the video: the after-sale leaves the platform, fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer', 'normal-qq', seed);
    expect(run.state.outcome?.state).toBe('went-offplatform');
    expect(run.report.passed).toBe(false);
    expect(run.report.redLines).toEqual(['no-offplatform-contact']);
    const v = verdicts(run.report);
    for (const rule of ['no-offplatform-contact', 'offer-inplatform-evidence-path', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    for (const rule of ['dispute-apology-first', 'quality-two-photo-request', 'ask-photo-evidence']) expect(v[rule], rule).toBe('pass');
  });

  it.each(SEEDS)('bare acknowledgements make him escalate (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer', 'normal-ignored', seed);
    expect(run.state.outcome?.state).toBe('complained');
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['no-mechanical-reply', 'apology-on-complaint', 'ask-photo-evidence', 'good-outcome']) expect(v[rule], rule).toBe('fail');
  });
});

describe('post-sale-complainer-hard: careless trainees', () => {
  it.each(SEEDS)('leads with the size chart, argues and blames his choice: bad review, fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer-hard', 'hard-careless', seed);
    expect(run.state.outcome?.state).toBe('review-posted');
    expect(run.state.outcome?.kind).toBe('escalated');
    expect(run.report.passed).toBe(false);
    expect([...run.report.redLines].sort()).toEqual(['no-blame-buyer', 'no-rude-language']);
    const v = verdicts(run.report);
    for (const rule of [
      'no-blame-buyer', 'no-rude-language', 'calm-no-hostility', 'dispute-apology-first', 'exchange-on-receipt-commitment',
      'escalate-when-beyond-authority', 'good-outcome',
    ]) {
      expect(v[rule], rule).toBe('fail');
    }
    // sorry at the end of the reply satisfies the global rule, not the apology-first one
    expect(v['apology-on-complaint']).toBe('pass');
    // the shipping policy itself was stated (bluntly)
    expect(v['size-exchange-cost-disclosed']).toBe('pass');
  });

  it.each(SEEDS)('gives in on shipping and then pays him off: bought off, fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer-hard', 'hard-pushover', seed);
    expect(run.state.outcome?.state).toBe('bought-off');
    expect(run.report.redLines).toEqual(['hold-policy-under-threat']);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['hold-policy-under-threat', 'size-exchange-cost-disclosed', 'exchange-on-receipt-commitment', 'good-outcome']) {
      expect(v[rule], rule).toBe('fail');
    }
    for (const rule of ['dispute-apology-first', 'apology-on-complaint', 'no-blame-buyer', 'calm-no-hostility']) expect(v[rule], rule).toBe('pass');
  });
});

describe('post-sale-complainer-hard: giving ground', () => {
  it.each(SEEDS)('admitting a sizing fault invites a bigger claim; the hand-off that follows still fails (seed %i)', async (seed) => {
    const run = await play('post-sale-complainer-hard', 'hard-admits', seed);
    expect(run.state.outcome?.state).toBe('supervisor-handoff');
    expect(run.state.messages.some((m) => m.from === 'buyer' && /补|赔|袜|返/.test(m.text))).toBe(true);
    expect(run.report.redLines).toEqual(['hold-policy-under-threat']);
    expect(run.report.passed).toBe(false);
    const v = verdicts(run.report);
    for (const rule of ['hold-policy-under-threat', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    for (const rule of ['size-exchange-cost-disclosed', 'escalate-when-beyond-authority', 'dispute-apology-first']) expect(v[rule], rule).toBe('pass');
  });
});

// ------------------------------------------------------------------ silence

describe.each([
  ['post-sale-complainer-easy', 'no-answer', 'left'],
  ['post-sale-complainer', 'no-answer', 'escalated'],
  ['post-sale-complainer-hard', 'walked-out', 'left'],
] as const)('%s: an unanswered buyer', (id, state, kind) => {
  it('nudges, then gives up', async () => {
    const run = await play(id, 'silent', 1);
    expect(run.state.outcome?.state).toBe(state);
    expect(run.state.outcome?.kind).toBe(kind);
    const { scenario } = await bundle(id);
    const nudges = scenario.silence.nudge?.flatMap((l) => (typeof l === 'string' ? [l] : Array.isArray(l) ? l : l.variants)) ?? [];
    expect(run.state.messages.some((m) => m.from === 'buyer' && nudges.includes(m.text))).toBe(true);
    const v = verdicts(run.report);
    for (const rule of ['first-response-time', 'no-buyer-waiting', 'good-outcome']) expect(v[rule], rule).toBe('fail');
    expect(run.report.passed).toBe(false);
  });
});
