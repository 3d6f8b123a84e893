// Repeated replies: a trainee who pastes the same answer again is caught by a `repeat` check.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario, scenarioSchema, sessionReport, startSession, step } from '../../../server/engine/index.ts';
import type { SessionState } from '../../../server/engine/index.ts';
import { lexicon, scenarioYaml, shop } from './fixture.ts';

const raw = parse(scenarioYaml) as { rubric: { rules: unknown[] } };
raw.rubric.rules.push({
  id: 'no-copy-paste',
  // not empathy: a default pass there needs empathy shown (revision 6), beside the point here
  category: 'professionalism',
  forbid: { repeat: true },
  feedback: { 'zh-CN': '不要把同一句话再发一遍', en: 'Do not send the same text again' },
  modelReply: { 'zh-CN': '换个说法，回应买家刚说的话', en: 'Answer what the buyer just said, in new words' },
});
const c = compileScenario({ scenario: scenarioSchema.parse(raw), shop, lexicon });

function play(replies: string[]): SessionState {
  let s = startSession(c, { seed: 1, now: 0, speed: 0 }).state;
  replies.forEach((text, i) => (s = step(c, s, { type: 'reply', text }, 2000 * (i + 1)).state));
  return step(c, s, { type: 'end' }, 2000 * (replies.length + 1)).state;
}
const verdict = (s: SessionState) => sessionReport(c, s).rules.find((r) => r.rule === 'no-copy-paste');

describe('repeated replies', () => {
  it('the same reply sent again fails a forbid-repeat rule at the second turn', () => {
    const v = verdict(play(['亲，这款鞋子现在有活动哦', '亲，这款鞋子现在有活动哦！']));
    expect(v).toMatchObject({ verdict: 'fail', turn: 2 });
  });

  it('Traditional or full-width copies of the same text count as repeats', () => {
    expect(verdict(play(['亲，这款鞋子现在有活动哦', '親，這款鞋子現在有活動哦']))?.verdict).toBe('fail');
  });

  it('different replies, and short acknowledgements, are not repeats', () => {
    expect(verdict(play(['亲，这款鞋子现在有活动哦', '亲，两双一起买还能再减80元']))?.verdict).toBe('pass');
    // not a repeat, and (revision 6) bare acknowledgements earn no pass either
    expect(verdict(play(['好的亲', '好的亲']))?.verdict).toBe('n/a');
  });
});
