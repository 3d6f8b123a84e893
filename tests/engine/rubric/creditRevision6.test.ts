// Rubric revision 6 (rubric/credit.ts): replies that say nothing earn no credit, and empathy rules
// that pass by default are credited only in a chat where empathy was shown. Sessions scored by an
// older revision keep the credit they were given.
import { describe, expect, it } from 'vitest';
import type { Step } from './fixtures.ts';
import { END, outcomeOf, reply, report, verdictOf } from './fixtures.ts';

const FORBID = ['no-offplatform-contact', 'no-credential-leak', 'no-rude-language', 'no-absolute-promise'];
const TIMELY = ['first-response-time', 'avg-response-time', 'no-buyer-waiting'];
const UNFINISHED = { ...END, outcome: null, success: false };
const atRevision = (steps: Step[], rulesRevision: number): Step[] => steps.map((s) => ({ ...s, rulesRevision }));

// Prompt one-word replies in which the buyer hears nothing (no intent, a word or two).
const CARELESS = [reply('在', { responseMs: 3000 }), reply('有的', { responseMs: 3000 })];
// A prompt reply that says something, without a word of empathy.
const ANSWER = reply('亲，这款偏小半码，建议您拍44码', { responseMs: 3000, intents: ['concrete-size'] });
const EMPATHIC = reply('理解您的纠结，这款偏小半码，建议您拍44码', { responseMs: 3000, intents: ['empathy-acknowledge', 'concrete-size'] });

describe('rubric revision 6: credit only for replies that say something', () => {
  it('one-word replies pass no forbid rule and no timeliness rule, and score nothing', () => {
    // (at revision 6: from revision 7 the two fragments in a row also fail no-mechanical-reply)
    const rep = report(atRevision(CARELESS, 6), {}, { ...UNFINISHED, rulesRevision: 6 });
    for (const rule of [...FORBID, ...TIMELY, 'no-mechanical-reply']) expect(verdictOf(rep, rule).verdict, rule).toBe('n/a');
    expect(rep.categories.map((c) => c.category)).not.toContain('timeliness');
    expect(rep.categories.map((c) => c.category)).not.toContain('empathy');
    expect(rep.score).toBe(0);
    // ...while revision 5 gave the same chat full timeliness and empathy marks
    const old = report(atRevision(CARELESS, 5), {}, UNFINISHED);
    expect(old.categories.find((c) => c.category === 'timeliness')).toMatchObject({ points: 22, max: 22 });
    expect(old.categories.find((c) => c.category === 'empathy')).toMatchObject({ points: 6, max: 6 });
    expect(old.score).toBeGreaterThan(50);
  });

  it('a reply that says something earns them, even after careless ones; a late empty reply still fails', () => {
    const rep = report([...CARELESS, ANSWER]);
    for (const rule of [...FORBID, 'avg-response-time', 'no-buyer-waiting']) expect(verdictOf(rep, rule).verdict, rule).toBe('pass');
    // the prompt first reply said nothing: no credit for the first response
    expect(verdictOf(rep, 'first-response-time').verdict).toBe('n/a');
    expect(outcomeOf('first-response-time', [reply('在', { responseMs: 40000 }), ANSWER])).toBe('fail');
    // a longer reply says something even when no intent knows its words
    expect(outcomeOf('no-rude-language', [reply('仓库邮编是310012哦')])).toBe('pass');
  });

  it('empathy rules that pass by default need empathy shown somewhere in the chat; failures count regardless', () => {
    expect(outcomeOf('no-mechanical-reply', [ANSWER, ANSWER])).toBe('n/a');
    expect(outcomeOf('no-mechanical-reply', [ANSWER, EMPATHIC])).toBe('pass');
    expect(outcomeOf('no-mechanical-reply', [EMPATHIC, reply('嗯'), reply('好的')])).toBe('fail');
    const text = { 'zh-CN': '别连环发问', en: 'No interrogation' };
    const rubric = { rules: [{ id: 'no-interrogation', category: 'empathy', forbid: { match: { regex: '(\\?.*){3}' } }, feedback: text, modelReply: text }] };
    expect(outcomeOf('no-interrogation', [ANSWER], rubric)).toBe('n/a');
    expect(outcomeOf('no-interrogation', [EMPATHIC], rubric)).toBe('pass');
    expect(outcomeOf('no-interrogation', [reply('几码?脚背高吗?走什么路?')], rubric)).toBe('fail');
    expect(outcomeOf('no-interrogation', atRevision([ANSWER], 5), rubric)).toBe('pass');
  });
});
