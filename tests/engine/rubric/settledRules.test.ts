// Reply-detector rules (the four forbidden-language rules and polite-address) skip their detector
// once decided: decide() and markReached() would hand a decided, reached rule back unchanged.
// The skip must keep every progress exactly as before, including the odd hand-made progress where
// a decided rule is not marked reached (the detector path still marks it).
import { describe, expect, it } from 'vitest';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import type { RubricProgress, RuleProgress } from '../../../server/engine/rubric/index.ts';
import { makeScenario, numbered, reply } from './fixtures.ts';

const RULES = ['no-offplatform-contact', 'no-credential-leak', 'no-rude-language', 'no-absolute-promise', 'polite-address'];
const rubric = createRubric(makeScenario());
// Lines that hit each detector, and a line that hits none of them.
const LINES = ['加我微信 abc12345', '验证码是 384920', '爱买不买', '明天一定能到，百分百', '亲，您好', '收到'];

function withRule(rule: string, state: RuleProgress): RubricProgress {
  const p = rubric.initial();
  return { ...p, rules: { ...p.rules, [rule]: state } };
}

describe.each(RULES)('%s once decided', (rule) => {
  it.each(LINES)('stays exactly as decided after the reply "%s"', (text) => {
    for (const status of ['pass', 'fail'] as const) {
      const decided: RuleProgress = { status, reached: true, turn: 1, messageId: 'm1', evidence: 'x' };
      const [turn] = numbered([reply(text)], 1);
      const after = rubric.onTurn(withRule(rule, decided), turn!);
      expect(after.progress.rules[rule]).toBe(decided);
      expect(after.verdicts.map((v) => v.rule)).not.toContain(rule);
    }
  });

  it('a decided rule not marked reached (hand-made progress) is still marked reached by a reply', () => {
    const odd: RuleProgress = { status: 'fail', reached: false, turn: 1, messageId: 'm1', evidence: 'x' };
    // a reply that says something: a bare 收到 reaches no forbid rule (revision 6, credit.ts)
    const [turn] = numbered([reply('这双鞋今天有现货')], 1);
    expect(rubric.onTurn(withRule(rule, odd), turn!).progress.rules[rule]).toEqual({ ...odd, reached: true });
  });
});
