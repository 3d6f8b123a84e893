// Rubric revision 7 through a real session: the buyer's question reaches the rubric (session/step.ts
// sets TurnRecord.buyerAsked), so short correct answers are neither mechanical nor 'saying nothing',
// while 「41」「能」 sent after she settled on 「先拍42」 still are.
import { describe, expect, it } from 'vitest';
import { playScript } from '../../server/engine/index.ts';
import { loadLevels } from './personaHarness.ts';

const level = await loadLevels(['size-hesitant-easy'] as const);
const compiled = level['size-hesitant-easy'].compiled;
const verdict = (says: string[], rule: string, afterMs = 4000) =>
  playScript(compiled, { turns: says.map((say) => ({ say, afterMs })) }, 1, 1).report.rules.find((v) => v.rule === rule);

const OPENING = '亲，您好，欢迎光临~ 理解您脚宽怕挤脚，这款建议比平时大一码，拍42码穿着不挤脚哦';

describe('size-hesitant-easy: terse answers (revision 7)', () => {
  it('「可以的亲」「能的」 to 「这个码够吗」「厚袜…穿不穿得下呀」 answer her: no-mechanical-reply passes', () => {
    expect(verdict([OPENING, '可以的亲', '能的'], 'no-mechanical-reply')?.verdict).toBe('pass');
  });

  it('「41」「能」 after she settled on 「先拍42」 (no question; 41 is not even her size) still fail it', () => {
    // the audit's chat (size-hesitant.test.ts): she buys on the free-exchange promise, then the fragments
    const replies = ['随便拍41就行，保证合脚', '对，我们鞋子质量很好，肯定合适，不合适包退包换运费我们出', '41', '能'];
    const v = verdict(replies, 'no-mechanical-reply', 8000);
    expect(v?.verdict).toBe('fail');
    expect(v?.evidence).toBe('能');
  });
});
