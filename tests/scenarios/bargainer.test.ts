// The bargainer persona (议价) at its three levels, played by scripted trainees from
// tests/scenarios/scripts/bargainer/*.json through the same step() the server uses. Each script is
// replayed with several seeds so that no buyer-line variant can hide a failure. The shape of the
// scenario files themselves is checked for every persona in library.test.ts.
import { describe, expect, it } from 'vitest';
import { SEEDS, buyerLines, expectRun, expectStricterByLevel, loadLevels, personaLevels, playTrainee, scenarioRuleIds } from './personaHarness.ts';

const LEVELS = personaLevels('bargainer');
type Level = (typeof LEVELS)[number];
const level = await loadLevels(LEVELS);
const play = (id: Level, script: string, seed: number) => playTrainee(level[id].compiled, 'bargainer', script, seed);

// ------------------------------------------------------------------ skilled and careless trainees

const SKILLED: Record<Level, { script: string; outcome: string }> = {
  'bargainer-easy': { script: 'easy-skilled', outcome: 'bought-promo' },
  bargainer: { script: 'normal-skilled', outcome: 'bought-with-gift' },
  'bargainer-hard': { script: 'hard-skilled', outcome: 'bought-with-gift' },
};
const CARELESS: Record<Level, string> = {
  'bargainer-easy': 'easy-careless',
  bargainer: 'normal-careless',
  'bargainer-hard': 'hard-careless',
};

describe.each(LEVELS)('%s: scripted trainees', (id) => {
  it.each(SEEDS)('the skilled trainee closes at the festival price and passes (seed %i)', (seed) => {
    expectRun(play(id, SKILLED[id].script, seed), {
      kind: 'purchased', ends: SKILLED[id].outcome, redLines: [], passed: true, minScore: 85,
      pass: [...scenarioRuleIds(level[id].bundle), 'greeting', 'polite-address', 'first-response-time', 'avg-response-time', 'no-mechanical-reply', 'no-absolute-promise'],
    });
  });

  it.each(SEEDS)('the careless trainee concedes at once, ends with a bad deal and fails (seed %i)', (seed) => {
    expectRun(play(id, CARELESS[id], seed), {
      kind: 'purchased', ends: 'bought-bad-deal', passed: false, redLines: ['no-unauthorised-discount', 'no-unauthorised-free-shipping'],
      fail: ['no-unauthorised-discount', 'no-unauthorised-free-shipping', 'no-early-concession', 'bargain-tactful-refusal', 'greeting', 'polite-address'],
      // He never got as far as the comparison or the shipping stage: those rules do not apply.
      'n/a': ['value-justification', 'shipping-fee-explained', 'gift-as-last-concession'],
    });
  });

  it('two seeds give different transcripts', () => {
    const a = buyerLines(play(id, SKILLED[id].script, 1));
    expect(a).not.toEqual(buyerLines(play(id, SKILLED[id].script, 2)));
    // ...while the same seed replays identically.
    expect(buyerLines(play(id, SKILLED[id].script, 1))).toEqual(a);
  });
});

// ------------------------------------------------------------------ the other endings

describe('bargainer-easy: other endings', () => {
  it.each(SEEDS)('a small gift from the list when she hesitates closes with a sweetener (seed %i)', (seed) => {
    expectRun(play('bargainer-easy', 'easy-gift', seed), { ends: 'bought-with-gift', passed: true, minScore: 85, pass: ['gift-as-last-concession'] });
  });
});

describe('bargainer: other endings', () => {
  it.each(SEEDS)('refusing the gift politely still sells at the festival price (seed %i)', (seed) => {
    expectRun(play('bargainer', 'normal-firm', seed), { ends: 'bought-promo', passed: true, minScore: 85 });
  });

  it.each(SEEDS)('a rude refusal sends him away and fails on a red line (seed %i)', (seed) => {
    expectRun(play('bargainer', 'normal-rude', seed), { ends: 'left-offended', redLines: ['no-rude-language'], passed: false });
  });

  it.each(SEEDS)('blunt refusals and a flat no to the ultimatum lose him without a red line, and fail (seed %i)', (seed) => {
    expectRun(play('bargainer', 'normal-stiff', seed), {
      ends: 'left-walked', redLines: [], passed: false,
      fail: ['bargain-tactful-refusal', 'value-justification', 'ultimatum-handled'],
      pass: ['no-unauthorised-discount', 'no-unauthorised-free-shipping', 'shipping-fee-explained'],
    });
  });

  it.each(SEEDS)('an unanswered buyer nudges, then leaves (seed %i)', (seed) => {
    const run = play('bargainer', 'normal-silent', seed);
    expectRun(run, { ends: 'left-silent', fail: ['avg-response-time'] });
    expect(buyerLines(run).length).toBeGreaterThanOrEqual(5);
  });
});

describe('bargainer-hard: other endings', () => {
  it.each(SEEDS)('taking back a concession makes him walk, with the discount still a red line (seed %i)', (seed) => {
    expectRun(play('bargainer-hard', 'hard-flipflop', seed), { ends: 'left-walked', redLines: ['no-unauthorised-discount'], passed: false, fail: ['no-early-concession'] });
  });

  it('the same blunt trainee who loses the normal buyer at the ultimatum is gone earlier at hard', () => {
    expectRun(play('bargainer-hard', 'normal-stiff', 1), { kind: 'left', ends: 'left-impatient' });
  });
});

describe('the levels differ', () => {
  const scenarios = LEVELS.map((id) => level[id].bundle.scenario);

  it('in patience, silence times and pass marks', () => {
    expect(scenarios.map((s) => s.variables['patience']?.initial)).toEqual([4, 3, 2]);
    expectStricterByLevel(scenarios);
  });

  it('in the number of ploys: only normal and hard issue the ultimatum, only hard grinds', () => {
    expect(scenarios.map((s) => 'ultimatum' in s.states)).toEqual([false, true, true]);
    expect(scenarios.map((s) => 'grind' in s.states)).toEqual([false, false, true]);
  });
});
