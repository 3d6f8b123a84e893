// Rubric revision 6: a line that only greets (你好 在的) is no holding line. The buyer reads it as the
// agent being there and answers it like any reply, instead of waiting behind it and then nudging
// 「亲 还在吗？」 at an agent who just said 在的. Lines that ask for a moment still hold.
import { describe, expect, it } from 'vitest';
import { startSession, step } from '../../../server/engine/index.ts';
import type { SessionState } from '../../../server/engine/index.ts';
import { asksForAMoment, holdingLineMatcher } from '../../../server/engine/analysis/holdingLine.ts';
import { analyzeText } from '../../../server/engine/analysis/index.ts';
import { complainingHaggler } from './fixture.ts';

const c = complainingHaggler();

function reply(rulesRevision: number, text: string): { state: SessionState; buyerLines: string[] } {
  const start = startSession(c, { seed: 7, now: 0, speed: 0, rulesRevision }).state;
  const r = step(c, start, { type: 'reply', text }, 3000);
  return { state: r.state, buyerLines: r.effects.flatMap((e) => (e.type === 'message' && e.message.from === 'buyer' ? [e.message.text] : [])) };
}

describe('a greeting is not a holding line (revision 6)', () => {
  it.each(['你好 在的', '亲，您好~', '亲亲在的呢，请问有什么可以帮您？'])('「%s」 is answered at once, not waited behind', (text) => {
    const now = reply(6, text);
    expect(now.state.held).toBeUndefined();
    expect(now.buyerLines).toHaveLength(1);
    // revision 5 took it for a holding line: the buyer waited silently (and later nudged)
    const before = reply(5, text);
    expect(before.state.held).toEqual({ visit: 1, count: 1 });
    expect(before.buyerLines).toEqual([]);
  });

  it.each(['亲，您好~ 稍等，我帮您查一下哦', '在的亲，马上哈', '稍等哈', '这边帮您核实一下订单'])('「%s」 asks for a moment and still holds', (text) => {
    const now = reply(6, text);
    expect(now.state.held).toEqual({ visit: 1, count: 1 });
    expect(now.buyerLines).toEqual([]);
  });

  it('asksForAMoment tells the two kinds of courtesy line apart', () => {
    const holding = holdingLineMatcher(['测试鞋店', '小测']);
    const kind = (text: string) => {
      const n = analyzeText(text).normalized;
      return holding(n) ? (asksForAMoment(n) ? 'moment' : 'greeting') : 'answer';
    };
    expect(kind('你好 在的')).toBe('greeting');
    expect(kind('您好，欢迎光临测试鞋店，我是小测')).toBe('greeting');
    expect(kind('亲 在的 我确认一下哈')).toBe('moment');
    expect(kind('您好，40码有货的')).toBe('answer');
  });
});
