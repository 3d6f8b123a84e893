import { describe, expect, it } from 'vitest';
import { createRubric } from '../../../server/engine/rubric/index.ts';
import { act, drive, makeScenario, outcomeOf, reply, report, verdictOf } from './fixtures.ts';

const text = { 'zh-CN': '说明', en: 'note' };
function rule(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { id, category: 'sales', feedback: text, modelReply: text, ...extra };
}
const withRules = (...rules: Record<string, unknown>[]) => ({ rules });

describe('require', () => {
  const r = withRules(rule('mention-promo', { require: { intent: ['promo', 'coupon'] } }));

  it('passes at the first in-scope turn whose check matches', () => {
    const rep = report([reply('亲您好'), reply('现在有满减活动', { intents: ['coupon'] }), reply('x', { intents: ['promo'] })], r);
    expect(verdictOf(rep, 'mention-promo')).toMatchObject({
      verdict: 'pass', turn: 2, messageId: 'm2', points: 10, max: 10, evidence: 'coupon',
    });
  });

  it('fails at finalize when never matched, n/a when the scope was never reached', () => {
    expect(outcomeOf('mention-promo', [reply('亲您好', { intents: ['greet'] })], r)).toBe('fail');
    expect(outcomeOf('mention-promo', [], r)).toBe('n/a');
  });

  it('is reported live when satisfied', () => {
    const rubric = createRubric(makeScenario(r));
    const { live } = drive(rubric, [reply('亲您好'), reply('有活动', { intents: ['promo'] })]);
    expect(live[0]?.map((v) => v.rule)).not.toContain('mention-promo');
    expect(live[1]?.find((v) => v.rule === 'mention-promo')).toMatchObject({ verdict: 'pass', turn: 2 });
  });
});

describe('forbid', () => {
  const r = withRules(rule('no-free-shipping', { forbid: { match: { any: ['包邮'] } }, redLine: true }));

  it('fails at the first matching turn, with the keyword as evidence', () => {
    const rep = report([reply('亲您好'), reply('给您包邮吧'), reply('再包邮一次')], r);
    expect(verdictOf(rep, 'no-free-shipping')).toMatchObject({ verdict: 'fail', turn: 2, evidence: '包邮', redLine: true });
    expect(rep.redLines).toEqual(['no-free-shipping']);
  });

  it('passes when the scope was reached without a match; negated keywords do not count', () => {
    expect(outcomeOf('no-free-shipping', [reply('亲，这款不包邮哦')], r)).toBe('pass');
    expect(outcomeOf('no-free-shipping', [act('card-sent')], r)).toBe('pass');
    expect(outcomeOf('no-free-shipping', [], r)).toBe('n/a');
  });

  it('is reported live when it fails, and stays failed', () => {
    const rubric = createRubric(makeScenario(r));
    const { live, progress } = drive(rubric, [reply('包邮'), reply('好的亲')]);
    expect(live[0]?.find((v) => v.rule === 'no-free-shipping')).toMatchObject({ verdict: 'fail', turn: 1 });
    expect(live[1]?.find((v) => v.rule === 'no-free-shipping')).toBeUndefined();
    expect(progress.rules['no-free-shipping']?.status).toBe('fail');
  });
});

describe('checks', () => {
  it('action: matches the action kind and quotes the product', () => {
    const r = withRules(rule('send-card', { require: { action: 'card-sent' } }));
    const rep = report([reply('亲您好'), act('coupon-sent'), act('card-sent', { product: 'trail-runner' })], r);
    expect(verdictOf(rep, 'send-card')).toMatchObject({ verdict: 'pass', turn: 3, evidence: 'card-sent trail-runner' });
    expect(outcomeOf('send-card', [reply('亲您好')], r)).toBe('fail');
  });

  it('action with a product: only a card of that product (or that coupon) matches', () => {
    const r = withRules(rule('send-insole', { require: { action: 'card-sent', product: 'insole' } }));
    expect(outcomeOf('send-insole', [reply('亲您好'), act('card-sent', { product: 'trail-runner' })], r)).toBe('fail');
    const rep = report([reply('亲您好'), act('card-sent', { product: 'trail-runner' }), act('card-sent', { product: 'insole' })], r);
    expect(verdictOf(rep, 'send-insole')).toMatchObject({ verdict: 'pass', turn: 3, evidence: 'card-sent insole' });
  });

  it('a list: any one check will do, and the first that matches gives the evidence', () => {
    const r = withRules(rule('suggest-addon', { require: [{ intent: 'recommend' }, { action: 'card-sent', product: 'insole' }] }));
    expect(verdictOf(report([reply('亲您好'), act('card-sent', { product: 'insole' })], r), 'suggest-addon')).toMatchObject({ verdict: 'pass', turn: 2, evidence: 'card-sent insole' });
    expect(verdictOf(report([reply('可以加个鞋垫', { intents: ['recommend'] })], r), 'suggest-addon')).toMatchObject({ verdict: 'pass', turn: 1, evidence: 'recommend' });
    expect(outcomeOf('suggest-addon', [reply('亲您好'), act('card-sent', { product: 'trail-runner' })], r)).toBe('fail');
    const f = withRules(rule('no-push', { forbid: [{ match: { any: ['必须买'] } }, { action: 'coupon-sent' }] }));
    expect(verdictOf(report([reply('亲您好'), act('coupon-sent')], f), 'no-push')).toMatchObject({ verdict: 'fail', turn: 2 });
  });

  it('intent: a reply without the intent, or an action, does not match', () => {
    const r = withRules(rule('no-haggle', { forbid: { intent: 'give-discount' } }));
    expect(outcomeOf('no-haggle', [reply('亲您好', { intents: ['greet'] }), act('coupon-sent')], r)).toBe('pass');
    expect(outcomeOf('no-haggle', [reply('便宜点给您', { intents: ['greet', 'give-discount'] })], r)).toBe('fail');
  });

  it('match: regex with an exclusion', () => {
    const r = withRules(rule('size-caveat', { require: { match: { regex: '仅供参考', unless: '不仅供参考' } } }));
    expect(outcomeOf('size-caveat', [reply('亲，尺码表仅供参考哦')], r)).toBe('pass');
    expect(outcomeOf('size-caveat', [reply('亲，按尺码表拍就行')], r)).toBe('fail');
  });
});

