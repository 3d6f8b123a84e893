// The post-sale complainer persona (售后投诉) at its three levels — easy: a late parcel, normal: a
// quality defect with the QQ/video detour, hard: a size-exchange shipping fight that turns into a
// bad-review threat — played by scripted trainees from tests/scenarios/scripts/post-sale-complainer/
// through the same step() the server uses. Each script is replayed with several seeds so that no
// buyer-line variant can hide a failure. The generic shape of the scenario files is checked for every
// persona in library.test.ts.
import { describe, expect, it } from 'vitest';
import type { ScriptRun } from '../../server/engine/index.ts';
import { SEEDS, buyerLines, expectByLevel, expectRun, loadLevels, personaLevels, playTrainee, scenarioRuleIds } from './personaHarness.ts';

const LEVELS = personaLevels('post-sale-complainer');
type Level = (typeof LEVELS)[number];
const level = await loadLevels(LEVELS);
const play = (id: Level, script: string, seed: number) => playTrainee(level[id].compiled, 'post-sale-complainer', script, seed);
const transcript = (run: ScriptRun) => run.state.messages.map((m) => `${m.from}: ${m.text}`).join('\n');

// ------------------------------------------------------------------ the files

describe.each(LEVELS)('%s: the scenario file', (id) => {
  const { scenario } = level[id].bundle;

  it('has an order, resolved/left/escalated outcomes, a complaint to open with and a no-blame-buyer red line', () => {
    // days before the session's day (orderDates.ts), so the side panel never contradicts the buyer
    expect(scenario.order?.placedAt).toMatch(/^-\d+d$/);
    const kinds = new Set(Object.values(scenario.states).flatMap((s) => (s.outcome ? [s.outcome.kind] : [])));
    expect([...kinds]).toEqual(expect.arrayContaining(['resolved', 'left']));
    expect(kinds.has('escalated')).toBe(true);
    expect(scenario.states[scenario.initial]?.complaint).toBeDefined();
    expect(scenario.rubric.rules.find((r) => r.id === 'no-blame-buyer')?.redLine).toBe(true);
  });

  it('opens with the complaint the level is about', () => {
    const expected: Record<Level, string> = {
      'post-sale-complainer-easy': 'delivery',
      'post-sale-complainer': 'quality',
      'post-sale-complainer-hard': 'size',
    };
    expect(scenario.states[scenario.initial]?.complaint).toBe(expected[id]);
  });
});

describe('the levels differ', () => {
  it('in starting anger, the anger ceiling and patience', () => {
    const scenarios = LEVELS.map((id) => level[id].bundle.scenario);
    expectByLevel('starting anger', scenarios, (s) => {
      const v = s.variables['anger'];
      if (v?.type !== 'int') throw new Error('anger must be an int variable');
      return v.initial;
    }, 'rises');
    expectByLevel('silence.nudgeAfter', scenarios, (s) => s.silence.nudgeAfter ?? Infinity, 'falls');
  });
});

// ------------------------------------------------------------------ skilled trainees

const SKILLED: Record<Level, { script: string; outcome: string }> = {
  'post-sale-complainer-easy': { script: 'easy-skilled', outcome: 'sorted' },
  'post-sale-complainer': { script: 'normal-skilled', outcome: 'resolved' },
  'post-sale-complainer-hard': { script: 'hard-skilled', outcome: 'exchange-agreed' },
};

describe.each(LEVELS)('%s: the skilled trainee', (id) => {
  it.each(SEEDS)('calms the buyer with the five steps, resolves the case and passes (seed %i)', (seed) => {
    const run = play(id, SKILLED[id].script, seed);
    expect(run.state.outcome?.kind, transcript(run)).toBe('resolved');
    expectRun(run, {
      ends: SKILLED[id].outcome, redLines: [], passed: true, minScore: 85,
      pass: [
        ...scenarioRuleIds(level[id].bundle),
        'greeting', 'polite-address', 'first-response-time', 'avg-response-time', 'no-mechanical-reply', 'no-absolute-promise',
        'apology-on-complaint', 'no-offplatform-contact', 'no-rude-language', 'good-outcome', 'no-buyer-waiting',
      ],
    });
  });

  it('reads differently with different seeds', () => {
    const lines = (run: ScriptRun) => buyerLines(run).join('|');
    const texts = new Set(SEEDS.map((seed) => lines(play(id, SKILLED[id].script, seed))));
    expect(texts.size).toBeGreaterThan(1);
    const [a, b] = [play(id, SKILLED[id].script, 1), play(id, SKILLED[id].script, 2)];
    expect(lines(a)).not.toBe(lines(b));
    // the same buyer moves, only the wording differs
    expect(a.state.outcome?.state).toBe(b.state.outcome?.state);
  });
});

describe('the normal level: the defect evidence', () => {
  it.each(SEEDS)('the two photos arrive as attachments once the trainee keeps the video in the chat (seed %i)', (seed) => {
    const run = play('post-sale-complainer', 'normal-skilled', seed);
    const photos = run.state.messages.flatMap((m) => (m.from === 'buyer' && m.attachment?.kind === 'photo' ? [m.attachment.image] : []));
    expect(photos).toEqual(['ridge-boot-toe-split-overview', 'ridge-boot-toe-split-closeup']);
    expectRun(run, { pass: ['ask-photo-evidence'] });
  });
});

// ------------------------------------------------------------------ careless trainees

