import { describe, expect, it } from 'vitest';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import { globalRuleIds } from '../../../server/engine/scenario/schema.ts';
import { END, act, drive, makeScenario, reply, report, verdictOf } from './fixtures.ts';
import type { Step } from './fixtures.ts';

/** Switch off every global rule except these, so a score can be worked out by hand. */
const only = (...keep: string[]) => globalRuleIds.filter((id) => !keep.includes(id));

describe('score', () => {
  const steps = [reply('有货'), reply('您要多大码')];
  const rubric = { disable: only('greeting', 'polite-address', 'no-rude-language') };

  it('is the rounded share of points over applicable weight', () => {
    // greeting fails (0/5), polite-address passes (5/5), no-rude-language passes (10/10): 15/20
    const rep = report(steps, rubric);
    expect(rep.rules.map((v) => [v.rule, v.verdict, v.points, v.max])).toEqual([
      ['no-rude-language', 'pass', 10, 10],
      ['greeting', 'fail', 0, 5],
      ['polite-address', 'pass', 5, 5],
    ]);
    expect(rep.score).toBe(75);
    expect(rep.passed).toBe(true);
    expect(rep.passMark).toBe(70);
    expect(rep.redLines).toEqual([]);
  });

  it('uses the pass mark of the scenario', () => {
    const rep = report(steps, { ...rubric, passMark: 80 });
    expect(rep.score).toBe(75);
    expect(rep.passed).toBe(false);
  });

  it('leaves n/a rules out of the maximum', () => {
    const rep = report(steps, { disable: only('greeting', 'polite-address', 'apology-on-complaint', 'no-file-accept') });
    expect(verdictOf(rep, 'apology-on-complaint')).toMatchObject({ verdict: 'n/a', points: 0, max: 0 });
    expect(verdictOf(rep, 'no-file-accept')).toMatchObject({ verdict: 'n/a', points: 0, max: 0 });
    expect(rep.score).toBe(50);
  });

  it('is 0 and failed when the trainee never replied, with the reason and no category totals', () => {
    const rep = report([]);
    expect(rep.rules.filter((v) => v.verdict !== 'n/a').map((v) => v.rule)).toEqual(['good-outcome']);
    expect(rep.score).toBe(0);
    expect(rep.passed).toBe(false);
    expect(rep.unfinished).toBe('no-reply');
    // Only the whole-chat rule would show (销售技巧 0/25), as if the chat had been judged on it alone.
    expect(rep.categories).toEqual([]);
  });
});

describe('a chat with no ending', () => {
  const steps = [reply('亲，您好，欢迎光临~ 有货的哦')];
  const open = { ...END, outcome: null, success: false };

  it('does not pass from revision 3 on, keeps its score and says why', () => {
    const finished = report(steps);
    expect(finished.passed).toBe(true);
    expect(finished).not.toHaveProperty('unfinished');
    // A session that names no revision is scored by the latest.
    for (const end of [{ ...open, rulesRevision: 3 }, open]) {
      const rep = report(steps, {}, end);
      expect(rep.passed).toBe(false);
      expect(rep.unfinished).toBe('no-ending');
      expect(rep.score).toBeGreaterThanOrEqual(rep.passMark);
      expect(rep.categories.length).toBeGreaterThan(0);
    }
  });

  it('keeps the pass it was given under revisions 1 and 2', () => {
    for (const rulesRevision of [1, 2]) {
      const rep = report(steps, {}, { ...open, rulesRevision });
      expect(rep.passed).toBe(true);
      expect(rep).not.toHaveProperty('unfinished');
    }
  });
});