describe('scopes', () => {
  it("'first' looks only at the first reply", () => {
    const r = withRules(rule('shop-name', { require: { match: { any: ['小鹿'] } }, scope: 'first' }));
    expect(outcomeOf('shop-name', [act('card-sent'), reply('欢迎光临小鹿旗舰店')], r)).toBe('pass');
    expect(outcomeOf('shop-name', [reply('您好'), reply('欢迎光临小鹿旗舰店')], r)).toBe('fail');
    expect(outcomeOf('shop-name', [act('card-sent')], r)).toBe('n/a');
  });

  it('{state} looks at every turn given in that state', () => {
    const r = withRules(rule('remedy', { require: { match: { any: ['换货'] } }, scope: { state: 'complain' } }));
    const steps = [reply('换货', { state: 'ask' }), reply('抱歉', { state: 'complain', firstInState: true }), reply('给您换货', { state: 'complain' })];
    expect(verdictOf(report(steps, r), 'remedy')).toMatchObject({ verdict: 'pass', turn: 3 });
    expect(outcomeOf('remedy', [reply('换货', { state: 'ask' })], r)).toBe('n/a');
    expect(outcomeOf('remedy', [reply('抱歉', { state: 'complain' })], r)).toBe('fail');
  });

  it('{state: [...]} looks at every turn given in any of the states', () => {
    const r = withRules(rule('report', { require: { match: { any: ['主管'] } }, scope: { state: ['notice', 'pressure'] } }));
    const late = [reply('好的', { state: 'notice' }), reply('我报给主管了', { state: 'pressure' })];
    expect(verdictOf(report(late, r), 'report')).toMatchObject({ verdict: 'pass', turn: 2 });
    expect(outcomeOf('report', [reply('好的', { state: 'notice' }), reply('嗯', { state: 'pressure' })], r)).toBe('fail');
    expect(outcomeOf('report', [reply('我报给主管了', { state: 'video' })], r)).toBe('n/a');
  });

  it('{replyTo} looks only at the first turn after the buyer entered the state', () => {
    const r = withRules(rule('sorry-first', { require: { match: { any: ['抱歉'] } }, scope: { replyTo: 'complain' } }));
    const late = [reply('我看看', { state: 'complain', firstInState: true }), reply('抱歉', { state: 'complain' })];
    expect(verdictOf(report(late, r), 'sorry-first')).toMatchObject({ verdict: 'fail' });
    expect(outcomeOf('sorry-first', [reply('抱歉抱歉', { state: 'complain', firstInState: true })], r)).toBe('pass');
    expect(outcomeOf('sorry-first', [reply('抱歉', { state: 'complain' })], r)).toBe('n/a');
    // Re-entering the state gives a new first turn.
    const again = [...late, reply('好的', { state: 'ask', firstInState: true }), reply('抱歉', { state: 'complain', firstInState: true })];
    expect(outcomeOf('sorry-first', again, r)).toBe('pass');
  });
});

describe('rule info', () => {
  it('lists global rules first, then scenario rules with their own weight and texts', () => {
    const rubric = createRubric(makeScenario(withRules(rule('x-rule', { require: { action: 'card-sent' }, weight: 3 }))));
    const last = rubric.rules.at(-1);
    expect(rubric.rules).toHaveLength(17);
    expect(last).toEqual({ id: 'x-rule', category: 'sales', weight: 3, redLine: false, global: false, feedback: text, modelReply: text });
  });
});
