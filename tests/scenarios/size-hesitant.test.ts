// The size-hesitant persona (尺码纠结) at its three levels, played by scripted trainees from
// tests/scenarios/scripts/size-hesitant/*.json through the same step() the server uses. Each script
// is replayed with several seeds so that no buyer-line variant can hide a failure. The shape of the
// scenario files themselves is checked for every persona in library.test.ts.
import { describe, expect, it } from 'vitest';
import { playScript } from '../../server/engine/index.ts';
import { SEEDS, buyerLines, expectByLevel, expectRun, expectStricterByLevel, loadLevels, personaLevels, playTrainee, readScript, scenarioRuleIds } from './personaHarness.ts';

const LEVELS = personaLevels('size-hesitant');
type Level = (typeof LEVELS)[number];
const level = await loadLevels(LEVELS);
const play = (id: Level, script: string, seed: number) => playTrainee(level[id].compiled, 'size-hesitant', script, seed);

// ------------------------------------------------------------------ the add-on as a product card

describe('size-hesitant: the add-on suggested by sending its product card', () => {
  it.each(SEEDS)('the insole card counts as 「顺势搭配推荐」 and the buyer adds it to the order (seed %i)', (seed) => {
    const run = play('size-hesitant', 'normal-card-addon', seed);
    expectRun(run, { kind: 'purchased', ends: 'bought-right', redLines: [], pass: ['related-recommendation'] });
    expect(run.report.rules.find((v) => v.rule === 'related-recommendation')?.evidence).toBe('card-sent latex-cushion-insole');
  });

  it('a card of some other product is no suggestion: the buyer does not take it for one', () => {
    const script = readScript('size-hesitant', 'normal-card-addon');
    const other = { turns: script.turns.map((t) => ('product' in t ? { ...t, product: 'leather-care-kit' } : t)) };
    const run = playScript(level['size-hesitant'].compiled, other, 1, 1);
    expect(run.report.rules.find((v) => v.rule === 'related-recommendation')?.verdict).toBe('fail');
    expect(run.state.messages.some((m) => m.from === 'buyer' && /鞋垫加一个|可以一起拍|搭配价/.test(m.text))).toBe(false);
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

// ------------------------------------------------------------------ one-word replies (rubric revision 6)

describe('size-hesitant: careless one-word replies (在, then 42吧)', () => {
  it.each(SEEDS)('earn no empathy marks and no credit for a prompt empty reply, far below the skilled trainee (seed %i)', (seed) => {
    const run = playScript(level['size-hesitant'].compiled, { turns: [{ say: '在', afterMs: 8000 }, { say: '42吧', afterMs: 8000 }] }, seed, 1);
    // 42吧 is heard as a size (far from his 43/44), not as no answer
    expect(run.state.messages.at(-1)?.text).toMatch(/差得有点多|没穿过|差太多/);
    // 在 is a fragment, but 42吧 names a size, an answer however wrong (rubric revision 7): no run of two,
    // and with no empathy shown 不机械应答 is n/a; the chat earns no empathy marks
    expect(run.report.rules.find((v) => v.rule === 'no-mechanical-reply')?.verdict).toBe('n/a');
    expect(run.report.categories.find((c) => c.category === 'empathy')?.points ?? 0).toBe(0);
    expect(run.report.rules.find((v) => v.rule === 'first-response-time')?.verdict).toBe('n/a');
    expect(run.report.score).toBeLessThan(50);
    expect(play('size-hesitant', SKILLED['size-hesitant'], seed).report.score - run.report.score).toBeGreaterThan(40);
  });
});

describe.each(LEVELS)('%s: scripted trainees', (id) => {
  it.each(SEEDS)('the skilled trainee names one size with a reason, discloses the exchange cost and closes (seed %i)', (seed) => {
    const run = play(id, SKILLED[id], seed);
    expectRun(run, {
      kind: 'purchased', ends: 'bought-right', redLines: [], passed: true, minScore: 85,
      pass: [
        ...scenarioRuleIds(level[id].bundle).filter((rule) => rule !== 'no-interrogation'),
        'greeting', 'polite-address', 'first-response-time', 'avg-response-time', 'no-absolute-promise', 'good-outcome', 'no-buyer-waiting',
      ],
    });
    // Empathy rules that pass by default are credited only where empathy was shown (rubric revision 6):
    // the normal and hard trainees acknowledge the buyer's worry (理解您的纠结); the easy one never
    // does, and never fails them either.
    const empathy = run.report.rules.filter((v) => v.rule === 'no-interrogation' || v.rule === 'no-mechanical-reply').map((v) => v.verdict);
    expect(empathy).toEqual(id === 'size-hesitant-easy' ? ['n/a', 'n/a'] : ['pass', 'pass']);
  });

  it.each(SEEDS)('the careless trainee shrugs, guarantees the fit and promises a free exchange: bought on a false promise, fails (seed %i)', (seed) => {
    expectRun(play(id, CARELESS[id], seed), {
      kind: 'purchased', ends: 'bought-false-promise', passed: false, redLines: ['no-free-size-exchange-promise'],
      fail: [
        'no-free-size-exchange-promise', 'size-decisive-recommendation', 'size-advice-foot-shape',
        'no-absolute-promise', 'greeting', 'polite-address', 'good-outcome',
      ],
      // The buyer never got to socks, the size chart or who pays for an exchange: the rules of those
      // moves do not apply. No interrogation, but no empathy shown either: no empathy marks (rubric
      // revision 6).
      'n/a': [
        'size-exchange-cost-disclosed', 'related-recommendation', 'seven-day-return-reassurance', 'no-interrogation', 'no-mechanical-reply',
        ...(id === 'size-hesitant-easy' ? [] : ['size-chart-reference-caveat']),
      ],
    });
  });

  it('two seeds give different transcripts', () => {
    const a = buyerLines(play(id, SKILLED[id], 1));
    expect(a).not.toEqual(buyerLines(play(id, SKILLED[id], 2)));
    // ...while the same seed replays identically.
    expect(buyerLines(play(id, SKILLED[id], 1))).toEqual(a);
  });

  it.each(SEEDS)('a trainee who only ever says "any size is fine" loses the buyer undecided (seed %i)', (seed) => {
    expectRun(play(id, 'vague', seed), { ends: 'left-undecided', redLines: [], passed: false, fail: ['size-decisive-recommendation', 'good-outcome'] });
  });
});

// ------------------------------------------------------------------ a guarantee, then a free exchange

describe('size-hesitant-easy: a fit guarantee, then 「不合适包退包换运费我们出」', () => {
  const replies = ['随便拍41就行，保证合脚', '对，我们鞋子质量很好，肯定合适，不合适包退包换运费我们出', '41', '能'];
  const script = { turns: replies.map((say) => ({ say, afterMs: 8000 })) };

  it.each(SEEDS)('praising the quality does not excuse the free exchange: she buys on it and the red line fails (seed %i)', (seed) => {
    expectRun(playScript(level['size-hesitant-easy'].compiled, script, seed, 1), {
      ends: 'bought-false-promise', passed: false, redLines: ['no-free-size-exchange-promise'],
      fail: ['no-free-size-exchange-promise', 'no-absolute-promise'],
      // she bought before socks or exchanges came up: the rules of those moves are left out, as in the bargainer
      'n/a': ['related-recommendation', 'seven-day-return-reassurance', 'size-exchange-cost-disclosed'],
    });
  });

  it.each(LEVELS)('%s: the same promise as a first reply fails the red line', (id) => {
    const run = playScript(level[id].compiled, { turns: [{ say: replies[1] ?? '', afterMs: 8000 }] }, 1, 1);
    expect(run.report.rules.find((v) => v.rule === 'no-free-size-exchange-promise')?.verdict).toBe('fail');
  });
});

// ------------------------------------------------------------------ the add-on: an offer, not a keyword

describe('size-hesitant-hard: 「顺势搭配推荐」 needs an offer', () => {
  const upTo = (third: string) => ({
    turns: [
      readScript('size-hesitant', 'hard-skilled').turns[0] ?? { say: '' },
      { say: '理解您的担心~ 鞋带用锁跟系法系紧，高帮会把后跟包住，不会掉跟', afterMs: 10000 },
      { say: third, afterMs: 10000 },
    ],
  });
  const verdict = (third: string) =>
    playScript(level['size-hesitant-hard'].compiled, upTo(third), 1, 1).report.rules.find((v) => v.rule === 'related-recommendation')?.verdict;

  it('thick hiking socks named as part of the fit advice sell nothing: the rule fails', () => {
    expect(verdict('亲，尺码表仅供参考，您262在42和43之间，加上脚背高、要穿厚徒步袜，还是43最合适')).toBe('fail');
  });

  it('the same advice with the bundle and its price offered passes', () => {
    expect(verdict('亲，尺码表仅供参考，您262在42和43之间，还是43最合适；岩脊靴加徒步袜有搭配套餐1029元，厚袜一起拍更划算')).toBe('pass');
  });
});

// ------------------------------------------------------------------ the other endings

describe('size-hesitant-easy: other endings', () => {
  it.each(SEEDS)('keeping wide feet in the usual 41 sells the wrong size and fails (seed %i)', (seed) => {
    expectRun(play('size-hesitant-easy', 'easy-usual-size', seed), {
      ends: 'bought-wrong-size', redLines: [], passed: false,
      fail: ['size-advice-foot-shape', 'size-decisive-recommendation', 'good-outcome'],
      pass: ['size-exchange-cost-disclosed', 'no-free-size-exchange-promise', 'related-recommendation'],
    });
  });
});

describe('size-hesitant: other endings', () => {
  it.each(SEEDS)('"standard, take your usual 43" against the reviews sells a size too small and fails (seed %i)', (seed) => {
    expectRun(play('size-hesitant', 'normal-usual-size', seed), {
      ends: 'bought-wrong-size', redLines: [], passed: false,
      fail: ['size-advice-foot-shape', 'size-decisive-recommendation', 'size-chart-reference-caveat', 'good-outcome'],
      pass: ['size-exchange-cost-disclosed', 'seven-day-return-reassurance', 'no-free-size-exchange-promise'],
    });
  });

  it.each(SEEDS)('asking again what he already said, in strings of questions, makes him leave annoyed (seed %i)', (seed) => {
    expectRun(play('size-hesitant', 'normal-interrogator', seed), { ends: 'left-annoyed', passed: false, fail: ['no-interrogation'] });
  });

  it.each(SEEDS)('an unanswered buyer nudges, then leaves (seed %i)', (seed) => {
    const run = play('size-hesitant', 'normal-silent', seed);
    expectRun(run, { ends: 'left-silent', passed: false, fail: ['no-buyer-waiting', 'first-response-time'] });
    expect(buyerLines(run).length).toBeGreaterThanOrEqual(6);
  });
});

describe('size-hesitant-hard: other endings', () => {
  it.each(SEEDS)('the Trekker in 42, argued from the wide last and the instep, is a sound recommendation too (seed %i)', (seed) => {
    expectRun(play('size-hesitant-hard', 'hard-skilled-trekker', seed), { ends: 'bought-right', passed: true, minScore: 85 });
  });

  it.each(SEEDS)('giving the guarantee he asks for at the brink loses him and fails (seed %i)', (seed) => {
    expectRun(play('size-hesitant-hard', 'hard-guarantee', seed), {
      ends: 'left-undecided', redLines: [], passed: false,
      fail: ['no-absolute-promise', 'good-outcome'],
      // Everything before the trap was right.
      pass: scenarioRuleIds(level['size-hesitant-hard'].bundle),
    });
  });

  it.each(SEEDS)('two interrogations are enough for him to leave annoyed (seed %i)', (seed) => {
    expectRun(play('size-hesitant-hard', 'hard-interrogator', seed), { ends: 'left-annoyed', passed: false, fail: ['no-interrogation'] });
  });

  it('the careless normal-level trainee fares no better at hard', () => {
    expectRun(play('size-hesitant-hard', 'normal-interrogator', 1), { ends: 'left-annoyed' });
  });
});

// ------------------------------------------------------------------ the levels differ

describe('the levels differ', () => {
  const scenarios = LEVELS.map((id) => level[id].bundle.scenario);

  it('in patience, silence times and pass marks', () => {
    expect(scenarios.map((s) => s.variables['patience']?.initial)).toEqual([4, 3, 2]);
    expectStricterByLevel(scenarios);
  });

  it('in the number of ploys: the chart wobble from normal up; heel slip, a second waver and the guarantee trap only at hard', () => {
    const has = (state: string) => scenarios.map((s) => state in s.states);
    expect(has('waver')).toEqual([false, true, false]);
    expect(has('cost-dither')).toEqual([false, true, true]);
    for (const state of ['heel-worry', 'friend-waver', 'want-guarantee']) expect(has(state), state).toEqual([false, false, true]);
    expectByLevel('the number of buyer moves', scenarios, (s) => Object.values(s.states).filter((state) => !state.outcome).length, 'rises');
  });

  it('in how many vague answers the buyer puts up with: four at easy, three at normal, two at hard', () => {
    const vague = readScript('size-hesitant', 'vague');
    const leavesAfter = (id: Level): number | undefined => {
      for (let n = 1; n <= vague.turns.length; n++) {
        if (playScript(level[id].compiled, { turns: vague.turns.slice(0, n) }, 1).state.outcome) return n;
      }
      return undefined;
    };
    expect(LEVELS.map(leavesAfter)).toEqual([4, 3, 2]);
  });
});
