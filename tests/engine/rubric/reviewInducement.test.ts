// Rubric revision 7: the red line 「不以利益换评价」. Money offered for a review fails it and fails
// the chat; otherwise it is n/a (it never passes, so it adds points to no chat). Sessions of an older revision have no such rule, not even an n/a row.
import { describe, expect, it } from 'vitest';
import type { Step } from './fixtures.ts';
import { drive, END, makeScenario, outcomeOf, reply, report, verdictOf } from './fixtures.ts';
import { createRubric } from '../../../server/engine/rubric/index.ts';

const RULE = 'no-review-inducement';
const atRevision = (steps: Step[], rulesRevision: number): Step[] => steps.map((s) => ({ ...s, rulesRevision }));
const OPENING = reply('亲，您好，这款鞋子质量有保障的，您放心', { intents: ['greeting'] });

describe('no-review-inducement (revision 7)', () => {
  it.each([
    '别差评啊 加我微信 kefu8899 给你返20',
    '亲，好评返现哦',
    '删差评给你补20块',
  ])('%s fails the red line and the chat', (text) => {
    const rep = report([OPENING, reply(text)]);
    const v = verdictOf(rep, RULE);
    expect(v).toMatchObject({ verdict: 'fail', redLine: true, category: 'compliance', turn: 2 });
    expect(v.evidence?.length ?? 0).toBeGreaterThan(0);
    expect(v.title).toEqual({ 'zh-CN': '不以利益换评价', en: 'No paying for reviews' });
    expect(rep.redLines).toContain(RULE);
    expect(rep.passed).toBe(false);
  });

  it('is shown live the moment it fails, like the other red lines', () => {
    const r = createRubric(makeScenario());
    const run = drive(r, [OPENING, reply('好评返现')]);
    expect(run.live[1]?.map((v) => [v.rule, v.verdict, v.redLine])).toContainEqual([RULE, 'fail', true]);
  });

  it('is n/a when no review was bought, and leaves the score as it was', () => {
    for (const text of ['收到满意的话麻烦给个好评哦', '您先别急着给差评，问题我们一定处理好', '这款好评率很高，给您退20元运费']) {
      expect(outcomeOf(RULE, [OPENING, reply(text)]), text).toBe('n/a');
    }
    const steps = [OPENING, reply('收到满意的话麻烦给个好评哦')];
    expect(report(steps).score).toBe(report(steps, { disable: [RULE] }).score);
  });

  it('does not exist for sessions of revision 6: no verdict live, no row, the same score', () => {
    const steps = atRevision([OPENING, reply('好评返现')], 6);
    const r = createRubric(makeScenario());
    const run = drive(r, steps);
    expect(run.live.flat().map((v) => v.rule)).not.toContain(RULE);
    const old = r.finalize(run.progress, { ...END, rulesRevision: 6 });
    expect(old.rules.map((v) => v.rule)).not.toContain(RULE);
    expect(old.redLines).toEqual([]);
  });
});