describe('post-sale-complainer-easy: careless trainees', () => {
  it.each(SEEDS)('blames Double 11 on him, guarantees tomorrow and offers WeChat: moved off the platform, fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer-easy', 'easy-careless', seed), {
      kind: 'left', ends: 'went-offplatform', passed: false, redLines: ['no-blame-buyer', 'no-offplatform-contact'],
      fail: [
        'no-blame-buyer', 'no-offplatform-contact', 'no-absolute-promise', 'apology-on-complaint', 'dispute-apology-first',
        'delay-tracking-action', 'dispute-remedy-offered-or-asked', 'first-response-time', 'greeting', 'good-outcome',
      ],
      // he never got to the screenshot or to the "can you guarantee Friday?" question
      'n/a': ['offer-inplatform-evidence-path', 'delay-hedged-eta'],
    });
  });

  it.each(SEEDS)('a polite trainee who guarantees Friday only gets a hollow ending and fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer-easy', 'easy-hollow', seed), {
      ends: 'hollow-promise', redLines: [], passed: false,
      fail: ['no-absolute-promise', 'delay-hedged-eta', 'good-outcome'],
      pass: ['dispute-apology-first', 'apology-on-complaint', 'delay-tracking-action'],
    });
  });
});

describe('post-sale-complainer: careless trainees', () => {
  it.each(SEEDS)('says he wore them out and makes him pay shipping for the defect: platform complaint, fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer', 'normal-careless', seed), {
      kind: 'escalated', ends: 'complained', passed: false, redLines: ['no-blame-buyer', 'quality-shop-pays-shipping'],
      fail: [
        'no-blame-buyer', 'quality-shop-pays-shipping', 'apology-on-complaint', 'dispute-apology-first', 'quality-two-photo-request',
        'greeting', 'good-outcome',
      ],
      // a vague "拍个照片" still counts as asking for evidence, just not the two prescribed photos
      pass: ['ask-photo-evidence'],
      // charging him shipping is the red line; stating it both ways is judged from the photos on, never reached
      'n/a': ['offer-inplatform-evidence-path', 'quality-round-trip-shipping-stated'],
    });
  });

  it.each(SEEDS)('gives a QQ number for the video: the after-sale leaves the platform, fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer', 'normal-qq', seed), {
      ends: 'went-offplatform', passed: false, redLines: ['no-offplatform-contact'],
      fail: ['no-offplatform-contact', 'offer-inplatform-evidence-path', 'good-outcome'],
      pass: ['dispute-apology-first', 'quality-two-photo-request', 'ask-photo-evidence'],
      // he went to QQ before shipping came up: nothing shows who the trainee would have had pay
      'n/a': ['quality-shop-pays-shipping', 'quality-round-trip-shipping-stated'],
    });
  });

  it.each(SEEDS)('bare acknowledgements make him escalate (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer', 'normal-ignored', seed), {
      ends: 'complained', passed: false, fail: ['no-mechanical-reply', 'apology-on-complaint', 'ask-photo-evidence', 'good-outcome'],
      'n/a': ['quality-shop-pays-shipping', 'quality-round-trip-shipping-stated'],
    });
  });
});

describe('post-sale-complainer-hard: careless trainees', () => {
  it.each(SEEDS)('leads with the size chart, argues and blames his choice: bad review, fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer-hard', 'hard-careless', seed), {
      kind: 'escalated', ends: 'review-posted', passed: false, redLines: ['no-blame-buyer', 'no-rude-language'],
      fail: [
        'no-blame-buyer', 'no-rude-language', 'calm-no-hostility', 'dispute-apology-first', 'exchange-on-receipt-commitment',
        'escalate-when-beyond-authority', 'good-outcome',
      ],
      // sorry at the end of the reply satisfies the global rule, not the apology-first one;
      // and the shipping policy itself was stated (bluntly)
      pass: ['apology-on-complaint', 'size-exchange-cost-disclosed'],
    });
  });

  it.each(SEEDS)('gives in on shipping and then pays him off: bought off, fails (seed %i)', (seed) => {
    expectRun(play('post-sale-complainer-hard', 'hard-pushover', seed), {
      ends: 'bought-off', redLines: ['hold-policy-under-threat'], passed: false,
      fail: ['hold-policy-under-threat', 'size-exchange-cost-disclosed', 'exchange-on-receipt-commitment', 'good-outcome'],
      pass: ['dispute-apology-first', 'apology-on-complaint', 'no-blame-buyer', 'calm-no-hostility'],
    });
  });
});

describe('post-sale-complainer-hard: giving ground', () => {
  it.each(SEEDS)('admitting a sizing fault invites a bigger claim; the hand-off that follows still fails (seed %i)', (seed) => {
    const run = play('post-sale-complainer-hard', 'hard-admits', seed);
    expect(buyerLines(run).some((text) => /补|赔|袜|返/.test(text))).toBe(true);
    expectRun(run, {
      ends: 'supervisor-handoff', redLines: ['hold-policy-under-threat'], passed: false,
      fail: ['hold-policy-under-threat', 'good-outcome'],
      pass: ['size-exchange-cost-disclosed', 'escalate-when-beyond-authority', 'dispute-apology-first'],
    });
  });
});

// ------------------------------------------------------------------ silence

describe.each([
  ['post-sale-complainer-easy', 'no-answer', 'left'],
  ['post-sale-complainer', 'no-answer', 'escalated'],
  ['post-sale-complainer-hard', 'walked-out', 'left'],
] as const)('%s: an unanswered buyer', (id, state, kind) => {
  it('nudges, then gives up', () => {
    const run = play(id, 'silent', 1);
    expectRun(run, { kind, ends: state, passed: false, fail: ['first-response-time', 'no-buyer-waiting', 'good-outcome'] });
    const nudges = level[id].bundle.scenario.silence.nudge?.flatMap((l) => (typeof l === 'string' ? [l] : Array.isArray(l) ? l : l.variants)) ?? [];
    expect(buyerLines(run).some((text) => nudges.includes(text))).toBe(true);
  });
});