describe('red lines', () => {
  it('fail the attempt whatever the score', () => {
    const good = '亲，您好，欢迎光临~ 这款有货，您穿多大码？';
    const steps: Step[] = [reply(good, { responseMs: 3000 }), act('file-accepted'), reply(good, { responseMs: 4000 })];
    const rep = report(steps, {}, { ...END, offered: { unsafeLink: false, file: true } });
    expect(rep.score).toBeGreaterThanOrEqual(rep.passMark);
    expect(rep.passed).toBe(false);
    expect(rep.redLines).toEqual(['no-file-accept']);
    expect(verdictOf(rep, 'no-file-accept')).toMatchObject({ verdict: 'fail', turn: 2, messageId: 'm2', redLine: true });
  });

  it('a scenario red line counts too', () => {
    const text = { 'zh-CN': '别说', en: 'do not' };
    const rules = [{ id: 'no-floor-break', category: 'sales', redLine: true, weight: 1, forbid: { match: { any: ['五折'] } }, feedback: text, modelReply: text }];
    const rep = report([reply('亲您好，给您打五折')], { rules });
    expect(rep.redLines).toEqual(['no-floor-break']);
    expect(rep.passed).toBe(false);
  });
});

describe('overrides', () => {
  it('rubric.weights changes the weight of a global rule in info, verdict and score', () => {
    const rubric = { disable: only('greeting', 'polite-address', 'no-rude-language'), weights: { greeting: 20 } };
    const r = createRubric(makeScenario(rubric));
    expect(r.rules.find((x) => x.id === 'greeting')?.weight).toBe(20);
    const rep = report([reply('有货'), reply('您要多大码')], rubric);
    expect(verdictOf(rep, 'greeting')).toMatchObject({ verdict: 'fail', points: 0, max: 20 });
    expect(rep.score).toBe(43); // 15 / 35
  });

  it('rubric.disable removes a global rule from the rubric and the report', () => {
    const r = createRubric(makeScenario({ disable: ['greeting', 'no-file-accept'] }));
    expect(r.rules.map((x) => x.id)).not.toContain('greeting');
    expect(r.rules).toHaveLength(14);
    const rep = report([reply('有货')], { disable: ['greeting'] });
    expect(rep.rules.find((v) => v.rule === 'greeting')).toBeUndefined();
    expect(() => verdictOf(rep, 'greeting')).toThrow();
  });
});

describe('categories', () => {
  it('sums points and max per applicable category, in the fixed category order', () => {
    const rep = report([reply('有货', { responseMs: 40000 }), reply('您要多大码', { responseMs: 1000 })]);
    const byCat = Object.fromEntries(rep.categories.map((c) => [c.category, [c.points, c.max]]));
    // no empathy shown, so no empathy total (revision 6, credit.ts)
    expect(rep.categories.map((c) => c.category)).toEqual(['politeness', 'professionalism', 'security', 'compliance', 'sales', 'timeliness']);
    // rude 10/10 + greeting 0/5 + polite-address 5/5
    expect(byCat.politeness).toEqual([15, 20]);
    // first response late (0/8), average 20.5 s within 30 s (6/6), the buyer never had to nudge (8/8)
    expect(byCat.timeliness).toEqual([14, 22]);
    const total = rep.categories.reduce((s, c) => s + c.max, 0);
    expect(rep.rules.reduce((s, v) => s + v.max, 0)).toBe(total);
  });
});

describe('KPIs', () => {
  it('come from replies with a response time', () => {
    const steps = [
      reply('在的', { responseMs: null }),
      reply('亲您好', { responseMs: 8000 }),
      act('card-sent', { responseMs: 90000 }),
      reply('有货', { responseMs: 20000 }),
      reply('好的', { responseMs: 5000 }),
    ];
    const rep = report(steps, {}, { ...END, outcome: 'purchased' });
    expect(rep.kpis).toEqual({ firstResponseMs: 8000, avgResponseMs: 11000, longestResponseMs: 20000, replies: 4, outcome: 'purchased' });
  });

  it('are null without timed replies', () => {
    const rep = report([reply('在的', { responseMs: null })], {}, { ...END, outcome: null });
    expect(rep.kpis).toEqual({ firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null });
  });

  it('finalize can be called on a mid-session progress and again later', () => {
    const r = createRubric(makeScenario());
    const { progress } = drive(r, [reply('亲您好', { responseMs: 1000 })]);
    const first = r.finalize(progress, END);
    expect(r.finalize(progress, END)).toEqual(first);
    const later = drive(r, [reply('有货', { responseMs: 3000 })], progress);
    expect(r.finalize(later.progress, END).kpis.avgResponseMs).toBe(2000);
  });
});
