// A forbid rule with a topic (who pays shipping) is kept only by a reply on that topic: a chat where
// the topic never came up shows nothing, so the rule does not apply instead of passing by default.
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../server/engine/scenario/schema.ts';
import { act, makeScenario, outcomeOf, reply } from './fixtures.ts';

const text = { 'zh-CN': '说明', en: 'note' };
const shippingRule = (topic: unknown) => ({
  rules: [{
    id: 'shop-pays-shipping', category: 'compliance', redLine: true, feedback: text, modelReply: text,
    forbid: { intent: 'buyer-pays' },
    topic,
  }],
});

describe('forbid rules with a topic', () => {
  const byIntent = shippingRule({ intent: ['shop-pays', 'buyer-pays'] });
  const byState = shippingRule([{ intent: 'shop-pays' }, { state: ['complain'] }]);

  it('are n/a when no reply touched the topic, however much was said', () => {
    expect(outcomeOf('shop-pays-shipping', [reply('亲，非常抱歉，麻烦拍张照片给我看看'), reply('我这就帮您登记售后')], byIntent)).toBe('n/a');
    expect(outcomeOf('shop-pays-shipping', [act('card-sent')], byIntent)).toBe('n/a');
  });

  it('pass when a reply on the topic kept the rule', () => {
    expect(outcomeOf('shop-pays-shipping', [reply('亲您好'), reply('来回运费我们出', { intents: ['shop-pays'] })], byIntent)).toBe('pass');
  });

  it('fail at a violation as before, topic or not', () => {
    expect(outcomeOf('shop-pays-shipping', [reply('运费您自己出', { intents: ['buyer-pays'] })], byState)).toBe('fail');
  });

  it('count a substantive reply given while the buyer is in a topic state', () => {
    expect(outcomeOf('shop-pays-shipping', [reply('亲，马上帮您处理', { state: 'complain' })], byState)).toBe('pass');
    expect(outcomeOf('shop-pays-shipping', [reply('亲，马上帮您处理', { state: 'ask' })], byState)).toBe('n/a');
    // a bare acknowledgement in the topic state says nothing about who pays
    expect(outcomeOf('shop-pays-shipping', [reply('嗯嗯', { state: 'complain' })], byState)).toBe('n/a');
  });

  it('are refused on a require rule, and a topic check needs exactly one kind', () => {
    const rule = { id: 'r', category: 'sales', feedback: text, modelReply: text };
    const parse = (extra: Record<string, unknown>) => scenarioSchema.safeParse({ ...makeScenario(), rubric: { rules: [{ ...rule, ...extra }] } });
    const onRequire = parse({ require: { intent: 'a' }, topic: { intent: 'b' } });
    expect(onRequire.success).toBe(false);
    expect(onRequire.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['rubric.rules.0.topic', 'topic only applies to a forbid rule']);
    expect(parse({ forbid: { intent: 'a' }, topic: { intent: 'b', state: 'ask' } }).success).toBe(false);
    expect(parse({ forbid: { intent: 'a' }, topic: [{ state: 'ask' }, { intent: 'b' }] }).success).toBe(true);
  });
});
