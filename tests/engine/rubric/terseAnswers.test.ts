// Rubric revision 7 (rubric/credit.ts answersInBrief): a short reply that answers is neither a
// mechanical fragment nor a reply that 'says nothing'. An answer is an intent that marks no poor
// reply, or a number / a plain yes or no to the buyer's question of that kind. Revision 6 sessions
// keep the verdicts they were given.
import { describe, expect, it } from 'vitest';
import type { Step } from './fixtures.ts';
import { END, outcomeOf, reply, report, verdictOf } from './fixtures.ts';
import { buyerQuestionBefore, questionIn } from '../../../server/engine/rubric/buyerQuestion.ts';
import { isMechanicalReply, saysSomething } from '../../../server/engine/rubric/credit.ts';
import type { BuyerQuestion, TurnRecord } from '../../../server/engine/rubric/types.ts';

const YES_NO: BuyerQuestion = { yesNo: true, amount: false };
const AMOUNT: BuyerQuestion = { yesNo: false, amount: true };
const EMPATHIC = reply('理解您的纠结，这款偏小半码，建议您拍44码', { intents: ['empathy-acknowledge', 'concrete-size'] });
const asked = (step: Step, q: BuyerQuestion): Step => ({ ...step, buyerAsked: q });
const atRevision = (steps: Step[], rulesRevision: number): Step[] => steps.map((s) => ({ ...s, rulesRevision }));
const turnOf = (step: Step): TurnRecord => ({ ...step, turn: 1, messageId: 'm1' });

describe('what the buyer asked', () => {
  it.each([
    ['能退吗', YES_NO],
    ['这款有没有货', YES_NO],
    ['包不包邮', YES_NO],
    ['几天能到', AMOUNT],
    ['平常41码 就是脚有点宽 该拍多大', AMOUNT],
    ['为什么不行', { yesNo: false, amount: false }],
    ['怎么办呢', { yesNo: false, amount: false }],
  ])('%s', (line, q) => {
    expect(questionIn(line)).toEqual(q);
  });

  it('no question in 「先拍42」; lines still being typed, or before the trainee spoke, are not asked', () => {
    expect(questionIn('先拍42')).toBeUndefined();
    const lines = [
      { from: 'buyer' as const, text: '几天能到', at: 0 },
      { from: 'trainee' as const, text: '3天', at: 10 },
      { from: 'buyer' as const, text: '先拍42', at: 20 },
      { from: 'buyer' as const, text: '能退吗', at: 99 },
    ];
    expect(buyerQuestionBefore(lines, 50)).toBeUndefined();
    expect(buyerQuestionBefore(lines, 100)).toEqual(YES_NO);
  });
});

describe('no-mechanical-reply: a terse answer breaks the run (revision 7)', () => {
  it.each([
    ['42码 / 不包邮的', reply('42码', { intents: ['concrete-size'] }), reply('不包邮的', { intents: ['refuse-free-shipping'] })],
    ['不能便宜 / 在的亲', reply('不能便宜', { intents: ['firm-price'] }), reply('在的亲', { intents: ['greeting'] })],
    ['偏小半码 / 42码 (cold)', reply('偏小半码', { intents: ['honest-disclosure'] }), reply('42码', { intents: ['concrete-size', 'post-cold'] })],
    ['199 / 3天 to how much, how long', asked(reply('199'), AMOUNT), asked(reply('3天'), AMOUNT)],
    ['有货的 / 能 to yes-no questions', asked(reply('有货的'), YES_NO), asked(reply('能'), YES_NO)],
  ])('%s: pass', (_label, a, b) => {
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, a, b])).toBe('pass');
  });

  it('fragments that answer no question still fail: 「41」「能」 after 「先拍42」, a number or a yes to a why', () => {
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, reply('41'), reply('能')])).toBe('fail');
    const why = { yesNo: false, amount: false };
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, asked(reply('不行了'), why), asked(reply('不行'), why)])).toBe('fail');
    // a yes is no number, a number no yes
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, asked(reply('能'), AMOUNT), asked(reply('3天'), YES_NO)])).toBe('fail');
    // an intent marking a poor reply is no answer
    const poor = [reply('都可以', { intents: ['vague-size-answer'] }), reply('随便', { intents: ['vague-size-answer', 'post-cold'] })];
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, ...poor])).toBe('fail');
    // bare acknowledgements stay mechanical whatever was asked
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, asked(reply('嗯'), YES_NO), asked(reply('好的'), YES_NO)])).toBe('fail');
  });

  it('revision 6 did not count the fragments at all', () => {
    expect(outcomeOf('no-mechanical-reply', atRevision([EMPATHIC, reply('41'), reply('能')], 6))).toBe('pass');
  });
});

describe('saysSomething: a terse answer says something, a poor intent does not (revision 7)', () => {
  it.each([
    ['有货的', YES_NO],
    ['可以的亲', YES_NO],
    ['能退的', YES_NO],
    ['199', AMOUNT],
    ['3天', AMOUNT],
  ])('%s to a question of its kind', (text, q) => {
    expect(saysSomething(turnOf(asked(reply(text), q)))).toBe(true);
    expect(saysSomething(turnOf(reply(text)))).toBe(false);
    expect(saysSomething(turnOf({ ...asked(reply(text), q), rulesRevision: 6 }))).toBe(false);
  });

  it('a prompt terse first answer earns first-response credit', () => {
    const rep = report([asked(reply('有货的', { responseMs: 3000 }), YES_NO)], {}, END);
    expect(verdictOf(rep, 'first-response-time').verdict).toBe('pass');
  });

  it('post-cold alone does not make a word or two say something; it did at revision 6', () => {
    const cold = reply('单号', { intents: ['post-cold'] });
    expect(saysSomething(turnOf(cold))).toBe(false);
    expect(saysSomething(turnOf({ ...cold, rulesRevision: 6 }))).toBe(true);
    expect(isMechanicalReply(turnOf(cold))).toBe(true);
    // a cold reply of some length still says something
    expect(saysSomething(turnOf(reply('请提供一下订单号', { intents: ['post-cold'] })))).toBe(true);
  });
});
