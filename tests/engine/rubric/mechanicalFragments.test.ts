// Rubric revision 7: 「不机械应答」 counts bare fragments of a word or two toward its run, not only
// 嗯/好的/是的. Sessions of revision 6 keep the verdicts they were given.
import { describe, expect, it } from 'vitest';
import type { Step } from './fixtures.ts';
import { outcomeOf, reply, report, verdictOf } from './fixtures.ts';
import { GLOBAL_RULES } from '../../../server/engine/rubric/globalRules.ts';

const RULE = 'no-mechanical-reply';
const atRevision = (steps: Step[], rulesRevision: number): Step[] => steps.map((s) => ({ ...s, rulesRevision }));
// empathy shown once, so the rule applies (revision 6: empathy rules pass only where empathy was shown)
const EMPATHIC = reply('理解您的纠结，这款偏小半码，建议您拍44码', { intents: ['empathy-acknowledge', 'concrete-size'] });

describe('no-mechanical-reply counts bare fragments (revision 7)', () => {
  it.each([
    [['不行了', '不行']],
    [['41', '能']],
    [['有的', '有的']],
  ])('%j in a row fails', (texts) => {
    const steps = [EMPATHIC, ...texts.map((t) => reply(t))];
    const v = verdictOf(report(steps), RULE);
    expect(v.verdict).toBe('fail');
    expect(v.turn).toBe(3);
    expect(v.evidence).toBe(texts[1]);
    // revision 6 counted only 嗯/好的/是的
    expect(outcomeOf(RULE, atRevision(steps, 6))).toBe('pass');
  });

  it('one fragment between full replies, or a holding line, is no run', () => {
    expect(outcomeOf(RULE, [EMPATHIC, reply('41'), EMPATHIC, reply('能')])).toBe('pass');
    expect(outcomeOf(RULE, [EMPATHIC, { ...reply('稍等'), holding: true }, reply('能')])).toBe('pass');
    expect(outcomeOf(RULE, [EMPATHIC, reply('嗯'), reply('好的')])).toBe('fail');
  });

  it('is titled for what it checks: canned, mechanical answering', () => {
    expect(GLOBAL_RULES.find((r) => r.id === RULE)?.title).toEqual({ 'zh-CN': '不机械应答', en: 'No mechanical replies' });
  });
});
